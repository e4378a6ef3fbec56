import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Account } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

type Page = { items: Account[]; nextCursor: string | null };

describe('listing accounts by health score', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  /** Stores a day's snapshot as the health recompute would (score null: not enough data). */
  async function snapshot(workspaceId: string, accountId: string, date: string, score: number | null) {
    await t.database.query(
      `INSERT INTO health_snapshots (workspace_id, account_id, date, score, band, coverage, scorecard_id, scorecard_version, measures, computed_at)
       VALUES ($1, $2, $3, $4, $5, 1, 'default', 1, '[]', now())`,
      [workspaceId, accountId, date, score, score === null ? null : score < 40 ? 'red' : score < 70 ? 'yellow' : 'green'],
    );
  }

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Health Sort Co');
    other = await createTestWorkspace(t.services, 'Elsewhere Co');
    const create = (workspaceId: string, name: string) => t.services.accounts.createAccount(workspaceId, { name });
    const recovered = await create(ws.id, 'recovered');
    const lowA = await create(ws.id, 'low-a');
    const lowB = await create(ws.id, 'low-b');
    const unscorable = await create(ws.id, 'unscorable');
    await create(ws.id, 'never-scored');
    const foreign = await create(other.id, 'foreign');
    // The latest day counts, not the lowest: recovered was red last month.
    await snapshot(ws.id, recovered.id, '2026-02-01', 20);
    await snapshot(ws.id, recovered.id, '2026-03-01', 80.25);
    await snapshot(ws.id, lowA.id, '2026-03-01', 35.5);
    await snapshot(ws.id, lowB.id, '2026-02-28', 35.5);
    await snapshot(ws.id, unscorable.id, '2026-03-01', null);
    await snapshot(other.id, foreign.id, '2026-03-01', 5);
  });

  after(() => t.close());

  async function list(query: string): Promise<Page> {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/accounts?${query}`, headers: ws.admin.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  }

  /** Every page of a sort, one account a page: the order a user scrolling through sees. */
  async function walk(sort: string): Promise<string[]> {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(`sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      names.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    return names;
  }

  it('puts the lowest latest score first, ties by id, accounts without a score last', async () => {
    const items = (await list('sort=health')).items;
    const ties = items.slice(0, 2).map((a) => a.name);
    assert.deepEqual([...ties].sort(), ['low-a', 'low-b']);
    assert.deepEqual(
      items.slice(0, 3).map((a) => a.health?.score),
      [35.5, 35.5, 80.3],
    );
    assert.deepEqual(
      items.slice(2, 3).map((a) => a.name),
      ['recovered'],
    );
    assert.deepEqual(
      items
        .slice(3)
        .map((a) => a.name)
        .sort(),
      ['never-scored', 'unscorable'],
    );
    assert.ok(!items.some((a) => a.name === 'foreign'), 'another workspace’s account is never listed');
  });

  it('sorts highest first with -health, still leaving unscored accounts last', async () => {
    const names = (await list('sort=-health')).items.map((a) => a.name);
    assert.equal(names[0], 'recovered');
    assert.deepEqual(names.slice(1, 3).sort(), ['low-a', 'low-b']);
    assert.deepEqual(names.slice(3).sort(), ['never-scored', 'unscorable']);
  });

  it('pages through either order with the cursor, no account skipped or repeated', async () => {
    for (const sort of ['health', '-health']) {
      const all = (await list(`sort=${sort}`)).items.map((a) => a.name);
      assert.deepEqual(await walk(sort), all, sort);
    }
  });

  it('refuses a cursor whose key is not a score', async () => {
    const page = await list('sort=health&limit=1');
    const [, , id] = JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString('utf8')) as [string, string, string];
    const forged = Buffer.from(JSON.stringify(['health', '1; drop table accounts', id])).toString('base64url');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/accounts?sort=health&cursor=${forged}`, headers: ws.admin.headers });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.details[0].field, 'cursor');
  });
});
