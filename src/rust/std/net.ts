/**
 * `std::net::Ipv4Addr` and its `AddrParseError`, as a program sees them: std's structs added to
 * a program that names them (like the parse errors, std/parse.ts): `Ipv4Addr { octets: [u8; 4] }`
 * (size 4, align 1, `#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]`, Display and
 * Debug written by the engine's formatter) and `AddrParseError(AddrKind)` (one byte, derived
 * Debug, Display its description). One entry per associated function and method; what they do
 * is engine/std/net.ts.
 */
import type { EnumDef, StructDef, Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { ADDR_KINDS, IPV4_PREDICATES, ipv4FromBits, ipv4ToBits, type Octets } from '../../engine/std/net';
import { BOOL, con, prune, show, type TypeVar } from '../check/types';
import type { Program } from '../syntax/ast';
import { scalar } from '../run/values';
import type { StdConst, StdFn, StdMethod } from './table';

const U8: Ty = { kind: 'int', name: 'u8' };
const OCTETS_TY: Ty = { kind: 'array', elem: U8, len: 4 };
export const IPV4_TY = con('adt:Ipv4Addr');
export const ADDR_PARSE_ERROR_TY = con('adt:AddrParseError');

/** Adds Ipv4Addr and AddrParseError to a program that names std::net (unless it declares its own). */
export function addNet(prog: Program): void {
  const usesNet = [...prog.stdNames.values()].some((p) => /^(std|core)::net::/.test(p));
  const names = ['Ipv4Addr', 'AddrParseError', 'AddrKind'];
  if (!usesNet || names.some((n) => prog.structs.has(n) || prog.enums.has(n))) return;
  const addr: StructDef = { kind: 'struct', name: 'Ipv4Addr', repr: 'rust', fields: [{ name: 'octets', ty: OCTETS_TY }] };
  const kind: EnumDef = { kind: 'enum', name: 'AddrKind', repr: 'rust', variants: ADDR_KINDS.map((v) => ({ name: v, fields: [] })) };
  const err: StructDef = { kind: 'struct', name: 'AddrParseError', repr: 'rust', fields: [{ name: '0', ty: { kind: 'adt', name: 'AddrKind' } }] };
  prog.structs.set('Ipv4Addr', addr);
  prog.enums.set('AddrKind', kind);
  prog.structs.set('AddrParseError', err);
  for (const set of [prog.copyTypes, prog.cloneTypes, prog.debugTypes, prog.eqTypes, prog.ordTypes, prog.totalOrdTypes]) set.add('Ipv4Addr');
  for (const set of [prog.cloneTypes, prog.debugTypes, prog.eqTypes]) set.add('AddrParseError');
  for (const set of [prog.copyTypes, prog.cloneTypes, prog.debugTypes, prog.eqTypes]) set.add('AddrKind');
  prog.impls.set('Ipv4Addr', new Set(['Display']));
  prog.impls.set('AddrParseError', new Set(['Display']));
}

/** An Ipv4Addr value of these octets. */
export function ipv4Value(o: readonly number[]): RValue {
  const octets: RValue = { tag: 'array', ty: OCTETS_TY, items: o.map((x) => scalar(U8, x)) };
  return { tag: 'struct', ty: { kind: 'adt', name: 'Ipv4Addr' }, name: 'Ipv4Addr', fieldNames: ['octets'], fields: [octets] };
}

/** `AddrParseError(AddrKind::Ipv4)`, the one error parsing an Ipv4Addr gives. */
export function addrParseError(): RValue {
  const kind: RValue = { tag: 'enum', ty: { kind: 'adt', name: 'AddrKind' }, name: 'AddrKind', variant: 'Ipv4', fieldNames: [], fields: [] };
  return { tag: 'struct', ty: { kind: 'adt', name: 'AddrParseError' }, name: 'AddrParseError', fieldNames: ['0'], fields: [kind] };
}

/** The octets of an Ipv4Addr value. */
export const octetsOf = (v: RValue): Octets => ((v as Extract<RValue, { tag: 'struct' }>).fields[0] as Extract<RValue, { tag: 'array' }>).items.map((x) => Number((x as { v: number }).v)) as Octets;

export const netFns: StdFn[] = [
  {
    path: 'Ipv4Addr::new',
    type: (x) => {
      x.argCount(4);
      x.args().forEach((t, i) => x.unifyAt(i, con('u8'), t));
      return IPV4_TY;
    },
    run: (x) => {
      const parts = [0, 1, 2, 3].map((i) => x.arg(i));
      return (a) => ipv4Value(parts.map((p) => Number((p(a) as { v: number }).v)));
    },
  },
  {
    // From<[u8; 4]> and From<u32> (the first octet the high byte).
    path: 'Ipv4Addr::from',
    type: (x) => {
      x.argCount(1);
      const t = prune(x.args()[0]!);
      const ok = t.k === 'con' && ((t.c === 'Array' && show(t) === '[u8; 4]') || t.c === 'u32');
      if (t.k === 'var' && t.lit === 'int') x.unifyAt(0, con('u32'), t);
      else if (t.k === 'con' && t.c === 'Array') x.unifyAt(0, con('Array', con('u8'), con('4')), t);
      else if (!ok) x.mismatch(0, '[u8; 4]` or `u32', t);
      return IPV4_TY;
    },
    run: (x) => {
      const v = x.arg(0);
      return (a) => {
        const arg = v(a);
        return ipv4Value(arg.tag === 'array' ? arg.items.map((o) => Number((o as { v: number }).v)) : ipv4FromBits(Number((arg as { v: number }).v)));
      };
    },
  },
];

export const netMethods: StdMethod[] = [
  {
    name: 'octets',
    on: ['Ipv4Addr'],
    type: (x) => x.noArgs(con('Array', con('u8'), con('4'))),
    run: (x) => (a) => {
      const o = octetsOf(x.place(a).get());
      return { tag: 'array', ty: x.ty, items: o.map((n) => scalar(U8, n)) };
    },
  },
  {
    name: 'to_bits',
    on: ['Ipv4Addr'],
    type: (x) => x.noArgs(con('u32')),
    run: (x) => (a) => scalar(x.ty, ipv4ToBits(octetsOf(x.place(a).get()))),
  },
  ...Object.entries(IPV4_PREDICATES).map(
    ([name, test]): StdMethod => ({
      name,
      on: ['Ipv4Addr'],
      type: (x) => x.noArgs(BOOL),
      run: (x) => (a) => scalar(x.ty, test(octetsOf(x.place(a).get()))),
    }),
  ),
];

export const netConsts: StdConst[] = (
  [
    ['LOCALHOST', [127, 0, 0, 1]],
    ['UNSPECIFIED', [0, 0, 0, 0]],
    ['BROADCAST', [255, 255, 255, 255]],
  ] as const
).map(([name, octets]) => ({ path: `Ipv4Addr::${name}`, type: () => IPV4_TY, value: () => ipv4Value(octets) }));
