import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Segment } from '@northstar/contracts';
import { launchBrowser, screenshot } from './support/browser';
import { seedAccounts } from './support/seed';
import { signIn } from './support/sign-in';
import { startTestServer, type TestServer } from './support/server';

// Issue 6: build a segment with an AND/OR group in the builder, watch the live count, save it and
// see its member count; then save the account list's current filter as a segment.
describe('segment builder journey', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    await seedAccounts(server);
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server, '/segments');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const preview = () => page.getByTestId('segment-preview-count');

  it('builds ARR ≥ 100k AND (tag expansion OR industry Healthcare), previews and saves it', async () => {
    await page.getByRole('heading', { name: 'Segments', exact: true }).waitFor();
    await preview().filter({ hasText: '5 matching accounts' }).waitFor();

    await page.getByRole('button', { name: 'Add condition' }).click();
    const first = page.getByTestId('condition').first();
    await first.getByLabel('Field').selectOption({ label: 'ARR' });
    await first.getByLabel('Operator').selectOption({ label: 'at least' });
    await first.getByLabel('Value').fill('100000');
    await preview().filter({ hasText: '2 matching accounts' }).waitFor();

    await page.getByRole('button', { name: 'Add group' }).click();
    const group = page.getByTestId('group-1');
    await group.getByRole('button', { name: 'Add condition' }).click();
    await group.getByRole('button', { name: 'Add condition' }).click();
    const [tagCondition, industryCondition] = [group.getByTestId('condition').nth(0), group.getByTestId('condition').nth(1)];
    await tagCondition.getByLabel('Field').selectOption({ label: 'Tags' });
    await tagCondition.getByLabel('Operator').selectOption({ label: 'has any of' });
    await tagCondition.getByLabel('Value').fill('expansion');
    await industryCondition.getByLabel('Field').selectOption({ label: 'Industry' });
    await industryCondition.getByLabel('Operator').selectOption({ label: 'is', exact: true } as { label: string });
    await industryCondition.getByLabel('Value').fill('Healthcare');
    // The new group is OR inside the AND root: only Acme Logistics has ARR ≥ 100k and the tag.
    assert.equal(await group.getByLabel('Match').inputValue(), 'or');
    await preview().filter({ hasText: '1 matching accounts' }).waitFor();
    await page.getByText('Acme Logistics', { exact: true }).waitFor();
    await screenshot(page, 'segments-01-builder');

    await page.getByLabel('Name', { exact: true }).fill('Big expansion');
    await page.getByRole('button', { name: 'Save segment' }).click();
    const row = page.getByTestId('segment-list').getByRole('row', { name: /Big expansion/ });
    await row.waitFor();
    assert.equal(await row.getByTestId('segment-members').textContent(), '1');

    const saved = await server.api<{ items: Segment[] }>('GET', '/segments');
    assert.deepEqual(saved.items[0]!.expression, {
      op: 'and',
      conditions: [
        { field: 'arr', operator: 'gte', value: 100000 },
        {
          op: 'or',
          conditions: [
            { field: 'tags', operator: 'hasAny', value: ['expansion'] },
            { field: 'industry', operator: 'eq', value: 'Healthcare' },
          ],
        },
      ],
    });
  });

  it('saves the account list’s filter as a segment', async () => {
    await page.goto(`${server.baseUrl}/accounts?q=e`);
    await page.getByRole('link', { name: 'Save as segment' }).click();
    await page.waitForURL(/\/segments\?expression=/);
    const listCount = (await server.api<{ items: unknown[] }>('GET', '/accounts?q=e')).items.length;
    await preview()
      .filter({ hasText: `${listCount} matching accounts` })
      .waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Has an e');
    await page.getByLabel('Visibility').selectOption('private');
    await page.getByRole('button', { name: 'Save segment' }).click();
    const row = page.getByTestId('segment-list').getByRole('row', { name: /Has an e/ });
    await row.waitFor();
    assert.equal(await row.getByTestId('segment-members').textContent(), String(listCount));
    await screenshot(page, 'segments-02-saved');
  });
});
