import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `Northstar-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `${t}.${body}` with the workspace's signing secret. The timestamp is inside the signed text, so
 * a receiver that rejects old timestamps also rejects replays.
 */
export function signWebhookPayload(secret: string, timestampSeconds: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${digest}`;
}

/**
 * What a receiver does (documented in docs/rules-and-webhooks.md): recompute the HMAC over the raw
 * body and compare in constant time; refuse timestamps more than `toleranceSeconds` away.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  options: { nowSeconds: number; toleranceSeconds?: number },
): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1) return false;
  if (Math.abs(options.nowSeconds - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookPayload(secret, t, body).split('v1=')[1]!, 'hex');
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
