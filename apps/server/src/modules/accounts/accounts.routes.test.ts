import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';

const DAY = 24 * 3600 * 1000;

describe('accounts API', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let csm: TestUser;
  let viewer: TestUser;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Accounts Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    csm = await ws.addUser('csm');
    viewer = await ws.addUser('viewer');
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }
  const create = async (payload: object, headers = ws.admin.headers) => {
    const res = await call('POST', '/accounts', payload, headers);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);

  it('creates an account and presents money, owner, dates and tags the way users read them', async () => {
    const res = await call('POST', '/accounts', {
      name: '  Acme Logistics ',
      externalId: 'crm-001',
      domain: 'acme.example',
      arr: 120000.5,
      currency: 'CNY',
      renewalDate: '2027-03-31',
      contractStart: '2026-04-01',
      ownerId: csm.id,
      tier: 'S',
      lifecycleStage: 'onboarding',
      tags: [' upsell ', 'Upsell', '重点客户', '   '],
    });
    assert.equal(res.status, 201);
    const account = res.body;
    assert.equal(account.name, 'Acme Logistics');
    assert.equal(account.arr, 120000.5);
    assert.equal(account.mrr, 10000.04);
    assert.equal(account.ownerId, csm.id);
    assert.equal(account.ownerName, 'csm 1');
    assert.equal(account.contactCount, 0);
    assert.equal(account.renewalDate, '2027-03-31');
    assert.equal(account.contractStart, '2026-04-01');
    assert.deepEqual(account.tags, ['upsell', '重点客户']);
    assert.deepEqual(account.customFields, {});
    assert.equal(account.status, 'active');
    assert.equal(account.createdAt, '2026-03-01T09:00:00.000Z');
    assert.equal(account.deletedAt, null);

    const fetched = await call('GET', `/accounts/${account.id}`, undefined, viewer.headers);
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.body, account);
  });

  it('lets a CSM create and a viewer only read', async () => {
    await create({ name: 'By CSM' }, csm.headers);
    const res = await call('POST', '/accounts', { name: 'By viewer' }, viewer.headers);
    assert.equal(res.status, 403);
    const account = await create({ name: 'Viewer target' });
    assert.equal((await call('PATCH', `/accounts/${account.id}`, { plan: 'x' }, viewer.headers)).status, 403);
    assert.equal((await call('DELETE', `/accounts/${account.id}`, undefined, csm.headers)).status, 403);
    assert.equal((await call('GET', `/accounts/${account.id}`, undefined, viewer.headers)).status, 200);
  });

  it('rejects bad input naming the field', async () => {
    const cases: [object, string][] = [
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'X', arr: -1 }, 'arr'],
      [{ name: 'X', tier: 'Z' }, 'tier'],
      [{ name: 'X', renewalDate: '31/03/2027' }, 'renewalDate'],
      [{ name: 'X', currency: 'usd' }, 'currency'],
      [{ name: 'X', colour: 'red' }, 'colour'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', '/accounts', payload);
      assert.equal(res.status, 400, JSON.stringify(payload));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      assert.ok(fields(res.body).includes(field), `${JSON.stringify(payload)} → ${JSON.stringify(res.body)}`);
    }
  });

  it('keeps external ids unique in the workspace, naming externalId', async () => {
    const first = await create({ name: 'Ext one', externalId: 'dup-1' });
    const taken = await call('POST', '/accounts', { name: 'Ext two', externalId: 'dup-1' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'ACCOUNT_EXTERNAL_ID_TAKEN');
    assert.deepEqual(fields(taken.body), ['externalId']);

    const second = await create({ name: 'Ext two', externalId: 'dup-2' });
    assert.equal((await call('PATCH', `/accounts/${second.id}`, { externalId: 'dup-1' })).status, 409);
    assert.equal((await call('PATCH', `/accounts/${first.id}`, { externalId: 'dup-1', plan: 'Pro' })).status, 200);
    // Another workspace may use the same id for its own customer.
    const elsewhere = await call('POST', '/accounts', { name: 'Ext other', externalId: 'dup-1' }, other.admin.headers);
    assert.equal(elsewhere.status, 201);
  });

  it('accepts only an active member of this workspace as owner', async () => {
    const leaver = await ws.addUser('csm');
    await t.services.users.updateMember(ws.id, leaver.id, { active: false });
    for (const ownerId of [leaver.id, other.admin.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await call('POST', '/accounts', { name: 'Owned', ownerId });
      assert.equal(res.status, 400);
      assert.deepEqual(fields(res.body), ['ownerId']);
    }
    const account = await create({ name: 'Owned' });
    const patched = await call('PATCH', `/accounts/${account.id}`, { ownerId: leaver.id });
    assert.equal(patched.status, 400);
    assert.deepEqual(fields(patched.body), ['ownerId']);
  });

  it('requires a churn date for churned accounts and clears churn facts when one is active again', async () => {
    const refused = await call('POST', '/accounts', { name: 'Churny', status: 'churned' });
    assert.equal(refused.status, 400);
    assert.deepEqual(fields(refused.body), ['churnDate']);

    const account = await create({ name: 'Churny' });
    assert.deepEqual(fields((await call('PATCH', `/accounts/${account.id}`, { status: 'churned' })).body), ['churnDate']);
    const churned = await call('PATCH', `/accounts/${account.id}`, { status: 'churned', churnDate: '2026-02-28', churnReason: 'budget' });
    assert.equal(churned.status, 200);
    assert.equal(churned.body.churnDate, '2026-02-28');
    assert.equal((await call('PATCH', `/accounts/${account.id}`, { churnDate: null })).status, 400);

    const back = await call('PATCH', `/accounts/${account.id}`, { status: 'active' });
    assert.equal(back.status, 200);
    assert.equal(back.body.status, 'active');
    assert.equal(back.body.churnDate, null);
    assert.equal(back.body.churnReason, null);
  });

  it('checks custom field values against the workspace definitions and merges them on update', async () => {
    for (const def of [
      { key: 'seats_used', label: 'Seats used', type: 'number' },
      { key: 'kickoff', label: 'Kickoff', type: 'date' },
      { key: 'is_reference', label: 'Reference customer', type: 'boolean' },
      { key: 'support_plan', label: 'Support plan', type: 'select', options: ['basic', 'premium'] },
      { key: 'notes', label: 'Notes', type: 'text' },
    ]) {
      assert.equal((await call('POST', '/custom-fields', def)).status, 201);
    }
    const bad: [object, string][] = [
      [{ unknown_key: 1 }, 'customFields.unknown_key'],
      [{ seats_used: '12' }, 'customFields.seats_used'],
      [{ kickoff: '2026-13-01' }, 'customFields.kickoff'],
      [{ is_reference: 'yes' }, 'customFields.is_reference'],
      [{ support_plan: 'gold' }, 'customFields.support_plan'],
    ];
    for (const [customFields, field] of bad) {
      const res = await call('POST', '/accounts', { name: 'Custom', customFields });
      assert.equal(res.status, 400, JSON.stringify(customFields));
      assert.deepEqual(fields(res.body), [field]);
    }
    // The other workspace's definitions do not apply here, nor ours there.
    assert.equal((await call('POST', '/accounts', { name: 'C', customFields: { seats_used: 1 } }, other.admin.headers)).status, 400);

    const account = await create({ name: 'Custom', customFields: { seats_used: 12, kickoff: '2026-04-01', support_plan: 'basic' } });
    assert.deepEqual(account.customFields, { seats_used: 12, kickoff: '2026-04-01', support_plan: 'basic' });
    const patched = await call('PATCH', `/accounts/${account.id}`, { customFields: { seats_used: 15, kickoff: null, is_reference: true } });
    assert.equal(patched.status, 200);
    assert.deepEqual(patched.body.customFields, { seats_used: 15, support_plan: 'basic', is_reference: true });
    const invalidPatch = await call('PATCH', `/accounts/${account.id}`, { customFields: { notes: 5 } });
    assert.deepEqual(fields(invalidPatch.body), ['customFields.notes']);
  });

  it('changes only the fields sent and moves updatedAt on every update', async () => {
    const account = await create({ name: 'Patchy', arr: 1000, plan: 'Pro', tags: ['a'] });
    clock.advance(60_000);
    const first = await call('PATCH', `/accounts/${account.id}`, { arr: 2400, tags: ['b', 'B '] });
    assert.equal(first.status, 200);
    assert.equal(first.body.arr, 2400);
    assert.equal(first.body.mrr, 200);
    assert.equal(first.body.plan, 'Pro');
    assert.deepEqual(first.body.tags, ['b']);
    assert.equal(first.body.createdAt, account.createdAt);
    assert.ok(first.body.updatedAt > account.updatedAt);
    clock.advance(1000);
    const second = await call('PATCH', `/accounts/${account.id}`, {});
    assert.ok(second.body.updatedAt > first.body.updatedAt);
  });

  it('soft-deletes: the account disappears from get, list and update but can be restored', async () => {
    const account = await create({ name: 'Deletable', externalId: 'del-1' });
    assert.equal((await call('DELETE', `/accounts/${account.id}`)).status, 204);
    for (const res of [
      await call('GET', `/accounts/${account.id}`),
      await call('PATCH', `/accounts/${account.id}`, { plan: 'x' }),
      await call('DELETE', `/accounts/${account.id}`),
    ]) {
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'ACCOUNT_NOT_FOUND');
    }
    const live = await call('GET', '/accounts?limit=500');
    assert.ok(!live.body.items.some((a: { id: string }) => a.id === account.id));
    const deleted = await call('GET', '/accounts?deleted=true');
    assert.deepEqual(
      deleted.body.items.map((a: { id: string }) => a.id),
      [account.id],
    );
    assert.ok(deleted.body.items[0].deletedAt);
    // Its external id stays reserved while it can come back.
    assert.equal((await call('POST', '/accounts', { name: 'Copy', externalId: 'del-1' })).status, 409);

    const restored = await call('POST', `/accounts/${account.id}/restore`);
    assert.equal(restored.status, 200);
    assert.equal(restored.body.deletedAt, null);
    assert.equal((await call('GET', `/accounts/${account.id}`)).status, 200);
  });

  it('refuses to restore an account that is not deleted', async () => {
    const account = await create({ name: 'Alive' });
    const res = await call('POST', `/accounts/${account.id}/restore`);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'ACCOUNT_NOT_DELETED');
  });

  it('restores up to 30 days after deletion and not later', async () => {
    const inTime = await create({ name: 'In time' });
    const tooLate = await create({ name: 'Too late' });
    await call('DELETE', `/accounts/${inTime.id}`);
    await call('DELETE', `/accounts/${tooLate.id}`);
    clock.advance(30 * DAY);
    assert.equal((await call('POST', `/accounts/${inTime.id}/restore`)).status, 200);
    clock.advance(1);
    const res = await call('POST', `/accounts/${tooLate.id}/restore`);
    assert.equal(res.status, 410);
    assert.equal(res.body.error.code, 'ACCOUNT_RESTORE_EXPIRED');
  });

  it('returns 404 for every operation on another workspace’s account, deleted or not', async () => {
    const theirs = await create({ name: 'Theirs' }, other.admin.headers);
    const theirsDeleted = await create({ name: 'Theirs deleted' }, other.admin.headers);
    await call('DELETE', `/accounts/${theirsDeleted.id}`, undefined, other.admin.headers);
    assert.equal((await call('GET', `/accounts/${theirs.id}`)).status, 404);
    assert.equal((await call('PATCH', `/accounts/${theirs.id}`, { plan: 'x' })).status, 404);
    assert.equal((await call('DELETE', `/accounts/${theirs.id}`)).status, 404);
    const restore = await call('POST', `/accounts/${theirsDeleted.id}/restore`);
    assert.equal(restore.status, 404);
    assert.equal(restore.body.error.code, 'ACCOUNT_NOT_FOUND');
    const list = await call('GET', '/accounts?limit=500');
    assert.ok(!list.body.items.some((a: { id: string }) => a.id === theirs.id));
    assert.equal(
      (await call('GET', '/accounts?deleted=true')).body.items.some((a: { id: string }) => a.id === theirsDeleted.id),
      false,
    );
  });

  it('counts contacts on the account', async () => {
    const account = await create({ name: 'With people' });
    await call('POST', `/accounts/${account.id}/contacts`, { name: 'Li Wei' });
    await call('POST', `/accounts/${account.id}/contacts`, { name: 'Ana' });
    assert.equal((await call('GET', `/accounts/${account.id}`)).body.contactCount, 2);
  });
});
