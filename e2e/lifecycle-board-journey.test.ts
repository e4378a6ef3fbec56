import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Account, LifecycleConfigView } from '@northstar/contracts';
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

  it('lets the admin change a stage’s expected duration and switch off a rule, then shows it on the board', async () => {
    await page.getByRole('link', { name: 'Lifecycle', exact: true }).click();
    await page.getByRole('heading', { name: 'Lifecycle board' }).waitFor();
    await page.getByRole('link', { name: 'Configure stages' }).click();
    await page.getByRole('heading', { name: 'Lifecycle stages' }).waitFor();
    const onboarding = page.getByTestId('config-stage-onboarding');
    // A bad number is refused by the server and named beside its input.
    await onboarding.getByLabel('Expected days in stage').fill('0');
    await page.getByRole('button', { name: 'Save stages' }).click();
    await onboarding.getByRole('alert').filter({ hasText: 'whole number of days' }).waitFor();
    await onboarding.getByLabel('Expected days in stage').fill('21');
    await onboarding.getByLabel('Goal 1 (English)').fill('Live within three weeks');
    const renewal = page.getByTestId('config-stage-renewal');
    await renewal.getByLabel('Rule on: Enter when the renewal date is within').uncheck();
    await page.getByRole('button', { name: 'Save stages' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await screenshot(page, 'lifecycle-03-config');

    const config = await server.api<{
      config: { stages: { stage: string; expectedDurationDays: number | null; entryRules: { enabled: boolean }[] }[] };
    }>('GET', '/lifecycle/config');
    const saved = new Map(config.config.stages.map((s) => [s.stage, s]));
    assert.equal(saved.get('onboarding')!.expectedDurationDays, 21);
    assert.deepEqual(
      saved.get('renewal')!.entryRules.map((r) => r.enabled),
      [false],
    );

    await page.getByRole('link', { name: 'Back to the board' }).click();
    await page.getByTestId('stage-onboarding').getByText('expected 21 days').waitFor();
  });

  it('offers only the enabled stages, under the workspace’s labels, when moving an account', async () => {
    const view = await server.api<LifecycleConfigView>('GET', '/lifecycle/config');
    const used = new Set((await server.api<{ items: Account[] }>('GET', '/accounts?limit=200')).items.map((a) => a.lifecycleStage));
    // A stage no account is in may be switched off; another one gets a label of the workspace's own.
    const off = view.config.stages.find((s) => s.enabled && !used.has(s.stage))!;
    const renamed = view.config.stages.find((s) => s.enabled && s.stage !== off.stage && s.stage !== 'rollout')!;
    const stages = view.config.stages.map((s) =>
      s.stage === off.stage
        ? { ...s, enabled: false }
        : s.stage === renamed.stage
          ? { ...s, label: { ...s.label, en: 'Steady state' } }
          : s,
    );
    await server.api('PUT', '/lifecycle/config', { ...view.config, stages });
    try {
      await page.goto(`${server.baseUrl}/accounts/${accounts.get('Cedar Retail')!.id}`);
      const picker = page.getByLabel('Move to stage');
      await picker.locator('option', { hasText: 'Steady state' }).waitFor({ state: 'attached' });
      const offered = (await picker.locator('option').allTextContents()).filter((label) => label !== 'Move to…');
      assert.ok(!offered.includes(off.label.en), `${off.label.en} is switched off: ${JSON.stringify(offered)}`);
      assert.ok(offered.includes('Steady state'), JSON.stringify(offered));
      // Cedar is in rollout: every other enabled stage is offered, and only those.
      assert.equal(offered.length, stages.filter((s) => s.enabled && s.stage !== 'rollout').length);
    } finally {
      await server.api('PUT', '/lifecycle/config', view.config);
    }
  });

  it('edits the tiering policy on the Pareto page and recomputes the tiers', async () => {
    await page.getByRole('link', { name: 'Tiers', exact: true }).click();
    const policy = page.getByTestId('tiering-policy');
    await policy.getByLabel('Cover this share of total ARR').waitFor();
    assert.equal(await policy.getByLabel('Cover this share of total ARR').inputValue(), '60');
    // Minimum above maximum: the server names the field.
    await policy.getByLabel('At least this share of accounts').fill('30');
    await policy.getByRole('button', { name: 'Save and recompute' }).click();
    await policy.getByRole('alert').filter({ hasText: 'must not exceed s.maxAccountShare' }).waitFor();
    await policy.getByLabel('At least this share of accounts').fill('10');
    // Turning the C percentile rule off leaves only the size rule for C.
    await policy.getByLabel('ARR below a percentile').uncheck();
    await policy.getByRole('button', { name: 'Save and recompute' }).click();
    await policy.getByRole('status').filter({ hasText: 'tiers recomputed' }).waitFor();
    const overview = await server.api<{ policy: { c: { arrPercentile: number | null } }; computedAt: string | null }>('GET', '/tiers');
    assert.equal(overview.policy.c.arrPercentile, null);
    assert.ok(overview.computedAt);

    await page.getByRole('button', { name: 'Recompute tiers' }).click();
    await page
      .getByTestId('recompute-result')
      .filter({ hasText: /Recomputed 5 accounts, 0 changed tier/ })
      .waitFor();
    await screenshot(page, 'tiers-02-policy');
  });
});
