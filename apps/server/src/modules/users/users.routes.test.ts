import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { sha256 } from '../../platform/security/secrets';
import { sessionFromResponse } from '../../testing/login';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

const DAY_MS = 24 * 3600 * 1000;

describe('users routes', () => {
  const clock = fixedClock(new Date());
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let counter = 0;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'People Co');
    other = await createTestWorkspace(t.services, 'Elsewhere Co');
  });
  after(() => t.close());

  async function invite(role: string, by = ws, email = `invitee-${++counter}-${Date.now()}@example.com`) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users/invitations',
      headers: by.admin.headers,
      payload: { email, name: `Invitee ${counter}`, role },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; email: string; role: string; token: string; expiresAt: string };
  }

  const accept = (token: string, password = 'a long enough passphrase') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invite', payload: { token, password } });

  describe('invitations', () => {
    it('shows the token once, stores only its hash, and accepting it creates the user logged in with the invited role', async () => {
      const invitation = await invite('manager');
      assert.match(invitation.token, /^nsi_/);
      const stored = await t.database.query('SELECT * FROM invitations WHERE id = $1', [invitation.id]);
      assert.equal(stored.rows[0]!.token_hash, sha256(invitation.token));
      assert.ok(!JSON.stringify(stored.rows[0]).includes(invitation.token), 'the invitation token is stored in clear');

      const res = await accept(invitation.token);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.user.email, invitation.email);
      assert.equal(body.user.role, 'manager');
      assert.equal(body.workspace.id, ws.id);

      const session = sessionFromResponse(res);
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.cookie });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().user.role, 'manager');
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: invitation.email, password: 'a long enough passphrase' },
      });
      assert.equal(login.statusCode, 200, 'the new user cannot log in with the password they chose');
    });

    it('answers 404 when the same invitation is used twice', async () => {
      const invitation = await invite('csm');
      assert.equal((await accept(invitation.token)).statusCode, 200);
      const again = await accept(invitation.token, 'another long passphrase');
      assert.equal(again.statusCode, 404);
      assert.equal(again.json().error.code, 'INVITATION_NOT_FOUND');
    });

    it('answers 404 for a token that was never issued', async () => {
      const res = await accept('nsi_never-issued-token');
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'INVITATION_NOT_FOUND');
    });

    it('answers 410 for an expired invitation', async () => {
      const invitation = await invite('csm');
      clock.advance(8 * DAY_MS);
      try {
        const res = await accept(invitation.token);
        assert.equal(res.statusCode, 410);
        assert.equal(res.json().error.code, 'INVITATION_EXPIRED');
      } finally {
        clock.advance(-8 * DAY_MS);
      }
    });

    it('answers 409 naming the email when the person is already a member', async () => {
      const member = await ws.addUser('csm');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users/invitations',
        headers: ws.admin.headers,
        payload: { email: member.email.toUpperCase(), name: 'Again', role: 'viewer' },
      });
      assert.equal(res.statusCode, 409);
      const body = res.json();
      assert.equal(body.error.code, 'USER_EMAIL_TAKEN');
      assert.ok(body.error.details.some((d: { field: string }) => d.field === 'email'));
    });

    it('lets a member of another workspace join with their existing password, and refuses a wrong one without using up the invitation', async () => {
      const invitation = await invite('viewer', ws, other.admin.email);
      const wrong = await accept(invitation.token, 'not their real password');
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'AUTH_INVALID_CREDENTIALS');
      const members = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: ws.admin.headers });
      assert.ok(!members.json().items.some((u: { email: string }) => u.email === other.admin.email), 'a wrong password still joined the workspace');

      const res = await accept(invitation.token, other.admin.password);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().workspace.id, ws.id);
      assert.equal(res.json().user.role, 'viewer');
      const slugs = (res.json().workspaces as { slug: string }[]).map((w) => w.slug).sort();
      assert.deepEqual(slugs, [other.slug, ws.slug].sort());
      // Still admin at home.
      const home = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: other.admin.email, password: other.admin.password, workspace: other.slug },
      });
      assert.equal(home.json().user.role, 'admin');
    });

    it('accepts an invitation only once when two requests race', async () => {
      const invitation = await invite('csm');
      const results = await Promise.all([accept(invitation.token), accept(invitation.token)]);
      const statuses = results.map((r) => r.statusCode).sort();
      assert.deepEqual(statuses, [200, 404]);
    });
  });

  describe('members', () => {
    it('lists only the members of this workspace', async () => {
      const outsider = await other.addUser('csm');
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: ws.admin.headers });
      assert.equal(res.statusCode, 200);
      const emails = (res.json().items as { email: string }[]).map((u) => u.email);
      assert.ok(emails.includes(ws.admin.email));
      assert.ok(!emails.includes(outsider.email), 'a member of another workspace was listed');
      for (const item of res.json().items) assert.ok(!('passwordHash' in item));
    });

    it('changes a member’s role, which takes effect on their next request', async () => {
      const member = await ws.addUser('viewer');
      const before = await t.app.inject({ method: 'POST', url: '/api/v1/users/invitations', headers: member.headers, payload: { email: 'x@example.com', name: 'X', role: 'csm' } });
      assert.equal(before.statusCode, 403);
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${member.id}`, headers: ws.admin.headers, payload: { role: 'admin' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().role, 'admin');
      const after = await t.app.inject({ method: 'GET', url: '/api/v1/write-keys', headers: member.headers });
      assert.equal(after.statusCode, 200, 'the new role did not take effect');
    });

    it('refuses to demote, deactivate or remove the last admin (409 USER_LAST_ADMIN)', async () => {
      const solo = await createTestWorkspace(t.services, 'Solo Co');
      const attempts = [
        t.app.inject({ method: 'PATCH', url: `/api/v1/users/${solo.admin.id}`, headers: solo.admin.headers, payload: { role: 'csm' } }),
        t.app.inject({ method: 'PATCH', url: `/api/v1/users/${solo.admin.id}`, headers: solo.admin.headers, payload: { active: false } }),
        t.app.inject({ method: 'DELETE', url: `/api/v1/users/${solo.admin.id}`, headers: solo.admin.headers }),
      ];
      for (const res of await Promise.all(attempts)) {
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, 'USER_LAST_ADMIN');
      }
      const still = await t.app.inject({ method: 'GET', url: `/api/v1/users/${solo.admin.id}`, headers: solo.admin.headers });
      assert.equal(still.json().role, 'admin');
      assert.equal(still.json().active, true);

      // With a second admin, the first may step down.
      const second = await solo.addUser('admin');
      const demote = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${solo.admin.id}`, headers: second.headers, payload: { role: 'csm' } });
      assert.equal(demote.statusCode, 200, demote.body);
      const lastOne = await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${second.id}`, headers: second.headers });
      assert.equal(lastOne.statusCode, 409);
    });

    it('removes a member: they disappear from the list and lose access', async () => {
      const member = await ws.addUser('csm');
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${member.id}`, headers: ws.admin.headers });
      assert.equal(res.statusCode, 204);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: ws.admin.headers });
      assert.ok(!(list.json().items as { id: string }[]).some((u) => u.id === member.id));
      const access = await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: member.headers });
      assert.equal(access.statusCode, 401);
    });

    it('forbids a csm to manage users (403)', async () => {
      const csm = await ws.addUser('csm');
      const target = await ws.addUser('viewer');
      const attempts = await Promise.all([
        t.app.inject({ method: 'POST', url: '/api/v1/users/invitations', headers: csm.headers, payload: { email: 'y@example.com', name: 'Y', role: 'admin' } }),
        t.app.inject({ method: 'PATCH', url: `/api/v1/users/${target.id}`, headers: csm.headers, payload: { role: 'admin' } }),
        t.app.inject({ method: 'PATCH', url: `/api/v1/users/${csm.id}`, headers: csm.headers, payload: { role: 'admin' } }),
        t.app.inject({ method: 'DELETE', url: `/api/v1/users/${target.id}`, headers: csm.headers }),
      ]);
      for (const res of attempts) {
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().error.code, 'AUTH_FORBIDDEN');
      }
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: csm.headers });
      assert.equal(list.statusCode, 200, 'a csm cannot see their colleagues');
    });

    it('answers 404 for a member of another workspace', async () => {
      const outsider = await other.addUser('csm');
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/users/${outsider.id}`, headers: ws.admin.headers });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'USER_NOT_FOUND');
    });
  });
});
