/**
 * The lab on the real traces in traces/ (see traces/README.md): every policy on the small
 * one, the fast policies on the big ones (on worker threads). What must hold whatever the
 * policy: the program's live bytes, the measures' order (#2 <= #4 <= #3), footprint >= live,
 * and the naive reference policies place exactly like their fast twins.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allPolicies, compare } from '../../src/alloc-lab/compare';
import type { PolicyResult } from '../../src/format/lab-report';
import { readTrace } from '../../src/traces';

const TRACES = path.join(__dirname, '..', '..', 'traces');
const shipped = (name: string) => path.join(TRACES, name);

function checkInvariants(results: PolicyResult[], expectedEvents: number, liveAtEnd: number): void {
  for (const r of results) {
    expect(r.events).toBe(expectedEvents);
    expect(r.problems.count).toBe(0);
    expect(r.failures).toBe(0);
    expect(r.liveAtEnd).toBe(liveAtEnd);
    expect(r.peakLive).toBe(results[0].peakLive);
    expect(r.footprint).toBeGreaterThanOrEqual(r.peakLive);
    const f = r.fragmentation;
    expect(f.f1).not.toBeNull();
    expect(f.f2!).toBeLessThanOrEqual(f.f4! + 1e-12);
    expect(f.f4!).toBeLessThanOrEqual(f.f3! + 1e-12);
    expect(f.f4!).toBeGreaterThanOrEqual(0);
    expect(r.series.length).toBeLessThanOrEqual(1000);
    expect(Math.max(...r.series.map((p) => p.liveMax))).toBe(r.peakLive);
    expect(Math.max(...r.series.map((p) => p.heapMax))).toBeLessThanOrEqual(r.footprint);
  }
}

async function liveBytesAtEnd(file: string): Promise<{ events: number; bytes: number }> {
  const reader = readTrace(file);
  let events = 0;
  for await (const batch of reader) events += batch.length;
  return { events, bytes: reader.summary().live!.bytes };
}

const present = fs.existsSync(shipped('sort.mtrace.gz'));

(present ? describe : describe.skip)('lab on the shipped real traces', () => {
  it('replays sort (coreutils) on every policy', async () => {
    const file = shipped('sort.mtrace.gz');
    const truth = await liveBytesAtEnd(file);
    expect(truth.events).toBe(4373);
    const report = await compare([file], { jobs: 1 });
    expect(report.results.map((r) => r.policy)).toEqual(allPolicies());
    checkInvariants(report.results, truth.events, truth.bytes);
    const by = new Map(report.results.map((r) => [r.policy, r]));
    expect(by.get('first-fit')!.footprint).toBe(by.get('first-fit-naive')!.footprint);
    expect(by.get('best-fit')!.footprint).toBe(by.get('best-fit-naive')!.footprint);
  }, 120_000);

  it('replays cc1, perl and python on the fast policies in parallel', async () => {
    const names = ['cc1-gun.mtrace.gz', 'perl-pod2text.mtrace.gz', 'python-tokenize.mtrace.gz'];
    const documented = [312828, 679148, 1254257]; // traces/README.md
    const files = names.map(shipped);
    const policies = ['first-fit', 'best-fit', 'buddy'];
    const report = await compare(files, { policies, jobs: 2 });
    expect(report.results).toHaveLength(names.length * policies.length);
    for (const [i, file] of files.entries()) {
      const results = report.results.filter((r) => r.trace === file);
      expect(results.map((r) => r.policy)).toEqual(policies);
      checkInvariants(results, documented[i], results[0].liveAtEnd);
    }
  }, 300_000);
});
