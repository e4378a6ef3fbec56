import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyIpAddress } from './classify-ip-address';

/** Every address a host name resolves to (injected so tests can point a name anywhere). */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const resolveHostWithDns: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

export type WebhookTargetCheck = { ok: true; url: URL } | { ok: false; problem: string };

/** The host of a URL as the resolver and the classifier want it: IPv6 literals without brackets. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Scheme and shape only: what can be judged without the network. */
export function parseWebhookUrl(raw: string): WebhookTargetCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: `must use http or https, not ${url.protocol.replace(':', '')}` };
  if (!url.hostname) return { ok: false, problem: 'has no host' };
  return { ok: true, url };
}

/** The first resolved address outside the public internet, as a sentence; undefined when all are public. */
export function findBlockedAddress(addresses: readonly { address: string }[]): string | undefined {
  for (const { address } of addresses) {
    const kind = classifyIpAddress(address);
    if (kind) return `${address} is a ${kind} address`;
  }
  return undefined;
}

/**
 * Server-side request forgery guard: the URL must be http(s) and its host must not resolve to a
 * private address, unless the workspace allows private targets. Checked when a target is saved
 * and again at every delivery (DNS may answer differently the second time).
 */
export async function checkWebhookTarget(
  raw: string,
  options: { allowPrivate: boolean; resolve: ResolveHost },
): Promise<WebhookTargetCheck> {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok || options.allowPrivate) return parsed;
  const host = hostOf(parsed.url);
  let addresses: { address: string }[];
  if (isIP(host)) addresses = [{ address: host }];
  else {
    try {
      addresses = await options.resolve(host);
    } catch {
      // A name that does not resolve here and now (no DNS yet, an air-gapped server) reaches
      // nothing either; it is judged again at every delivery, which is where the guard holds.
      return parsed;
    }
  }
  const blocked = findBlockedAddress(addresses);
  if (blocked)
    return { ok: false, problem: `targets a private network: ${host === blocked.split(' ')[0] ? '' : `${host} resolves to `}${blocked}` };
  return parsed;
}
