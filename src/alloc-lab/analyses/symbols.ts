/**
 * Names for call sites the trace left as bare addresses (mtrace writes `(symbol+off)` only
 * when dladdr found an exported symbol; `/usr/bin/python3:[0x11f9c4]` has none). When the
 * binary is at hand, binutils' `nm` lists its symbols with their sizes and a site's address
 * is looked up among them. Only done when asked (`--symbols`): it runs a program per binary.
 * A missing `nm` or binary leaves the site as it was; nothing waits on it for long.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseCaller } from '../../traces/sites';
import type { SiteRow, SymbolReport } from '../../format/analyses';

export type { SymbolReport };

export interface SymbolOptions {
  /** Where to find a module the trace names by argv[0] or by a path not on this machine: `{ pod2text: '/usr/bin/perl' }`. */
  binaries?: Record<string, string>;
  /** The `nm` to run (default 'nm' on PATH). */
  nm?: string;
  /** Per binary, in ms (default 30000). */
  timeoutMs?: number;
}

interface SymbolTable {
  /** Function start addresses (as the trace counts them: relative to the load address), ascending. */
  starts: number[];
  ends: number[];
  names: string[];
}

/** Fills `symbol` (symbolSource 'nm') of the rows that lack one. Mutates and returns the rows. */
export async function symbolise(rows: SiteRow[], options: SymbolOptions = {}): Promise<SymbolReport> {
  const wanted = new Map<string, SiteRow[]>();
  for (const row of rows) {
    if (row.symbol !== null) continue;
    const caller = parseCaller(row.site);
    if (caller === null || caller.module === null) continue;
    const list = wanted.get(caller.module) ?? [];
    list.push(row);
    wanted.set(caller.module, list);
  }
  const report: SymbolReport = { modules: [], resolved: 0, unresolved: 0 };
  for (const [module, moduleRows] of wanted) {
    const file = locate(module, options.binaries ?? {});
    if (file === null) {
      report.modules.push({ module, path: null, symbols: 0, note: 'binary not found (map it with --binary NAME=PATH)' });
      report.unresolved += moduleRows.length;
      continue;
    }
    let table: SymbolTable;
    try {
      table = await readSymbols(file, options);
    } catch (err) {
      report.modules.push({ module, path: file, symbols: 0, note: (err as Error).message });
      report.unresolved += moduleRows.length;
      continue;
    }
    report.modules.push({ module, path: file, symbols: table.names.length });
    for (const row of moduleRows) {
      const address = parseInt(parseCaller(row.site)!.address, 16);
      const name = lookup(table, address);
      if (name === null) report.unresolved++;
      else {
        row.symbol = name;
        row.symbolSource = 'nm';
        report.resolved++;
      }
    }
  }
  return report;
}

/** The ELF file for a module name: the mapping, the path itself, or the name on PATH. */
function locate(module: string, binaries: Record<string, string>): string | null {
  const candidates = [binaries[module], binaries[path.basename(module)], module];
  if (!module.includes('/')) for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, module));
  for (const c of candidates) if (c !== undefined && isElf(c)) return c;
  return null;
}

function isElf(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(4);
      return fs.readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === '\x7fELF';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * A non-PIE executable (ELF type EXEC) is linked at a fixed address and glibc's dladdr base
 * is that address, so the trace's offsets are relative to its first loadable segment; PIE
 * executables and shared objects are linked at 0 and need no shift.
 */
function loadBias(file: string): number {
  const buf = fs.readFileSync(file).subarray(0, 4096);
  if (buf[4] !== 2 || buf[5] !== 1) return 0; // only 64-bit little-endian is read; others get no shift
  if (buf.readUInt16LE(16) !== 2 /* ET_EXEC */) return 0;
  const phoff = Number(buf.readBigUInt64LE(32));
  const phentsize = buf.readUInt16LE(54);
  const phnum = buf.readUInt16LE(56);
  let lowest = Infinity;
  for (let i = 0; i < phnum && phoff + (i + 1) * phentsize <= buf.length; i++) {
    const at = phoff + i * phentsize;
    if (buf.readUInt32LE(at) === 1 /* PT_LOAD */) lowest = Math.min(lowest, Number(buf.readBigUInt64LE(at + 16)));
  }
  return Number.isFinite(lowest) ? lowest : 0;
}

function runNm(args: string[], options: SymbolOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(options.nm ?? 'nm', args, { timeout: options.timeoutMs ?? 30000, maxBuffer: 256 << 20 }, (err, stdout, stderr) => {
      if (err && !stdout) reject(new Error(`${options.nm ?? 'nm'} ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

/** Function symbols with sizes, from the full table or (stripped binaries) the dynamic one. */
async function readSymbols(file: string, options: SymbolOptions): Promise<SymbolTable> {
  const bias = loadBias(file);
  let entries = parseNm(await runNm(['--defined-only', '-S', '-n', file], options).catch(() => ''));
  if (entries.length === 0) entries = parseNm(await runNm(['--defined-only', '-S', '-n', '-D', file], options));
  entries.sort((a, b) => a.start - b.start);
  return {
    starts: entries.map((e) => e.start - bias),
    ends: entries.map((e) => e.start - bias + e.size),
    names: entries.map((e) => e.name),
  };
}

/** `0000000000f6f70 0000000000000a1 T Perl_safesysmalloc` lines; functions only (t, T, w, W, i). */
function parseNm(text: string): { start: number; size: number; name: string }[] {
  const out: { start: number; size: number; name: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+) ([0-9a-f]+) ([tTwWi]) (.+)$/.exec(line);
    if (m === null) continue;
    const size = parseInt(m[2], 16);
    if (size > 0) out.push({ start: parseInt(m[1], 16), size, name: m[4] });
  }
  return out;
}

/** The function whose [start, end) holds the address (a return address may sit just past a call at a function's end: end is inclusive). */
function lookup(t: SymbolTable, address: number): string | null {
  let lo = 0;
  let hi = t.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.starts[mid] <= address) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || address > t.ends[found]) return null;
  return t.names[found];
}
