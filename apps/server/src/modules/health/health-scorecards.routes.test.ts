import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Scorecard, ScorecardDefinition } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';
import { everyDay, insertUsageDays, insertUsageRange, userIds } from './health-test-data';

describe('health scorecards API', () => {
  const clock = fixedClock(new Date('2026-05-01T12:00:00Z'));
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services);
  });
  after(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = ws.admin.headers) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const definitionOf = (s: Scorecard): Omit<ScorecardDefinition, 'id'> => ({
    name: s.name,
    groups: s.groups,
    measures: s.measures,
    applicability: s.applicability,
  });

  it('starts every workspace on the built-in scorecards, 80/20 by default and 70/30 for S-tier accounts', async () => {
    const { status, body } = await call('GET', '/health/scorecards');
    assert.equal(status, 200);
    const byId = new Map<string, Scorecard>(body.items.map((s: Scorecard) => [s.id, s]));
    assert.deepEqual([...byId.keys()].sort(), ['default', 'key-account']);
    assert.deepEqual(byId.get('default')!.groups, { outcome: { weight: 80 }, experience: { weight: 20 } });
    assert.deepEqual(byId.get('key-account')!.groups, { outcome: { weight: 70 }, experience: { weight: 30 } });
    assert.deepEqual(byId.get('key-account')!.applicability.tiers, ['S']);
    assert.equal(byId.get('default')!.source, 'built_in');
    assert.equal(byId.get('default')!.version, 1);
  });

  it('saves each change as a version with its author and diff, and rolls back by saving a copy', async () => {
    const current = (await call('GET', '/health/scorecards/default')).body as Scorecard;
    const edited = {
      ...definitionOf(current),
      groups: { outcome: { weight: 70 }, experience: { weight: 30 } },
      measures: current.measures.map((m) => (m.key === 'nps' ? { ...m, weight: 40 } : m)),
      baseVersion: current.version,
      note: 'NPS matters more',
    };
    const saved = await call('PUT', '/health/scorecards/default', edited);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.version, 2);
    assert.equal(saved.body.source, 'edit');
    assert.equal(saved.body.authorId, ws.admin.id);
    assert.equal(saved.body.note, 'NPS matters more');
    assert.equal(saved.body.summary, 'groups.outcome.weight 80 → 70; groups.experience.weight 20 → 30; measures.nps.weight 25 → 40');

    const stale = await call('PUT', '/health/scorecards/default', { ...edited, baseVersion: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'HEALTH_SCORECARD_VERSION_CONFLICT');
    assert.equal(stale.body.error.details[0].field, 'baseVersion');

    const rolledBack = await call('POST', '/health/scorecards/default/rollback', { version: 1 });
    assert.equal(rolledBack.status, 200);
    assert.equal(rolledBack.body.version, 3);
    assert.equal(rolledBack.body.source, 'rollback');
    assert.deepEqual(rolledBack.body.groups, { outcome: { weight: 80 }, experience: { weight: 20 } });

    const versions = await call('GET', '/health/scorecards/default/versions');
    assert.deepEqual(
      versions.body.items.map((v: { version: number; isCurrent: boolean; source: string }) => [v.version, v.source, v.isCurrent]),
      [
        [3, 'rollback', true],
        [2, 'edit', false],
        [1, 'built_in', false],
      ],
    );
    assert.equal((await call('GET', '/health/scorecards/default/versions/2')).body.groups.outcome.weight, 70);
    assert.equal((await call('GET', '/health/scorecards/default/versions/9')).body.error.code, 'HEALTH_SCORECARD_VERSION_NOT_FOUND');
  });

  it('refuses an invalid scorecard naming each field, and an id that is taken', async () => {
    const current = (await call('GET', '/health/scorecards/default')).body as Scorecard;
    const bad = {
      ...definitionOf(current),
      measures: [
        ...current.measures,
        { ...current.measures[0]!, transform: { type: 'linear', direction: 'higher_is_better', min: 5, max: 5 } },
      ],
    };
    const res = await call('PUT', '/health/scorecards/default', bad);
    assert.equal(res.status, 400);
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    assert.ok(fields.includes('measures[10].key'), fields.join());
    assert.ok(fields.includes('measures[10].transform.max'), fields.join());

    const taken = await call('POST', '/health/scorecards', { id: 'default', ...definitionOf(current) });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'HEALTH_SCORECARD_EXISTS');
  });

  it('exports as YAML and imports it back: a new scorecard, then no new version for the same file', async () => {
    const exported = await call('GET', '/health/scorecards/key-account/export?format=yaml');
    assert.equal(exported.status, 200);
    assert.match(exported.body.filename, /^scorecard-key-account-v\d+\.yaml$/);
    assert.match(exported.body.content, /^id: key-account\n/);
    const content = (exported.body.content as string).replace('id: key-account', 'id: enterprise').replace(/priority: 10/, 'priority: 20');
    const created = await call('POST', '/health/scorecards/import', { format: 'yaml', content });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.id, 'enterprise');
    assert.equal(created.body.source, 'import');
    assert.equal(created.body.applicability.priority, 20);
    const again = await call('POST', '/health/scorecards/import', { format: 'yaml', content });
    assert.equal(again.body.version, 1, 'an identical file is not a change');

    const json = await call('GET', '/health/scorecards/enterprise/export?format=json');
    assert.deepEqual(JSON.parse(json.body.content).groups, created.body.groups);

    const broken = await call('POST', '/health/scorecards/import', {
      format: 'yaml',
      content: content.replace('weight: 70', 'weight: -3'),
    });
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error.details[0].field, 'content.groups.outcome.weight');
  });

  it('previews which accounts a proposed scorecard would move between bands, without saving it', async () => {
    const preview = await createTestWorkspace(t.services, 'Preview Co');
    const busyButUnhappy = await t.services.accounts.createAccount(preview.id, {
      name: 'Busy but unhappy',
      licensedSeats: 10,
      contractStart: '2025-01-01',
    });
    const happy = await t.services.accounts.createAccount(preview.id, { name: 'Happy', licensedSeats: 10, contractStart: '2025-01-01' });
    for (const [account, score] of [
      [busyButUnhappy, 0],
      [happy, 10],
    ] as const) {
      await insertUsageRange(t.database, preview.id, account.id, { from: '2026-04-02', to: '2026-05-01', users: 8 });
      await t.services.health.addExperienceInput(preview.id, { userId: null, via: 'api_token' }, account.id, { kind: 'nps', value: score });
    }
    const current = await t.services.health.getScorecard(preview.id, 'default');
    const experienceOnly = { id: 'default', ...definitionOf(current), groups: { outcome: { weight: 0 }, experience: { weight: 100 } } };
    const res = await call('POST', '/health/scorecards/preview', { scorecard: experienceOnly }, preview.admin.headers);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.accounts, 2);
    assert.equal(res.body.affected, 2);
    assert.equal(res.body.changed, 1);
    assert.deepEqual(
      res.body.items.map((i: { name: string; fromBand: string; toBand: string }) => [i.name, i.fromBand, i.toBand]),
      [['Busy but unhappy', 'green', 'red']],
    );
    assert.deepEqual(res.body.before, { red: 0, yellow: 0, green: 2, noData: 0 });
    assert.deepEqual(res.body.after, { red: 1, yellow: 0, green: 1, noData: 0 });
    assert.equal((await t.services.health.getScorecard(preview.id, 'default')).version, 1, 'nothing saved');

    const invalid = await call(
      'POST',
      '/health/scorecards/preview',
      { scorecard: { ...experienceOnly, groups: { outcome: { weight: 0 }, experience: { weight: 0 } } } },
      preview.admin.headers,
    );
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.details[0].field, 'scorecard.groups');
  });

  it('accepts the backtest’s suggested weights as a new version, moving weight to what predicted churn', async () => {
    const fit = await createTestWorkspace(t.services, 'Fit Co');
    // Seat use decides churn here; NPS is noise (the same answer everywhere).
    for (let i = 0; i < 16; i++) {
      const churned = i % 2 === 0;
      const users = churned ? 1 + (i % 3) : 6 + (i % 4);
      const account = await t.services.accounts.createAccount(fit.id, {
        name: `Fit ${i}`,
        licensedSeats: 10,
        contractStart: '2024-01-01',
        ...(churned ? { status: 'churned' as const, churnDate: '2026-04-01' } : { renewalDate: '2027-04-01' }),
      });
      await insertUsageDays(t.database, fit.id, account.id, everyDay('2026-03-02', 30, userIds(users)));
      await t.services.health.addExperienceInput(fit.id, { userId: null, via: 'api_token' }, account.id, {
        kind: 'nps',
        value: 7,
        observedAt: '2026-02-20T10:00:00Z',
      });
    }
    const report = await call('GET', '/health/backtest?horizonDays=30', undefined, fit.admin.headers);
    assert.equal(report.status, 200);
    assert.equal(report.body.accounts, 16);
    assert.ok(report.body.suggestion, 'a suggestion');
    const accepted = await call('POST', '/health/scorecards/default/accept-suggestion', { horizonDays: 30 }, fit.admin.headers);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.version, 2);
    assert.equal(accepted.body.source, 'suggestion');
    assert.match(accepted.body.note, /^weights fitted on 16 accounts \(8 churned\), horizon 30 days/);
    const weight = (key: string) => accepted.body.measures.find((m: { key: string }) => m.key === key).weight;
    assert.ok(weight('seat_utilisation') > 25, `seat_utilisation ${weight('seat_utilisation')}`);
  });
});
