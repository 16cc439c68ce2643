/**
 * std::net::Ipv4Addr's rules (engine/std/net.ts), as rustc 1.95's std applies them: the parser's
 * refusals (leading zeros, more than three digits, out-of-range octets, anything around the four
 * groups), the `is_*` ranges and the u32 conversion. The whole type is compared with rustc by the
 * course corpus (test/oracle/course/123 and 781).
 */
import { IPV4_PREDICATES, ipv4FromBits, ipv4ToBits, ipv4Writes, parseIpv4 } from '../../../src/engine/std/net';

describe('Ipv4Addr', () => {
  test('parse accepts exactly four decimal octets without leading zeros', () => {
    expect(parseIpv4('192.168.1.10')).toEqual([192, 168, 1, 10]);
    expect(parseIpv4('0.0.0.0')).toEqual([0, 0, 0, 0]);
    expect(parseIpv4('255.255.255.255')).toEqual([255, 255, 255, 255]);
    for (const bad of ['01.2.3.4', '1.2.3.04', '0001.2.3.4', '256.1.1.1', '1.2.3', '1.2.3.4.5', ' 1.2.3.4', '1.2.3.+4', '', '1..2.3', '1.2.3.4 ', '１.2.3.4']) {
      expect(parseIpv4(bad)).toBeUndefined();
    }
  });

  test('Display writes each octet and each dot apart', () => {
    expect(ipv4Writes([127, 0, 0, 1])).toEqual(['127', '.', '0', '.', '0', '.', '1']);
  });

  test('u32 conversions are big-endian', () => {
    expect(ipv4ToBits([192, 168, 1, 10])).toBe(3232235786);
    expect(ipv4FromBits(0x7f000001)).toEqual([127, 0, 0, 1]);
    expect(ipv4ToBits([255, 255, 255, 255])).toBe(0xffffffff);
  });

  test('the is_* ranges', () => {
    const is = (name: string, o: number[]) => IPV4_PREDICATES[name]!(o);
    expect(is('is_private', [172, 16, 0, 1]) && is('is_private', [172, 31, 255, 255]) && !is('is_private', [172, 32, 0, 0])).toBe(true);
    expect(is('is_private', [10, 1, 2, 3]) && is('is_private', [192, 168, 0, 1]) && !is('is_private', [192, 169, 0, 1])).toBe(true);
    expect(is('is_loopback', [127, 9, 9, 9]) && !is('is_loopback', [128, 0, 0, 1])).toBe(true);
    expect(is('is_multicast', [224, 0, 0, 1]) && is('is_multicast', [239, 1, 1, 1]) && !is('is_multicast', [240, 0, 0, 0])).toBe(true);
    expect(is('is_documentation', [198, 51, 100, 7]) && !is('is_documentation', [198, 51, 101, 7])).toBe(true);
    expect(is('is_link_local', [169, 254, 1, 1]) && is('is_broadcast', [255, 255, 255, 255]) && is('is_unspecified', [0, 0, 0, 0])).toBe(true);
  });
});
