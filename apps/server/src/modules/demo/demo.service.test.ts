import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../platform/db/database';
import { createServices, type Services } from '../../services';
import { createTestDatabase } from '../../testing/test-database';
import { DEFAULT_DEMO_PASSWORD, type DemoSummary } from './demo.service';
import { generateDemoPlan } from './generate-demo-plan';
import { countDemoWorkRows } from './generate-demo-work';
import { countDemoHealthRows } from './generate-demo-health';
import { DEMO_RULES } from './demo-rules';

const today = '2026-05-01';

describe('demo service', () => {
  let database: Database;
  let services: Services;
  let first: DemoSummary;
  const progress: { step: string; done: number; total: number }[] = [];

  before(async () => {
    database = await createTestDatabase();
    services = createServices({ database });
    first = await services.demo.createDemo({ seed: 7, today, onProgress: (p) => progress.push(p) });
  });
  after(async () => {
    await database.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await database.query(sql, params)).rows[0]!.n);

  it('writes every planned account, contact and person into the demo workspace', async () => {
    const plan = generateDemoPlan({ seed: 7, today });
    const ws = first.workspace.id;
    assert.equal(first.workspace.slug, 'demo');
    assert.equal(await count('SELECT count(*) AS n FROM accounts WHERE workspace_id = $1', [ws]), plan.accounts.length);
    assert.equal(await count('SELECT count(*) AS n FROM contacts WHERE workspace_id = $1', [ws]), plan.contacts.length);
    assert.equal(await count('SELECT count(*) AS n FROM memberships WHERE workspace_id = $1', [ws]), 8);
    assert.equal(await count("SELECT count(*) AS n FROM memberships WHERE workspace_id = $1 AND role = 'csm'", [ws]), 6);
    assert.equal(first.counts.accounts, 500);
    assert.equal(first.counts.contacts, plan.contacts.length);
  });

  it('stores the generated values exactly, dates as calendar days', async () => {
    const plan = generateDemoPlan({ seed: 7, today });
    const sample = plan.accounts.find((a) => a.status === 'churned' && a.tags.length === 0)!;
    const tagged = plan.accounts.find((a) => a.tags.length > 1)!;
    const { rows } = await database.query(
      `SELECT external_id, name, arr::text AS arr, contract_start::text AS contract_start, renewal_date::text AS renewal_date,
              churn_date::text AS churn_date, churn_reason, status, lifecycle_stage, tags
         FROM accounts WHERE workspace_id = $1 AND external_id = ANY($2::text[]) ORDER BY external_id`,
      [first.workspace.id, [sample.key, tagged.key].sort()],
    );
    const byKey = new Map(rows.map((r) => [r.external_id as string, r]));
    const churned = byKey.get(sample.key)!;
    assert.equal(churned.name, sample.name);
    assert.equal(churned.arr, sample.arr.toFixed(2));
    assert.equal(churned.contract_start, sample.contractStart);
    assert.equal(churned.renewal_date, null);
    assert.equal(churned.churn_date, sample.churnDate);
    assert.equal(churned.churn_reason, sample.churnReason);
    assert.equal(churned.status, 'churned');
    assert.equal(churned.lifecycle_stage, 'churned');
    assert.equal(byKey.get(tagged.key)!.renewal_date, tagged.renewalDate);
    assert.deepEqual(byKey.get(tagged.key)!.tags, tagged.tags);
  });

  it('gives accounts to all six CSMs and contacts to every account', async () => {
    const ws = first.workspace.id;
    assert.equal(
      await count(
        `SELECT count(DISTINCT a.owner_id) AS n FROM accounts a
           JOIN memberships m ON m.workspace_id = a.workspace_id AND m.user_id = a.owner_id AND m.role = 'csm'
          WHERE a.workspace_id = $1`,
        [ws],
      ),
      6,
    );
    assert.equal(
      await count(
        'SELECT count(*) AS n FROM accounts a WHERE a.workspace_id = $1 AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = a.workspace_id AND c.account_id = a.id)',
        [ws],
      ),
      0,
    );
  });

  it('lets the admin and a CSM log in with the printed password', async () => {
    const admin = await services.auth.login({ email: 'admin@demo.northstar.dev', password: DEFAULT_DEMO_PASSWORD, workspace: 'demo' }, {});
    assert.equal(admin.workspaceId, first.workspace.id);
    const csm = first.people.find((p) => p.role === 'csm')!;
    const session = await services.auth.login({ email: csm.email, password: first.password }, {});
    assert.equal(session.workspaceId, first.workspace.id);
  });

  it('reports progress up to the total rows', () => {
    const last = progress.at(-1)!;
    assert.equal(last.done, last.total);
    const plan = generateDemoPlan({ seed: 7, today });
    const workRows = countDemoWorkRows(plan);
    assert.equal(
      last.total,
      8 +
        first.counts.accounts +
        first.counts.contacts +
        workRows +
        DEMO_RULES.length +
        countDemoHealthRows(plan.health) +
        2 * first.counts.productUsers +
        first.counts.usageEvents,
    );
    assert.deepEqual([...new Set(progress.map((p) => p.step))], ['people', 'accounts', 'contacts', 'work', 'rules', 'health', 'usage']);
  });

  it('sends the usage through ingestion and rolls it up, so the usage API shows it at once', async () => {
    const ws = first.workspace.id;
    assert.equal(
      await count("SELECT count(*) AS n FROM usage_events WHERE workspace_id = $1 AND type IN ('track', 'page')", [ws]),
      first.counts.usageEvents,
    );
    const busiest = (
      await database.query('SELECT account_id FROM usage_account_days WHERE workspace_id = $1 ORDER BY events DESC LIMIT 1', [ws])
    ).rows[0]!;
    const usage = await services.usageAnalytics.getAccountUsage(ws, String(busiest.account_id), { from: '2026-04-02', to: today });
    assert.ok(usage.events > 0 && usage.activeUsers > 0, JSON.stringify({ events: usage.events, users: usage.activeUsers }));
    assert.ok(
      usage.features.some((f) => f.name === 'Order processing' && f.events > 0),
      'the demo features are mapped',
    );
    assert.equal(await count('SELECT count(*) AS n FROM usage_events WHERE workspace_id = $1 AND account_id IS NULL', [ws]), 0);
  });

  it('arrives with 90 days of health history, experience inputs and the north star configured (issue #5)', async () => {
    const ws = first.workspace.id;
    const days = await database.query(
      'SELECT min(date)::text AS first, max(date)::text AS last, count(DISTINCT date)::int AS n FROM health_snapshots WHERE workspace_id = $1',
      [ws],
    );
    assert.deepEqual(days.rows[0], { first: '2026-02-01', last: today, n: 90 });
    assert.ok((await count('SELECT count(*) AS n FROM health_experience_inputs WHERE workspace_id = $1', [ws])) > 10_000);
    const scorecard = await services.health.getScorecard(ws, 'default');
    assert.deepEqual(scorecard.measures.find((m) => m.kind === 'north_star')!.northStar, { event: 'Order Processed', aggregate: 'count' });
    const bands = await database.query(
      'SELECT band, count(*)::int AS n FROM health_snapshots WHERE workspace_id = $1 AND date = $2 GROUP BY band ORDER BY band',
      [ws, today],
    );
    assert.ok(bands.rows.length >= 3, `every band is represented: ${JSON.stringify(bands.rows)}`);
  });

  it('refuses to build over an existing demo workspace without reset', async () => {
    await assert.rejects(services.demo.createDemo({ seed: 8, today }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'WORKSPACE_SLUG_TAKEN');
      assert.match(error.message, /--reset/);
      return true;
    });
    assert.equal(await count('SELECT count(*) AS n FROM accounts WHERE workspace_id = $1', [first.workspace.id]), 500);
  });

  it('rejects an impossible reference date', async () => {
    await assert.rejects(services.demo.createDemo({ seed: 7, today: '2026-02-30', reset: true }), { code: 'VALIDATION_FAILED' });
  });

  it('rebuilds the demo on reset, replacing the old rows and the password', async () => {
    const second = await services.demo.createDemo({ seed: 8, today, reset: true, password: 'another-demo-pw' });
    assert.notEqual(second.workspace.id, first.workspace.id);
    assert.equal(await count("SELECT count(*) AS n FROM workspaces WHERE slug = 'demo'"), 1);
    assert.equal(await count('SELECT count(*) AS n FROM accounts WHERE workspace_id = $1', [first.workspace.id]), 0);
    assert.equal(await count('SELECT count(*) AS n FROM accounts WHERE workspace_id = $1', [second.workspace.id]), 500);
    await services.auth.login({ email: 'admin@demo.northstar.dev', password: 'another-demo-pw', workspace: 'demo' }, {});
    await assert.rejects(services.auth.login({ email: 'admin@demo.northstar.dev', password: DEFAULT_DEMO_PASSWORD }, {}), {
      code: 'AUTH_INVALID_CREDENTIALS',
    });
  });
});
