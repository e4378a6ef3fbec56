import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { listDomainEvents } from '../domain-events';
import { everyDay, insertUsageDays, insertUsageRange, userIds } from './health-test-data';

// Scoring, history, explanations, events and the backtest against a real database (PGlite by
// default, PostgreSQL with TEST_DATABASE_URL). "Today" is 2026-05-01 in the workspace (UTC).
describe('health service', () => {
  const clock = fixedClock(new Date('2026-05-01T12:00:00Z'));
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services);
  });
  after(() => t.close());

  const health = () => t.services.health;
  const createAccount = (name: string, extra: Record<string, unknown> = {}) =>
    t.services.accounts.createAccount(ws.id, { name, contractStart: '2025-01-01', ...extra });
  const nps = (accountId: string, value: number, observedAt: string) =>
    health().addExperienceInput(ws.id, { userId: ws.admin.id, via: 'api_token' }, accountId, { kind: 'nps', value, observedAt });
  const measure = async (accountId: string, key: string) =>
    (await health().getAccountHealth(ws.id, accountId, {})).measures.find((m) => m.key === key)!;

  it('scores a past date from the data as of that date only, and keeps that day when today is recomputed', async () => {
    const account = await createAccount('As-of Co', { licensedSeats: 10 });
    await insertUsageRange(t.database, ws.id, account.id, { from: '2026-03-01', to: '2026-03-30', users: 8 });
    await insertUsageRange(t.database, ws.id, account.id, { from: '2026-04-15', to: '2026-05-01', users: 2 });
    await nps(account.id, 9, '2026-03-15T10:00:00Z');
    await nps(account.id, 2, '2026-04-20T10:00:00Z');

    await health().recomputeHealth(ws.id, { date: '2026-03-30', accountIds: [account.id] });
    const past = await health().explainHealthChange(ws.id, account.id, { from: '2026-03-30', to: '2026-03-30' });
    const pastSeats = past.to.measures.find((m) => m.key === 'seat_utilisation')!;
    assert.equal(past.to.source, 'snapshot');
    assert.equal(pastSeats.raw, 80, 'April’s two users are not in March 30’s 30 days');
    assert.deepEqual(pastSeats.detail, { count: 8, of: 10 });
    assert.equal(past.to.measures.find((m) => m.key === 'nps')!.raw, 9, 'the April answer came later');

    await health().recomputeHealth(ws.id, { accountIds: [account.id] });
    const today = await health().getAccountHealth(ws.id, account.id, {});
    assert.equal(today.date, '2026-05-01');
    assert.equal(today.measures.find((m) => m.key === 'seat_utilisation')!.raw, 20);
    // NPS is the mean of the latest survey round (90 days up to the latest answer).
    assert.equal(today.measures.find((m) => m.key === 'nps')!.raw, 5.5);
    assert.deepEqual(
      today.trend.map((p) => p.date),
      ['2026-03-30', '2026-05-01'],
    );
    const kept = await health().explainHealthChange(ws.id, account.id, { from: '2026-03-30', to: '2026-05-01' });
    assert.equal(kept.from.measures.find((m) => m.key === 'seat_utilisation')!.raw, 80);
  });

  it('re-normalises over the measures with data, reports coverage, and never scores missing data as zero', async () => {
    const onlyNps = await createAccount('Survey only');
    await nps(onlyNps.id, 10, '2026-04-30T09:00:00Z');
    const nothing = await createAccount('Nothing yet');
    await health().recomputeHealth(ws.id, { accountIds: [onlyNps.id, nothing.id] });

    const scored = await health().getAccountHealth(ws.id, onlyNps.id, {});
    assert.equal(scored.score, 100, 'the one measure with data carries the whole score');
    assert.equal(scored.band, 'green');
    assert.equal(scored.outcome, null);
    assert.equal(scored.experience, 100);
    // NPS is 25 of 100 within experience, and experience 20% of the default scorecard: 5% of the weight.
    assert.equal(scored.coverage, 0.05);
    assert.equal((await measure(onlyNps.id, 'seat_utilisation')).raw, null);
    assert.equal((await measure(onlyNps.id, 'seat_utilisation')).effectiveWeight, 0);

    const empty = await health().getAccountHealth(ws.id, nothing.id, {});
    assert.equal(empty.score, null);
    assert.equal(empty.band, null);
    assert.equal(empty.coverage, 0);
  });

  it('reads an instrumented account that went quiet as zero use, not as missing', async () => {
    const quiet = await createAccount('Quiet Co', { licensedSeats: 20 });
    await insertUsageRange(t.database, ws.id, quiet.id, { from: '2026-01-01', to: '2026-01-31', users: 5 });
    await health().recomputeHealth(ws.id, { accountIds: [quiet.id] });
    const seats = await measure(quiet.id, 'seat_utilisation');
    assert.equal(seats.raw, 0);
    assert.equal(seats.score, 0);
  });

  it('records band changes and score drops as domain events once, and a rebuild records none', async () => {
    const account = await createAccount('Events Co');
    await nps(account.id, 10, '2026-04-28T09:00:00Z');
    await health().recomputeHealth(ws.id, { date: '2026-04-30', accountIds: [account.id] });
    await health().recomputeHealth(ws.id, { accountIds: [account.id] });
    const events = () => listDomainEvents(t.database.db, ws.id, { accountId: account.id });
    assert.equal((await events()).length, 0, 'no change since yesterday');

    // Each input rescores the account at once (no job queue in tests).
    await nps(account.id, 0, '2026-05-01T08:00:00Z');
    const afterFirst = await events();
    assert.deepEqual(afterFirst.map((e) => [e.type, e.payload.from, e.payload.to, e.payload.score, e.payload.previousScore]).sort(), [
      ['health.band_changed', 'green', 'yellow', 40, 100],
      ['health.score_changed', 'green', 'yellow', 40, 100],
    ]);
    await nps(account.id, 0, '2026-05-01T09:00:00Z');
    const afterSecond = await events();
    assert.deepEqual(
      afterSecond.slice(0, afterSecond.length - afterFirst.length).map((e) => [e.type, e.payload.from, e.payload.to]),
      [['health.band_changed', 'yellow', 'red']],
      'the drop was already recorded today; the new band is',
    );
    await health().rebuildHealth(ws.id, { from: '2026-04-25' });
    assert.equal((await events()).length, afterSecond.length);
  });

  it('rebuilds a day to the same score a recompute of that day gives (inputs read once, scored in memory)', async () => {
    const account = await createAccount('Rebuild Co', { licensedSeats: 10 });
    await insertUsageRange(t.database, ws.id, account.id, { from: '2026-03-01', to: '2026-04-29', users: 4 });
    await nps(account.id, 9, '2026-03-01T09:00:00Z');
    await nps(account.id, 3, '2026-04-10T09:00:00Z');
    const input = (kind: 'csm_sentiment' | 'support_tickets', value: number, observedAt: string) =>
      health().addExperienceInput(ws.id, { userId: null, via: 'api_token' }, account.id, { kind, value, observedAt });
    await input('csm_sentiment', 4, '2026-04-01T09:00:00Z');
    await input('support_tickets', 6, '2026-04-20T09:00:00Z');
    await input('support_tickets', 2, '2026-04-29T09:00:00Z');
    const day = async () => (await health().explainHealthChange(ws.id, account.id, { from: '2026-04-28', to: '2026-04-28' })).to;
    await health().recomputeHealth(ws.id, { date: '2026-04-28', accountIds: [account.id] });
    const recomputed = await day();
    await health().rebuildHealth(ws.id, { from: '2026-04-27', to: '2026-04-28' });
    const rebuilt = await day();
    assert.equal(rebuilt.source, 'snapshot');
    assert.deepEqual(rebuilt.measures, recomputed.measures);
    assert.equal(rebuilt.measures.find((m) => m.key === 'nps')!.raw, 6);
    assert.equal(rebuilt.measures.find((m) => m.key === 'support_tickets')!.raw, 6, 'the count of the 29th came later');
  });

  it('rescores the accounts whose new usage a rollup run settled', async () => {
    const account = await createAccount('Rollup Co', { licensedSeats: 4, externalId: 'rollup-co' });
    await t.services.usageAnalytics.rollUpNewEvents();
    await health().afterUsageRollup(); // the first call only marks where the rollup stands
    const sent = await t.services.usage.ingestEvents(ws.id, [
      {
        type: 'track',
        userId: 'rollup-user',
        event: 'Report Created',
        context: { groupId: 'rollup-co' },
        timestamp: '2026-05-01T11:00:00Z',
      },
    ]);
    assert.equal(sent.accepted, 1);
    assert.equal((await health().getAccountHealth(ws.id, account.id, {})).date, null);
    // Events settle 15 s after they arrive; the trigger runs at most every 30 s.
    clock.advance(31_000);
    await t.services.usageAnalytics.rollUpNewEvents();
    await health().afterUsageRollup();
    const scored = await health().getAccountHealth(ws.id, account.id, {});
    assert.equal(scored.date, '2026-05-01');
    assert.deepEqual(scored.measures.find((m) => m.key === 'seat_utilisation')!.detail, { count: 1, of: 4 });
  });

  it('counts days since the last touch with a key person still at the account, as of each date', async () => {
    const account = await createAccount('Relationship Co');
    const champion = await t.services.accounts.createContact(ws.id, account.id, { name: 'Champion', isKeyPerson: true });
    const sponsor = await t.services.accounts.createContact(ws.id, account.id, {
      name: 'Sponsor',
      isKeyPerson: true,
      leftAt: '2026-04-25',
    });
    await t.services.accounts.createContact(ws.id, account.id, {
      name: 'End user',
      isKeyPerson: false,
      lastContactedAt: '2026-04-30T10:00:00Z',
    });
    const actor = { workspaceId: ws.id, userId: ws.admin.id, role: 'admin' as const };
    await t.services.timeline.createTouch(actor, account.id, {
      type: 'call',
      title: 'QBR prep',
      occurredAt: '2026-04-20T10:00:00Z',
      contactIds: [champion.id],
    });
    await t.services.timeline.createTouch(actor, account.id, {
      type: 'meeting',
      title: 'Sponsor lunch',
      occurredAt: '2026-04-24T10:00:00Z',
      contactIds: [sponsor.id],
    });
    const daysOn = async (date: string) =>
      (await health().explainHealthChange(ws.id, account.id, { from: date, to: date })).to.measures.find(
        (m) => m.key === 'days_since_key_contact',
      )!.raw;
    assert.equal(await daysOn('2026-04-21'), 1, 'the champion’s call; the lunch came later');
    assert.equal(await daysOn('2026-04-24'), 0, 'the sponsor lunch');
    assert.equal(await daysOn('2026-05-01'), 11, 'the sponsor has left and the end user is not a key person: the call of the 20th');
    assert.equal(await daysOn('2026-04-01'), null, 'no touch with a key person yet');
    // A contact date set without a logged touch (an import, a CRM) counts as well.
    await t.services.accounts.createContact(ws.id, account.id, {
      name: 'Admin',
      isKeyPerson: true,
      lastContactedAt: '2026-04-28T10:00:00Z',
    });
    assert.equal(await daysOn('2026-05-01'), 3);
  });

  it('explains what changed between two dates, largest move first, in English and Chinese', async () => {
    const account = await createAccount('Explained Co', { licensedSeats: 50 });
    await insertUsageDays(t.database, ws.id, account.id, everyDay('2026-03-31', 30, userIds(41)));
    await insertUsageDays(t.database, ws.id, account.id, everyDay('2026-04-30', 30, userIds(22)));
    await nps(account.id, 9, '2026-03-20T09:00:00Z');
    await nps(account.id, 4, '2026-04-29T09:00:00Z');
    await health().recomputeHealth(ws.id, { date: '2026-03-31', accountIds: [account.id] });

    const explanation = await health().explainHealthChange(ws.id, account.id, { from: '2026-03-31', to: '2026-04-30' });
    assert.equal(explanation.from.source, 'snapshot');
    assert.equal(explanation.to.source, 'computed', 'April 30 was never stored: scored from the data as of then');
    assert.ok(explanation.change! < 0);
    const points = explanation.items.map((i) => Math.abs(i.points ?? 0));
    assert.deepEqual(
      points,
      [...points].sort((a, b) => b - a),
      'ranked by points',
    );
    const total = explanation.items.reduce((sum, i) => sum + (i.points ?? 0), 0);
    assert.equal(Math.round(total * 10) / 10, explanation.change, 'the lines add up to the change');
    const seats = explanation.items.find((i) => i.key === 'seat_utilisation')!;
    assert.match(seats.text.en, /^−[\d.]+: active users 41 → 22 of 50 seats$/);
    assert.match(seats.text['zh-CN'], /^−[\d.]+：活跃用户 41 → 22（共 50 席位）$/);
    // Both NPS answers fall in one survey round, so the score moved from 9 to the mean 6.5.
    assert.match(explanation.items.find((i) => i.key === 'nps')!.text.en, /NPS 9 → 6\.5$/);
  });

  it('backtests crafted accounts: AUC, churn per band and per-measure AUC from the scores before each outcome', async () => {
    const backtest = await createTestWorkspace(t.services, 'Backtest Co');
    const make = async (name: string, churned: boolean, users: number) => {
      const account = await t.services.accounts.createAccount(backtest.id, {
        name,
        licensedSeats: 10,
        contractStart: '2024-01-01',
        ...(churned ? { status: 'churned' as const, churnDate: '2026-04-01' } : { renewalDate: '2027-03-15' }),
      });
      // 30 days before the outcome: churners score on [02-01, 03-02], retained ones on [01-15, 02-13].
      const end = churned ? '2026-03-02' : '2026-02-13';
      await insertUsageDays(t.database, backtest.id, account.id, everyDay(end, 30, userIds(users)));
    };
    for (let i = 0; i < 5; i++) await make(`Churned low ${i}`, true, 1);
    await make('Churned busy', true, 8);
    for (let i = 0; i < 5; i++) await make(`Retained busy ${i}`, false, 8);
    await make('Retained low', false, 1);

    const report = await health().getBacktest(backtest.id, { horizonDays: 30 });
    assert.equal(report.accounts, 12);
    assert.equal(report.churned, 6);
    // 25 retained-busy > churned-low pairs, 10 ties of equal scores, one inverted pair of 36.
    assert.equal(Math.round(report.auc! * 1000), 833);
    const band = (name: string) => report.bands.find((b) => b.band === name)!;
    assert.deepEqual([band('red').accounts, band('red').churned], [6, 5]);
    assert.deepEqual([band('green').accounts, band('green').churned], [6, 1]);
    assert.equal(Math.round(report.measures.find((m) => m.name === 'seat_utilisation')!.auc! * 1000), 833);
    assert.equal(report.measures.find((m) => m.name === 'nps')!.auc, null);
    assert.equal(report.measures.find((m) => m.name === 'nps')!.accounts, 0);
    assert.ok(report.lowestDecileLift! > 1);
  });
});
