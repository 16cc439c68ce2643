import type { Timeline } from '../engine/timeline/timeline';

export interface TimelineSummary {
  steps: number;
  policy: string;
  ended: string | null;
  heap: { allocs: number; reallocs: number; frees: number; peakLiveBytes: number; finalLiveBytes: number; footprint: number; leakedBlocks: number };
  stack: { maxFrames: number; maxBytes: number };
  staticBytes: number;
  output: string;
}

/** The figures a student or a CLI user looks at first. */
export function summarize(t: Timeline): TimelineSummary {
  const final = t.final();
  return {
    steps: t.length,
    policy: t.meta.policy,
    ended: t.meta.ended ?? null,
    heap: {
      ...t.heapOps(),
      peakLiveBytes: t.peak('heapLive').value,
      finalLiveBytes: final.heapLive,
      footprint: final.footprint,
      leakedBlocks: final.heapBlocks,
    },
    stack: { maxFrames: t.peak('frames').value, maxBytes: t.peak('stackBytes').value },
    staticBytes: final.staticBytes,
    output: t.output(),
  };
}

/** A few lines of text, for `text/plain` outputs and the CLI. */
export function summaryText(s: TimelineSummary): string {
  const lines = [
    `memscope timeline: ${s.steps} steps, heap policy ${s.policy}${s.ended ? `, ended early: ${s.ended}` : ''}`,
    `  heap:   ${s.heap.allocs} allocs, ${s.heap.reallocs} reallocs, ${s.heap.frees} frees; peak live ${s.heap.peakLiveBytes} B, footprint ${s.heap.footprint} B, live at end ${s.heap.finalLiveBytes} B in ${s.heap.leakedBlocks} blocks`,
    `  stack:  max depth ${s.stack.maxFrames} frames, ${s.stack.maxBytes} B`,
    `  static: ${s.staticBytes} B`,
  ];
  return lines.join('\n');
}
