import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';

describe('contacts API', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let viewer: TestUser;
  let accountId: string;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Contacts Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    viewer = await ws.addUser('viewer');
    accountId = (await t.services.accounts.createAccount(ws.id, { name: 'Acme' })).id;
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }
  const addContact = async (payload: object, onAccount = accountId) => {
    const res = await call('POST', `/accounts/${onAccount}/contacts`, payload);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);

  it('adds a person to an account and reads them back', async () => {
    const contact = await addContact({
      name: ' Li Wei ',
      email: 'li.wei@example.com',
      role: 'champion',
      isKeyPerson: true,
      relationshipStrength: 4,
      lastContactedAt: '2026-02-20T08:30:00.000Z',
      externalId: 'hub-1',
    });
    assert.equal(contact.name, 'Li Wei');
    assert.equal(contact.accountId, accountId);
    assert.equal(contact.role, 'champion');
    assert.equal(contact.isKeyPerson, true);
    assert.equal(contact.relationshipStrength, 4);
    assert.equal(contact.lastContactedAt, '2026-02-20T08:30:00.000Z');
    assert.equal(contact.leftAt, null);
    assert.deepEqual(contact.customFields, {});
    assert.equal(contact.createdAt, '2026-03-01T09:00:00.000Z');
    const fetched = await call('GET', `/contacts/${contact.id}`, undefined, viewer.headers);
    assert.deepEqual(fetched.body, contact);
  });

  it('lists an account’s contacts with key people first, then by name', async () => {
    const account = (await t.services.accounts.createAccount(ws.id, { name: 'Listed' })).id;
    await addContact({ name: 'zoe' }, account);
    await addContact({ name: 'Yan', isKeyPerson: true }, account);
    await addContact({ name: 'adam' }, account);
    const res = await call('GET', `/accounts/${account}/contacts`, undefined, viewer.headers);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((c: { name: string }) => c.name),
      ['Yan', 'adam', 'zoe'],
    );
  });

  it('rejects bad input naming the field', async () => {
    for (const [payload, field] of [
      [{}, 'name'],
      [{ name: '  ' }, 'name'],
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ name: 'X', relationshipStrength: 6 }, 'relationshipStrength'],
      [{ name: 'X', role: 'boss' }, 'role'],
      [{ name: 'X', leftAt: 'yesterday' }, 'leftAt'],
    ] as const) {
      const res = await call('POST', `/accounts/${accountId}/contacts`, payload);
      assert.equal(res.status, 400, JSON.stringify(payload));
      assert.ok(fields(res.body).includes(field), JSON.stringify(res.body));
    }
  });

  it('keeps contact external ids unique in the workspace', async () => {
    await addContact({ name: 'First', externalId: 'hub-dup' });
    const res = await call('POST', `/accounts/${accountId}/contacts`, { name: 'Second', externalId: 'hub-dup' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'CONTACT_EXTERNAL_ID_TAKEN');
    assert.deepEqual(fields(res.body), ['externalId']);
  });

  it('updates only the fields sent, moving updatedAt, and records that a person left', async () => {
    const contact = await addContact({ name: 'Mover', title: 'Ops lead', email: 'mover@example.com' });
    clock.advance(60_000);
    const res = await call('PATCH', `/contacts/${contact.id}`, { title: 'VP Operations', leftAt: '2026-02-28', email: null });
    assert.equal(res.status, 200);
    assert.equal(res.body.title, 'VP Operations');
    assert.equal(res.body.leftAt, '2026-02-28');
    assert.equal(res.body.email, null);
    assert.equal(res.body.name, 'Mover');
    assert.ok(res.body.updatedAt > contact.updatedAt);
  });

  it('checks contact custom fields against contact definitions only', async () => {
    await t.services.accounts.createCustomField(ws.id, { entity: 'contact', key: 'wechat_id', label: 'WeChat', type: 'text' });
    await t.services.accounts.createCustomField(ws.id, { entity: 'account', key: 'region_code', label: 'Region code', type: 'text' });
    const wrongEntity = await call('POST', `/accounts/${accountId}/contacts`, { name: 'X', customFields: { region_code: 'x' } });
    assert.equal(wrongEntity.status, 400);
    assert.deepEqual(fields(wrongEntity.body), ['customFields.region_code']);
    const wrongType = await call('POST', `/accounts/${accountId}/contacts`, { name: 'X', customFields: { wechat_id: 5 } });
    assert.deepEqual(fields(wrongType.body), ['customFields.wechat_id']);

    const contact = await addContact({ name: 'Wechatter', customFields: { wechat_id: 'wx123' } });
    assert.deepEqual(contact.customFields, { wechat_id: 'wx123' });
    const cleared = await call('PATCH', `/contacts/${contact.id}`, { customFields: { wechat_id: null } });
    assert.deepEqual(cleared.body.customFields, {});
  });

  it('deletes a contact for good', async () => {
    const contact = await addContact({ name: 'Gone' });
    assert.equal((await call('DELETE', `/contacts/${contact.id}`)).status, 204);
    assert.equal((await call('GET', `/contacts/${contact.id}`)).status, 404);
    assert.equal((await call('DELETE', `/contacts/${contact.id}`)).body.error.code, 'CONTACT_NOT_FOUND');
    const list = await call('GET', `/accounts/${accountId}/contacts`);
    assert.ok(!list.body.items.some((c: { id: string }) => c.id === contact.id));
  });

  it('hides contacts with their deleted account and brings them back on restore', async () => {
    const account = (await t.services.accounts.createAccount(ws.id, { name: 'Paused' })).id;
    const contact = await addContact({ name: 'Hidden' }, account);
    await t.services.accounts.deleteAccount(ws.id, account);
    assert.equal((await call('GET', `/contacts/${contact.id}`)).status, 404);
    assert.equal((await call('GET', `/accounts/${account}/contacts`)).body.error.code, 'ACCOUNT_NOT_FOUND');
    assert.equal((await call('POST', `/accounts/${account}/contacts`, { name: 'New' })).status, 404);
    await t.services.accounts.restoreAccount(ws.id, account);
    assert.equal((await call('GET', `/contacts/${contact.id}`)).status, 200);
  });

  it('lets a viewer read but not write', async () => {
    const contact = await addContact({ name: 'Read only' });
    assert.equal((await call('GET', `/accounts/${accountId}/contacts`, undefined, viewer.headers)).status, 200);
    assert.equal((await call('POST', `/accounts/${accountId}/contacts`, { name: 'No' }, viewer.headers)).status, 403);
    assert.equal((await call('PATCH', `/contacts/${contact.id}`, { name: 'No' }, viewer.headers)).status, 403);
    assert.equal((await call('DELETE', `/contacts/${contact.id}`, undefined, viewer.headers)).status, 403);
  });

  it('returns 404 for another workspace’s accounts and contacts', async () => {
    const theirAccount = (await t.services.accounts.createAccount(other.id, { name: 'Theirs' })).id;
    const theirContact = (await t.services.accounts.createContact(other.id, theirAccount, { name: 'Their person' })).id;
    assert.equal((await call('GET', `/accounts/${theirAccount}/contacts`)).status, 404);
    assert.equal((await call('POST', `/accounts/${theirAccount}/contacts`, { name: 'Sneaky' })).status, 404);
    assert.equal((await call('GET', `/contacts/${theirContact}`)).status, 404);
    assert.equal((await call('PATCH', `/contacts/${theirContact}`, { name: 'Sneaky' })).status, 404);
    assert.equal((await call('DELETE', `/contacts/${theirContact}`)).status, 404);
    assert.equal((await t.services.accounts.getContact(other.id, theirContact)).name, 'Their person');
  });
});
