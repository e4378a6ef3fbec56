import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';

describe('custom fields API', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let csm: TestUser;
  let manager: TestUser;

  before(async () => {
    t = await createTestApp();
    ws = await createTestWorkspace(t.services, 'Fields Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    csm = await ws.addUser('csm');
    manager = await ws.addUser('manager');
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers = ws.admin.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }
  const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);

  it('defines account fields by default and contact fields on request', async () => {
    const res = await call(
      'POST',
      '/custom-fields',
      { key: 'support_plan', label: ' Support plan ', type: 'select', options: ['basic', ' premium'] },
      manager.headers,
    );
    assert.equal(res.status, 201);
    assert.equal(res.body.entity, 'account');
    assert.equal(res.body.label, 'Support plan');
    assert.deepEqual(res.body.options, ['basic', 'premium']);
    const contactField = await call('POST', '/custom-fields', { entity: 'contact', key: 'support_plan', label: 'Plan', type: 'text' });
    assert.equal(contactField.status, 201, 'the same key may exist once per entity');

    const all = await call('GET', '/custom-fields', undefined, csm.headers);
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.items.map((f: { entity: string; key: string }) => `${f.entity}.${f.key}`),
      ['account.support_plan', 'contact.support_plan'],
    );
    const contactsOnly = await call('GET', '/custom-fields?entity=contact');
    assert.deepEqual(
      contactsOnly.body.items.map((f: { id: string }) => f.id),
      [contactField.body.id],
    );
  });

  it('refuses a key already used for that entity, naming key', async () => {
    await call('POST', '/custom-fields', { key: 'health_note', label: 'Note', type: 'text' });
    const res = await call('POST', '/custom-fields', { key: 'health_note', label: 'Again', type: 'number' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'CUSTOM_FIELD_KEY_TAKEN');
    assert.deepEqual(fields(res.body), ['key']);
  });

  it('rejects bad definitions naming the field', async () => {
    for (const [payload, field, code] of [
      [{ key: 'Bad Key', label: 'x', type: 'text' }, 'key', 'VALIDATION_FAILED'],
      [{ key: 'ok_key', label: 'x', type: 'colour' }, 'type', 'VALIDATION_FAILED'],
      [{ key: 'ok_key', type: 'text' }, 'label', 'VALIDATION_FAILED'],
      [{ key: 'ok_key', label: 'x', type: 'select' }, 'options', 'CUSTOM_FIELD_INVALID'],
      [{ key: 'ok_key', label: 'x', type: 'text', options: ['a'] }, 'options', 'CUSTOM_FIELD_INVALID'],
      [{ key: 'ok_key', label: '   ', type: 'text' }, 'label', 'CUSTOM_FIELD_INVALID'],
    ] as const) {
      const res = await call('POST', '/custom-fields', payload);
      assert.equal(res.status, 400, JSON.stringify(payload));
      assert.equal(res.body.error.code, code);
      assert.ok(fields(res.body).includes(field), JSON.stringify(res.body));
    }
  });

  it('lets only admins and managers change definitions', async () => {
    assert.equal((await call('POST', '/custom-fields', { key: 'csm_field', label: 'x', type: 'text' }, csm.headers)).status, 403);
    const def = await call('POST', '/custom-fields', { key: 'doomed', label: 'x', type: 'text' });
    assert.equal((await call('DELETE', `/custom-fields/${def.body.id}`, undefined, csm.headers)).status, 403);
  });

  it('deleting a field removes its values from every account, and the key can be defined again', async () => {
    const def = await call('POST', '/custom-fields', { key: 'kickoff', label: 'Kickoff', type: 'date' });
    await call('POST', '/custom-fields', { key: 'seats_used', label: 'Seats', type: 'number' });
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Kicked',
      customFields: { kickoff: '2026-01-05', seats_used: 3 },
    });
    assert.equal((await call('DELETE', `/custom-fields/${def.body.id}`)).status, 204);
    assert.deepEqual((await t.services.accounts.getAccount(ws.id, account.id)).customFields, { seats_used: 3 });
    assert.equal((await call('DELETE', `/custom-fields/${def.body.id}`)).body.error.code, 'CUSTOM_FIELD_NOT_FOUND');
    const again = await call('POST', '/custom-fields', { key: 'kickoff', label: 'Kickoff', type: 'boolean' });
    assert.equal(again.status, 201);
    await t.services.accounts.updateAccount(ws.id, account.id, { customFields: { kickoff: true } });
  });

  it('keeps each workspace’s definitions to itself', async () => {
    const theirs = await t.services.accounts.createCustomField(other.id, { key: 'their_field', label: 'Theirs', type: 'text' });
    const mine = await call('GET', '/custom-fields');
    assert.ok(!mine.body.items.some((f: { id: string }) => f.id === theirs.id));
    assert.equal((await call('DELETE', `/custom-fields/${theirs.id}`)).status, 404);
    assert.equal((await t.services.accounts.listCustomFields(other.id)).length, 1);
  });
});
