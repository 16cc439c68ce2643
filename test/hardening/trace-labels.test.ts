/** Issue 12 item 8: trace labels in the lab's charts are unique per trace and keep a Linux `\`. */
import { fragmentationSpec, searchLengthSpec } from '../../src/views/lab/charts';
import { fileLabel, traceLabels } from '../../src/views/lab/labels';
import { studyFootprintSpec } from '../../src/views/lab/study';
import type { PolicyResult } from '../../src/format/lab-report';

describe('trace labels', () => {
  test('two traces with one file name in different folders get different labels', () => {
    const labels = traceLabels(['/data/a/run.mtrace', '/data/b/run.mtrace', '/data/c.mtrace']);
    expect([...labels.values()]).toEqual(['a/run.mtrace', 'b/run.mtrace', 'c.mtrace']);
  });

  test('deeper folders are added only as far as needed; the whole path at worst', () => {
    expect([...traceLabels(['x/a/t.csv', 'y/a/t.csv']).values()]).toEqual(['x/a/t.csv', 'y/a/t.csv']);
    // The same file named two ways cannot be told apart by its last parts: the whole paths.
    expect([...traceLabels(['a//t.csv', 'a/t.csv']).values()]).toEqual(['a//t.csv', 'a/t.csv']);
  });

  test('a backslash in a Linux file name is part of the name; a Windows path is split', () => {
    expect(fileLabel('/tmp/odd\\name.mtrace')).toBe('odd\\name.mtrace');
    expect(fileLabel('C:\\traces\\run.mtrace')).toBe('run.mtrace');
    expect(fileLabel('plain.csv')).toBe('plain.csv');
  });

  const result = (trace: string, f4: number): PolicyResult => ({
    trace, policy: 'first-fit', fragmentation: { f3: f4, f4 }, searchLength: { mean: 1, max: 2 },
  }) as unknown as PolicyResult;

  test('the fragmentation and search-length charts draw one row per trace', () => {
    const results = [result('/x/run.mtrace', 0.1), result('/y/run.mtrace', 0.2)];
    for (const spec of [fragmentationSpec(results), searchLengthSpec(results)]) {
      const values = (spec as { data: { values: { trace: string }[] } }).data.values;
      expect(new Set(values.map((v) => v.trace))).toEqual(new Set(['x/run.mtrace', 'y/run.mtrace']));
    }
  });

  test('the study chart keeps the two traces apart and drops the extension', () => {
    const row = (trace: string) => ({ trace, policy: 'first-fit', header: 0, limit: null, align: 16, peak_live: 10, footprint: 20, frag4: 0.5, failures: 0 });
    const spec = studyFootprintSpec([row('/x/run.mtrace'), row('/y/run.mtrace')]);
    const values = (spec as { data: { values: { trace: string }[] } }).data.values;
    expect(values.map((v) => v.trace)).toEqual(['x/run', 'y/run']);
  });
});
