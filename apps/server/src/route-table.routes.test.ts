import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, roleCan, type Permission } from '@northstar/contracts';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from './testing/test-app';
import { routeParamFixtures } from './testing/route-fixtures';

// Generated from the live route table: every /api/v1 route is checked for authentication (401),
// role permissions (403) and tenant isolation (404 for another workspace's objects). A route
// added without these guarantees fails here.
describe('route table: tenancy and roles for every route', () => {
  let t: TestApp;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const tokensByRole = new Map<string, Record<string, string>>();

  before(async () => {
    t = await createTestApp();
    a = await createTestWorkspace(t.services, 'Workspace A');
    b = await createTestWorkspace(t.services, 'Workspace B');
    tokensByRole.set('admin', a.admin.headers);
    for (const role of ROLES.filter((r) => r !== 'admin')) tokensByRole.set(role, (await a.addUser(role)).headers);
  });
  after(() => t.close());

  const api = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/v1'));

  it('finds the API routes', () => {
    assert.ok(api().length >= 15, `only ${api().length} routes found`);
  });

  it('answers 401 without credentials on every non-public route', async () => {
    for (const route of api().filter((r) => r.access !== 'public')) {
      const res = await t.app.inject({ method: route.method as 'GET', url: fillParams(route.url) });
      assert.equal(res.statusCode, 401, `${route.method} ${route.url} gave ${res.statusCode}`);
      assert.equal(res.json().error.code, 'AUTH_REQUIRED');
    }
  });

  it('answers 401 for a revoked or unknown token on every non-public route', async () => {
    const revoked = await t.services.apiKeys.createApiToken(a.id, a.admin.id, 'to revoke');
    await t.services.apiKeys.revoke(a.id, 'api_token', revoked.key.id);
    for (const route of api().filter((r) => r.access !== 'public')) {
      for (const token of [revoked.secret, 'nsp_unknown']) {
        const res = await t.app.inject({ method: route.method as 'GET', url: fillParams(route.url), headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.statusCode, 401, `${route.method} ${route.url} with a bad token gave ${res.statusCode}`);
      }
    }
  });

  it('answers 403 to every role that lacks the route’s permission', async () => {
    let checked = 0;
    for (const route of api()) {
      const access = route.access as { permission?: Permission } | string;
      if (typeof access === 'string' || !access.permission) continue;
      for (const role of ROLES) {
        if (roleCan(role, access.permission)) continue;
        const res = await t.app.inject({ method: route.method as 'GET', url: fillParams(route.url), headers: tokensByRole.get(role)! });
        assert.equal(res.statusCode, 403, `${role} on ${route.method} ${route.url} gave ${res.statusCode}`);
        assert.equal(res.json().error.code, 'AUTH_FORBIDDEN');
        checked++;
      }
    }
    assert.ok(checked > 5, 'no route was checked for 403');
  });

  it('answers 404 when workspace A asks for any object of workspace B by id', async () => {
    for (const route of api().filter((r) => r.url.includes(':'))) {
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const values: Record<string, string> = {};
      for (const param of params) {
        const make = routeParamFixtures[param];
        assert.ok(make, `no fixture for :${param} (${route.method} ${route.url}): add one to testing/route-fixtures.ts`);
        values[param] = await make(t.services, b);
      }
      if (route.hasBody) assert.ok(route.bodyExample, `${route.method} ${route.url} has a body schema without examples`);
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(/:(\w+)/g, (_m, p: string) => values[p]!),
        headers: a.admin.headers,
        ...(route.hasBody ? { payload: route.bodyExample as object } : {}),
      });
      assert.equal(res.statusCode, 404, `${route.method} ${route.url} with workspace B's ids gave ${res.statusCode}: ${res.body}`);
    }
  });

  it('rejects a malformed body on every route that takes one, naming the field', async () => {
    for (const route of api().filter((r) => r.hasBody)) {
      const res = await t.app.inject({
        method: route.method as 'POST',
        url: fillParams(route.url),
        headers: a.admin.headers,
        payload: { ...(route.bodyExample as object), definitelyNotAField: 1 },
      });
      assert.equal(res.statusCode, 400, `${route.method} ${route.url} accepted an unknown field: ${res.statusCode}`);
      const body = res.json();
      assert.equal(body.error.code, 'VALIDATION_FAILED');
      assert.ok(
        body.error.details.some((d: { field: string }) => d.field === 'definitelyNotAField'),
        `${route.method} ${route.url} did not name the field: ${res.body}`,
      );
    }
  });
});

function fillParams(url: string): string {
  // A well-formed id that exists nowhere: checks must fail before any lookup matters.
  return url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
}
