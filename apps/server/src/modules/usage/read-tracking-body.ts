import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError } from '../../platform/errors';

/** Segment's per-request limit, measured after decompression: 500 KB. */
export const MAX_REQUEST_BYTES = 500 * 1024;

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function bad(message: string, field = 'body', location = 'body'): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field, location, problem: message }]);
}

export function tooLarge(): AppError {
  return bad(`Request body exceeds the 500 KB limit per request (${MAX_REQUEST_BYTES} bytes after decompression)`);
}

/**
 * JSON, as Segment's libraries send it: application/json, or text/plain from browsers avoiding
 * a CORS preflight, or no content type at all. Forms and anything else are refused.
 */
export function checkContentType(contentType: string | undefined): void {
  if (!contentType) return;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType === 'text/plain') return;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Unsupported content type "${mediaType}": send application/json`, [
    { field: 'content-type', location: 'headers', problem: 'use application/json' },
  ]);
}

async function decompress(raw: Buffer | Uint8Array, encoding: string | undefined): Promise<Buffer> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  // maxOutputLength stops a gzip bomb at the limit instead of after inflating all of it.
  const limits = { maxOutputLength: MAX_REQUEST_BYTES + 1 };
  try {
    if (name === 'identity' || name === '') return Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (name === 'gzip' || name === 'x-gzip') return await gunzip(raw, limits);
    if (name === 'deflate') return await inflate(raw, limits);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw bad(`Body is not valid ${name} data: ${(error as Error).message}`, 'content-encoding', 'headers');
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Unsupported Content-Encoding "${name}": send gzip or no encoding`, [
    { field: 'content-encoding', location: 'headers', problem: 'use gzip or identity' },
  ]);
}

/** Decodes a tracking request body into a JSON object, or throws a 400/415 saying what is wrong. */
export async function readTrackingBody(
  raw: Buffer | undefined,
  headers: { 'content-encoding'?: string | undefined },
): Promise<Record<string, unknown>> {
  return (await decodeTrackingBody(raw, headers)).body;
}

/** readTrackingBody, also telling whether the JSON text held any `\u` escape (see EventEnvelope). */
export async function decodeTrackingBody(
  raw: Buffer | Uint8Array | undefined,
  headers: { 'content-encoding'?: string | undefined },
): Promise<{ body: Record<string, unknown>; noUnicodeEscapes: boolean }> {
  if (!raw || raw.length === 0) throw bad('Body is empty: send a JSON object');
  const bytes = await decompress(raw, headers['content-encoding']);
  if (bytes.length > MAX_REQUEST_BYTES) throw tooLarge();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw bad('Body is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw bad(`Body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('Body must be a JSON object');
  return { body: value as Record<string, unknown>, noUnicodeEscapes: !text.includes('\\u') };
}

/** The write key from HTTP Basic auth: the username (the password is empty). */
export function readHeaderWriteKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, credentials] = authorization.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() !== 'basic' || !credentials) return undefined;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const username = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
  return username || undefined;
}

/** The write key from HTTP Basic auth (the username, empty password) or the body's writeKey. */
export function readWriteKey(authorization: string | undefined, body: Record<string, unknown>): string | undefined {
  const fromHeader = readHeaderWriteKey(authorization);
  if (fromHeader) return fromHeader;
  return typeof body.writeKey === 'string' && body.writeKey ? body.writeKey : undefined;
}
