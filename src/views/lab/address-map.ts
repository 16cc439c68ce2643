/**
 * Each policy's address map (PolicyResult.addressMap) as a heat map: trace events across, heap
 * addresses up, a cell's shade the share of it that live blocks filled. One panel per policy,
 * each with its own address scale (a bump allocator's heap is many times first fit's).
 * Cells are drawn as rectangles: shares are rounded to tenths and equal neighbours in a row
 * become one rectangle, so a panel is a few thousand SVG elements at most, not 29,000.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AddressMap } from '../../format/lab-report';
import { fileLabel } from './labels';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
const WIDTH = 560;
const HEIGHT = 110;

/** What the chart reads of a PolicyResult. */
export interface PolicyAddressMap {
  trace: string;
  policy: string;
  events: number;
  footprint: number;
  addressMap?: AddressMap;
}

export interface MapRect {
  /** Events [x0, x1), addresses [y0, y1), the share filled rounded to a tenth (0.1 … 1). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  share: number;
}

/** The map's cells as rectangles: empty cells left out, equal neighbours in a row merged. */
export function mapRects(map: AddressMap, events: number): MapRect[] {
  const rects: MapRect[] = [];
  const w = map.eventsPerColumn;
  const h = map.bytesPerRow;
  map.occupancy.forEach((row, r) => {
    let start = 0;
    for (let c = 1; c <= row.length; c++) {
      const share = Math.round(row[start] * 10) / 10;
      if (c < row.length && Math.round(row[c] * 10) / 10 === share) continue;
      if (share > 0) rects.push({ x0: start * w, x1: Math.min(c * w, events), y0: r * h, y1: (r + 1) * h, share });
      start = c;
    }
  });
  return rects;
}

/** The address maps of every policy replayed on `trace` (those that carry one). */
export function policyAddressMapSpec(results: readonly PolicyAddressMap[], trace: string): TopLevelSpec {
  const mine = results.filter((r) => r.trace === trace && r.addressMap !== undefined);
  const panel = (r: PolicyAddressMap) => ({
    title: { text: r.policy, anchor: 'start' as const, fontSize: 12 },
    width: WIDTH,
    height: HEIGHT,
    data: { values: mapRects(r.addressMap!, r.events) },
    mark: { type: 'rect' as const, clip: true },
    encoding: {
      x: { field: 'x0', type: 'quantitative' as const, title: 'trace event', scale: { domain: [0, r.events] } },
      x2: { field: 'x1' },
      y: { field: 'y0', type: 'quantitative' as const, title: 'heap offset', axis: { format: '~s' }, scale: { domain: [0, Math.max(r.footprint, 1)] } },
      y2: { field: 'y1' },
      color: { field: 'share', type: 'quantitative' as const, title: 'share filled', scale: { scheme: 'blues', domain: [0, 1] }, legend: { format: '.0%' } },
      tooltip: [
        { field: 'x0', type: 'quantitative' as const, title: 'from event', format: ',' },
        { field: 'x1', type: 'quantitative' as const, title: 'to event', format: ',' },
        { field: 'y0', type: 'quantitative' as const, title: 'from offset', format: ',' },
        { field: 'y1', type: 'quantitative' as const, title: 'to offset', format: ',' },
        { field: 'share', type: 'quantitative' as const, title: 'share filled', format: '.0%' },
      ],
    },
  });
  return {
    $schema: SCHEMA,
    title: { text: 'Where each policy put the blocks', subtitle: `${fileLabel(trace)}: live bytes by heap offset over trace events (darker: fuller); up to the footprint` },
    vconcat: mine.map(panel),
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}
