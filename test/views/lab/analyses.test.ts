/**
 * The analysis charts as data (what each spec draws from a real report of the sort trace),
 * and each one compiled by vega-lite and rendered to SVG by vega in Node.
 */
import * as path from 'path';
import { compile } from 'vega-lite';
import { compare } from '../../../src/alloc-lab/compare';
import type { LabReport } from '../../../src/alloc-lab/result';
import type { AnalysedTrace } from '../../../src/format/analyses';
import { analysisSpecs, fragmentationOverTimeSpec, lifetimeSpec, siteLabel, siteSharesSpec, sizeHistogramSpec, topSitesSpec } from '../../../src/views/lab/analyses';
import { renderSvg } from '../../../src/views';
import { mapRects, policyAddressMapSpec } from '../../../src/views/lab/address-map';

const SORT = path.join(__dirname, '..', '..', '..', 'traces', 'sort.mtrace.gz');
type Values = Record<string, unknown>[];
const valuesOf = (spec: unknown) => (spec as { data: { values: Values } }).data.values;

describe('analysis charts', () => {
  let report: LabReport;
  let a: AnalysedTrace;
  beforeAll(async () => {
    report = await compare([SORT], { policies: ['first-fit', 'tlsf'], jobs: 1, analyses: true });
    a = report.analyses![0];
  });

  it('labels sites by function, or module and address', () => {
    expect(siteLabel({ site: '/usr/lib/x/cc1:(xmalloc+1c)[0x15db5ac]', symbol: 'xmalloc' })).toBe('xmalloc+1c (cc1)');
    expect(siteLabel({ site: '/usr/bin/perl:(Perl_sv_clear+428)[0x132428]', symbol: 'Perl_sv_clear' })).toBe('Perl_sv_clear+428 (perl)');
    expect(siteLabel({ site: '/usr/bin/python3:[0x11f9c4]', symbol: 'resolved_by_nm' })).toBe('resolved_by_nm (python3)');
    expect(siteLabel({ site: '/usr/bin/python3:[0x11f9c4]', symbol: null })).toBe('python3[0x11f9c4]');
    expect(siteLabel({ site: '[0x7f00aa]', symbol: null })).toBe('[0x7f00aa]');
  });

  it('top sites: the largest first, as many as asked', () => {
    const v = valuesOf(topSitesSpec(a, 'allocations', 5));
    expect(v).toHaveLength(5);
    const counts = v.map((r) => r.value as number);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(counts[0]).toBe(Math.max(...a.sites.rows.map((r) => r.allocations)));
  });

  it('site shares: each measure sums to its total over all sites', () => {
    const v = valuesOf(siteSharesSpec(a, 3));
    const sum = (measure: string) => v.filter((r) => r.measure === measure).reduce((n, r) => n + (r.value as number), 0);
    expect(sum('bytes requested')).toBe(a.sizes.bytes);
    expect(sum('allocation calls')).toBe(a.sizes.requests);
    expect(sum('live bytes at the peak')).toBe(a.peakLive);
    expect(sum('bytes live at exit (leaked)')).toBe(a.leaks.bytes);
  });

  it('size histogram and lifetimes count every request and every freed block', () => {
    const sizes = valuesOf(sizeHistogramSpec(a));
    expect(sizes.reduce((n, r) => n + (r.count as number), 0)).toBe(a.sizes.requests);
    const life = valuesOf(lifetimeSpec(a));
    for (const clock of ['events', 'bytes allocated meanwhile']) {
      expect(life.filter((r) => r.clock === clock).reduce((n, r) => n + (r.count as number), 0)).toBe(a.lifetimes.blocks);
    }
  });

  it('fragmentation over time: one line per policy, in percent', () => {
    const v = valuesOf(fragmentationOverTimeSpec(report.results, SORT));
    expect(new Set(v.map((r) => r.policy))).toEqual(new Set(['first-fit', 'tlsf']));
    const last = v.filter((r) => r.policy === 'tlsf').pop()!;
    expect(last.f1).toBeCloseTo(report.results[1].fragmentation.f1! * 100, 9);
  });

  it('address map: one panel per policy, each cell drawn once with its share to a tenth, empty cells left out', () => {
    const spec = policyAddressMapSpec(report.results, SORT) as unknown as { vconcat: { title: { text: string }; data: { values: Values } }[] };
    expect(spec.vconcat.map((p) => p.title.text)).toEqual(['first-fit', 'tlsf']);
    for (const r of report.results) {
      const map = r.addressMap!;
      const rects = mapRects(map, r.events);
      expect(rects.length).toBeLessThan(map.occupancy.length * map.occupancy[0].length);
      map.occupancy.forEach((row, y) =>
        row.forEach((share, x) => {
          const at = x * map.eventsPerColumn;
          const over = rects.filter((q) => q.x0 <= at && at < q.x1 && q.y0 === y * map.bytesPerRow);
          expect(over.map((q) => q.share)).toEqual(Math.round(share * 10) === 0 ? [] : [Math.round(share * 10) / 10]);
        }),
      );
    }
  });

  it('the report with its analyses reads back through the format, which checks their skeleton', async () => {
    const { checkLabReport } = await import('../../../src/format/lab-report');
    expect(checkLabReport(JSON.stringify(report), 'r.json')).toEqual(report);
    const broken = JSON.parse(JSON.stringify(report));
    delete broken.analyses[0].sites.rows[2].peakBytes;
    expect(() => checkLabReport(broken, 'r.json')).toThrow(/r\.json: analyses\[0\]\.sites\.rows\[2\]\.peakBytes: expected/);
  });

  it('every spec compiles and renders to SVG', async () => {
    const specs = analysisSpecs(a, report.results);
    expect(specs).toHaveLength(6);
    for (const spec of specs) {
      expect(() => compile(spec)).not.toThrow();
      const svg = await renderSvg(spec);
      expect(svg).toMatch(/^<svg/);
      expect(svg).toContain('<path');
    }
  });
});

describe('study charts', () => {
  const rows = [
    { trace: '/t/sort.mtrace.gz', policy: 'first-fit', header: 0, limit: null, align: 16, peak_live: 100, footprint: 150, frag4: 0.5, failures: 0 },
    { trace: '/t/sort.mtrace.gz', policy: 'buddy', header: 16, limit: 4096, align: 16, peak_live: 100, footprint: 400, frag4: 3, failures: 2 },
    { trace: '/t/cc1.mtrace.gz', policy: 'tlsf', header: 0, limit: null, align: 16, peak_live: 0, footprint: 0, frag4: null, failures: 0 },
  ];
  it('plot one mark per cell that has the measure, labelled by trace file and setting', async () => {
    const { studyFragmentationSpec, studyFootprintSpec } = await import('../../../src/views/lab/study');
    const frag = valuesOf(studyFragmentationSpec(rows));
    expect(frag).toEqual([
      { trace: 'sort', policy: 'first-fit', setting: 'align 16, header 0', percent: 50 },
      { trace: 'sort', policy: 'buddy', setting: 'align 16, header 16, limit 4096', percent: 300 },
    ]);
    const foot = valuesOf(studyFootprintSpec(rows));
    expect(foot.map((r) => r.ratio)).toEqual([1.5, 4]);
    for (const spec of [studyFragmentationSpec(rows), studyFootprintSpec(rows)]) expect((await renderSvg(spec)).startsWith('<svg')).toBe(true);
  });
});
