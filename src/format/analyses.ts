/**
 * The lab's analyses as data (the `analyses` of a lab report): per trace, who allocates
 * (sites), what sizes, how long blocks live and what is live at exit (leaks). The allocator
 * lab computes them (src/alloc-lab/analyses); views and notebooks read them. Plain numbers
 * and strings only.
 */

/** One bin of a histogram: `count` items whose value lies in [lo, hi], weighing `bytes` in all. */
export interface Bin {
  lo: number;
  hi: number;
  count: number;
  bytes: number;
}

/** One allocation site and what its allocations did. */
export interface SiteRow {
  /** The caller as the trace wrote it, e.g. `/usr/bin/perl:(Perl_safesysmalloc+26)[0xf6f96]`. */
  site: string;
  /** Function name: from the trace line, or from the binary's symbol table when symbolised (see `symbolSource`). */
  symbol: string | null;
  /** 'trace' when the line named it, 'nm' when looked up in the binary, null when unknown. */
  symbolSource: 'trace' | 'nm' | null;
  /** Allocation calls made here: allocs and reallocs. */
  allocations: number;
  reallocs: number;
  /** Bytes requested here, summed over all calls (a realloc counts its new size). */
  bytes: number;
  /** Live bytes from this site at the trace's peak of live bytes (the sites' shares sum to the peak). */
  peakBytes: number;
  /** Blocks from this site still live when the trace ends, and their bytes. */
  leakedBlocks: number;
  leakedBytes: number;
}

export interface SiteAnalysis {
  /** Distinct sites in the trace. */
  distinct: number;
  /** Sites kept in `rows`: the top ones by allocations, bytes, peak and leaked bytes (union), sorted by bytes. */
  rows: SiteRow[];
  /** All the other sites summed, so `rows` plus `others` cover the trace. */
  others: Omit<SiteRow, 'site' | 'symbol' | 'symbolSource'> & { sites: number };
}

export interface SizeAnalysis {
  /** Allocation requests (allocs and reallocs) and the bytes they asked for. */
  requests: number;
  bytes: number;
  /** Requests of 0 bytes, the largest request. */
  zero: number;
  max: number;
  /** Request sizes in power-of-two bins (`count` requests, `bytes` their sum). */
  histogram: Bin[];
  /** Sizes rounded up to the granule (the size classes a 'granule'-spaced allocator keeps), most requested first. */
  granule: number;
  classes: { size: number; count: number; bytes: number }[];
  /** Requests in classes not listed. */
  otherClasses: { classes: number; count: number; bytes: number };
}

export interface LifetimeAnalysis {
  /** Blocks that died (freed or reallocated) in the trace; blocks live at exit have no lifetime. */
  blocks: number;
  /** Power-of-two bins of lifetimes in events; `bytes` is the size of the blocks in the bin. */
  events: Bin[];
  /** Power-of-two bins of lifetimes in bytes allocated meanwhile. */
  bytes: Bin[];
  /** Blocks freed before any other allocation (heaptrack's "temporary allocations"). */
  temporary: number;
}

export interface LeakAnalysis {
  /** Blocks live at the end of the trace, and their bytes. */
  blocks: number;
  bytes: number;
  /** By site, most bytes first (at most `maxSites`). */
  bySite: { site: string; symbol: string | null; blocks: number; bytes: number }[];
}

export interface TraceAnalyses {
  trace: string;
  /** Events analysed (after the reader's checks). */
  events: number;
  /** Highest sum of live requested bytes, and the event (0-based) where it was first reached. */
  peakLive: number;
  peakEvent: number;
  sites: SiteAnalysis;
  sizes: SizeAnalysis;
  lifetimes: LifetimeAnalysis;
  leaks: LeakAnalysis;
}

export interface SymbolReport {
  /** One entry per module the sites name: where it was found and how many symbols it gave. */
  modules: { module: string; path: string | null; symbols: number; note?: string }[];
  /** Sites that had no symbol and got one. */
  resolved: number;
  /** Sites still without one. */
  unresolved: number;
}

export interface AnalysedTrace extends TraceAnalyses {
  /** Problems the reader skipped (their events are not in the analyses). */
  problems: number;
  /** What symbolisation found, when asked for. */
  symbols?: SymbolReport;
  /** Milliseconds spent (reading, analysing and symbolising). */
  wallMs: number;
}

