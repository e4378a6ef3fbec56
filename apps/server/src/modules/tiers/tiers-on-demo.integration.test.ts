import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../platform/db/database';
import { createServices, type Services } from '../../services';
import { createTestDatabase } from '../../testing/test-database';

// The acceptance checks on demo data: tiers follow DOMAIN §3 and every account says why;
// stage history is seeded consistently with the demo's stages.
describe('tiers and stages on the demo portfolio', () => {
  let database: Database;
  let services: Services;
  let workspaceId: string;

  before(async () => {
    database = await createTestDatabase();
    services = createServices({ database });
    // 200 accounts keep the build quick while the Pareto shape still holds.
    workspaceId = (await services.demo.createDemo({ seed: 3, today: '2026-05-01', accountCount: 200 })).workspace.id;
  });
  after(() => database.close());

  it('puts 10–20% of active accounts in S, holding most of the ARR', async () => {
    const overview = await services.tiers.getTiersOverview(workspaceId);
    const s = overview.tiers.find((x) => x.tier === 'S')!;
    assert.ok(s.accountShare >= 0.1 && s.accountShare <= 0.2, `S holds ${s.accountShare} of accounts`);
    assert.ok(s.arrShare >= 0.55, `S holds ${s.arrShare} of ARR`);
    assert.ok(overview.top20ArrShare >= 0.6, `top 20% hold ${overview.top20ArrShare}`);
    const counted = overview.tiers.reduce((sum, x) => sum + x.accounts, 0);
    assert.equal(counted, overview.totalAccounts);
    const c = overview.tiers.find((x) => x.tier === 'C')!;
    assert.ok(c.accountShare >= 0.3, `C holds ${c.accountShare} of accounts: the small tail`);
  });

  it('splits the middle into engaged A and low-engagement B from the usage rollups', async () => {
    const overview = await services.tiers.getTiersOverview(workspaceId);
    const share = (tier: string) => overview.tiers.find((x) => x.tier === tier)!.accountShare;
    // DOMAIN §3: A and B are the middle, similar in size, split by engagement; neither may vanish.
    assert.ok(share('A') >= 0.08, `A holds ${share('A')} of accounts`);
    assert.ok(share('B') >= 0.08, `B holds ${share('B')} of accounts`);
    const { rows } = await database.query(
      `SELECT reason->>'rule' AS rule, count(*)::int AS n FROM tier_assignments WHERE workspace_id = $1 GROUP BY 1`,
      [workspaceId],
    );
    const byRule = new Map(rows.map((r) => [String(r.rule), Number(r.n)]));
    // The split comes from seats and usage, not from a missing-data fallback.
    assert.ok((byRule.get('a_usage') ?? 0) > 0 && (byRule.get('b_usage') ?? 0) > 0, JSON.stringify([...byRule]));
    assert.ok((byRule.get('b_no_engagement_data') ?? 0) < (byRule.get('b_usage') ?? 0), JSON.stringify([...byRule]));
  });

  it('explains every active account’s tier in both languages', async () => {
    const { rows } = await database.query(
      `SELECT a.id, ta.reason_text FROM accounts a LEFT JOIN tier_assignments ta ON ta.workspace_id = a.workspace_id AND ta.account_id = a.id
       WHERE a.workspace_id = $1 AND a.status = 'active' AND a.deleted_at IS NULL`,
      [workspaceId],
    );
    assert.ok(rows.length > 100, `${rows.length} active accounts`);
    for (const row of rows) {
      const text = row.reason_text as { en: string; 'zh-CN': string } | null;
      assert.ok(text && /^top \d+% by ARR/.test(text.en) && text['zh-CN'].startsWith('ARR 排名前'), JSON.stringify(row));
    }
    const one = await services.tiers.getAccountTier(workspaceId, String(rows[0]!.id));
    assert.equal(one.history.length, 1);
  });

  it('seeds one open stay per account, matching its stage, so the rules have nothing to move', async () => {
    const { rows } = await database.query(
      `SELECT a.lifecycle_stage, h.stage, h.entered_by FROM accounts a
       LEFT JOIN lifecycle_stage_history h ON h.workspace_id = a.workspace_id AND h.account_id = a.id AND h.left_at IS NULL
       WHERE a.workspace_id = $1 AND a.deleted_at IS NULL`,
      [workspaceId],
    );
    assert.equal(rows.length, 200);
    for (const row of rows) assert.equal(row.stage, row.lifecycle_stage, JSON.stringify(row));
    assert.deepEqual(await services.lifecycle.evaluateStageRules(workspaceId, { today: '2026-05-01' }), { backfilled: 0, moved: 0 });
    const board = await services.lifecycle.getBoard(workspaceId);
    assert.equal(
      board.columns.reduce((sum, c) => sum + c.count, 0),
      200,
    );
  });
});
