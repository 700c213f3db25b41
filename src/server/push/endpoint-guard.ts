import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * A push subscription's endpoint is an address a phone chose, and the server POSTs to it. Without
 * a guard, any signed-in device could make the server send requests into its own network (the
 * database, a cloud metadata service at 169.254.169.254, an admin page on localhost): SSRF. Real
 * push services (Google, Mozilla, Apple, Microsoft) are on public addresses, so the server
 * refuses every private, loopback, link-local or otherwise special one. Tests that run a push
 * service on 127.0.0.1 switch the guard off (HELPTENT_PUSH_ALLOW_PRIVATE_ENDPOINTS=1).
 */
const blockedV4 = new BlockList();
const blockedV6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blockedV4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = Number.parseInt(hex[1]!, 16);
  const low = Number.parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an IP address the server must not send to: private, loopback, link-local, multicast, reserved. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedV4.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped and NAT64 addresses reach the IPv4 address inside: judge that one.
  const v4 = embeddedIpv4(address);
  if (v4 !== null) return blockedV4.check(v4, 'ipv4');
  if (/^::ffff:/i.test(address)) return true;
  return blockedV6.check(address, 'ipv6');
}

/** Host names that only ever mean this machine or its local network. */
const localName = /(^|\.)(localhost|local|internal|lan|home\.arpa)$/i;

/**
 * Why the server will not send to this endpoint, in a sentence, or null. Checks what the address
 * itself says (an IP literal, a local name); names that resolve to private addresses are caught
 * when connecting (guardedLookup), which also defeats DNS answers that change after this check.
 */
export function endpointProblem(endpoint: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'The push endpoint is not an address.';
  }
  if (url.protocol !== 'https:') return 'The push endpoint must be an https:// address.';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (isIP(host) ? isPrivateAddress(host) : localName.test(host) || !host.includes('.')) {
    return 'The push endpoint is on a private or local network; Helptent only sends to public push services.';
  }
  return null;
}

/** The error a refused address gives, so the sender can tell it from a network failure. */
export const privateAddressCode = 'EHELPTENTPRIVATEADDRESS';

type Resolve = (hostname: string, callback: (error: Error | null, addresses: LookupAddress[]) => void) => void;

const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/**
 * A `lookup` for the push sender's HTTPS agent: resolves as usual and drops private addresses, so
 * the check applies to the address actually connected to. Node 20 asks for every address
 * (`all: true`, for Happy Eyeballs) or for one; both are answered.
 */
export function guardedLookup(allowPrivate: boolean, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      const done = callback as (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
      if (error) return done(error, '');
      const allowed = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      const wanted = options.family === 4 || options.family === 6 ? allowed.filter((a) => a.family === options.family) : allowed;
      if (wanted.length === 0) {
        const refused: NodeJS.ErrnoException = new Error(
          `${hostname} resolves only to private or local addresses; Helptent does not send pushes there.`,
        );
        refused.code = privateAddressCode;
        return done(refused, '');
      }
      if (options.all) return done(null, wanted);
      return done(null, wanted[0]!.address, wanted[0]!.family);
    });
  };
}
