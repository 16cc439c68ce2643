import { rustProgram } from '../../src/api/program';
import { Checker, isObject } from '../../src/format/check';
import { checkEnvelope, DOCUMENT_KINDS } from '../../src/format/envelope';
import { FORMAT_VERSION, FormatError } from '../../src/format/errors';
import { checkLabReport, labReport, type PolicyResult } from '../../src/format/lab-report';
import { readSnapshot } from '../../src/format/snapshot';

function result(policy: string): PolicyResult {
  return {
    trace: 'traces/t.mtrace', policy, settings: { align: 16, header: 0, limit: null, mode: 'lenient' },
    events: 4, ops: { alloc: 2, free: 2, realloc: 0 }, peakLive: 64, liveAtEnd: 0, footprint: 96, heapAtEnd: 0,
    fragmentation: { f1: 0.1, f2: 0.2, f3: null, f4: 0.5 }, searchLength: { mean: 1.5, max: 3, allocations: 2 }, failures: 0,
    problems: { count: 1, byKind: { 'double-free': 1 }, first: [{ file: 't.mtrace', line: 3, kind: 'double-free', message: 'freed twice' }] },
    wallMs: 1, opsPerSecond: 4000,
    series: [{ step: 0, steps: 2, liveMin: 0, liveMax: 32, heapMin: 0, heapMax: 48 }, { step: 2, steps: 2, liveMin: 0, liveMax: 64, heapMin: 48, heapMax: 96 }],
  };
}

const copy = <T>(x: T): any => JSON.parse(JSON.stringify(x));

describe('one envelope for every kind', () => {
  test('the kinds the format knows, and the one version rule for all of them', () => {
    expect(DOCUMENT_KINDS).toEqual(['timeline', 'snapshot', 'view', 'lab-report']);
    for (const kind of DOCUMENT_KINDS) {
      // Every version up to the current one reads; a newer one asks to update memscope.
      for (let version = 1; version <= FORMAT_VERSION; version++) expect(checkEnvelope({ format: 'memscope', version, kind })).toBe(kind);
      const newer = FORMAT_VERSION + 1;
      expect(() => checkEnvelope({ format: 'memscope', version: newer, kind }, 'f.json')).toThrow(new RegExp(`^f\\.json: version: expected version ${FORMAT_VERSION} or older; .*newer memscope \\(version ${newer}\\)`));
      expect(() => checkEnvelope({ format: 'memscope', version: 0, kind })).toThrow(/version: expected a version >= 1/);
    }
  });

  test('the shared checker names the path and what was expected', () => {
    const c = new Checker('doc.json');
    expect(isObject({})).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(() => c.int(1.5, 'a.b[2]', 0)).toThrow(new FormatError('a.b[2]', 'an integer >= 0', 'doc.json'));
    expect(() => c.oneOf('x', 'mode', ['strict', 'lenient'])).toThrow("doc.json: mode: expected 'strict' or 'lenient'");
    expect(c.str('ok', 's')).toBe('ok');
  });
});

describe('the lab-report kind', () => {
  test('a report is a memscope document of kind lab-report and reads back equal', () => {
    const report = labReport([result('first-fit'), result('buddy')]);
    expect(report).toMatchObject({ format: 'memscope', version: FORMAT_VERSION, kind: 'lab-report' });
    expect(checkLabReport(JSON.stringify(report), 'r.json')).toEqual(report);
  });

  test("the lab's old envelope (format 'memscope-lab', version 1) is still read, into the current one", () => {
    const old = { format: 'memscope-lab', version: 1, results: [result('first-fit')] };
    expect(checkLabReport(old)).toEqual(labReport([result('first-fit')]));
    expect(() => checkLabReport({ ...old, version: 3 }, 'old.json')).toThrow(/old\.json: version: expected version 1 or older/);
  });

  const cases: Array<[string, (d: any) => unknown, RegExp]> = [
    ['another kind', (d) => ({ ...d, kind: 'view' }), /r\.json: kind: expected "lab-report"/],
    ['another format', (d) => ({ ...d, format: 'vega' }), /r\.json: format: expected "memscope"/],
    ['no results', (d) => ({ ...d, results: undefined }), /results: expected an array of policy results/],
    ['a ratio that is text', (d) => { d.results[1].fragmentation.f3 = '25%'; return d; }, /results\[1\]\.fragmentation\.f3: expected a finite number or null/],
    ['an unknown problem kind', (d) => { d.results[0].problems.first[0].kind = 'oops'; return d; }, /results\[0\]\.problems\.first\[0\]\.kind: expected 'malformed', .* or 'unsupported'/],
    ['series out of order', (d) => { d.results[0].series[1].step = 0; return d; }, /results\[0\]\.series\[1\]\.step: expected a step above 0/],
    ['negative bytes', (d) => { d.results[0].footprint = -1; return d; }, /results\[0\]\.footprint: expected a number >= 0/],
    ['a bad mode', (d) => { d.results[0].settings.mode = 'loose'; return d; }, /results\[0\]\.settings\.mode: expected 'strict' or 'lenient'/],
    ['a bad provenance hash', (d) => ({ ...d, provenance: { command: null, memscope: '0.1.0', node: 'v20', traces: [{ trace: 't', sha256: 'abc', bytes: 3 }], settings: { align: 16, header: 0, limit: null } } }), /provenance\.traces\[0\]\.sha256: expected a SHA-256 in hex or null/],
    ['analyses without their trace', (d) => ({ ...d, analyses: [{ events: 3 }] }), /analyses\[0\]\.trace: expected a string/],
  ];
  test.each(cases)('%s is refused, naming the JSON path', (_, mutate, message) => {
    const doc = mutate(copy(labReport([result('first-fit'), result('buddy')])));
    expect(() => checkLabReport(doc, 'r.json')).toThrow(FormatError);
    expect(() => checkLabReport(doc, 'r.json')).toThrow(message);
  });
});

describe('the snapshot kind as a document of its own', () => {
  const timeline = rustProgram((rs) => rs.main(() => {
    const v = rs.let_mut('v', rs.Vec.new('i32'));
    v.push(rs.i32(7));
  }));
  // A step where main's frame holds its Vec (the last step has returned from main).
  const step = [...Array(timeline.length).keys()].reverse().find((i) => (timeline.snapshot(i).frames[0]?.locals.length ?? 0) > 0)!;
  const snapshot = timeline.snapshot(step);

  test('reads back what Timeline.snapshot made', () => {
    expect(readSnapshot(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  test('errors name paths from the document root', () => {
    const bad = copy(snapshot);
    bad.frames[0].locals[0].slot = 'x';
    expect(() => readSnapshot(bad, 's.json')).toThrow('s.json: frames[0].locals[0].slot: expected an integer');
    expect(() => readSnapshot({ ...copy(snapshot), kind: 'view' }, 's.json')).toThrow('s.json: kind: expected "snapshot"');
    expect(() => readSnapshot({ ...copy(snapshot), version: 9 }, 's.json')).toThrow(/newer memscope \(version 9\)/);
  });
});
