import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';
import { listDomainEvents } from '../domain-events';

describe('segments API and the account list filter', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let csm: TestUser;
  let viewer: TestUser;
  const id: Record<string, string> = {};
  const bigRenewals = {
    op: 'and',
    conditions: [
      { field: 'arr', operator: 'gte', value: 100000 },
      {
        op: 'or',
        conditions: [
          { field: 'tags', operator: 'hasAny', value: ['vip'] },
          { field: 'custom.plan_tier', operator: 'eq', value: 'gold' },
        ],
      },
    ],
  };

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Segments Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    csm = await ws.addUser('csm');
    viewer = await ws.addUser('viewer');
    await t.services.accounts.createCustomField(ws.id, {
      key: 'plan_tier',
      label: 'Plan tier',
      type: 'select',
      options: ['gold', 'silver'],
    });
    const make = async (name: string, arr: number, extra: object = {}) => {
      id[name] = (await t.services.accounts.createAccount(ws.id, { name, arr, ...extra })).id;
    };
    await make('Acme', 250000, { tags: ['VIP'] });
    await make('Beta', 120000, { customFields: { plan_tier: 'gold' } });
    await make('Gamma', 150000);
    await make('Delta', 5000, { tags: ['vip'] });
    await t.services.accounts.createAccount(other.id, { name: 'Other big', arr: 900000, tags: ['vip'] });
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    const isJson = String(res.headers['content-type'] ?? '').includes('json');
    return { status: res.statusCode, body: isJson ? res.json() : res.body };
  }
  const names = (items: { name: string }[]) => items.map((a) => a.name).sort();

  it('filters the account list by a JSON expression, ANDed with the other filters', async () => {
    const filter = encodeURIComponent(JSON.stringify(bigRenewals));
    const res = await call('GET', `/accounts?filter=${filter}`, undefined, viewer.headers);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(names(res.body.items), ['Acme', 'Beta']);
    const narrowed = await call('GET', `/accounts?filter=${filter}&q=acm`);
    assert.deepEqual(names(narrowed.body.items), ['Acme']);
  });

  it('rejects a bad list filter naming the path', async () => {
    const bad = {
      op: 'and',
      conditions: [
        { field: 'arr', operator: 'contains', value: 'x' },
        { field: 'nope', operator: 'eq', value: 1 },
      ],
    };
    const res = await call('GET', `/accounts?filter=${encodeURIComponent(JSON.stringify(bad))}`);
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      ['filter.conditions[0].operator', 'filter.conditions[1].field'],
    );
    assert.equal((await call('GET', '/accounts?filter=%7Bnot-json')).status, 400);
  });

  it('saves the list filter as a segment, counts, lists and exports its members', async () => {
    const created = await call('POST', '/segments', { name: 'Big VIPs', expression: bigRenewals }, csm.headers);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.memberCount, 2);
    assert.equal(created.body.visibility, 'shared');
    id.segment = created.body.id;
    const count = await call('GET', `/segments/${id.segment}/count`, undefined, viewer.headers);
    assert.deepEqual(count.body, { count: 2 });
    const page = await call('GET', `/segments/${id.segment}/accounts?limit=1`, undefined, viewer.headers);
    assert.equal(page.body.items.length, 1);
    const next = await call('GET', `/segments/${id.segment}/accounts?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    assert.deepEqual(names([...page.body.items, ...next.body.items]), ['Acme', 'Beta']);
    const csv = await call('GET', `/segments/${id.segment}/export`, undefined, viewer.headers);
    assert.equal(csv.status, 200);
    assert.match(csv.body, /Acme/);
    assert.match(csv.body, /Beta/);
    assert.doesNotMatch(csv.body, /Gamma|Delta/);
    const list = await call('GET', '/segments', undefined, viewer.headers);
    assert.deepEqual(
      list.body.items.map((s: { name: string; memberCount: number }) => [s.name, s.memberCount]),
      [['Big VIPs', 2]],
    );
  });

  it('stays correct as data changes, recording segment.entered and segment.left', async () => {
    await t.services.accounts.updateAccount(ws.id, id.Gamma!, { tags: ['vip'] });
    await t.services.accounts.updateAccount(ws.id, id.Beta!, { customFields: { plan_tier: 'silver' } });
    // Live: the count follows the data before any refresh.
    assert.deepEqual((await call('GET', `/segments/${id.segment}/count`)).body, { count: 2 });
    assert.deepEqual(names((await call('GET', `/segments/${id.segment}/accounts`)).body.items), ['Acme', 'Gamma']);
    const totals = await t.services.segments.refreshSegments(ws.id);
    assert.deepEqual(totals, { segments: 1, entered: 1, left: 1 });
    const entered = await listDomainEvents(t.database.db, ws.id, { type: 'segment.entered' });
    const left = await listDomainEvents(t.database.db, ws.id, { type: 'segment.left' });
    assert.deepEqual(
      entered.map((e) => e.accountId),
      [id.Gamma],
    );
    assert.deepEqual(
      left.map((e) => e.accountId),
      [id.Beta],
    );
    assert.equal(entered[0]!.payload.segmentId, id.segment);
    // Deleting an account is leaving too; a second refresh without changes records nothing new.
    await t.services.accounts.deleteAccount(ws.id, id.Acme!);
    assert.deepEqual(await t.services.segments.refreshSegments(ws.id), { segments: 1, entered: 0, left: 1 });
    assert.deepEqual(await t.services.segments.refreshSegments(ws.id), { segments: 1, entered: 0, left: 0 });
    await t.services.accounts.restoreAccount(ws.id, id.Acme!);
  });

  it('keeps private segments to their owner: 404 for everyone else', async () => {
    const mine = await call(
      'POST',
      '/segments',
      { name: 'My accounts', expression: { op: 'and', conditions: [] }, visibility: 'private' },
      csm.headers,
    );
    assert.equal(mine.status, 201);
    assert.equal((await call('GET', `/segments/${mine.body.id}`, undefined, csm.headers)).status, 200);
    for (const [method, url] of [
      ['GET', ''],
      ['GET', '/accounts'],
      ['GET', '/count'],
      ['GET', '/export'],
      ['DELETE', ''],
    ] as const) {
      const res = await call(method, `/segments/${mine.body.id}${url}`);
      assert.equal(res.status, 404, `${method} ${url}`);
      assert.equal(res.body.error.code, 'SEGMENT_NOT_FOUND');
    }
    const adminList = await call('GET', '/segments');
    assert.ok(!adminList.body.items.some((s: { id: string }) => s.id === mine.body.id));
    assert.equal((await call('PATCH', `/segments/${mine.body.id}`, { visibility: 'shared' }, csm.headers)).status, 200);
    assert.equal((await call('GET', `/segments/${mine.body.id}`)).status, 200);
  });

  it('previews an expression and offers the field catalogue with custom fields', async () => {
    const preview = await call(
      'POST',
      '/segments/preview',
      { expression: { op: 'and', conditions: [{ field: 'tags', operator: 'hasAny', value: ['VIP'] }] } },
      viewer.headers,
    );
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.count, 3);
    assert.deepEqual(
      preview.body.accounts.map((a: { name: string }) => a.name),
      ['Acme', 'Gamma', 'Delta'],
    );
    const bad = await call('POST', '/segments/preview', { expression: { op: 'xor', conditions: [] } });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.error.details.map((d: { field: string }) => d.field),
      ['expression.op'],
    );
    const fields = await call('GET', '/segments/fields', undefined, viewer.headers);
    const plan = fields.body.items.find((f: { name: string }) => f.name === 'custom.plan_tier');
    assert.deepEqual(plan.options, ['gold', 'silver']);
    assert.ok(plan.operators.includes('in'));
  });

  it('changes and deletes a segment; viewers cannot write; other workspaces see nothing', async () => {
    const changed = await call('PATCH', `/segments/${id.segment}`, {
      expression: { op: 'and', conditions: [{ field: 'arr', operator: 'lt', value: 10000 }] },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.memberCount, 1);
    assert.equal((await call('POST', '/segments', { name: 'x', expression: { op: 'and', conditions: [] } }, viewer.headers)).status, 403);
    assert.equal((await call('GET', `/segments/${id.segment}`, undefined, other.admin.headers)).status, 404);
    assert.deepEqual((await call('GET', '/segments', undefined, other.admin.headers)).body.items, []);
    assert.equal((await call('DELETE', `/segments/${id.segment}`)).status, 204);
    assert.equal((await call('GET', `/segments/${id.segment}`)).status, 404);
  });
});
