/// <reference lib="dom" />
/**
 * The playground page: an empty editor, the course's examples in a menu (the Rust programs of
 * the handouts' outputs, written into the page by scripts/handouts-playground.js), Run, and the
 * run drawn live below as in the handouts.
 */
import type { RenderedOutput } from '../jupyterlab/output';
import { drawView, markStale } from './output';
import { RunPanel } from './run-panel';
import type { RustRunner } from './runner';

export interface PlaygroundExample {
  title: string;
  /** The handout it comes from. */
  from: string;
  source: string;
  policy?: string;
  stackLimit?: number;
}

const STARTER = `fn main() {
    let mut v: Vec<i32> = Vec::new();
    v.push(1);
    println!("{:?}", v);
}
`;

function examplesOf(root: HTMLElement): PlaygroundExample[] {
  const script = root.querySelector('script[type="application/json"].memscope-examples');
  if (!script) return [];
  try {
    const list = JSON.parse(script.textContent ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((e): e is PlaygroundExample => typeof e?.title === 'string' && typeof e?.source === 'string') : [];
  } catch {
    return [];
  }
}

export function mountPlayground(root: HTMLElement, runner: () => RustRunner): RunPanel {
  const examples = examplesOf(root);
  let chosen: PlaygroundExample | null = null;
  let display: RenderedOutput | null = null;
  const menu = document.createElement('select');
  menu.className = 'memscope-examples-menu';
  menu.setAttribute('aria-label', 'course examples');
  menu.append(new Option('an empty program', ''));
  examples.forEach((e, i) => menu.append(new Option(`${e.from}: ${e.title}`, String(i))));
  const live = document.createElement('div');
  live.className = 'memscope-live';
  const print = document.createElement('div');
  print.className = 'memscope-print';
  const panel = new RunPanel({
    source: STARTER,
    runner,
    settings: () => ({ policy: chosen?.policy, stackLimit: chosen?.stackLimit, title: chosen?.title ?? 'playground' }),
    onView: async (view) => {
      display = await drawView(live, print, view, display);
    },
    onStale: (stale) => markStale(live, stale),
  });
  menu.addEventListener('change', () => {
    chosen = menu.value === '' ? null : examples[Number(menu.value)] ?? null;
    panel.editor.value = chosen ? chosen.source : STARTER;
  });
  const label = document.createElement('label');
  label.className = 'memscope-examples-label';
  label.append('Start from ', menu);
  root.replaceChildren(label, panel.element, live, print);
  root.classList.add('memscope-handout-live');
  return panel;
}
