/// <reference lib="dom" />
/**
 * The printed form of a live output: the memory diagram at a few chosen steps side by side
 * (Aquascope's L1, L2, L3), shown by `@media print` instead of the step control, which paper
 * cannot move. The steps: the one the page opened at, the first and last snapshots, and the peak
 * of live heap bytes, in order, at most four.
 */
import type { ViewDocument } from '../format/view';
import { diagramSvg } from '../views/diagram';

let serial = 0;

/** Indices (into view.snapshots.items) of the steps a printed page shows. */
export function filmstripIndices(view: ViewDocument, opening: number, most = 4): number[] {
  const items = view.snapshots.items;
  if (items.length === 0) return [];
  const peak = items.findIndex((s) => s.step === view.meta.peaks.heapLive.step);
  const wanted = [opening, peak, 0, items.length - 1].filter((i) => i >= 0 && i < items.length);
  const chosen = [...new Set(wanted)].slice(0, most);
  return chosen.sort((a, b) => a - b);
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
