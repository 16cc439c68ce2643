/// <reference lib="dom" />
/**
 * The printed form of a live output: the memory diagram at a few chosen steps side by side
 * (Aquascope's L1, L2, L3), shown by `@media print` instead of the step control, which paper
 * cannot move. The steps: the notebook's (the view's `filmstrip`), or the opening step with a few
 * before it (filmstripIndices).
 */
import type { ViewDocument } from '../format/view';
import { diagramSvg } from '../views/diagram';

let serial = 0;

/**
 * Indices (into view.snapshots.items) of the steps a printed page shows: the view's `filmstrip`
 * (the notebook's choice) when it has one; else the step the page opened at, after up to
 * `most - 1` steps spread evenly before it from the first local's binding, so the strip tells
 * how the picture was built. (The first and last steps are an empty stack; the heap's peak of a
 * long run is too tall for paper.)
 */
export function filmstripIndices(view: ViewDocument, opening: number, most = 4): number[] {
  const items = view.snapshots.items;
  if (items.length === 0) return [];
  const atOrBefore = (step: number): number => {
    let index = 0;
    for (let i = 0; i < items.length; i++) if (items[i]!.step <= step) index = i;
    return index;
  };
  if (view.filmstrip && view.filmstrip.length > 0) return [...new Set(view.filmstrip.map(atOrBefore))];
  const end = Math.min(Math.max(0, opening), items.length - 1);
  const firstLocal = items.findIndex((s) => s.frames.some((f) => f.locals.length > 0));
  const start = firstLocal >= 0 && firstLocal < end ? firstLocal : 0;
  const chosen = new Set<number>();
  const spread = Math.min(most - 1, end - start);
  for (let k = 0; k < spread; k++) chosen.add(start + Math.floor(((end - start) * k) / spread));
  chosen.add(end);
  return [...chosen].sort((a, b) => a - b);
}

export function filmstrip(view: ViewDocument, opening: number): HTMLElement {
  const strip = document.createElement('div');
  strip.className = 'memscope-filmstrip';
  const prefix = `memscope-film-${++serial}`;
  for (const i of filmstripIndices(view, opening)) {
    const snapshot = view.snapshots.items[i]!;
    const figure = document.createElement('figure');
    figure.className = 'memscope-filmstrip-frame';
    const doc = new DOMParser().parseFromString(diagramSvg(snapshot, { theme: 'light', idPrefix: `${prefix}-${snapshot.step}` }), 'image/svg+xml');
    if (doc.getElementsByTagName('parsererror').length > 0) continue;
    const caption = document.createElement('figcaption');
    const line = snapshot.event?.line;
    caption.textContent = `step ${snapshot.step}${line ? `, line ${line}` : ''}`;
    figure.append(document.importNode(doc.documentElement, true), caption);
    strip.append(figure);
  }
  return strip;
}
