import type { ErrorDetail } from '@northstar/contracts';

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

/** An API answer outside 2xx, carrying the server's `{error:{code,message,details}}` and raw body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly body: unknown;

  constructor(status: number, code: string, message: string, details: ErrorDetail[], body: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.body = body;
  }
}

export const API_BASE = '/api/v1';

// The CSRF token comes with the session (login or GET /auth/session) and lives only in memory:
// it must never be readable by other origins, and a reload fetches it again with the session.
let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

let onUnauthorized: (() => void) | undefined;
/** Called when an API call answers 401 (the session ended): the app sends the user to /login. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

/** Arrays become repeated parameters (`tier=S&tier=A`), as the API's list filters expect. */
export function toSearchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.append(key, String(value));
  }
  return params;
}

export function apiUrl(path: string, query?: Query): string {
  const search = query ? toSearchParams(query).toString() : '';
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

export type RequestOptions = {
  query?: Query;
  /** JSON-serialised unless `contentType` says otherwise (then sent as is). */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the error envelope, tolerating proxies or crashes that answer with something else. */
export function toApiError(status: number, body: unknown, statusText = ''): ApiError {
  const envelope = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof envelope?.code === 'string' ? envelope.code : `HTTP_${status}`;
  const message = typeof envelope?.message === 'string' ? envelope.message : statusText || `Request failed (${status})`;
  const details = Array.isArray(envelope?.details) ? (envelope.details as ErrorDetail[]) : [];
  return new ApiError(status, code, message, details, body);
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json';
    body = options.contentType ? (options.body as BodyInit) : JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    body: body ?? null,
    credentials: 'same-origin',
    signal: options.signal ?? null,
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    // A failed login is a 401 too, but it must show its message rather than bounce to /login.
    if (response.status === 401 && path !== '/auth/login') onUnauthorized?.();
    throw toApiError(response.status, parsed, response.statusText);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => apiRequest<T>('GET', path, query ? { query } : {}),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) => apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
};

/**
 * Maps the API's `details[].field` (`/plan`, `body.plan`, `plan`) to a form field name so a
 * form can show each problem beside its input.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const detail of error.details) {
    if (!detail.field) continue;
    const name = detail.field.replace(/^(body)?[./]?/, '').split(/[./]/)[0] ?? '';
    if (name && !out[name]) out[name] = detail.problem;
  }
  return out;
}
