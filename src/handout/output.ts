/// <reference lib="dom" />
/**
 * One memscope output of a handout, made live: the template put the output's view document
 * (its JSON, as the notebook stored it) beside the static SVG; here the JupyterLab renderer draws
 * the view (step control, diagram, charts with the step cursor), a filmstrip waits for print, and
 * an output of a Rust run gets the program in an editor with Run. The static SVG stays in the
 * page: shown again for print-less fallbacks when anything here fails.
 */
import type { ViewDocument } from '../format/view';
import { renderError, renderOutput, type RenderedOutput } from '../jupyterlab/output';
import { fitView } from '../views/budget';
import { toView } from '../views/view';
import { filmstrip } from './filmstrip';
import { RunPanel } from './run-panel';
import type { RustRunner } from './runner';

export const VIEW_SCRIPT = 'script[type="application/vnd.memscope.v1+json"]';

/** A view of a `runRust` run (meta.program 'rust': its source is the whole program) can be edited and run again. */
export function runnableSource(view: ViewDocument): string | null {
  return view.meta.program === 'rust' && view.meta.source ? view.meta.source : null;
}

export interface Mounted {
  /** The live view now shown (replaced by Run). */
  display: RenderedOutput | null;
  panel: RunPanel | null;
}

/** Dims the live view while it shows an older run than the editor's program (the last Run failed). */
export function markStale(live: HTMLElement, stale: boolean): void {
  live.classList.toggle('memscope-stale', stale);
  live.title = stale ? 'the last run that worked (the program in the editor did not run)' : '';
}

/** Draws a view into `live` and its filmstrip into `print`, replacing what was there. */
export async function drawView(live: HTMLElement, print: HTMLElement, view: ViewDocument, previous: RenderedOutput | null): Promise<RenderedOutput> {
  const holder = document.createElement('div');
  // Within the renderer's payload budget, as in JupyterLab (a run edited in the page can be large).
  const fitted = fitView(view);
  const display = await renderOutput(holder, fitted.view, { theme: 'light', over: fitted.over });
  previous?.dispose();
  live.replaceChildren(holder);
  print.replaceChildren(filmstrip(fitted.view, display.snapshot));
  return display;
}

export async function mountOutput(wrapper: HTMLElement, runner: () => RustRunner): Promise<Mounted> {
  const script = wrapper.querySelector(VIEW_SCRIPT);
  const mounted: Mounted = { display: null, panel: null };
  if (!script) return mounted;
  let view: ViewDocument;
  try {
    view = toView(JSON.parse(script.textContent ?? ''), 'handout output');
  } catch (err) {
    // The static SVG stays; say why it is not live.
    renderError(wrapper, 'This output cannot be made live (its static picture is shown)', err);
    return mounted;
  }
  const live = document.createElement('div');
  live.className = 'memscope-live';
  const print = document.createElement('div');
  print.className = 'memscope-print';
  const source = runnableSource(view);
  if (source) {
    mounted.panel = new RunPanel({
      source,
      runner,
      settings: () => ({ policy: view.meta.policy, stackLimit: view.meta.stackLimit, title: view.meta.title }),
      onView: async (next) => {
        mounted.display = await drawView(live, print, next, mounted.display);
      },
      onStale: (stale) => markStale(live, stale),
    });
    mounted.panel.element.classList.add('memscope-live-editor');
    wrapper.append(mounted.panel.element);
  }
  wrapper.append(live, print);
  try {
    mounted.display = await drawView(live, print, view, null);
    wrapper.classList.add('memscope-handout-live');
  } catch (err) {
    live.replaceChildren();
    renderError(live, 'memscope could not draw this output live (its static picture is shown)', err);
  }
  return mounted;
}

/** What a marked code cell carries (its metadata's `memscope` object). */
interface MarkedCell {
  rust: string;
  policy?: string;
  stackLimit?: number;
  title?: string;
}

/**
 * A code cell marked `"memscope": {"rust": "fn main() { … }"}` in the notebook: its program in an
 * editor with Run, the run drawn live below (nothing before the first Run: the page stays as
 * light as the static export).
 */
export function mountRunnable(wrapper: HTMLElement, runner: () => RustRunner): RunPanel | null {
  let marked: MarkedCell;
  try {
    marked = JSON.parse(wrapper.querySelector('script.memscope-rust')?.textContent ?? '') as MarkedCell;
    if (typeof marked?.rust !== 'string') throw new Error('expected "rust": the program text');
  } catch (err) {
    renderError(wrapper, 'This runnable example cannot be read (its text is shown)', err);
    return null;
  }
  const live = document.createElement('div');
  live.className = 'memscope-live';
  const print = document.createElement('div');
  print.className = 'memscope-print';
  let display: RenderedOutput | null = null;
  const panel = new RunPanel({
    source: marked.rust,
    runner,
    settings: () => ({ policy: marked.policy, stackLimit: marked.stackLimit, title: marked.title }),
    onView: async (view) => {
      display = await drawView(live, print, view, display);
    },
    onStale: (stale) => markStale(live, stale),
  });
  panel.element.classList.add('memscope-live-editor');
  wrapper.append(panel.element, live, print);
  wrapper.classList.add('memscope-handout-live');
  return panel;
}
