/**
 * The JupyterLab renderer in headless Chromium: for runs of 10^4, 10^6 and 10^7 steps made by
 * the engine, the view payload's size (what a notebook stores and sends) and the time from
 * renderModel to a laid-out output (validation, four vega charts, the diagram), through the
 * built prebuilt extension in the real @jupyterlab/rendermime registry
 * (test/helpers/jupyterlab-host). Targets: payload < 1 MB and render < 1 s at 10^7 steps.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { Machine } from '../src/engine/memory/machine';
import { vecClear, vecNew, vecPush } from '../src/engine/std/vec';
import type { Timeline } from '../src/engine/timeline/timeline';
import { MIME_TYPE } from '../src/format/errors';
import { openLabHost, renderInHost } from '../test/helpers/jupyterlab-host/host';
import { makeView, viewSummaryText } from '../src/views/view';
import { figure, timeMs, type BenchSuite } from './harness';

/**
 * A run of about `steps` events: a Vec<u64> in main growing by pushes (reallocations), cleared
 * every 100 000 pushes, and every 50 pushes a call to a helper that boxes a value (a frame, a
 * local, an allocation and its free), so the stack, the heap and the address map all move.
 */
function workload(steps: number): Timeline {
  const m = new Machine();
  m.pushFrame('main');
  const elem = { kind: 'int', name: 'u64' } as const;
  const local = m.bind('v', { kind: 'vec', elem }, vecNew(m, elem));
  const v = local.value as ReturnType<typeof vecNew>;
  const home = { kind: 'local' as const, local };
  for (let i = 0; m.rec.length < steps - 8; i++) {
    vecPush(m, v, { tag: 'scalar', ty: elem, v: i }, home);
    if (i % 100_000 === 99_999) vecClear(m, v, home);
    if (i % 50 === 49) {
      m.pushFrame('helper');
      const block = m.alloc(8, 8, 'u64', { k: 'int', v: i });
      m.free(block);
      m.popFrame();
    }
  }
  m.popFrame();
  return m.finish();
}

function checkoutRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src', 'jupyterlab'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no memscope checkout above ${__dirname}`);
  }
}

export const suite: BenchSuite = {
  name: 'render',
  async run(log) {
    const root = checkoutRoot();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const labextension = path.join(root, pkg.jupyterlab.outputDir);
    if (!fs.existsSync(path.join(labextension, 'package.json'))) {
      log('  (building the labextension first: npm run build:labextension)');
      execFileSync(process.execPath, [path.join(root, 'scripts', 'build-jupyterlab-extension.js')], { cwd: root, stdio: 'ignore' });
    }
    const host = await openLabHost({ labextension, workDir: path.join(root, 'test-output', 'bench-render') });
    try {
      for (const [label, steps] of [['10^4', 1e4], ['10^6', 1e6], ['10^7', 1e7]] as const) {
        let timeline: Timeline | null = null;
        const makeMs = await timeMs(() => {
          timeline = workload(steps);
        });
        const t = timeline! as Timeline;
        let view = makeView(t);
        const viewMs = await timeMs(() => {
          view = makeView(t);
        });
        timeline = null;
        const json = JSON.stringify(view);
        const bytes = Buffer.byteLength(json);
        const big = steps === 1e7;
        log(figure(`${label} steps: engine run (${t.length} steps)`, makeMs, 'ms'));
        log(figure(`${label} steps: makeView`, viewMs, 'ms'));
        log(figure(`${label} steps: view payload size`, bytes / 1e6, 'MB', big ? { value: 1, higherIsBetter: false } : undefined));
        const bundle = { [MIME_TYPE]: view, 'text/plain': viewSummaryText(view) };
        // First render warms the page's JIT and vega's caches; the best of the next three counts.
        await renderInHost(host, bundle);
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          await host.page.evaluate(() => window.memscopeHost.clear());
          const result = await renderInHost(host, bundle);
          if (result.mimeType !== MIME_TYPE) throw new Error(`the page chose ${result.mimeType} for the memscope bundle`);
          best = Math.min(best, result.ms);
        }
        const errors = await host.page.locator('.memscope-error').count();
        if (errors > 0) throw new Error(`the renderer showed an error box for the ${label} payload`);
        log(figure(`${label} steps: render in Chromium (to laid out)`, best, 'ms', big ? { value: 1000, higherIsBetter: false } : undefined));
        // A slider move: the diagram, the charts' cursor and the region bars redrawn.
        const moveMs = await host.page.evaluate(async () => {
          const slider = document.querySelector('.memscope-slider') as HTMLInputElement;
          const view = document.querySelector('.memscope-view') as HTMLElement;
          const before = view.dataset.step;
          const started = performance.now();
          slider.value = '0';
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          while (view.dataset.step === before) await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - started;
        });
        log(figure(`${label} steps: slider move, all redrawn`, moveMs, 'ms'));
        await host.page.evaluate(() => window.memscopeHost.clear());
      }
      if (host.offMachine.length > 0) log(`  requests that tried to leave the machine: ${host.offMachine.join(', ')}`);
    } finally {
      await host.close();
    }
  },
};
