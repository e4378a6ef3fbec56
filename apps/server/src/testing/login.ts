import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';

export type BrowserSession = {
  /** The raw session cookie value (ns_session). */
  token: string;
  csrfToken: string;
  /** Headers a browser sends on a safe request: the cookie only. */
  cookie: Record<string, string>;
  /** Headers a browser sends on an unsafe request: the cookie and the CSRF header. */
  headers: Record<string, string>;
};

/** Logs in through the API as a browser would and returns the cookie and CSRF headers. */
export async function loginThroughApi(
  app: FastifyInstance,
  credentials: { email: string; password: string; workspace?: string },
  extraHeaders: Record<string, string> = {},
): Promise<BrowserSession> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: credentials, headers: extraHeaders });
  assert.equal(res.statusCode, 200, `login failed: ${res.body}`);
  return sessionFromResponse(res);
}

/** The browser session a login-like response (login, accept-invite) set. */
export function sessionFromResponse(res: { cookies: { name: string; value: string }[]; json: () => unknown }): BrowserSession {
  const cookie = res.cookies.find((c) => c.name === 'ns_session');
  assert.ok(cookie, 'no ns_session cookie was set');
  const { csrfToken } = res.json() as { csrfToken: string };
  const cookieHeader = { cookie: `ns_session=${cookie.value}` };
  return { token: cookie.value, csrfToken, cookie: cookieHeader, headers: { ...cookieHeader, 'x-csrf-token': csrfToken } };
}
