/**
 * Display helpers for the memscope-ts (tslab) kernel. `await show(timeline)` sends ONE
 * display_data message whose bundle has three MIME types:
 *   - `application/vnd.memscope.v1+json`: the view document (src/format/view.ts) as a JSON object,
 *     for the JupyterLab renderer;
 *   - `image/svg+xml`: the main charts and the memory diagram at the chosen step, rendered here in
 *     Node by vega, so HTML handouts and renderer-less frontends show them offline;
 *   - `text/plain`: a summary.
 *
 * The channel: tslab 1.0.22's public `display.raw(type, body)` sends one MIME type with a string
 * body, so a bundle with a JSON object goes through the function that API itself calls, the
 * module-level `lastWriteDisplayData(content, update)` of `tslab/dist/jupyter.js`. tslab sets it
 * at the start of each cell's execution (JupyterHandlerImpl.handleExecuteImpl) to a function that
 * signs `content` ({data, metadata, transient}) and publishes it on IOPub as `display_data`
 * (`update_display_data` when `update`) with the cell's request as parent. Pinned to tslab 1.0.22
 * (package.json); a tslab without it fails with a clear error.
 */
import { inspect } from 'util';
import type { Timeline } from '../engine/timeline/timeline';
import { MIME_TYPE } from '../format/errors';
import type { ViewDocument } from '../format/view';
import { mainSpecs, staticChartOptions } from '../views/charts';
import { diagramSvg } from '../views/diagram';
import { makeView, viewSummaryText, type ViewOptions } from '../views/view';
import { defaultStep } from '../views/steps';
import { renderSvg, renderSvgSync, stackSvgs } from '../views/render-svg';
import { themeOf, type ThemeName } from '../views/theme';

export interface ShowOptions extends ViewOptions {
  /** Step of the diagram, of the charts' cursor and the step the renderer opens at (default: the end of main before its drops). */
  step?: number;
  /** Colours of the static SVG (the JupyterLab renderer follows the page's theme instead). Default light. */
  theme?: ThemeName;
  /** Leave the static SVG out (the JSON and the text still go). */
  svg?: boolean;
}

/** The content of a display_data message (Jupyter messaging spec 5.x). */
export interface DisplayData {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient?: { display_id?: string };
}

type WriteDisplayData = (content: DisplayData, update: boolean) => void;

function isTimeline(x: unknown): x is Timeline {
  return typeof x === 'object' && x !== null && typeof (x as Timeline).snapshot === 'function' && typeof (x as Timeline).kindAt === 'function';
}

function viewOf(input: Timeline | ViewDocument, options: ShowOptions, step: number | undefined): ViewDocument {
  if (!isTimeline(input)) return step !== undefined && step !== input.step && input.snapshots.items.some((x) => x.step === step) ? { ...input, step } : input;
  return makeView(input, { ...options, step: step === undefined || step < 0 ? undefined : step });
}

function stepOf(input: Timeline | ViewDocument, options: ShowOptions): number {
  const steps = isTimeline(input) ? input.length : input.meta.steps;
  const step = options.step ?? (isTimeline(input) ? defaultStep(input) : input.step ?? steps - 1);
  if (!Number.isInteger(step) || step < -1 || step >= steps) throw new RangeError(`step ${step} is outside this timeline (0..${steps - 1})`);
  return step;
}

let outputs = 0;

function diagramAt(input: Timeline | ViewDocument, view: ViewDocument, step: number, theme: ThemeName | undefined): string | null {
  // Outputs share a page's id space: each diagram gets its own marker ids.
  const idPrefix = `memscope-${process.pid.toString(36)}-${(outputs++).toString(36)}`;
  // With the step before, so the static picture marks what this step changed, as the renderer does.
  if (isTimeline(input)) return diagramSvg(input.snapshot(step), { theme, idPrefix, previous: step > 0 ? input.snapshot(step - 1) : undefined });
  // A view holds snapshots at chosen steps: the last one at or before `step`.
  const snapshot = [...view.snapshots.items].reverse().find((s) => s.step <= step);
  return snapshot ? diagramSvg(snapshot, { theme, idPrefix }) : null;
}

function bundle(view: ViewDocument, svg: string | null): DisplayData {
  const data: Record<string, unknown> = { [MIME_TYPE]: view, 'text/plain': viewSummaryText(view) };
  if (svg !== null) data['image/svg+xml'] = svg;
  return { data, metadata: {} };
}

/** The display bundle of a run, without sending it (the kernel-free part of `show`). */
export async function displayBundle(input: Timeline | ViewDocument, options: ShowOptions = {}): Promise<DisplayData> {
  const step = stepOf(input, options);
  const view = viewOf(input, options, step);
  if (options.svg === false) return bundle(view, null);
  const charts = await Promise.all(mainSpecs(view, staticChartOptions(options.theme, step)).map(renderSvg));
  return bundle(view, staticSvg(charts, diagramAt(input, view, step, options.theme), options.theme));
}

/** `displayBundle` made synchronously (for the inspect hook of the last expression of a cell). */
export function displayBundleSync(input: Timeline | ViewDocument, options: ShowOptions = {}): DisplayData {
  const step = stepOf(input, options);
  const view = viewOf(input, options, step);
  if (options.svg === false) return bundle(view, null);
  const charts = mainSpecs(view, staticChartOptions(options.theme, step)).map(renderSvgSync);
  return bundle(view, staticSvg(charts, diagramAt(input, view, step, options.theme), options.theme));
}

function staticSvg(charts: string[], diagram: string | null, theme: ThemeName | undefined): string {
  return stackSvgs(diagram === null ? charts : [diagram, ...charts], { background: themeOf(theme).background, gap: 20 });
}

/**
 * The running tslab kernel's display channel: `lastWriteDisplayData` of the `tslab/dist/jupyter.js`
 * module the kernel loaded (found in require's cache, so it is the kernel's own instance, not a
 * second copy), read at call time because tslab replaces it for every cell.
 */
export function kernelChannel(): WriteDisplayData | null {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) continue;
    const write = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof write === 'function') return write as WriteDisplayData;
  }
  return null;
}

function send(content: DisplayData): void {
  const write = kernelChannel();
  if (!write) {
    throw new Error('show() sends its output to a notebook: run it in a cell of the memscope-ts (tslab 1.0.22) kernel; ' +
      'elsewhere use displayBundle() to get the bundle');
  }
  write(content, false);
}

/**
 * Shows a run in the notebook: one output with the view (for the memscope renderer), a static
 * SVG of the charts and the diagram, and a text summary. Resolves to nothing, so a cell ending
 * in `await show(t)` prints nothing more (use `displayBundle` to get what was sent).
 *
 *   await show(timeline);                       // diagram at the end of main, before its drops
 *   await show(timeline, { step: 42, theme: 'dark' });
 */
export async function show(input: Timeline | ViewDocument, options: ShowOptions = {}): Promise<void> {
  send(await displayBundle(input, options));
}

let autoDisplayOptions: ShowOptions | null = null;

/**
 * Makes a Timeline that is a cell's last expression show itself. tslab 1.0.22 has no display
 * hook for values: it prints the last expression with `console.log(value)` (executor.js), which
 * formats objects through `util.inspect`, which calls a value's `[util.inspect.custom]`. So the
 * hook goes on Timeline's prototype: inside the kernel it sends the bundle (synchronously, as
 * inspect must return) and prints one line; outside the kernel it leaves inspect as it was.
 * Any `console.log(timeline)` in a cell displays too.
 */
export function enableAutoDisplay(options: ShowOptions = {}, timelineClass?: { prototype: object }): void {
  autoDisplayOptions = options;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const proto = (timelineClass ?? require('../engine/timeline/timeline').Timeline).prototype as Record<symbol, unknown>;
  if (proto[inspect.custom]) return;
  proto[inspect.custom] = function (this: Timeline, depth: number, opts: object, inspectFn?: typeof inspect): string {
    const write = autoDisplayOptions ? kernelChannel() : null;
    if (!write) {
      // Default formatting, without coming back here.
      return (inspectFn ?? inspect)(this, { ...opts, depth, customInspect: false });
    }
    write(displayBundleSync(this, autoDisplayOptions ?? {}), false);
    return `[memscope Timeline: ${this.length} steps, shown above]`;
  };
}

/** Stops Timelines showing themselves (console.log prints them as plain objects again). */
export function disableAutoDisplay(): void {
  autoDisplayOptions = null;
}
