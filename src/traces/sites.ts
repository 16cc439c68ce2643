/**
 * Allocation sites: where in the program a block was asked for. A trace names the caller
 * of each malloc as text (mtrace: `/usr/bin/perl:(Perl_safesysmalloc+26)[0xf6f96]`,
 * `/usr/bin/python3:[0x11f9c4]` or `[0x7f…]`; memscope JSONL: its `site` key); readers
 * intern that text into a SiteTable so events carry a small integer, not a string.
 */

/** Site text → dense index, in order of first appearance. Index 0 and up; -1 = no site. */
export class SiteTable {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];

  intern(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

/** One caller as mtrace writes it (glibc malloc/mtrace-impl.c, tr_where). */
export interface Caller {
  /** The object file (`dli_fname`): a path, or argv[0] for the main program (e.g. `pod2text`); null for `@ [0x…]`. */
  module: string | null;
  /** The nearest exported symbol dladdr found, null when none. */
  symbol: string | null;
  /** Signed byte offset of the call from `symbol` (mtrace writes it in hex without 0x). */
  offset: number | null;
  /**
   * The return address: relative to the module's load address when a module is named
   * (glibc writes caller − dli_fbase), absolute otherwise. A hex string: addresses can pass 2^53.
   */
  address: string;
}

const CALLER = /^(?:(.*?):)?(?:\(([^()]*?)([+-])([0-9a-fA-F]+)\))?\[(0x[0-9a-fA-F]+)\]$/;

/**
 * Splits a caller into its parts; null when the text is not in mtrace's shape (a JSONL
 * trace may name sites any way it likes: those are shown as they are).
 *
 *   parseCaller('/usr/bin/perl:(Perl_safesysmalloc+26)[0xf6f96]')
 *     → { module: '/usr/bin/perl', symbol: 'Perl_safesysmalloc', offset: 0x26, address: '0xf6f96' }
 */
export function parseCaller(text: string): Caller | null {
  const m = CALLER.exec(text);
  if (m === null) return null;
  const [, module, symbol, sign, offset, address] = m;
  return {
    module: module === undefined ? null : module,
    symbol: symbol === undefined || symbol === '' ? null : symbol,
    offset: offset === undefined ? null : (sign === '-' ? -1 : 1) * parseInt(offset, 16),
    address,
  };
}
