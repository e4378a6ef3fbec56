import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import { PageQuery, StrictObject } from '@northstar/contracts';
import { buildApp } from '../../app';
import { createServices } from '../../services';
import { createTestDatabase } from '../../testing/test-database';
import { createTestWorkspace, type TestWorkspace } from '../../testing/test-app';
import type { Database } from '../db/database';

type App = Awaited<ReturnType<typeof buildApp>>;
type ErrorBody = { error: { code: string; message: string; details: { field?: string; location?: string; problem: string }[] } };

function assertError(res: { statusCode: number; body: string; json: () => unknown }, status: number, code: string, field?: string): ErrorBody {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json() as ErrorBody;
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'details', 'message']);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  assert.ok(Array.isArray(body.error.details));
  if (field) assert.ok(body.error.details.some((d) => d.field === field), `no detail names "${field}": ${res.body}`);
  return body;
}

// The real application (its parsers, validators, error handler, not-found handler) plus two probe
// routes, because no identity route has an integer body or a paginated list yet.
describe('malformed requests', () => {
  let database: Database;
  let app: App;
  let ws: TestWorkspace;

  before(async () => {
    database = await createTestDatabase();
    const services = createServices({ database });
    app = await buildApp({ services, logLevel: 'silent' });
    await app.register(
      async (probe) => {
        probe.post(
          '/echo',
          {
            config: { access: 'public' },
            schema: { hide: true, body: StrictObject({ name: Type.String(), employees: Type.Integer(), active: Type.Optional(Type.Boolean()) }) },
          },
          async (request) => request.body,
        );
        probe.get(
          '/list',
          { config: { access: 'public' }, schema: { hide: true, querystring: StrictObject({ ...PageQuery, tag: Type.Optional(Type.Array(Type.String())) }) } },
          async (request) => request.query,
        );
      },
      { prefix: '/api/v1/probe' },
    );
    await app.ready();
    ws = await createTestWorkspace(services, 'Malformed Co');
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  describe('bodies', () => {
    it('answers 400 to invalid JSON', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.co",' });
      assertError(res, 400, 'VALIDATION_FAILED', 'body');
    });

    it('answers 400 to an empty JSON body', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '' });
      assertError(res, 400, 'VALIDATION_FAILED', 'body');
    });

    it('answers 400 to a JSON body that is not an object', async () => {
      for (const payload of ['null', '[]', '"text"', '42']) {
        const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });
        assertError(res, 400, 'VALIDATION_FAILED', 'body');
      }
    });

    it('answers 400 naming the missing fields of a body-less POST', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login' });
      assert.equal(res.statusCode, 400, res.body);
      assertError(res, 400, 'VALIDATION_FAILED');
    });

    it('answers 415 to text/plain or a form sent to a JSON route', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': contentType },
          payload: '{"email":"a@b.co","password":"x"}',
        });
        assertError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'content-type');
      }
    });

    it('accepts application/json with a charset', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        payload: JSON.stringify({ email: ws.admin.email, password: ws.admin.password }),
      });
      assert.equal(res.statusCode, 200, res.body);
    });

    it('answers 413 to a body over 1 MB', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1_100_000) }),
      });
      assertError(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers 400 naming the field when a number is sent for a string', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 12345, password: 'x' } });
      const body = assertError(res, 400, 'VALIDATION_FAILED', 'email');
      assert.equal(body.error.details.find((d) => d.field === 'email')!.location, 'body');
    });

    it('never coerces body values: "80" for an integer is a 400 naming the field', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/probe/echo', payload: { name: 'Acme', employees: '80' } });
      const body = assertError(res, 400, 'VALIDATION_FAILED', 'employees');
      assert.match(body.error.message, /employees/);
      const ok = await app.inject({ method: 'POST', url: '/api/v1/probe/echo', payload: { name: 'Acme', employees: 80 } });
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { name: 'Acme', employees: 80 });
    });

    it('never coerces "false" into a boolean on a real route (it would deactivate a member)', async () => {
      const member = await ws.addUser('csm');
      const res = await app.inject({ method: 'PATCH', url: `/api/v1/users/${member.id}`, headers: ws.admin.headers, payload: { active: 'false' } });
      assertError(res, 400, 'VALIDATION_FAILED', 'active');
      const still = await app.inject({ method: 'GET', url: `/api/v1/users/${member.id}`, headers: ws.admin.headers });
      assert.equal(still.json().active, true);
    });

    it('never coerces a number into a string either', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/probe/echo', payload: { name: 42, employees: 1 } });
      assertError(res, 400, 'VALIDATION_FAILED', 'name');
    });
  });

  describe('query strings and path parameters', () => {
    it('coerces ?limit=10 on a list route, and applies the default without it', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/probe/list?limit=10&tag=a' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { limit: 10, tag: ['a'] });
      const defaulted = await app.inject({ method: 'GET', url: '/api/v1/probe/list' });
      assert.deepEqual(defaulted.json(), { limit: 50 });
    });

    it('answers 400 naming `limit` for ?limit=abc and for an out-of-range limit', async () => {
      for (const limit of ['abc', '0', '501', '1.5']) {
        const res = await app.inject({ method: 'GET', url: `/api/v1/probe/list?limit=${limit}` });
        const body = assertError(res, 400, 'VALIDATION_FAILED', 'limit');
        assert.equal(body.error.details.find((d) => d.field === 'limit')!.location, 'querystring');
      }
    });

    it('answers 400 naming an unknown query parameter', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/probe/list?limt=10' });
      assertError(res, 400, 'VALIDATION_FAILED', 'limt');
    });

    it('answers 400 naming the parameter for a malformed id in the path', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers: ws.admin.headers });
      assertError(res, 400, 'VALIDATION_FAILED', 'userId');
    });
  });

  describe('the rest of the surface', () => {
    it('answers 404 with the error shape for an unknown API route', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/nope?x=1' });
      const body = assertError(res, 404, 'NOT_FOUND');
      assert.match(body.error.message, /\/api\/v1\/nope/);
      assert.doesNotMatch(body.error.message, /x=1/);
      const post = await app.inject({ method: 'POST', url: '/api/v1/nope', payload: { a: 1 } });
      assertError(post, 404, 'NOT_FOUND');
    });

    it('GET /healthz answers {"status":"ok"}', async () => {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok' });
    });

    it('GET /api/openapi.json is an OpenAPI 3 document listing every /api/v1 route with its schemas', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json() as {
        openapi: string;
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>>;
      };
      assert.match(doc.openapi, /^3\./);
      const routes = app.routeTable.filter((r) => r.url.startsWith('/api/v1') && !r.url.startsWith('/api/v1/probe'));
      assert.ok(routes.length >= 15);
      for (const route of routes) {
        const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
        const operation = doc.paths[openApiPath]?.[route.method.toLowerCase()];
        assert.ok(operation, `${route.method} ${route.url} is missing from the OpenAPI document`);
        if (route.hasBody) assert.ok(operation.requestBody, `${route.method} ${route.url} has no request body schema`);
      }
      assert.ok(!Object.keys(doc.paths).some((p) => p.startsWith('/api/v1/probe')), 'a hidden route is documented');
      const login = doc.paths['/api/v1/auth/login']!.post!;
      assert.deepEqual(Object.keys(login.requestBody!.content['application/json']!.schema.properties).sort(), ['email', 'password', 'workspace']);
      const workspace = doc.paths['/api/v1/workspace']!.get!;
      assert.ok(workspace.responses['200']!.content!['application/json']!.schema.properties!.timezone);
    });

    it('serves /api/docs as HTML whose scripts and styles all come from this server', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/docs/' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/html/);
      const refs = [...res.body.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(refs.some((r) => r.endsWith('.js')), 'no script found');
      assert.ok(refs.some((r) => r.endsWith('.css')), 'no stylesheet found');
      for (const ref of refs) {
        assert.doesNotMatch(ref, /^(https?:)?\/\//, `external asset ${ref}`);
        const asset = await app.inject({ method: 'GET', url: new URL(ref, 'http://localhost/api/docs/').pathname });
        assert.equal(asset.statusCode, 200, `${ref} is not served`);
        if (ref.endsWith('.css')) assert.doesNotMatch(asset.body, /@import\s+url\(\s*["']?https?:/, `${ref} imports an external stylesheet`);
      }
      const initializer = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
      assert.match(initializer.body, /validatorUrl: null/, 'the docs page would send the spec to validator.swagger.io');
    });
  });
});
