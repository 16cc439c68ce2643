/**
 * Views: the notebook payload's size and build time for long runs (target: < 1 MB whatever the
 * length), and the static SVG's render time in Node. Browser render time comes with the
 * JupyterLab renderer.
 */
import { rustProgram } from '../src/api/program';
import type { Timeline } from '../src/engine/timeline/timeline';
import { mainSpecs, staticChartOptions } from '../src/views/charts';
import { diagramSvg } from '../src/views/diagram';
import { makeView } from '../src/views/view';
import { renderSvg } from '../src/views/render-svg';
import { figure, peakRssMiB, timeMs, type BenchSuite } from './harness';

const MB = 1_000_000;

/** `let mut v = Vec::new(); for i in 0..n { v.push(i) }`, progress every 10^6 pushes. */
function vecPushes(n: number, log: (line: string) => void): Timeline {
  return rustProgram((rs) => rs.main(() => {
    const v = rs.let_mut('v', rs.Vec.new('i32'));
    for (let i = 0; i < n; i++) {
      v.push(i);
      if (i > 0 && i % 1_000_000 === 0) log(`    … ${i / 1_000_000}M pushes`);
    }
  }));
}

/** `for i in 0..n { let b = Box::new(i); }`: one short-lived block per iteration (a crowded address map). */
function boxChurn(n: number): Timeline {
  return rustProgram((rs) => rs.main(() => {
    for (let i = 0; i < n; i++) rs.scope(() => { rs.let('b', rs.Box.new(i)); });
  }));
}

async function measure(name: string, make: () => Timeline, log: (line: string) => void, svg: boolean): Promise<void> {
  let timeline!: Timeline;
  const recordMs = await timeMs(() => { timeline = make(); });
  log(`  ${name}: ${timeline.length} steps`);
  log(figure('record the run (engine)', recordMs, 'ms'));
  let view!: ReturnType<typeof makeView>;
  const viewMs = await timeMs(() => { view = makeView(timeline); });
  let json = '';
  const stringifyMs = await timeMs(() => { json = JSON.stringify(view); });
  log(figure('makeView', viewMs, 'ms'));
  log(figure('JSON.stringify of the view', stringifyMs, 'ms'));
  log(figure('view payload size', json.length / MB, 'MB', { value: 1, higherIsBetter: false }));
  const seriesBytes = JSON.stringify(view.series).length + JSON.stringify(view.events).length;
  const snapshotBytes = JSON.stringify(view.snapshots).length;
  log(figure('  of which series + events', seriesBytes / MB, 'MB'));
  log(figure(`  of which ${view.snapshots.items.length} snapshots`, snapshotBytes / MB, 'MB'));
  log(figure(`  of which ${view.blocks.rows.length} of ${view.blocks.total} address-map bars`, JSON.stringify(view.blocks).length / MB, 'MB'));
  if (svg) {
    let bytes = 0;
    const svgMs = await timeMs(async () => {
      const charts = await Promise.all(mainSpecs(view, staticChartOptions('light', view.meta.steps - 1)).map(renderSvg));
      bytes = charts.reduce((sum, c) => sum + c.length, 0) + diagramSvg(view.snapshots.items.at(-1)!).length;
    });
    log(figure('static SVG as the kernel sends it (Node)', svgMs, 'ms'));
    log(figure('static SVG size', bytes / MB, 'MB'));
  }
  log(figure('peak RSS so far', peakRssMiB(), 'MiB'));
}

export const suite: BenchSuite = {
  name: 'views',
  async run(log) {
    await measure('Vec pushes, 10^4', () => vecPushes(10_000, log), log, true);
    await measure('Vec pushes, 10^6', () => vecPushes(1_000_000, log), log, true);
    await measure('Box churn, 2·10^5 boxes', () => boxChurn(200_000), log, true);
    await measure('Vec pushes, 10^7', () => vecPushes(10_000_000, log), log, true);
  },
};
