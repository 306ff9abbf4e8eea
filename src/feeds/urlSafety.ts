import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { FeedError } from './errors.ts';

/**
 * Addresses a feed or article URL must never reach: a feed URL is user input, and without this an
 * admin could make the bot fetch the cloud metadata service or an internal Redis. BlockList also
 * matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 rules.
 */
const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4], // reserved, includes 255.255.255.255 broadcast
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 maps onto IPv4, including private ranges
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['2002::', 16], // 6to4 carries an IPv4 address, private ones included
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv6');
}

/**
 * IPv6 ranges that embed an IPv4 address, refused whole. Kept apart from `forbidden` because
 * BlockList matches plain IPv4 addresses against ::ffff:0:0/96 rules: there it would refuse every
 * IPv4 address. The dotted form ::ffff:a.b.c.d is checked against the IPv4 rules instead.
 */
const embedsIpv4 = new BlockList();
embedsIpv4.addSubnet('::', 96, 'ipv6'); // IPv4-compatible (deprecated): ::127.0.0.1, ::1
embedsIpv4.addSubnet('::ffff:0:0', 96, 'ipv6'); // IPv4-mapped, in hex form (::ffff:7f00:1)

/** True for loopback, private, CGNAT, link-local (metadata), unique-local, multicast and reserved addresses. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return forbidden.check(mapped[1], 'ipv4');
    if (embedsIpv4.check(address, 'ipv6')) return true;
  }
  return forbidden.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Parses a feed or article URL: http/https only, no credentials. Throws FeedError('bad_url'). */
export function parseHttpUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    throw new FeedError('bad_url', `not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError('bad_url', `only http and https URLs are allowed, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new FeedError('bad_url', 'URLs with credentials are not allowed');
  return url;
}

/** The host as net/dns want it: `[::1]` → `::1`. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Refuses an IP-literal host up front (net.connect skips `lookup` for literals). */
export function assertHostAllowed(url: URL, allowPrivate: boolean, forbidden = isForbiddenAddress): void {
  const host = bareHost(url);
  if (!allowPrivate && isIP(host) !== 0 && forbidden(host)) {
    throw new FeedError('refused_private', `${host} is a private, loopback or reserved address`);
  }
}

type LookupFn = typeof dnsLookup;

/**
 * A `lookup` for http.request: resolves every address, refuses the host if ANY of them is forbidden,
 * and hands net.connect exactly the addresses it checked, so there is no window between the check
 * and the connection for a DNS rebinding answer.
 */
export function safeLookup(
  allowPrivate: boolean,
  forbidden: (address: string) => boolean = isForbiddenAddress,
  resolve: LookupFn = dnsLookup,
): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => {
    resolve(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const list = addresses ?? [];
      const first = list[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      const bad = list.find((a) => forbidden(a.address));
      if (bad && !allowPrivate) {
        return callback(
          new FeedError(
            'refused_private',
            `${hostname} resolves to ${bad.address}, a private or reserved address`,
          ),
          '',
          4,
        );
      }
      if (options.all) return (callback as unknown as AllCallback)(null, list);
      callback(null, first.address, first.family);
    });
  }) as unknown as LookupFunction;
}

type LookupCallback = (err: Error | null, address: string, family: number) => void;
type AllCallback = (err: Error | null, addresses: LookupAddress[]) => void;
