import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Account } from '@northstar/contracts';
import { checkCjkGlyphs, launchBrowser, screenshot } from './support/browser';
import { seedAccounts } from './support/seed';
import { startTestServer, type TestServer } from './support/server';

// The journey in real Chromium against a real server process: sign in, filter the list,
// open and edit an account, switch to Chinese, and read an import's dry-run report.
describe('web journey', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let accounts: Map<string, Account>;

  const accountRows = () => page.locator('table[aria-label] tbody tr td:first-child a');
  const rowNames = async () => (await accountRows().allTextContents()).sort();

  before(async () => {
    server = await startTestServer();
    accounts = await seedAccounts(server);
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends an anonymous visitor to the login page and signs in', async () => {
    await page.goto(`${server.baseUrl}/accounts?tier=S`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, '01-login-en');

    await page.getByLabel('Email').fill(server.adminEmail);
    await page.getByLabel('Password').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the visitor was headed, filter included.
    await page.waitForURL(/\/accounts\?tier=S$/);
    await page.getByTestId('workspace-name').filter({ hasText: 'Acme Customer Success' }).waitFor();
  });

  it('filters the account list and keeps the filters in the URL across a reload', async () => {
    await page.getByRole('link', { name: 'Evergreen Bank' }).waitFor();
    assert.deepEqual(await rowNames(), ['Acme Logistics', 'Evergreen Bank']);

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('link', { name: 'Delta Foods' }).waitFor();
    assert.equal(await accountRows().count(), 5);
    await screenshot(page, '02-accounts-en');

    await page.getByRole('button', { name: 'S', exact: true }).click();
    await page.waitForURL(/tier=S/);
    await page.getByRole('link', { name: 'Beacon Health' }).waitFor({ state: 'detached' });
    assert.deepEqual(await rowNames(), ['Acme Logistics', 'Evergreen Bank']);

    await page.getByRole('searchbox', { name: 'Search' }).fill('acme');
    await page.waitForURL(/q=acme/);
    await page.getByRole('link', { name: 'Evergreen Bank' }).waitFor({ state: 'detached' });
    assert.deepEqual(await rowNames(), ['Acme Logistics']);

    await page.reload();
    await page.getByRole('link', { name: 'Acme Logistics' }).waitFor();
    assert.deepEqual(await rowNames(), ['Acme Logistics']);
    assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'acme');
    assert.equal(await page.getByRole('button', { name: 'S', exact: true }).getAttribute('aria-pressed'), 'true');

    // The CSV export carries the same filters, and the session cookie authorises the download.
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const exported = await page.request.get(`${server.baseUrl}${href}`);
    assert.equal(exported.status(), 200);
    const csv = await exported.text();
    assert.match(csv, /Acme Logistics/);
    assert.doesNotMatch(csv, /Evergreen Bank|Beacon Health/);
  });

  it('sorts by ARR, highest first, on a second click', async () => {
    await page.goto(`${server.baseUrl}/accounts`);
    await page.getByRole('link', { name: 'Delta Foods' }).waitFor();
    const arrHeader = page.getByRole('button', { name: /^ARR/ });
    await arrHeader.click();
    await page.waitForURL(/sort=arr$/);
    await arrHeader.click();
    await page.waitForURL(/sort=-arr$/);
    await page.waitForFunction(() => document.querySelector('tbody tr td a')?.textContent === 'Evergreen Bank');
  });

  it('opens an account, shows a field error from the API, and saves an edit that survives a reload', async () => {
    const acme = accounts.get('Acme Logistics')!;
    await page.getByRole('link', { name: 'Acme Logistics' }).click();
    await page.waitForURL(`**/accounts/${acme.id}`);
    await page.getByRole('heading', { name: 'Acme Logistics' }).waitFor();
    await page.getByRole('cell', { name: 'Li Wei' }).waitFor();
    await screenshot(page, '03-account-en');

    await page.getByRole('button', { name: 'Edit' }).first().click();
    await page.getByLabel('ARR').fill('-5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-field-error="account-arr"]').waitFor();

    await page.getByLabel('ARR').fill('240000');
    await page.getByLabel('Plan').fill('Enterprise Plus');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('account-plan').filter({ hasText: 'Enterprise Plus' }).waitFor();

    await page.reload();
    await page.getByTestId('account-plan').filter({ hasText: 'Enterprise Plus' }).waitFor();
    const saved = await server.api<Account>('GET', `/accounts/${acme.id}`);
    assert.equal(saved.plan, 'Enterprise Plus');
    assert.equal(saved.arr, 240000);
  });

  it('switches to Chinese, renders real CJK glyphs, and remembers the choice', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '详情' }).waitFor();
    await page.getByRole('link', { name: '客户', exact: true }).first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await screenshot(page, '04-account-zh');

    await page.goto(`${server.baseUrl}/accounts`);
    await page.getByRole('heading', { name: '客户', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: '续费日期' }).waitFor();
    await screenshot(page, '05-accounts-zh');

    const glyphs = await checkCjkGlyphs(page, 'main h1', '客户续费日期生命周期阶段');
    assert.ok(glyphs.distinctGlyphs, `CJK characters all drew the same shape (missing font?) with ${glyphs.font}`);
    assert.ok(glyphs.differFromMissingGlyph, `CJK characters drew as missing-glyph boxes with ${glyphs.font}`);

    // Money and dates follow the language: CNY as ¥ and Chinese date order.
    await page.getByRole('cell', { name: '¥1,800,000' }).waitFor();
    await page.getByRole('cell', { name: '2030年11月15日' }).waitFor();
  });

  it('shows the import dry-run report with the bad rows, then imports the good ones', async () => {
    const csv = [
      'name,external_id,arr,currency,tier,renewal_date',
      'Fjord Media,crm-101,50000,USD,A,2027-02-01',
      'Granite Labs,crm-102,not-a-number,USD,Q,2027-02-30',
      '',
    ].join('\n');
    await page.goto(`${server.baseUrl}/import`);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByLabel('CSV file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check file (dry run)' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await report.getByRole('cell', { name: 'not-a-number', exact: true }).waitFor();
    await screenshot(page, '06-import-report-en');
    assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true);

    await page.getByLabel('Skip rows with errors').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();

    const list = await server.api<{ items: Account[] }>('GET', '/accounts?q=Fjord');
    assert.deepEqual(
      list.items.map((a) => a.name),
      ['Fjord Media'],
    );
    const rejected = await server.api<{ items: Account[] }>('GET', '/accounts?q=Granite');
    assert.equal(rejected.items.length, 0);
  });
  it('deletes an account and brings it back with Undo', async () => {
    const delta = accounts.get('Delta Foods')!;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.baseUrl}/accounts/${delta.id}`);
    await page.getByRole('button', { name: 'Delete' }).first().click();
    await page.waitForURL(/\/accounts$/);
    await page.getByText('“Delta Foods” was deleted.').waitFor();
    await page.getByRole('link', { name: 'Acme Logistics' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Delta Foods' }).count(), 0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL(`**/accounts/${delta.id}`);
    await page.getByRole('heading', { name: 'Delta Foods' }).waitFor();
    const restored = await server.api<Account>('GET', `/accounts/${delta.id}`);
    assert.equal(restored.deletedAt, null);
  });
});
