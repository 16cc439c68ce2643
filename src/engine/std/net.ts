/**
 * `std::net::Ipv4Addr` (core::net): four octets in a `[u8; 4]` (size 4, align 1; derived
 * PartialEq/Ord compare them in order), never on the heap. What std 1.95 does with one:
 * Display writes `a.b.c.d` as seven writes (each octet an integer's write, each dot a
 * literal's), or, with a width or precision, one `f.pad` of the whole text; Debug is Display.
 * `parse` reads exactly four decimal groups of at most three digits, each at most 255, without
 * leading zeros ("01" is octal-looking and refused), and nothing else; a failure is
 * `AddrParseError(AddrKind::Ipv4)`, whose Display pads its description.
 */

/** The value's octets as numbers. */
export type Octets = [number, number, number, number];

/** The writes Display makes (a width or precision joins them into one padded write). */
export function ipv4Writes(o: readonly number[]): string[] {
  return [String(o[0]), '.', String(o[1]), '.', String(o[2]), '.', String(o[3])];
}

/** `Ipv4Addr::from_str`: the octets, or undefined for std's `AddrParseError(Ipv4)`. */
export function parseIpv4(text: string): Octets | undefined {
  if (text.length > 15) return undefined; // parse_ascii refuses anything longer than 255.255.255.255
  const groups = text.split('.');
  if (groups.length !== 4) return undefined;
  const out: number[] = [];
  for (const g of groups) {
    if (!/^[0-9]{1,3}$/.test(g)) return undefined;
    if (g.length > 1 && g[0] === '0') return undefined;
    const n = Number(g);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out as Octets;
}

/** `u32::from(ip)` (big-endian: the first octet is the high byte) and back. */
export const ipv4ToBits = (o: readonly number[]): number => ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
export const ipv4FromBits = (n: number): Octets => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** The `is_*` predicates std has on Ipv4Addr (stable in 1.95), by method name. */
export const IPV4_PREDICATES: Readonly<Record<string, (o: readonly number[]) => boolean>> = {
  is_unspecified: (o) => o.every((x) => x === 0),
  is_loopback: (o) => o[0] === 127,
  // 10/8, 172.16/12, 192.168/16
  is_private: (o) => o[0] === 10 || (o[0] === 172 && (o[1]! & 0xf0) === 16) || (o[0] === 192 && o[1] === 168),
  is_link_local: (o) => o[0] === 169 && o[1] === 254,
  is_multicast: (o) => o[0]! >= 224 && o[0]! <= 239,
  is_broadcast: (o) => o.every((x) => x === 255),
  // 192.0.2/24, 198.51.100/24, 203.0.113/24
  is_documentation: (o) => (o[0] === 192 && o[1] === 0 && o[2] === 2) || (o[0] === 198 && o[1] === 51 && o[2] === 100) || (o[0] === 203 && o[1] === 0 && o[2] === 113),
};

/** std's `AddrKind` variants, in declaration order, and what `AddrParseError`'s Display says for each. */
export const ADDR_KINDS = ['Ip', 'Ipv4', 'Ipv6', 'Socket', 'SocketV4', 'SocketV6'] as const;
const ADDR_MESSAGES: Record<(typeof ADDR_KINDS)[number], string> = {
  Ip: 'invalid IP address syntax',
  Ipv4: 'invalid IPv4 address syntax',
  Ipv6: 'invalid IPv6 address syntax',
  Socket: 'invalid socket address syntax',
  SocketV4: 'invalid IPv4 socket address syntax',
  SocketV6: 'invalid IPv6 socket address syntax',
};
export const addrParseErrorText = (kind: string): string | undefined => ADDR_MESSAGES[kind as (typeof ADDR_KINDS)[number]];
