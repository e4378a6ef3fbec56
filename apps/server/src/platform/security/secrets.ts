import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A new random secret such as `nsp_3q2…`. The marker says what kind of secret it is when it
 * turns up in a log or a leak scanner; only its sha256 is stored.
 */
export function generateSecret(marker: string): { secret: string; hash: string; prefix: string } {
  const secret = `${marker}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: sha256(secret), prefix: secret.slice(0, marker.length + 7) };
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

// argon2id at OWASP's recommended floor (19 MiB, t=2): memory-hard, ~30 ms here, so a burst of
// logins does not starve the 2-core box (scrypt at N=2^17 took ~370 ms).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so response time does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('northstar-timing-equaliser');
  return dummyHash;
}
