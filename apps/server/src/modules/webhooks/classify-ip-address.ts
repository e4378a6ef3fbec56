import { isIPv4, isIPv6 } from 'node:net';

/** Why an address may not receive webhooks unless the workspace allows private targets. */
export type BlockedAddressKind =
  'unspecified' | 'loopback' | 'private' | 'link-local' | 'shared (CGNAT)' | 'unique-local' | 'multicast' | 'reserved';

type V4Range = readonly [first: number, bits: number, kind: BlockedAddressKind];

// RFC 6890 special-purpose blocks that can reach something other than the public internet.
const V4_BLOCKED: readonly V4Range[] = [
  [0x00000000, 8, 'unspecified'], // 0.0.0.0/8 "this network": 0.0.0.0 reaches the local host
  [0x0a000000, 8, 'private'], // 10.0.0.0/8
  [0x64400000, 10, 'shared (CGNAT)'], // 100.64.0.0/10
  [0x7f000000, 8, 'loopback'], // 127.0.0.0/8
  [0xa9fe0000, 16, 'link-local'], // 169.254.0.0/16, cloud metadata services live here
  [0xac100000, 12, 'private'], // 172.16.0.0/12
  [0xc0000000, 24, 'reserved'], // 192.0.0.0/24 IETF protocol assignments
  [0xc0a80000, 16, 'private'], // 192.168.0.0/16
  [0xc6120000, 15, 'reserved'], // 198.18.0.0/15 benchmarking
  [0xe0000000, 4, 'multicast'], // 224.0.0.0/4
  [0xf0000000, 4, 'reserved'], // 240.0.0.0/4 and the broadcast address
];

function parseV4(address: string): number {
  return address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function classifyV4(value: number): BlockedAddressKind | null {
  for (const [first, bits, kind] of V4_BLOCKED) {
    const size = 2 ** (32 - bits);
    if (value >= first && value < first + size) return kind;
  }
  return null;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted quad as two groups). */
function parseV6(address: string): number[] {
  let text = address.split('%')[0]!; // a zone id (fe80::1%eth0) names an interface, not part of the address
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseV4(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [head = '', rest] = text.split('::');
  if (rest === undefined) return parse(head);
  const left = parse(head);
  const right = parse(rest);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function classifyV6(groups: readonly number[]): BlockedAddressKind | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach the IPv4 host.
  if (upperZero && (g5 === 0xffff || g5 === 0)) return classifyV4(g6 * 65536 + g7);
  // NAT64 (64:ff9b::/96) translates to the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyV4(g6 * 65536 + g7);
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, the deprecated site-local block
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local'; // fc00::/7
  if ((g0 & 0xff00) === 0xff00) return 'multicast'; // ff00::/8
  return null;
}

/**
 * Whether an IP address is outside the public internet (and so a server-side request forgery
 * target): the kind of block it is in, or null for a public address. Anything that is not a
 * valid IP address is reported as reserved.
 */
export function classifyIpAddress(address: string): BlockedAddressKind | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return classifyV4(parseV4(bare));
  if (isIPv6(bare)) return classifyV6(parseV6(bare));
  return 'reserved';
}
