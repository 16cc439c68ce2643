/**
 * Shared bits for `npm run bench`: each area exports a BenchSuite from bench/<area>.ts
 * and bench/run.ts runs them in order. A suite prints figures and the ratio it cares
 * about (measured / target), never asserts.
 */
export interface BenchSuite {
  name: string;
  run(log: (line: string) => void): Promise<void>;
}

/** Wall-clock milliseconds of fn, best of `repeat` runs (after one warm-up when repeat > 1). */
export async function timeMs(fn: () => unknown | Promise<unknown>, repeat = 1): Promise<number> {
  if (repeat > 1) await fn();
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    await fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    best = Math.min(best, ms);
  }
  return best;
}

/**
 * Wall-clock and CPU milliseconds of fn (CPU: every thread of the process, the garbage collector's
 * too), the best of `repeat` runs each, after one warm-up. On a machine shared with other work the
 * wall clock counts the neighbours; CPU time counts only this process.
 */
export async function times(fn: () => unknown | Promise<unknown>, repeat = 3): Promise<{ wallMs: number; cpuMs: number }> {
  await fn();
  let wallMs = Infinity;
  let cpuMs = Infinity;
  for (let i = 0; i < repeat; i++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    await fn();
    wallMs = Math.min(wallMs, Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { wallMs, cpuMs };
}

/** A figure line: `name  value unit  (target …, ratio ×)`. higherIsBetter decides the ratio's direction. */
export function figure(name: string, value: number, unit: string, target?: { value: number; higherIsBetter: boolean }): string {
  const shown = value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
  let line = `  ${name.padEnd(48)} ${shown.padStart(14)} ${unit}`;
  if (target) {
    const ratio = target.higherIsBetter ? value / target.value : target.value / value;
    line += `   target ${target.higherIsBetter ? '>=' : '<='} ${target.value} ${unit}  ratio ${ratio.toFixed(2)}x ${ratio >= 1 ? 'ok' : 'BELOW TARGET'}`;
  }
  return line;
}

export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
