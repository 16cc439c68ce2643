/**
 * Trace labels for titles and rows: the file name without its folders, made unique. Two traces
 * with one file name in different folders were drawn as one row, and splitting on `\` cut a
 * Linux file name that contains one: only a Windows path (`C:\…`) is split on `\`.
 */

function parts(trace: string): string[] {
  const sep = /^[A-Za-z]:\\/.test(trace) ? /[\\/]/ : /\//;
  const p = trace.split(sep).filter((s) => s !== '');
  return p.length ? p : [trace];
}

/** The file name without its folders. */
export function fileLabel(trace: string): string {
  const p = parts(trace);
  return p[p.length - 1]!;
}

/**
 * A label per distinct trace: its file name, with as many of its last folders as it takes to
 * tell it from the other traces (`a/run.mtrace`, `b/run.mtrace`), the whole path at worst.
 */
export function traceLabels(traces: readonly string[], shorten: (name: string) => string = (n) => n): Map<string, string> {
  const distinct = [...new Set(traces)];
  const split = new Map(distinct.map((t) => [t, parts(t)]));
  const labels = new Map<string, string>();
  for (const t of distinct) {
    const mine = split.get(t)!;
    let depth = 1;
    const label = (p: string[], d: number) => [...p.slice(Math.max(0, p.length - d), -1), shorten(p[p.length - 1]!)].join('/');
    while (depth < mine.length && distinct.some((o) => o !== t && label(split.get(o)!, depth) === label(mine, depth))) depth++;
    const l = label(mine, depth);
    labels.set(t, distinct.some((o) => o !== t && label(split.get(o)!, depth) === l) ? t : l);
  }
  return labels;
}
