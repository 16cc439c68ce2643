/// <reference lib="dom" />
/**
 * The DOM of one memscope output: a title and summary, a step slider, the charts of the run
 * (heap occupancy, stack depth, heap address map) with a cursor at the chosen step, the memory
 * diagram of that step and the bytes per region at it. Everything drawn comes from src/views:
 * vega-lite specs from our own builders (rendered by vega-embed) and the diagram's SVG from its
 * escaping builder, parsed as XML; payload text only ever reaches the page as text.
 */
import embed, { type Result } from 'vega-embed';
import type { Snapshot } from '../format/snapshot';
import type { ViewDocument } from '../format/view';
import { RENDER_BUDGET } from '../views/budget';
import { mainSpecs, regionSplitSpec, type ChartOptions } from '../views/charts';
import { diagramSvg, type HeapOrder } from '../views/diagram';
import { lineStep, type LineStep } from '../views/steps';
import { viewSummaryText } from '../views/view';
import type { ThemeName } from '../views/theme';

export interface OutputOptions {
  theme: ThemeName;
  /** vega's renderer: SVG (default; crisp, text selectable) or canvas. */
  renderer?: 'svg' | 'canvas';
  /** Index (among the payload's snapshots) to open at; default the view's `step` (what the notebook asked for). */
  snapshot?: number;
  /** What was left out to bring the payload within the renderer's budget (views/budget.ts fitView): shown above it. */
  over?: string[];
}

/** A drawn output: move its step, or tear it down (finalizes the vega views). */
export interface RenderedOutput {
  /** The step shown now (-1 when the payload has no snapshots). */
  readonly step: number;
  /** Its index among the payload's snapshots (-1 when there are none). */
  readonly snapshot: number;
  /** Shows the snapshot at `index` (0-based among the payload's snapshots); resolves when drawn. */
  showSnapshot(index: number): Promise<void>;
  dispose(): void;
}

/** Each output gets its own id prefix, so the arrow markers of two diagrams on a page never clash. */
let serial = 0;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Parses our diagram builder's SVG as XML (strict: a malformed string is an error, not a guess). */
function svgNode(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) {
    throw new Error('the memory diagram is not well-formed SVG');
  }
  return document.importNode(root, true);
}

export function renderError(host: HTMLElement, heading: string, err: unknown): void {
  const box = element('div', 'memscope-error');
  box.setAttribute('role', 'alert');
  box.append(element('div', 'memscope-error-heading', heading));
  box.append(element('pre', 'memscope-error-message', err instanceof Error ? err.message : String(err)));
  host.append(box);
}

/**
 * The snapshot to open at: the view's `step` (the step the notebook asked for, or the end of main
 * before its drops), else the last snapshot at or before it; views without one (older memscope)
 * open at the peak of live heap bytes as they used to.
 */
export function openingIndex(view: ViewDocument): number {
  const snapshots = view.snapshots.items;
  if (snapshots.length === 0) return -1;
  const want = view.step ?? view.meta.peaks.heapLive.step;
  let index = 0;
  for (let i = 0; i < snapshots.length; i++) if (snapshots[i]!.step <= want) index = i;
  return index;
}

export async function renderOutput(host: HTMLElement, view: ViewDocument, options: OutputOptions): Promise<RenderedOutput> {
  const id = `memscope-${++serial}`;
  const theme = options.theme;
  const snapshots = view.snapshots.items;
  let index = options.snapshot !== undefined && options.snapshot >= 0 && options.snapshot < snapshots.length
    ? options.snapshot
    : openingIndex(view);
  const stepAt = (i: number): number => (i >= 0 ? snapshots[i]!.step : -1);
  const chartOptions = (step: number): ChartOptions => ({ theme, cursor: step });
  const embedOptions = { actions: false, renderer: options.renderer ?? 'svg', tooltip: { theme } } as const;
  const lineSteps: LineStep[] = snapshots.map((s) => ({ step: s.step, line: s.event?.line ?? null }));
  let compact = false;
  let heapOrder: HeapOrder = 'pointers';

  const root = element('div', `memscope-view memscope-theme-${theme}`);
  root.dataset.theme = theme;
  // Focusable, so the arrow keys step once the output was clicked.
  root.tabIndex = 0;
  host.append(root);

  root.append(element('div', 'memscope-title', view.meta.title ?? 'memscope timeline'));
  if (options.over && options.over.length > 0) {
    const note = element('div', 'memscope-budget');
    note.setAttribute('role', 'status');
    note.append(element('div', 'memscope-budget-heading', 'This output is larger than memscope draws in full, so parts are summarised:'));
    const list = element('ul', '');
    for (const line of options.over) list.append(element('li', '', line));
    note.append(list);
    root.append(note);
  }

  // The controls sit right above the diagram and the source: in JupyterLab's output area nothing
  // can be sticky (its scroller is the notebook), so the picture and its controls share one screen.
  const stepBar = element('div', 'memscope-stepbar');
  const button = (label: string, title: string, action: string): HTMLButtonElement => {
    const b = element('button', 'memscope-button', label);
    b.type = 'button';
    b.title = title;
    b.setAttribute('aria-label', title);
    b.dataset.action = action;
    b.disabled = snapshots.length < 2;
    return b;
  };
  const first = button('«', 'first step (Home)', 'first');
  const backLine = button('⇤', 'back one source line (Shift+←)', 'back-line');
  const back = button('‹', 'back one step (←)', 'back');
  const play = button('▶', 'play (Space)', 'play');
  const forward = button('›', 'forward one step (→)', 'forward');
  const forwardLine = button('⇥', 'forward one source line (Shift+→)', 'forward-line');
  const last = button('»', 'last step (End)', 'last');
  const slider = element('input', 'memscope-slider');
  slider.type = 'range';
  slider.min = '0';
  slider.max = String(Math.max(0, snapshots.length - 1));
  slider.step = '1';
  slider.value = String(Math.max(0, index));
  slider.disabled = snapshots.length < 2;
  slider.setAttribute('aria-label', 'step of the memory diagram');
  const stepLabel = element('span', 'memscope-step-label');
  const lineLabel = element('span', 'memscope-line-label');
  const coverage = element('span', 'memscope-step-coverage',
    view.snapshots.complete ? '' : `diagram at ${snapshots.length} chosen steps of ${view.meta.steps}`);
  const compactBox = element('label', 'memscope-toggle');
  const compactInput = element('input', '');
  compactInput.type = 'checkbox';
  compactInput.dataset.action = 'compact';
  compactBox.append(compactInput, ' pointers only');
  compactBox.title = 'String, Vec and Box as just their pointer (ptr | len | cap when off)';
  const orderBox = element('label', 'memscope-toggle');
  const orderInput = element('input', '');
  orderInput.type = 'checkbox';
  orderInput.dataset.action = 'address-order';
  orderBox.append(orderInput, ' address order');
  orderBox.title = 'heap blocks by address instead of along the pointers';
  const buttons = element('span', 'memscope-buttons');
  buttons.append(first, backLine, back, play, forward, forwardLine, last);
  stepBar.append(buttons, slider, element('span', 'memscope-step-name', 'step'), stepLabel, lineLabel, compactBox, orderBox, coverage);
  root.append(stepBar);

  // The stage: the source listing (when the run has one) beside the diagram, as Python Tutor
  // puts code and picture side by side.
  const stage = element('div', 'memscope-stage');
  const diagram = element('div', 'memscope-diagram');
  diagram.tabIndex = -1;
  const sourceLines: HTMLElement[] = [];
  let sourceBox: HTMLElement | null = null;
  if (view.meta.source) {
    const details = element('details', 'memscope-source');
    details.open = true;
    details.append(element('summary', '', 'source'));
    sourceBox = element('pre', 'memscope-source-text');
    view.meta.source.split('\n').forEach((text, i) => {
      const line = element('span', 'memscope-source-line');
      line.append(element('span', 'memscope-source-number', String(i + 1).padStart(3)), ` ${text}`);
      sourceLines.push(line);
      sourceBox!.append(line);
    });
    details.append(sourceBox);
    stage.append(details);
  }
  stage.append(diagram);
  root.append(stage);

  root.append(element('pre', 'memscope-summary', viewSummaryText(view)));
  const charts = element('div', 'memscope-charts');
  const chartNames = ['heap-occupancy', 'stack-depth', 'address-map'];
  const chartHosts = chartNames.map((name) => {
    const div = element('div', 'memscope-chart');
    div.dataset.chart = name;
    charts.append(div);
    return div;
  });
  const regions = element('div', 'memscope-chart');
  regions.dataset.chart = 'regions';
  root.append(charts, regions);

  let currentLine: number | null = null;
  // Scroll the listing only (scrollIntoView would scroll the notebook too). Before the output is
  // attached the listing has no height: the observer below centres it once it has one.
  const centreLine = (): void => {
    const current = currentLine !== null && currentLine >= 1 ? sourceLines[currentLine - 1] : undefined;
    const box = sourceBox;
    if (!current || !box || box.clientHeight === 0) return;
    if (current.offsetTop < box.scrollTop || current.offsetTop + current.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, current.offsetTop - box.clientHeight / 2);
    }
  };
  const markLine = (line: number | null): void => {
    for (const el of sourceLines) el.classList.remove('memscope-current');
    currentLine = line;
    const current = line !== null && line >= 1 ? sourceLines[line - 1] : undefined;
    current?.classList.add('memscope-current');
    centreLine();
  };
  // Once laid out (and when the notebook is resized) the listing centres its line and the diagram
  // takes its box's width.
  const sized = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => {
    centreLine();
    if (index >= 0 && Math.abs(diagramWidth() - drawnWidth) > 24) drawDiagram(index);
  }) : null;
  if (sized && sourceBox) sized.observe(sourceBox);
  if (sized) sized.observe(diagram);

  if (view.output.length > 0) {
    const details = element('details', 'memscope-output-text');
    details.append(element('summary', '', view.output.truncated
      ? `program output (first ${view.output.text.length} of ${view.output.length} characters)`
      : 'program output'));
    details.append(element('pre', '', view.output.text));
    root.append(details);
  }

  // The heap, stack and address-map charts carry the `cursor` param; the last spec (regions at a
  // step) is left to draw, which embeds it once per step (the first draw included).
  const [heapSpec, stackSpec, mapSpec] = mainSpecs(view, chartOptions(stepAt(index)));
  const results: Result[] = await Promise.all(
    [heapSpec!, stackSpec!, mapSpec!].map((spec, i) => embed(chartHosts[i]!, spec, embedOptions)),
  );
  let regionResult: Result | null = null;
  let disposed = false;
  const drawRegions = async (step: number): Promise<void> => {
    const next = await embed(regions, regionSplitSpec(view, step, chartOptions(step)), embedOptions);
    regionResult?.finalize();
    regionResult = next;
  };

  const describe = (i: number): string => {
    if (i < 0) return 'no snapshots in this output';
    const s: Snapshot = snapshots[i]!;
    return `${s.step} of ${Math.max(0, view.meta.steps - 1)}`;
  };

  // The diagram is drawn for the width its box has (760 px when not laid out yet), at least 520.
  const diagramWidth = (): number => {
    const available = diagram.clientWidth - 2;
    return available > 0 ? Math.max(520, Math.min(980, available)) : 760;
  };
  let drawnWidth = 0;
  const drawDiagram = (i: number): void => {
    const step = stepAt(i);
    // Changes are marked against the step just before (a long run's chosen steps may skip it).
    const previous = i > 0 && snapshots[i - 1]!.step === step - 1 ? snapshots[i - 1] : undefined;
    drawnWidth = diagramWidth();
    const svg = svgNode(diagramSvg(snapshots[i]!, { theme, idPrefix: `${id}-${step}`, previous, compact, heapOrder, width: drawnWidth, maxLocals: RENDER_BUDGET.localsPerFrame })) as SVGSVGElement;
    // Its own size, pinned: a stylesheet's max-height would otherwise scale a tall diagram down to a thumbnail.
    for (const dim of ['width', 'height'] as const) svg.style[dim] = `${svg.getAttribute(dim)}px`;
    Object.assign(svg.style, { maxWidth: 'none', maxHeight: 'none', padding: '0', border: '0', boxSizing: 'content-box' });
    diagram.replaceChildren(svg);
  };

  const draw = async (i: number): Promise<void> => {
    const step = stepAt(i);
    stepLabel.textContent = describe(i);
    if (i >= 0) slider.value = String(i);
    if (i < 0) {
      diagram.replaceChildren(element('div', 'memscope-note', 'This output carries no snapshot to draw.'));
      await drawRegions(step);
      return;
    }
    const line = snapshots[i]!.event?.line ?? null;
    lineLabel.textContent = line !== null ? `line ${line}` : '';
    drawDiagram(i);
    markLine(line);
    await Promise.all(results.map((r) => r.view.signal('cursor', step).runAsync()));
    await drawRegions(step);
    // Marks the step as drawn everywhere (tests and the benchmark wait for it).
    root.dataset.step = String(step);
    root.dataset.line = line === null ? '' : String(line);
  };

  // Slider moves arrive faster than a redraw: draw the latest wanted step, skip the ones in between.
  let wanted = index;
  let drawing: Promise<void> = draw(index);
  await drawing;
  const showSnapshot = (i: number): Promise<void> => {
    wanted = Math.min(Math.max(0, Math.round(i)), snapshots.length - 1);
    // A failed draw was reported where it happened; the next move starts afresh.
    drawing = drawing.catch(() => undefined).then(async () => {
      if (disposed || wanted === index) return;
      index = wanted;
      await draw(index);
    });
    return drawing;
  };
  const report = (p: Promise<void>): void => {
    void p.catch((err) => {
      if (!disposed) renderError(root, 'memscope could not draw this step', err);
    });
  };

  // Play: one step every 600 ms (a class can follow it), stopping at the end.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    play.textContent = '▶';
    play.title = 'play (Space)';
    root.dataset.playing = 'false';
  };
  const tick = (): void => {
    if (disposed || wanted >= snapshots.length - 1) return stop();
    report(showSnapshot(wanted + 1));
    timer = setTimeout(tick, 600);
  };
  const toggle = (): void => {
    if (timer !== null) return stop();
    if (wanted >= snapshots.length - 1) report(showSnapshot(0));
    play.textContent = '⏸';
    play.title = 'pause (Space)';
    root.dataset.playing = 'true';
    timer = setTimeout(tick, 300);
  };
  const act = (action: string): void => {
    if (action !== 'play') stop();
    switch (action) {
      case 'first': return report(showSnapshot(0));
      case 'last': return report(showSnapshot(snapshots.length - 1));
      case 'back': return report(showSnapshot(wanted - 1));
      case 'forward': return report(showSnapshot(wanted + 1));
      case 'back-line': return report(showSnapshot(lineStep(lineSteps, wanted, -1)));
      case 'forward-line': return report(showSnapshot(lineStep(lineSteps, wanted, 1)));
      case 'play': return toggle();
    }
  };
  buttons.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset.action;
    if (action) act(action);
  });
  slider.addEventListener('input', () => {
    stop();
    report(showSnapshot(Number(slider.value)));
  });
  const redrawDiagram = (): void => {
    if (index >= 0) drawDiagram(index);
  };
  compactInput.addEventListener('change', () => {
    compact = compactInput.checked;
    redrawDiagram();
  });
  orderInput.addEventListener('change', () => {
    heapOrder = orderInput.checked ? 'address' : 'pointers';
    redrawDiagram();
  });
  // Keys handled here never reach JupyterLab's notebook shortcuts (it listens on the document).
  root.addEventListener('keydown', (event) => {
    if (snapshots.length < 2 || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as HTMLElement).tagName === 'INPUT' && (event.target as HTMLInputElement).type === 'checkbox' && event.key === ' ') return;
    const keys: Record<string, string> = event.shiftKey
      ? { ArrowLeft: 'back-line', ArrowRight: 'forward-line', ArrowUp: 'back-line', ArrowDown: 'forward-line' }
      : { ArrowLeft: 'back', ArrowRight: 'forward', ArrowUp: 'back-line', ArrowDown: 'forward-line', Home: 'first', End: 'last', ' ': 'play' };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    act(action);
  });

  return {
    get step() {
      return stepAt(index);
    },
    get snapshot() {
      return index;
    },
    showSnapshot,
    dispose() {
      disposed = true;
      stop();
      sized?.disconnect();
      for (const r of results) r.finalize();
      regionResult?.finalize();
      regionResult = null;
    },
  };
}
