import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { RuleTrigger } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp } from '../../testing/test-app';
import { FIXTURE_PLAYBOOK } from '../../testing/work-fixtures';
import { recordDomainEvents } from '../domain-events';

const DAY = 86_400_000;

// Every trigger type, driven through the real services (account edits, stage moves, tier
// recomputes, segment refreshes, contact changes, rollup rows, health events), evaluated by the
// same functions the jobs run, on the engine under test.
describe('rules fire on real data changes', () => {
  const clock = fixedClock(new Date('2026-03-02T09:00:00.000Z'));
  let t: TestApp;

  before(async () => {
    t = await createTestApp({ clock });
  });
  after(() => t.close());

  const today = (offsetDays = 0) => new Date(clock.now().getTime() + offsetDays * DAY).toISOString().slice(0, 10);

  async function setup(name: string) {
    const ws = await createTestWorkspace(t.services, name);
    const admin = { workspaceId: ws.id, userId: ws.admin.id, role: 'admin' as const };
    const playbook = await t.services.playbooks.createPlaybook(admin, FIXTURE_PLAYBOOK);
    const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: ws.admin.headers, ...(payload ? { payload } : {}) });
      return { status: res.statusCode, body: res.body ? res.json() : undefined };
    };
    return {
      ws,
      admin,
      api,
      playbookId: playbook.id,
      async rule(trigger: RuleTrigger, extra: Record<string, unknown> = {}): Promise<string> {
        const res = await api('POST', '/rules', { name: `${trigger.type} rule`, trigger, playbookId: playbook.id, ...extra });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        return res.body.id as string;
      },
      /** Oldest first: [accountId, outcome]. */
      async firings(ruleId: string) {
        const page = await t.services.rules.listFirings(ws.id, ruleId, { limit: 500 });
        return page.items.reverse();
      },
      account: (input: Parameters<typeof t.services.accounts.createAccount>[1]) => t.services.accounts.createAccount(ws.id, input),
      openCtas: (accountId: string) => t.services.tasks.listOpenCtas(ws.id, { accountId }),
      closeCta: (id: string) => t.services.tasks.closeCta(admin, id, { outcome: 'resolved' }),
      events: () => t.services.rules.processEvents(ws.id),
      states: () => t.services.rules.scanStates(ws.id),
    };
  }

  const outcomes = (firings: { accountId: string | null; outcome: string }[]) => firings.map((f) => [f.accountId, f.outcome]);

  it('stage_entered: fires on a stage move, is suppressed while its CTA is open, fires again once it is closed', async () => {
    const s = await setup('Stage Co');
    const a = await s.account({ name: 'Onboarder', lifecycleStage: 'handoff' });
    const b = await s.account({ name: 'Elsewhere', lifecycleStage: 'handoff' });
    const ruleId = await s.rule({ type: 'stage_entered', stage: 'onboarding' }, { ctaTitle: 'Run the onboarding SOP' });

    assert.equal((await s.api('POST', `/accounts/${a.id}/stage`, { stage: 'onboarding' })).status, 200);
    assert.equal((await s.api('POST', `/accounts/${b.id}/stage`, { stage: 'rollout' })).status, 200);
    const run = await s.events();
    assert.equal(run.fired, 1);
    const [first] = await s.firings(ruleId);
    assert.equal(first!.accountId, a.id);
    assert.equal(first!.outcome, 'fired');
    assert.deepEqual(first!.facts, { from: 'handoff', to: 'onboarding' });
    const [cta] = await s.openCtas(a.id);
    assert.equal(cta!.id, first!.ctaId);
    assert.equal(cta!.title, 'Run the onboarding SOP');
    assert.equal(cta!.causeKey, `rule:${ruleId}:stage_entered:onboarding`);
    assert.equal(cta!.openTaskCount, 1, 'the playbook’s task was created');
    assert.deepEqual(await s.openCtas(b.id), []);

    // Out and back in while the CTA is open: recorded, suppressed, no second CTA.
    clock.advance(60_000);
    await s.api('POST', `/accounts/${a.id}/stage`, { stage: 'rollout' });
    await s.api('POST', `/accounts/${a.id}/stage`, { stage: 'onboarding' });
    assert.equal((await s.events()).suppressed, 1);
    assert.deepEqual(outcomes(await s.firings(ruleId)), [
      [a.id, 'fired'],
      [a.id, 'suppressed'],
    ]);
    assert.equal((await s.firings(ruleId))[1]!.ctaId, cta!.id);
    assert.equal((await s.openCtas(a.id)).length, 1);
    // Nothing new: evaluating again changes nothing.
    assert.deepEqual(await s.events(), { eventsProcessed: 0, fired: 0, suppressed: 0, failed: 0 });

    await s.closeCta(cta!.id);
    clock.advance(60_000);
    await s.api('POST', `/accounts/${a.id}/stage`, { stage: 'rollout' });
    await s.api('POST', `/accounts/${a.id}/stage`, { stage: 'onboarding' });
    assert.equal((await s.events()).fired, 1);
    const open = await s.openCtas(a.id);
    assert.equal(open.length, 1);
    assert.notEqual(open[0]!.id, cta!.id);
    const rule = await s.api('GET', `/rules/${ruleId}`);
    assert.equal(rule.body.firedCount, 2);
    assert.equal(rule.body.lastFiredAt, clock.now().toISOString());
  });

  it('segment_entered / segment_left: fire when a refresh moves an account in or out', async () => {
    const s = await setup('Segment Co');
    const a = await s.account({ name: 'Grower', arr: 50_000 });
    await s.account({ name: 'Small', arr: 10_000 });
    const segment = await t.services.segments.createSegment(
      { workspaceId: s.ws.id, userId: s.ws.admin.id },
      { name: 'Big', expression: { op: 'and', conditions: [{ field: 'arr', operator: 'gte', value: 100_000 }] } },
    );
    const entered = await s.rule({ type: 'segment_entered', segmentId: segment.id });
    const left = await s.rule({ type: 'segment_left', segmentId: segment.id });

    await t.services.accounts.updateAccount(s.ws.id, a.id, { arr: 150_000 });
    await t.services.segments.refreshSegments(s.ws.id);
    await s.events();
    assert.deepEqual(outcomes(await s.firings(entered)), [[a.id, 'fired']]);
    assert.deepEqual((await s.firings(entered))[0]!.facts, { segmentId: segment.id, segmentName: 'Big' });
    assert.deepEqual(await s.firings(left), []);

    await t.services.accounts.updateAccount(s.ws.id, a.id, { arr: 90_000 });
    await t.services.segments.refreshSegments(s.ws.id);
    await s.events();
    assert.deepEqual(outcomes(await s.firings(left)), [[a.id, 'fired']]);
    assert.equal((await s.firings(entered)).length, 1);
  });

  it('tier_changed: fires when recomputed tiers move an account into a watched tier', async () => {
    const s = await setup('Tier Co');
    for (let i = 0; i < 10; i++) await s.account({ name: `Acct ${i}`, arr: 20_000 + i * 1000, employees: 200 });
    await t.services.tiers.recomputeTiers(s.ws.id);
    // Smallest first, with the tiers the first recompute gave them.
    const accounts = (await t.services.accounts.listAccounts(s.ws.id, { sort: 'arr' })).items;
    const before = await t.services.accounts.getAccount(s.ws.id, accounts[0]!.id);
    assert.notEqual(before.tier, 'S');
    const ruleId = await s.rule({ type: 'tier_changed', to: ['S'] });

    await t.services.accounts.updateAccount(s.ws.id, accounts[0]!.id, { arr: 5_000_000 });
    await t.services.tiers.recomputeTiers(s.ws.id);
    assert.equal((await t.services.accounts.getAccount(s.ws.id, accounts[0]!.id)).tier, 'S');
    await s.events();
    const firings = await s.firings(ruleId);
    const nowS = [];
    for (const account of accounts)
      if ((await t.services.accounts.getAccount(s.ws.id, account.id)).tier === 'S' && account.tier !== 'S') nowS.push(account.id);
    assert.deepEqual(firings.map((f) => f.accountId).sort(), nowS.sort(), 'exactly the accounts that moved into S');
    assert.ok(nowS.includes(accounts[0]!.id));
    const grown = firings.find((f) => f.accountId === accounts[0]!.id)!;
    assert.equal(grown.outcome, 'fired');
    assert.deepEqual(grown.facts, { from: before.tier, to: 'S' });
  });

  it('field_changed: fires for the watched field and value, from an API edit and from a CSV import', async () => {
    const s = await setup('Field Co');
    const viaApi = await s.account({ name: 'Edited', plan: 'Growth', externalId: 'f-1' });
    const viaCsv = await s.account({ name: 'Imported', plan: 'Growth', externalId: 'f-2' });
    const other = await s.account({ name: 'Other', plan: 'Growth', externalId: 'f-3' });
    const ruleId = await s.rule({ type: 'field_changed', field: 'plan', to: 'Enterprise' }, { ctaReason: 'expansion' });

    assert.equal((await s.api('PATCH', `/accounts/${viaApi.id}`, { plan: 'Enterprise', region: 'EU' })).status, 200);
    await t.services.accounts.updateAccount(s.ws.id, other.id, { plan: 'Starter' });
    const csv = 'external_id,plan\nf-2,Enterprise\nf-3,Starter\n';
    const report = await t.services.imports.importCsv(s.ws.id, 'accounts', () => Readable.from([csv]));
    assert.equal(report.written, true, JSON.stringify(report.errors));
    await s.events();
    const firings = await s.firings(ruleId);
    assert.deepEqual(
      outcomes(firings).sort(),
      [
        [viaApi.id, 'fired'],
        [viaCsv.id, 'fired'],
      ].sort(),
    );
    assert.deepEqual(firings.find((f) => f.accountId === viaCsv.id)!.facts, { field: 'plan', from: 'Growth', to: 'Enterprise' });
    assert.equal((await s.openCtas(viaCsv.id))[0]!.reason, 'expansion');
  });

  it('key_contact_left: fires when a key person is marked as left, not for anyone else', async () => {
    const s = await setup('People Co');
    const a = await s.account({ name: 'Champion gone' });
    const champion = await t.services.accounts.createContact(s.ws.id, a.id, { name: 'Li Wei', isKeyPerson: true });
    const user = await t.services.accounts.createContact(s.ws.id, a.id, { name: 'End User' });
    const ruleId = await s.rule({ type: 'key_contact_left' });

    await t.services.accounts.updateContact(s.ws.id, user.id, { leftAt: today() });
    await t.services.accounts.updateContact(s.ws.id, champion.id, { leftAt: today() });
    await t.services.accounts.updateContact(s.ws.id, champion.id, { title: 'Former champion' });
    await s.events();
    const firings = await s.firings(ruleId);
    assert.deepEqual(outcomes(firings), [[a.id, 'fired']]);
    assert.equal(firings[0]!.facts.contactName, 'Li Wei');
    assert.equal(firings[0]!.causeKey, `rule:${ruleId}:key_contact_left:${champion.id}`);
    assert.equal((await s.openCtas(a.id))[0]!.reason, 'risk');
  });

  it('health_band_changed and health_score_dropped: fire when health rescoring moves an account', async () => {
    const s = await setup('Health Co');
    const a = await s.account({ name: 'Sliding', contractStart: '2025-01-01' });
    const b = await s.account({ name: 'Happy', contractStart: '2025-01-01' });
    const nps = (accountId: string, value: number, observedAt: Date) =>
      t.services.health.addExperienceInput(s.ws.id, { userId: s.ws.admin.id, via: 'api_token' }, accountId, {
        kind: 'nps',
        value,
        observedAt: observedAt.toISOString(),
      });
    // Both score 100 (green) from yesterday on: the only measure with data is a perfect NPS.
    await nps(a.id, 10, new Date(clock.now().getTime() - 2 * DAY));
    await nps(b.id, 10, new Date(clock.now().getTime() - 2 * DAY));
    await t.services.health.recomputeHealth(s.ws.id, { date: today(-1), accountIds: [a.id, b.id] });
    await t.services.health.recomputeHealth(s.ws.id, { accountIds: [a.id, b.id] });
    const red = await s.rule({ type: 'health_band_changed', to: ['red'] });
    const drop = await s.rule({ type: 'health_score_dropped', points: 15, withinDays: 14 });

    // A detractor answer rescores at once: 100 → 40, green → yellow. A fall, not yet red.
    await nps(a.id, 0, clock.now());
    await nps(b.id, 9, clock.now());
    await s.events();
    const drops = await s.firings(drop);
    assert.deepEqual(outcomes(drops), [[a.id, 'fired']]);
    assert.equal(drops[0]!.facts.peak, 100);
    assert.ok(Number(drops[0]!.facts.drop) >= 15);
    assert.deepEqual(await s.firings(red), []);

    // Another one tips it into red.
    clock.advance(60_000);
    await nps(a.id, 0, clock.now());
    await s.events();
    assert.deepEqual(outcomes(await s.firings(red)), [[a.id, 'fired']]);
    assert.equal((await s.firings(red))[0]!.facts.to, 'red');
    const causes = (await s.openCtas(a.id)).map((c) => c.causeKey).sort();
    assert.deepEqual(causes, [`rule:${drop}:health_score_dropped`, `rule:${red}:health_band_changed:red`].sort());
    assert.deepEqual(await s.openCtas(b.id), []);
  });

  it('health_score_dropped: measures against the peak of the window and is suppressed while its CTA is open', async () => {
    const s = await setup('Score Co');
    const a = await s.account({ name: 'Falling' });
    const drop = await s.rule({ type: 'health_score_dropped', points: 15, withinDays: 14 });
    // Score changes as the health module records them (modules/health/calculate-health-events.ts).
    const score = (from: string, to: string, previousScore: number, value: number) =>
      recordDomainEvents(t.database.db, s.ws.id, [
        { type: 'health.score_changed', accountId: a.id, payload: { from, to, score: value, previousScore }, occurredAt: clock.now() },
      ]);
    await score('green', 'yellow', 80, 72); // −8
    await s.events();
    assert.deepEqual(await s.firings(drop), []);
    clock.advance(3 * DAY);
    await score('yellow', 'yellow', 72, 62); // −18 from the 80 three days ago
    await s.events();
    const firings = await s.firings(drop);
    assert.deepEqual(outcomes(firings), [[a.id, 'fired']]);
    assert.deepEqual(firings[0]!.facts, { peak: 80, score: 62, drop: 18, withinDays: 14 });
    clock.advance(DAY);
    await score('yellow', 'red', 62, 30);
    await s.events();
    assert.deepEqual(outcomes(await s.firings(drop)), [
      [a.id, 'fired'],
      [a.id, 'suppressed'],
    ]);
  });

  it('renewal_in_days: fires right after the date is set, once per renewal date, again for the next contract', async () => {
    const s = await setup('Renewal Co');
    const a = await s.account({ name: 'Renewer', renewalDate: today(200) });
    const churned = await s.account({ name: 'Gone', renewalDate: today(20), status: 'churned', churnDate: today(-5) });
    const ruleId = await s.rule({ type: 'renewal_in_days', days: 90 });
    await s.states();
    assert.deepEqual(await s.firings(ruleId), [], 'a churned account has no renewal to prepare');

    // The edit records a field change; the event run re-judges that account's states at once.
    await t.services.accounts.updateAccount(s.ws.id, a.id, { renewalDate: today(60) });
    await s.events();
    const firings = await s.firings(ruleId);
    assert.deepEqual(outcomes(firings), [[a.id, 'fired']]);
    assert.deepEqual(firings[0]!.facts, { renewalDate: today(60), daysLeft: 60 });

    // Still 60 days out at the next scans, CTA open or closed: the same renewal fires once.
    await s.states();
    await s.closeCta((await s.openCtas(a.id))[0]!.id);
    clock.advance(DAY);
    await s.states();
    assert.equal((await s.firings(ruleId)).length, 1);

    // Renewed: the next contract's date comes into the window later and fires again.
    await t.services.accounts.updateAccount(s.ws.id, a.id, { renewalDate: today(420) });
    await s.events();
    await t.services.accounts.updateAccount(s.ws.id, a.id, { renewalDate: today(85) });
    await s.events();
    assert.deepEqual(outcomes(await s.firings(ruleId)), [
      [a.id, 'fired'],
      [a.id, 'fired'],
    ]);
    assert.ok(!(await s.firings(ruleId)).some((f) => f.accountId === churned.id));
  });

  it('usage_dropped: fires for accounts whose activity fell period over period (events or active users)', async () => {
    const s = await setup('Usage Co');
    const falling = await s.account({ name: 'Falling' });
    const steady = await s.account({ name: 'Steady' });
    const events = await s.rule({ type: 'usage_dropped', percent: 50, metric: 'events' });
    const users = await s.rule({ type: 'usage_dropped', percent: 40 });
    // Rollup rows: days 31–60 ago form the previous period, 1–30 ago the current one.
    for (let d = 1; d <= 60; d++) {
      const previous = d > 30;
      await t.database.query(
        `INSERT INTO usage_account_days (workspace_id, account_id, day, events, active_users, hour_counts, event_counts)
         VALUES ($1, $2, $3::date, $4, 1, '{}', '{}'), ($1, $5, $3::date, 100, 2, '{}', '{}')`,
        [s.ws.id, falling.id, today(-d), previous ? 100 : 20, steady.id],
      );
      const people = previous ? ['u1', 'u2', 'u3', 'u4', 'u5'] : ['u1', 'u2'];
      for (const userId of people) {
        await t.database.query(
          `INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts) VALUES ($1, $2, $3::date, $4, 1, '{}')`,
          [s.ws.id, falling.id, today(-d), userId],
        );
      }
      for (const userId of ['s1', 's2']) {
        await t.database.query(
          `INSERT INTO usage_user_days (workspace_id, account_id, day, user_id, events, event_counts) VALUES ($1, $2, $3::date, $4, 1, '{}')`,
          [s.ws.id, steady.id, today(-d), userId],
        );
      }
    }
    await s.states();
    const byEvents = await s.firings(events);
    assert.deepEqual(outcomes(byEvents), [[falling.id, 'fired']]);
    assert.deepEqual(byEvents[0]!.facts, { metric: 'events', previous: 3000, current: 600, dropPercent: 80 });
    const byUsers = await s.firings(users);
    assert.deepEqual(outcomes(byUsers), [[falling.id, 'fired']]);
    assert.deepEqual(byUsers[0]!.facts, { metric: 'active_users', previous: 5, current: 2, dropPercent: 60 });
    await s.states();
    assert.equal((await s.firings(events)).length, 1, 'a lasting drop fires once');
  });

  it('no_key_contact_touch: fires when no key person was contacted for N days, and again after a new touch goes stale', async () => {
    const s = await setup('Touch Co');
    const quiet = await s.account({ name: 'Quiet' });
    const recent = await s.account({ name: 'Recent' });
    const noKey = await s.account({ name: 'No key people' });
    const stale = new Date(clock.now().getTime() - 45 * DAY).toISOString();
    const contact = await t.services.accounts.createContact(s.ws.id, quiet.id, {
      name: 'Sponsor',
      isKeyPerson: true,
      lastContactedAt: stale,
    });
    await t.services.accounts.createContact(s.ws.id, recent.id, {
      name: 'Champion',
      isKeyPerson: true,
      lastContactedAt: new Date(clock.now().getTime() - 5 * DAY).toISOString(),
    });
    await t.services.accounts.createContact(s.ws.id, noKey.id, { name: 'User', lastContactedAt: stale });
    const ruleId = await s.rule({ type: 'no_key_contact_touch', days: 30 });

    await s.states();
    const firings = await s.firings(ruleId);
    assert.deepEqual(outcomes(firings), [[quiet.id, 'fired']]);
    assert.equal(firings[0]!.facts.daysWithoutTouch, 45);

    // A touch ends the state; closing the CTA and waiting until the touch is stale fires again.
    await t.services.accounts.updateContact(s.ws.id, contact.id, { lastContactedAt: clock.now().toISOString() });
    await s.states();
    await s.closeCta((await s.openCtas(quiet.id))[0]!.id);
    clock.advance(31 * DAY);
    await s.states();
    const all = await s.firings(ruleId);
    assert.deepEqual(
      all.map((f) => f.outcome),
      ['fired', 'fired', 'fired'],
    );
    assert.deepEqual(
      all
        .map((f) => f.accountId!)
        .slice(1)
        .sort(),
      [quiet.id, recent.id].sort(),
      'the quiet account again, and the one whose touch is now 36 days old',
    );
  });

  it('schedule: fires at each cron tick for the accounts its conditions pick', async () => {
    // 2027-03-01 09:00 UTC is a Monday: the rule is saved at the tick, so the first one is next week.
    clock.set(new Date('2027-03-01T09:00:00.000Z'));
    const s = await setup('Schedule Co');
    const watched = await s.account({ name: 'Weekly check', tags: ['weekly'] });
    await s.account({ name: 'Not tagged' });
    const ruleId = await s.rule(
      { type: 'schedule', cron: '0 9 * * MON', timezone: 'UTC' },
      { conditions: { op: 'and', conditions: [{ field: 'tags', operator: 'hasAny', value: ['weekly'] }] } },
    );
    assert.equal((await t.services.rules.runSchedules(s.ws.id)).fired, 0);
    const dry = await s.api('POST', `/rules/${ruleId}/dry-run`, {});
    assert.equal(dry.body.nextScheduledAt, '2027-03-08T09:00:00.000Z');
    assert.deepEqual(
      dry.body.wouldFire.accounts.map((a: { id: string }) => a.id),
      [watched.id],
    );

    clock.set(new Date('2027-03-08T09:00:30.000Z'));
    assert.equal((await t.services.rules.runSchedules(s.ws.id)).fired, 1);
    assert.equal((await t.services.rules.runSchedules(s.ws.id)).fired, 0, 'one tick fires once');
    clock.set(new Date('2027-03-15T09:05:00.000Z'));
    const next = await t.services.rules.runSchedules(s.ws.id);
    assert.equal(next.suppressed, 1, 'last week’s CTA is still open');
    assert.deepEqual(outcomes(await s.firings(ruleId)), [
      [watched.id, 'fired'],
      [watched.id, 'suppressed'],
    ]);
  });

  it('dry-run lists who would fire now, with accounts whose CTA is open listed as suppressed', async () => {
    const s = await setup('Dry Run Co');
    const big = await s.account({ name: 'Big renewal', renewalDate: today(30), arr: 500_000, tier: 'S' });
    const mid = await s.account({ name: 'Mid renewal', renewalDate: today(45), arr: 80_000, tier: 'A' });
    await s.account({ name: 'Small renewal', renewalDate: today(20), arr: 5_000, tier: 'C' });
    await s.account({ name: 'Far renewal', renewalDate: today(200), arr: 900_000, tier: 'S' });
    const deleted = await s.account({ name: 'Deleted', renewalDate: today(10), tier: 'S' });
    await t.services.accounts.deleteAccount(s.ws.id, deleted.id);
    const conditions = { op: 'and', conditions: [{ field: 'tier', operator: 'in', value: ['S', 'A'] }] };

    const unsaved = await s.api('POST', '/rules/dry-run', { name: 'draft', trigger: { type: 'renewal_in_days', days: 90 }, conditions });
    assert.equal(unsaved.status, 200, JSON.stringify(unsaved.body));
    assert.deepEqual(
      unsaved.body.wouldFire.accounts.map((a: { id: string }) => a.id),
      [big.id, mid.id],
    );
    assert.equal(unsaved.body.wouldFire.count, 2);

    const ruleId = await s.rule({ type: 'renewal_in_days', days: 90 }, { conditions, enabled: false });
    // A CTA opened by hand for the same cause suppresses the firing too.
    await t.services.tasks.createCta(s.admin, {
      accountId: big.id,
      reason: 'renewal',
      title: 'Already on it',
      causeKey: `rule:${ruleId}:renewal_in_days:${today(30)}`,
    });
    const saved = await s.api('POST', `/rules/${ruleId}/dry-run`, {});
    assert.deepEqual(
      saved.body.wouldFire.accounts.map((a: { id: string }) => a.id),
      [mid.id],
    );
    assert.deepEqual(
      saved.body.suppressed.accounts.map((a: { id: string; ctaId: string | null }) => [a.id, a.ctaId !== null]),
      [[big.id, true]],
    );
    // "What if" the window were 40 days.
    const narrower = await s.api('POST', `/rules/${ruleId}/dry-run`, { trigger: { type: 'renewal_in_days', days: 40 } });
    assert.equal(narrower.body.wouldFire.count, 0);
    assert.equal(narrower.body.suppressed.count, 1);
    assert.deepEqual(await s.firings(ruleId), [], 'a dry run fires nothing');

    // Event triggers replay recent changes.
    await s.api('POST', `/accounts/${mid.id}/stage`, { stage: 'onboarding' });
    const replay = await s.api('POST', '/rules/dry-run', { trigger: { type: 'stage_entered', stage: 'onboarding' }, lookbackDays: 7 });
    assert.equal(replay.body.basis, 'recent_events');
    assert.deepEqual(
      replay.body.wouldFire.accounts.map((a: { id: string; facts: { to: string } }) => [a.id, a.facts.to]),
      [[mid.id, 'onboarding']],
    );
  });

  it('does not replay changes made before a rule was saved, and a disabled rule does not fire', async () => {
    const s = await setup('History Co');
    const a = await s.account({ name: 'Earlier', lifecycleStage: 'handoff' });
    await s.api('POST', `/accounts/${a.id}/stage`, { stage: 'onboarding' });
    const ruleId = await s.rule({ type: 'stage_entered', stage: 'rollout' });
    const early = await s.rule({ type: 'stage_entered', stage: 'onboarding' });
    await s.events();
    assert.deepEqual(await s.firings(early), []);

    await s.api('POST', `/rules/${ruleId}/disable`);
    await s.api('POST', `/accounts/${a.id}/stage`, { stage: 'rollout' });
    await s.events();
    assert.deepEqual(await s.firings(ruleId), []);
    await s.api('POST', `/rules/${ruleId}/enable`);
    await s.events();
    assert.deepEqual(await s.firings(ruleId), [], 'changes while disabled are not picked up later');
  });

  it('records a failed start with its reason, and a state trigger retries at the next scan', async () => {
    const s = await setup('Failure Co');
    const a = await s.account({ name: 'Renewer', renewalDate: today(10) });
    const ruleId = await s.rule({ type: 'renewal_in_days', days: 30 });
    await t.services.playbooks.updatePlaybook({ workspaceId: s.ws.id, userId: s.ws.admin.id }, s.playbookId, {
      ...FIXTURE_PLAYBOOK,
      enabled: false,
    });
    const run = await s.states();
    assert.equal(run.failed, 1);
    const [failed] = await s.firings(ruleId);
    assert.equal(failed!.outcome, 'failed');
    assert.match(failed!.error ?? '', /disabled/);
    await t.services.playbooks.updatePlaybook({ workspaceId: s.ws.id, userId: s.ws.admin.id }, s.playbookId, FIXTURE_PLAYBOOK);
    clock.advance(10 * 60_000);
    await s.states();
    assert.deepEqual(outcomes(await s.firings(ruleId)), [
      [a.id, 'failed'],
      [a.id, 'fired'],
    ]);
  });
});
