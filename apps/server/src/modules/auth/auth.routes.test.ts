import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { loginThroughApi } from '../../testing/login';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

const DAY_MS = 24 * 3600 * 1000;

describe('auth routes', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  before(async () => {
    t = await createTestApp();
    ws = await createTestWorkspace(t.services, 'Auth Co');
    other = await createTestWorkspace(t.services, 'Other Co');
  });
  after(() => t.close());

  const login = (user: { email: string; password: string }, workspace = ws.slug) =>
    loginThroughApi(t.app, { email: user.email, password: user.password, workspace });

  describe('POST /auth/login', () => {
    it('sets an httpOnly SameSite session cookie and returns the CSRF token and who you are', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ws.admin.email, password: ws.admin.password, workspace: ws.slug },
      });
      assert.equal(res.statusCode, 200, res.body);
      const cookie = res.cookies.find((c) => c.name === 'ns_session');
      assert.ok(cookie, 'no session cookie');
      assert.equal(cookie.httpOnly, true);
      assert.match(String(cookie.sameSite), /^(Lax|Strict)$/i);
      assert.equal(cookie.path, '/');
      const body = res.json();
      assert.match(body.csrfToken, /^[0-9a-f]{64}$/);
      assert.equal(body.user.email, ws.admin.email);
      assert.equal(body.user.role, 'admin');
      assert.equal(body.workspace.slug, ws.slug);
      assert.ok(!('passwordHash' in body.user), 'password hash leaked');
    });

    it('answers the same 401 for a wrong password and for an unknown email', async () => {
      const wrongPassword = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ws.admin.email, password: 'not-the-password' },
      });
      const unknownEmail = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody-here@example.com', password: 'not-the-password' },
      });
      for (const res of [wrongPassword, unknownEmail]) {
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.code, 'AUTH_INVALID_CREDENTIALS');
        assert.equal(res.cookies.length, 0, 'a failed login set a cookie');
      }
      assert.deepEqual(wrongPassword.json(), unknownEmail.json());
    });

    it('answers 401 when the user is not a member of the requested workspace', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ws.admin.email, password: ws.admin.password, workspace: other.slug },
      });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'AUTH_INVALID_CREDENTIALS');
    });

    it('rate-limits logins: the 11th attempt within a minute gets 429 RATE_LIMITED', async () => {
      const email = `burst-${Date.now()}@example.com`;
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 11; i++) {
        last = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'guess' } });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
      assert.equal(statuses[10], 429);
      const body = last!.json();
      assert.equal(body.error.code, 'RATE_LIMITED');
      assert.equal(typeof body.error.message, 'string');
      assert.ok(Array.isArray(body.error.details));
      assert.ok(last!.headers['retry-after'], 'no Retry-After header');
      // The limit is per address and email: the real user can still log in meanwhile.
      const realUser = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ws.admin.email, password: ws.admin.password, workspace: ws.slug },
      });
      assert.equal(realUser.statusCode, 200);
    });

    it('rate-limits one address spraying many emails: the 101st attempt within a minute gets 429', async () => {
      const remoteAddress = '203.0.113.7';
      let last;
      for (let i = 0; i < 101; i++) {
        last = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          payload: { email: `spray-${i}@example.com`, password: 'Summer2026!' },
        });
        if (i < 100) assert.equal(last.statusCode, 401, `attempt ${i + 1} gave ${last.statusCode}`);
      }
      assert.equal(last!.statusCode, 429);
      assert.equal(last!.json().error.code, 'RATE_LIMITED');
      assert.ok(Array.isArray(last!.json().error.details));
      const elsewhere = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ws.admin.email, password: ws.admin.password, workspace: ws.slug },
      });
      assert.equal(elsewhere.statusCode, 200, 'another address was blocked too');
    });
  });

  describe('session cookie and CSRF', () => {
    it('GET /auth/session works with the cookie alone', async () => {
      const session = await login(ws.admin);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.cookie });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().user.id, ws.admin.id);
      assert.equal(res.json().csrfToken, session.csrfToken);
    });

    it('refuses an unsafe cookie request without or with a wrong x-csrf-token (403) and accepts the right one', async () => {
      const session = await login(ws.admin);
      const patch = (headers: Record<string, string>) =>
        t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers, payload: { name: 'Auth Co renamed' } });

      const missing = await patch(session.cookie);
      assert.equal(missing.statusCode, 403);
      assert.equal(missing.json().error.code, 'AUTH_CSRF_FAILED');

      const wrong = await patch({ ...session.cookie, 'x-csrf-token': 'f'.repeat(64) });
      assert.equal(wrong.statusCode, 403);
      assert.equal(wrong.json().error.code, 'AUTH_CSRF_FAILED');

      const otherSession = await login(ws.admin);
      const fromAnotherSession = await patch({ ...session.cookie, 'x-csrf-token': otherSession.csrfToken });
      assert.equal(fromAnotherSession.statusCode, 403, 'a CSRF token of another session was accepted');

      const workspace = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: ws.admin.headers });
      assert.equal(workspace.json().name, 'Auth Co', 'a refused request changed data');

      const right = await patch(session.headers);
      assert.equal(right.statusCode, 200, right.body);
      assert.equal(right.json().name, 'Auth Co renamed');
    });

    it('needs no CSRF header for a Bearer token', async () => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/workspace',
        headers: ws.admin.headers,
        payload: { name: 'Auth Co' },
      });
      assert.equal(res.statusCode, 200, res.body);
    });

    it('answers 401 for a cookie that matches no session', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: 'ns_session=nss_forged' } });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'AUTH_REQUIRED');
    });
  });

  describe('POST /auth/logout', () => {
    it('ends the session: the cookie then gets 401', async () => {
      const session = await login(ws.admin);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
      assert.equal(res.statusCode, 204, res.body);
      const cleared = res.cookies.find((c) => c.name === 'ns_session');
      assert.ok(cleared && cleared.value === '', 'logout did not clear the cookie');
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.cookie });
      assert.equal(after.statusCode, 401);
    });

    it('needs the CSRF header, so another site cannot log you out', async () => {
      const session = await login(ws.admin);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.cookie });
      assert.equal(res.statusCode, 403);
      const still = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.cookie });
      assert.equal(still.statusCode, 200);
    });
  });

  describe('GET and DELETE /auth/sessions', () => {
    it('lists your sessions, marks the current one, and revokes another one', async () => {
      const user = await ws.addUser('csm');
      const laptop = await loginThroughApi(t.app, { email: user.email, password: user.password, workspace: ws.slug }, { 'user-agent': 'laptop' });
      const phone = await loginThroughApi(t.app, { email: user.email, password: user.password, workspace: ws.slug }, { 'user-agent': 'phone' });

      const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: laptop.cookie });
      assert.equal(list.statusCode, 200, list.body);
      const items = list.json().items as { id: string; current: boolean; userAgent: string }[];
      assert.equal(items.length, 2);
      const current = items.filter((s) => s.current);
      assert.equal(current.length, 1);
      assert.equal(current[0]!.userAgent, 'laptop');
      const phoneSession = items.find((s) => s.userAgent === 'phone')!;
      assert.ok(!JSON.stringify(items).includes(phone.token), 'a session secret was listed');

      const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${phoneSession.id}`, headers: laptop.headers });
      assert.equal(revoke.statusCode, 204, revoke.body);
      const phoneAfter = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: phone.cookie });
      assert.equal(phoneAfter.statusCode, 401);
      const laptopAfter = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: laptop.cookie });
      assert.equal(laptopAfter.json().items.length, 1);
    });

    it("answers 404 for someone else's session, in this workspace or another, and leaves it alive", async () => {
      const user = await ws.addUser('manager');
      const mine = await login(user);
      const colleague = await login(ws.admin);
      const stranger = await login(other.admin, other.slug);
      const sessionIdOf = async (session: { cookie: Record<string, string> }) => {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: session.cookie });
        return (res.json().items as { id: string; current: boolean }[]).find((s) => s.current)!.id;
      };
      for (const victim of [colleague, stranger]) {
        const id = await sessionIdOf(victim);
        const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${id}`, headers: mine.headers });
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, 'SESSION_NOT_FOUND');
        const alive = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: victim.cookie });
        assert.equal(alive.statusCode, 200);
      }
    });
  });

  describe('POST /auth/password', () => {
    it('changes the password: the old one stops working and the other sessions end', async () => {
      const user = await ws.addUser('csm');
      const current = await login(user);
      const elsewhere = await login(user);

      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: current.headers,
        payload: { currentPassword: 'not-my-password', newPassword: 'a brand new passphrase' },
      });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.details[0].field, 'currentPassword');

      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: current.headers,
        payload: { currentPassword: user.password, newPassword: 'a brand new passphrase' },
      });
      assert.equal(res.statusCode, 204, res.body);

      const oldPassword = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
      });
      assert.equal(oldPassword.statusCode, 401);
      await login({ email: user.email, password: 'a brand new passphrase' });

      const other = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: elsewhere.cookie });
      assert.equal(other.statusCode, 401, 'another session survived the password change');
      const same = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: current.cookie });
      assert.equal(same.statusCode, 200, 'the session that changed the password was ended');
    });
  });

  describe('deactivated members', () => {
    it('can no longer use their session or their API token', async () => {
      const user = await ws.addUser('csm');
      const session = await login(user);
      const deactivate = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        headers: ws.admin.headers,
        payload: { active: false },
      });
      assert.equal(deactivate.statusCode, 200, deactivate.body);

      const bySession = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.cookie });
      assert.equal(bySession.statusCode, 401);
      const byToken = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: user.headers });
      assert.equal(byToken.statusCode, 401);
      const relogin = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password, workspace: ws.slug },
      });
      assert.notEqual(relogin.statusCode, 200, 'a deactivated member logged in again');
    });
  });
});

describe('session expiry', () => {
  const clock = fixedClock(new Date());
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Clock Co');
  });
  after(() => t.close());

  it('answers 401 to a session idle for 15 days', async () => {
    const session = await loginThroughApi(t.app, { email: ws.admin.email, password: ws.admin.password });
    clock.advance(15 * DAY_MS);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.cookie });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'AUTH_REQUIRED');
  });

  it('keeps a session in use alive past 14 days (sliding expiry)', async () => {
    const session = await loginThroughApi(t.app, { email: ws.admin.email, password: ws.admin.password });
    for (let day = 0; day < 3; day++) {
      clock.advance(10 * DAY_MS);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.cookie });
      assert.equal(res.statusCode, 200, `session ended after ${(day + 1) * 10} days of use`);
    }
  });
});
