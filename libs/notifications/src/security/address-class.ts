import { BlockList, isIP } from 'node:net';

/** Address classes a webhook must not reach unless configuration allows the class. */
export const NETWORK_CLASSES = ['loopback', 'private', 'link-local', 'cgnat', 'multicast', 'unspecified', 'reserved'] as const;
export type NetworkClass = (typeof NETWORK_CLASSES)[number];

const RANGES: Record<NetworkClass, readonly [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
  'link-local': [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  cgnat: [['100.64.0.0', 10, 'ipv4']],
  multicast: [
    ['224.0.0.0', 4, 'ipv4'],
    ['ff00::', 8, 'ipv6'],
  ],
  unspecified: [
    ['0.0.0.0', 8, 'ipv4'],
    ['::', 128, 'ipv6'],
  ],
  // IETF protocol assignments, documentation, benchmarking, future use and broadcast: never a real receiver.
  reserved: [
    ['192.0.0.0', 24, 'ipv4'],
    ['192.0.2.0', 24, 'ipv4'],
    ['198.18.0.0', 15, 'ipv4'],
    ['198.51.100.0', 24, 'ipv4'],
    ['203.0.113.0', 24, 'ipv4'],
    ['240.0.0.0', 4, 'ipv4'],
    ['2001:db8::', 32, 'ipv6'],
    ['100::', 64, 'ipv6'],
  ],
};

const LISTS = new Map<NetworkClass, BlockList>(
  NETWORK_CLASSES.map((name) => {
    const list = new BlockList();
    for (const [network, prefix, family] of RANGES[name]) list.addSubnet(network, prefix, family);
    return [name, list];
  }),
);

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one a socket would reach: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 */
export const embeddedIpv4 = (address: string): string | null => {
  const words = expandIpv6(address);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  if (zero(0, 5) && words[5] === 0xffff) return v4(words[6], words[7]);
  if (zero(0, 6) && (words[6] !== 0 || words[7] > 1)) return v4(words[6], words[7]);
  if (words[0] === 0x64 && words[1] === 0xff9b && zero(2, 6)) return v4(words[6], words[7]);
  if (words[0] === 0x2002) return v4(words[1], words[2]);
  return null;
};

const expandIpv6 = (address: string): number[] | null => {
  if (isIP(address) !== 6) return null;
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const fill = tail === undefined ? [] : Array<number>(8 - left.length - right.length).fill(0);
  const words = [...left, ...fill, ...right];
  return words.length === 8 ? words : null;
};

/** The class of an IP address, or null for an ordinary public address. */
export const classifyAddress = (address: string): NetworkClass | null => {
  const family = isIP(address);
  if (family === 0) return 'unspecified';
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return classifyAddress(v4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const plain = address.split('%')[0];
  for (const name of NETWORK_CLASSES) if (LISTS.get(name)!.check(plain, type)) return name;
  return null;
};
