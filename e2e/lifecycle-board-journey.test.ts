import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Account } from '@northstar/contracts';
import { launchBrowser, screenshot } from './support/browser';
import { seedAccounts } from './support/seed';
import { signIn } from './support/sign-in';
import { startTestServer, type TestServer } from './support/server';

// Issue 6: open the lifecycle board, move an account to another stage, and find the move in the
// account's stage timeline.
describe('lifecycle board journey', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let accounts: Map<string, Account>;

  before(async () => {
    server = await startTestServer();
    accounts = await seedAccounts(server);
    // As the hourly job would: every account gets a computed, explained tier.
    await server.api('POST', '/tiers/recompute');
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1600, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server, '/lifecycle');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows accounts by stage and moves one, then shows the move in its timeline', async () => {
    await page.getByRole('heading', { name: 'Lifecycle board' }).waitFor();
    const onboarding = page.getByTestId('stage-onboarding');
    const rollout = page.getByTestId('stage-rollout');
    await onboarding.getByRole('link', { name: 'Cedar Retail' }).waitFor();
    await screenshot(page, 'lifecycle-01-board');

    await page.getByLabel('Move Cedar Retail to').selectOption({ label: 'Internal rollout' });
    await rollout.getByRole('link', { name: 'Cedar Retail' }).waitFor();
    await onboarding.getByRole('link', { name: 'Cedar Retail' }).waitFor({ state: 'detached' });
    const card = rollout.getByTestId('board-card').filter({ hasText: 'Cedar Retail' });
    assert.match((await card.textContent()) ?? '', /0 days/);

    await rollout.getByRole('link', { name: 'Cedar Retail' }).click();
    await page.waitForURL(new RegExp(`/accounts/${accounts.get('Cedar Retail')!.id}$`));
    // The tier explanation sits on the same page: Cedar's rank by ARR and why it is in its tier.
    await page
      .getByTestId('tier-explanation')
      .getByText(/^top \d+% by ARR/)
      .waitFor();
    const timeline = page.getByTestId('stage-timeline');
    await timeline.getByText('Internal rollout').waitFor();
    assert.match((await timeline.locator('li').first().textContent()) ?? '', /Internal rollout.*now.*by hand/);
    await screenshot(page, 'lifecycle-02-timeline');

    const account = await server.api<Account>('GET', `/accounts/${accounts.get('Cedar Retail')!.id}`);
    assert.equal(account.lifecycleStage, 'rollout');
  });

  it('shows the Pareto page: the curve and each tier’s count and ARR share', async () => {
    await page.getByRole('link', { name: 'Tiers', exact: true }).click();
    await page.getByRole('heading', { name: 'Tiers and the Pareto curve' }).waitFor();
    await page.getByRole('img', { name: 'Cumulative ARR by share of accounts' }).locator('canvas').waitFor();
    const rows = page.getByTestId('tier-shares').locator('tbody tr');
    assert.equal(await rows.count(), 4);
    assert.match((await rows.first().textContent()) ?? '', /^S/);
    await screenshot(page, 'tiers-01-pareto');
  });
});
