/**
 * The fuzzing harness shared by test/hardening/fuzz: fast-check properties whose every input is
 * judged accepted (and, where an oracle exists, checked right) or refused with the error the
 * surface promises. Anything else fails the property: a crash (another error), a hang (an input
 * over HANG_MS) or a silent wrong result (WrongResult: accepted, but the oracle disagrees).
 *
 * In CI (the unit project) each target runs a few dozen inputs from a fixed seed. `npm run fuzz`
 * (scripts/fuzz.js) sets MEMSCOPE_FUZZ_RUNS (inputs per target) and a fresh seed, printed, and
 * collects each target's tally from MEMSCOPE_FUZZ_REPORT into one table.
 */
import * as fs from 'fs';
import fc from 'fast-check';

export type Outcome = 'accepted' | 'refused';

/** Accepted, but not what the input meant: the worst outcome, since nobody is told. */
export class WrongResult extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrongResult';
  }
}

const LONG_RUNS = Number(process.env.MEMSCOPE_FUZZ_RUNS ?? 0);
export const SEED = Number(process.env.MEMSCOPE_FUZZ_SEED ?? (LONG_RUNS > 0 ? Date.now() % 2 ** 31 : 1204));
/** One input taking longer than this is a hang (generous: CI machines are shared). */
export const HANG_MS = 10_000;

export interface Tally {
  target: string;
  seed: number;
  inputs: number;
  accepted: number;
  refused: number;
  crashes: number;
  hangs: number;
  wrong: number;
}

/** Runs `judge` on `ciRuns` inputs (MEMSCOPE_FUZZ_RUNS under `npm run fuzz`) and fails on a crash, hang or wrong result. */
export async function fuzz<T>(target: string, input: fc.Arbitrary<T>, ciRuns: number, judge: (x: T) => Outcome | Promise<Outcome>): Promise<Tally> {
  const tally: Tally = { target, seed: SEED, inputs: 0, accepted: 0, refused: 0, crashes: 0, hangs: 0, wrong: 0 };
  const property = fc.asyncProperty(input, async (x) => {
    const started = performance.now();
    let outcome: Outcome;
    tally.inputs++;
    try {
      outcome = await judge(x);
    } catch (err) {
      if (err instanceof WrongResult) tally.wrong++;
      else tally.crashes++;
      throw err;
    }
    const ms = performance.now() - started;
    if (ms > HANG_MS) {
      tally.hangs++;
      throw new Error(`hang: one input took ${Math.round(ms)} ms (limit ${HANG_MS} ms)`);
    }
    tally[outcome]++;
  });
  try {
    await fc.assert(property, { seed: SEED, numRuns: LONG_RUNS > 0 ? LONG_RUNS : ciRuns, endOnFailure: LONG_RUNS === 0 });
  } finally {
    if (process.env.MEMSCOPE_FUZZ_REPORT) fs.appendFileSync(process.env.MEMSCOPE_FUZZ_REPORT, `${JSON.stringify(tally)}\n`);
  }
  return tally;
}

/** Refused only with one of `errors`; anything else thrown is a crash and propagates. */
export function refusedWith(err: unknown, ...errors: Array<abstract new (...args: never[]) => Error>): Outcome {
  if (errors.some((e) => err instanceof e)) return 'refused';
  throw err;
}

/**
 * A JSON document with one random change: a value replaced (by any JSON, or by a number chosen
 * to break counts and indexes), a key deleted, or an array element duplicated or removed.
 */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
  const nasty = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(-1, 0, 1, 0.5, -0.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e15, 4e8, -1e308, 1e308, '', 'x', null, true, [], {}),
    fc.integer({ min: -1000, max: 1000 }),
  );
  return fc.record({ at: fc.nat(), how: fc.nat({ max: 3 }), value: nasty, times: fc.integer({ min: 1, max: 3 }) }).map(({ at, how, value, times }) => {
    const doc = JSON.parse(JSON.stringify(base)) as unknown;
    for (let t = 0; t < times; t++) {
      const places = containers(doc);
      if (places.length === 0) break;
      const [holder, key] = places[(at * (t + 7)) % places.length]!;
      // A copy each time: fast-check hands out the same [] or {} again, and a shared one could end up holding itself.
      change(holder, key, how, structuredClone(value));
    }
    return doc;
  });
}

type Holder = Record<string, unknown> | unknown[];

/** Every (container, key) pair of a JSON value, in a fixed order. */
function containers(doc: unknown): Array<[Holder, string | number]> {
  const out: Array<[Holder, string | number]> = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach((v, i) => { out.push([x, i]); walk(v); });
    else if (typeof x === 'object' && x !== null) for (const [k, v] of Object.entries(x)) { out.push([x as Holder, k]); walk(v); }
  };
  walk(doc);
  return out;
}

function change(holder: Holder, key: string | number, how: number, value: unknown): void {
  if (Array.isArray(holder)) {
    const i = key as number;
    if (how === 1) holder.splice(i, 1);
    else if (how === 2) holder.splice(i, 0, holder[i]);
    else holder[i] = value;
  } else if (how === 1) {
    delete holder[key as string];
  } else {
    holder[key as string] = value;
  }
}
