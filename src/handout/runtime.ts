/// <reference lib="dom" />
/**
 * The handouts' browser runtime, one file shared by every page of a handout folder
 * (scripts/build-handout-runtime.js bundles it with the worker, the wasm grammars and the CSS):
 * each memscope output becomes live, Rust outputs and code cells marked runnable get an editor and
 * Run, the playground page gets its editor. Loaded by `<script src="memscope-runtime.js">`; needs no network and no server.
 * When it does not run (scripts off, a preview), the page's static SVGs are what readers see.
 */
import { mountOutput, mountRunnable } from './output';
import { mountPlayground } from './playground';
import { RustRunner } from './runner';

/** Put in by the bundler: the worker's code and the renderer's and handout's CSS. */
declare const MEMSCOPE_WORKER: string;
declare const MEMSCOPE_CSS: string;

let runner: RustRunner | null = null;
/** One worker for the page, started on first use. */
const sharedRunner = (): RustRunner => (runner ??= new RustRunner({ workerSource: MEMSCOPE_WORKER }));

async function start(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = MEMSCOPE_CSS;
  document.head.append(style);
  const html = document.documentElement;
  html.classList.add('memscope-js');
  const outputs = Array.from(document.querySelectorAll<HTMLElement>('.memscope-handout'));
  // One after another: each draw embeds four vega views; the page stays scrollable meanwhile.
  for (const wrapper of outputs) await mountOutput(wrapper, sharedRunner);
  for (const wrapper of Array.from(document.querySelectorAll<HTMLElement>('.memscope-runnable'))) mountRunnable(wrapper, sharedRunner);
  for (const root of Array.from(document.querySelectorAll<HTMLElement>('.memscope-playground'))) mountPlayground(root, sharedRunner);
  // Tests and print wait for this.
  html.dataset.memscope = 'ready';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
