import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

describe('workspace routes', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  before(async () => {
    t = await createTestApp();
    ws = await createTestWorkspace(t.services, 'Workspace Co');
    other = await createTestWorkspace(t.services, 'Neighbour Co');
  });
  after(() => t.close());

  it('GET /workspace returns the caller’s workspace', async () => {
    const viewer = await ws.addUser('viewer');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: viewer.headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(Object.keys(res.json()).sort(), ['createdAt', 'id', 'name', 'slug', 'timezone']);
    assert.equal(res.json().id, ws.id);
    assert.equal(res.json().slug, ws.slug);
    assert.equal(res.json().timezone, 'UTC');
  });

  it('PATCH /workspace renames it and changes its time zone, and only this workspace', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: ws.admin.headers,
      payload: { name: '北极星 客户成功', timezone: 'Asia/Shanghai' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().name, '北极星 客户成功');
    assert.equal(res.json().timezone, 'Asia/Shanghai');
    assert.equal(res.json().slug, ws.slug, 'renaming changed the slug');

    const again = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: ws.admin.headers });
    assert.equal(again.json().timezone, 'Asia/Shanghai');
    const neighbour = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: other.admin.headers });
    assert.equal(neighbour.json().name, 'Neighbour Co');
    assert.equal(neighbour.json().timezone, 'UTC');
  });

  it('answers 400 naming `timezone` for an unknown time zone, and changes nothing', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: ws.admin.headers,
      payload: { name: 'Should not stick', timezone: 'Mars/Olympus_Mons' },
    });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    assert.ok(body.error.details.some((d: { field: string }) => d.field === 'timezone'), res.body);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: ws.admin.headers });
    assert.notEqual(after.json().name, 'Should not stick');
  });

  it('answers 400 for an empty name', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: ws.admin.headers, payload: { name: '' } });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().error.details.some((d: { field: string }) => d.field === 'name'));
  });

  it('forbids a manager to change the workspace (403)', async () => {
    const manager = await ws.addUser('manager');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: manager.headers, payload: { name: 'Mine now' } });
    assert.equal(res.statusCode, 403);
  });
});
