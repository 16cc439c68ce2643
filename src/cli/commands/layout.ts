import { type Command, UsageError } from '../command';
import { parseArgs, repeated, SWITCH } from '../args';
import {
  enumLayout,
  layoutOf,
  LayoutError,
  parseType,
  parseTypeDecls,
  registryOf,
  structLayout,
  type AdtDef,
  type Ty,
  type TypeRegistry,
} from '../../engine/layout';

/**
 * `memscope layout '<rust type>'`: size and alignment of a Rust type as rustc 1.95 lays it
 * out on a 64-bit target, optionally with field offsets and the enum encoding.
 */
const usage = `Usage: memscope layout '<rust type>' [--decl '<struct/enum declarations>']... [--fields]

Prints the size and alignment of a Rust type, as rustc 1.95 lays it out on a 64-bit target
(x86_64), as JSON: {"size": N, "align": N}.

Options:
  --decl TEXT   struct/enum declarations the type may name (no generics); may be repeated.
  --fields      also print field offsets (declaration order, and the memory order rustc
                picked) for structs and tuples, and the tag or niche encoding and each
                variant's fields for enums, Option and Result.

Examples:
  memscope layout 'Option<Vec<u8>>'                  {"size":24,"align":8}
  memscope layout '&dyn std::fmt::Display'          {"size":16,"align":8}
  memscope layout '(u8, u32, u16)' --fields
  memscope layout Point --decl 'struct Point { x: f64, tag: u8, y: f64 }' --fields
  memscope layout Shape --fields --decl 'enum Shape { Dot, Circle(f64), Rect { w: u32, h: u32 } }'

Errors (malformed type text, unknown type names, unsized types by value) exit with code 2.`;

interface LayoutArgs {
  type: string;
  decls: string[];
  fields: boolean;
}

const FLAGS = {
  '--fields': SWITCH,
  '--decl': repeated('the declarations text as its value'),
};

function parseLayoutArgs(args: string[]): LayoutArgs {
  const { positionals, flags } = parseArgs(args, FLAGS, 'layout');
  if (positionals.length === 0) throw new UsageError("missing the type to lay out, e.g. memscope layout 'Option<String>'");
  if (positionals.length > 1) throw new UsageError(`expected one type, got a second one: '${positionals[1]}' (quote the type: memscope layout '(u8, u32)')`);
  return { type: positionals[0]!, decls: flags['--decl'] ?? [], fields: flags['--fields'] === true };
}

/** bigint (niche values) is not JSON: print it as a decimal string. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

function details(ty: Ty, registry: TypeRegistry): Record<string, unknown> {
  const def = ty.kind === 'adt' ? registry.get(ty.name) : undefined;
  if (ty.kind === 'tuple' || def?.kind === 'struct') {
    const s = structLayout(ty, registry);
    return { fields: s.fields, memoryOrder: s.memoryOrder };
  }
  if (ty.kind === 'option' || ty.kind === 'result' || def?.kind === 'enum') {
    const e = enumLayout(ty, registry);
    return { encoding: e.encoding, variants: e.variants };
  }
  return {};
}

export const layoutCommand: Command = {
  name: 'layout',
  summary: 'Size, alignment and field offsets of a Rust type, as rustc lays it out (64-bit).',
  usage,
  async run(args, io) {
    const opts = parseLayoutArgs(args);
    try {
      const defs: AdtDef[] = opts.decls.flatMap((d, i) => {
        try {
          return parseTypeDecls(d);
        } catch (err) {
          if (err instanceof LayoutError) throw new LayoutError(`--decl #${i + 1}: ${err.message}`);
          throw err;
        }
      });
      const registry = registryOf(defs);
      const ty = parseType(opts.type);
      const out: Record<string, unknown> = { ...layoutOf(ty, registry) };
      if (opts.fields) Object.assign(out, details(ty, registry));
      io.out(`${toJson(out)}\n`);
      return 0;
    } catch (err) {
      if (err instanceof LayoutError) throw new UsageError(err.message);
      throw err;
    }
  },
};
