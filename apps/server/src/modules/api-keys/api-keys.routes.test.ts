import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { sha256 } from '../../platform/security/secrets';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

describe('api keys routes', () => {
  const clock = fixedClock(new Date());
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Keys Co');
  });
  after(() => t.close());

  async function createToken(headers: Record<string, string>, name = 'script') {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { key: { id: string; prefix: string; lastUsedAt: string | null }; secret: string };
  }

  const listTokens = async (headers: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers });
    assert.equal(res.statusCode, 200, res.body);
    return res;
  };

  it('shows a new token’s secret once; the list never contains it', async () => {
    const created = await createToken(ws.admin.headers, 'CRM sync');
    assert.match(created.secret, /^nsp_/);
    assert.ok(created.secret.startsWith(created.key.prefix));
    assert.ok(created.secret.length > created.key.prefix.length + 20);
    const list = await listTokens(ws.admin.headers);
    assert.ok(list.json().items.some((k: { id: string }) => k.id === created.key.id));
    assert.ok(!list.body.includes(created.secret), 'the list shows a secret');
    for (const item of list.json().items) assert.ok(!('secret' in item) && !('secretHash' in item));
  });

  it('stores only the sha256 of the secret', async () => {
    const created = await createToken(ws.admin.headers);
    const { rows } = await t.database.query('SELECT * FROM api_keys WHERE id = $1', [created.key.id]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.secret_hash, sha256(created.secret));
    for (const [column, value] of Object.entries(rows[0]!)) {
      assert.ok(!String(value).includes(created.secret), `column ${column} holds the secret`);
    }
  });

  it('records when a token was last used', async () => {
    const created = await createToken(ws.admin.headers);
    assert.equal(created.key.lastUsedAt, null);
    const used = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { authorization: `Bearer ${created.secret}` } });
    assert.equal(used.statusCode, 200);
    const firstUse = (await listTokens(ws.admin.headers)).json().items.find((k: { id: string }) => k.id === created.key.id);
    assert.equal(firstUse.lastUsedAt, clock.now().toISOString());

    clock.advance(5 * 60_000);
    await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { authorization: `Bearer ${created.secret}` } });
    const laterUse = (await listTokens(ws.admin.headers)).json().items.find((k: { id: string }) => k.id === created.key.id);
    assert.equal(laterUse.lastUsedAt, clock.now().toISOString());
  });

  it('answers 401 AUTH_TOKEN_REVOKED to a revoked token', async () => {
    const created = await createToken(ws.admin.headers);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.key.id}`, headers: ws.admin.headers });
    assert.equal(revoke.statusCode, 200, revoke.body);
    assert.ok(revoke.json().revokedAt);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { authorization: `Bearer ${created.secret}` } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'AUTH_TOKEN_REVOKED');
  });

  it('lets a token revoke itself', async () => {
    const created = await createToken(ws.admin.headers);
    const own = { authorization: `Bearer ${created.secret}` };
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.key.id}`, headers: own });
    assert.equal(res.statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: own })).statusCode, 401);
  });

  it('shows a csm only their own tokens and answers 404 when they revoke someone else’s', async () => {
    const csm = await ws.addUser('csm');
    const colleague = await ws.addUser('csm');
    const adminToken = await createToken(ws.admin.headers, 'admin-only');
    const colleagueToken = await createToken(colleague.headers, 'colleague');
    const mine = await createToken(csm.headers, 'mine');

    const items = (await listTokens(csm.headers)).json().items as { id: string; userId: string }[];
    assert.ok(items.length >= 2);
    assert.ok(items.every((k) => k.userId === csm.id), 'a csm sees other people’s tokens');
    assert.ok(items.some((k) => k.id === mine.key.id));

    for (const victim of [adminToken, colleagueToken]) {
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${victim.key.id}`, headers: csm.headers });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'API_TOKEN_NOT_FOUND');
      const stillWorks = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { authorization: `Bearer ${victim.secret}` } });
      assert.equal(stillWorks.statusCode, 200);
    }
    // An admin manages everyone's tokens.
    const adminList = (await listTokens(ws.admin.headers)).json().items as { id: string }[];
    assert.ok(adminList.some((k) => k.id === colleagueToken.key.id));
    const byAdmin = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${colleagueToken.key.id}`, headers: ws.admin.headers });
    assert.equal(byAdmin.statusCode, 200);
  });

  describe('write keys', () => {
    it('are admin-only', async () => {
      for (const role of ['manager', 'csm', 'viewer'] as const) {
        const user = await ws.addUser(role);
        const list = await t.app.inject({ method: 'GET', url: '/api/v1/write-keys', headers: user.headers });
        const create = await t.app.inject({ method: 'POST', url: '/api/v1/write-keys', headers: user.headers, payload: { name: 'x' } });
        assert.equal(list.statusCode, 403, `${role} listed write keys`);
        assert.equal(create.statusCode, 403, `${role} created a write key`);
      }
    });

    it('shows the secret once, lists without it, and can be revoked', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/write-keys', headers: ws.admin.headers, payload: { name: 'website' } });
      assert.equal(res.statusCode, 201, res.body);
      const { key, secret } = res.json() as { key: { id: string; userId: string | null }; secret: string };
      assert.match(secret, /^nsk_/);
      assert.equal(key.userId, null);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/write-keys', headers: ws.admin.headers });
      assert.ok(list.json().items.some((k: { id: string }) => k.id === key.id));
      assert.ok(!list.body.includes(secret));
      const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/write-keys/${key.id}`, headers: ws.admin.headers });
      assert.equal(revoke.statusCode, 200);
      assert.ok(revoke.json().revokedAt);
    });

    it('are not accepted as Bearer tokens (401)', async () => {
      for (const path of ['/api/v1/workspace', '/api/v1/tokens', '/api/v1/write-keys']) {
        const res = await t.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${ws.writeKey}` } });
        assert.equal(res.statusCode, 401, `${path} accepted a write key`);
        assert.equal(res.json().error.code, 'AUTH_REQUIRED');
      }
    });

    it('cannot be revoked through the tokens route, nor a token through the write-keys route', async () => {
      const token = await createToken(ws.admin.headers);
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/write-keys', headers: ws.admin.headers, payload: { name: 'mixup' } });
      const writeKeyId = created.json().key.id as string;
      const a = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${writeKeyId}`, headers: ws.admin.headers });
      const b = await t.app.inject({ method: 'DELETE', url: `/api/v1/write-keys/${token.key.id}`, headers: ws.admin.headers });
      assert.equal(a.statusCode, 404);
      assert.equal(b.statusCode, 404);
    });
  });
});
