/**
 * A study file (STUDY.json): a grid of replays, traces × policies × allocator settings.
 *
 *   {
 *     "name": "shipped",
 *     "traces": ["../traces/sort.mtrace.gz", "../traces/cc1-gun.mtrace.gz"],
 *     "policies": ["first-fit", "best-fit", "tlsf"],
 *     "align": [16], "header": [0, 16], "limit": [null, "64M"],
 *     "out": "shipped-study"
 *   }
 *
 * Paths are relative to the study file. align, header and limit may be a single value or a
 * list (default 16, 0, null = no limit); a limit may be bytes or "512K"/"64M"/"2G".
 */
import * as fs from 'fs';
import * as path from 'path';
import { allPolicies } from '../compare';

export interface Study {
  name: string;
  /** The study file (absolute), for messages. */
  file: string;
  /** As written in the study (the label in results) and resolved. */
  traces: { label: string; path: string }[];
  policies: string[];
  align: number[];
  header: number[];
  limit: (number | null)[];
  mode: 'strict' | 'lenient';
  /** Output directory (absolute): cells/, results.jsonl, results.parquet. */
  out: string;
}

export class StudyError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'StudyError';
  }
}

export function readStudy(file: string): Study {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (err) {
    throw new StudyError(file, `cannot read the study file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new StudyError(file, `expected JSON: ${(err as Error).message}`);
  }
  return parseStudy(json, abs);
}

/** Checks a parsed study; `file` names it in errors and anchors its relative paths. */
export function parseStudy(json: unknown, file: string): Study {
  const fail = (message: string): never => {
    throw new StudyError(file, message);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected a JSON object with "traces" and "policies"');
  const o = json as Record<string, unknown>;
  const known = ['name', 'traces', 'policies', 'align', 'header', 'limit', 'mode', 'out'];
  for (const k of Object.keys(o)) if (!known.includes(k)) fail(`unknown key "${k}"; expected ${known.map((x) => `"${x}"`).join(', ')}`);
  const base = path.dirname(file);
  const strings = (key: string): string[] => {
    const v = o[key];
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || x === '')) fail(`expected "${key}" to be a non-empty list of strings`);
    return v as string[];
  };
  const traces = strings('traces').map((label) => ({ label, path: path.resolve(base, label) }));
  if (new Set(traces.map((t) => t.path)).size !== traces.length) fail('"traces" names a file twice');
  const policies = o.policies === 'all' ? allPolicies() : strings('policies');
  const unknown = policies.filter((p) => !allPolicies().includes(p));
  if (unknown.length) fail(`unknown policy ${unknown.map((p) => `"${p}"`).join(', ')} in "policies"; expected some of: ${allPolicies().join(', ')} (or "all")`);
  const list = (key: string, fallback: unknown): unknown[] => {
    const v = o[key] ?? fallback;
    return Array.isArray(v) ? v : [v];
  };
  const align = list('align', 16).map((a) => {
    if (typeof a !== 'number' || !Number.isSafeInteger(a) || a < 1 || (a & (a - 1)) !== 0) fail(`expected "align" to be powers of two, got ${JSON.stringify(a)}`);
    return a as number;
  });
  const header = list('header', 0).map((h) => {
    if (typeof h !== 'number' || !Number.isSafeInteger(h) || h < 0) fail(`expected "header" to be non-negative integers, got ${JSON.stringify(h)}`);
    return h as number;
  });
  const limit = list('limit', null).map((l) => (l === null ? null : byteCount(l, fail)));
  const mode = o.mode ?? 'lenient';
  if (mode !== 'strict' && mode !== 'lenient') fail(`expected "mode" to be "strict" or "lenient", got ${JSON.stringify(mode)}`);
  const name = o.name ?? path.basename(file, '.json');
  if (typeof name !== 'string') fail('expected "name" to be a string');
  const out = o.out ?? `${path.basename(file, '.json')}-results`;
  if (typeof out !== 'string' || out === '') fail('expected "out" to be a directory name');
  return {
    name: name as string,
    file,
    traces,
    policies,
    align: unique(align),
    header: unique(header),
    limit: unique(limit),
    mode: mode as Study['mode'],
    out: path.resolve(base, out as string),
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** 4096, "512K", "64M", "2G" (binary units). */
function byteCount(v: unknown, fail: (m: string) => never): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  const m = typeof v === 'string' ? /^(\d+)([KMG])?$/i.exec(v) : null;
  if (m === null) return fail(`expected "limit" to be null, bytes or "512K"/"64M"/"2G", got ${JSON.stringify(v)}`);
  return Number(m[1]) * 1024 ** (m[2] === undefined ? 0 : 'KMG'.indexOf(m[2].toUpperCase()) + 1);
}
