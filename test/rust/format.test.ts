/**
 * Timelines from the interpreter are ordinary memscope documents: they survive encode → JSON →
 * decode (with validation), and a snapshot can be taken at every step, whose pointers name blocks,
 * frames and static items that exist at that step.
 */
import * as path from 'node:path';
import { decodeTimeline, encodeTimeline } from '../../src/engine/timeline/document';
import { initRust, runRust } from '../../src/rust';
import { loadRustPrograms } from '../oracle/rust-sources';

const programs = [
  ...loadRustPrograms(path.join(__dirname, '..', 'oracle', 'snippets')),
  ...loadRustPrograms(path.join(__dirname, 'programs')),
];

beforeAll(() => initRust(), 30_000);

test.each(programs.map((p) => [p.name, p] as const))('%s: valid document, snapshots whose pointers reach live places', async (_name, p) => {
  const run = await runRust(p.source);
  const doc = JSON.parse(JSON.stringify(encodeTimeline(run.timeline)));
  const back = decodeTimeline(doc, p.name);
  expect(back.length).toBe(run.timeline.length);
  let pointers = 0;
  for (let i = 0; i < back.length; i++) {
    const snap = back.snapshot(i);
    for (const ptr of snap.pointers) {
      pointers++;
      // A pointer may dangle only mid-operation: from the free of its block until its holder is
      // re-recorded (the end of the slot, or the write of an assignment, which drops the old value first).
      if (ptr.dangling) {
        const recent = [i, i - 1, i - 2].filter((j) => j >= 0).map((j) => back.event(j).kind);
        expect(recent).toContain('free');
      }
      if (ptr.to.region === 'static') expect(snap.statics.some((s) => s.id === (ptr.to as { item: number }).item)).toBe(true);
    }
  }
  // A variable holding a String/Vec/Box/Rc shows as a pointer.
  if (/let (mut )?\w+(: [^=]+)? = (String::|Vec::|vec!|Box::new|Rc::new)/.test(p.source)) expect(pointers).toBeGreaterThan(0);
});
