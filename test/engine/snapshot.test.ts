import fc from 'fast-check';
import { rustProgram } from '../../src/api/program';
import { SnapshotIndex } from '../../src/engine/timeline/snapshot';
import type { Timeline } from '../../src/engine/timeline/timeline';

/** A program with a few thousand events of every kind: frames, scopes, growth, moves, frees. */
function busyProgram(): Timeline {
  return rustProgram((rs) => {
    const work = rs.fn('work', ['round'], (round) => {
      const words = rs.let_mut('words', rs.Vec.new('String'));
      for (let i = 0; i < 40; i++) {
        words.push(rs.format('w{}-{}', round, rs.usize(i)));
      }
      rs.scope(() => {
        const b = rs.let('b', rs.Box.new(rs.i64(round.value as number)));
        rs.drop(b);
      });
      const v = rs.let_mut('v', rs.Vec.new('u32'));
      for (let i = 0; i < 50; i++) v.push(rs.u32(i));
      v.truncate(10);
      v.shrink_to_fit();
      return words.len();
    });
    rs.main(() => {
      const keep = rs.let_mut('keep', rs.Vec.new('String'));
      for (let r = 0; r < 20; r++) {
        work(r);
        keep.push(rs.String.from(`round ${r}`));
      }
    });
  });
}

describe('snapshots', () => {
  const t = busyProgram();
  const reference = new SnapshotIndex(t, { minInterval: Infinity });

  test('the timeline is long enough to have checkpoints', () => {
    expect(t.length).toBeGreaterThan(5000);
    expect(new SnapshotIndex(t).checkpointCount).toBeGreaterThan(1);
  });

  test('the snapshot at step k equals replaying k steps from the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: t.length - 1 }), (step) => {
        expect(t.snapshot(step)).toEqual(reference.snapshot(step));
      }),
      { numRuns: 60 },
    );
  });

  test('every snapshot agrees with the metrics recorded at that step', () => {
    for (let step = 0; step < t.length; step += 97) {
      const snap = t.snapshot(step);
      expect(snap.frames.length).toBe(snap.metrics.frames);
      expect(snap.blocks.reduce((n, b) => n + b.size, 0)).toBe(snap.metrics.heapLive);
      expect(snap.blocks.length).toBe(snap.metrics.heapBlocks);
      // No two live blocks overlap.
      for (let i = 1; i < snap.blocks.length; i++) {
        expect(snap.blocks[i]!.address).toBeGreaterThanOrEqual(snap.blocks[i - 1]!.address + snap.blocks[i - 1]!.size);
      }
      // Every pointer to the heap points at a live block, except mid-drop (a free just happened and the
      // slot that held the pointer ends next), and those are marked dangling.
      const live = new Set(snap.blocks.map((b) => b.id));
      for (const p of snap.pointers) {
        if (p.to.region !== 'heap') continue;
        expect(p.dangling === true).toBe(!live.has(p.to.block));
        if (p.dangling) expect(snap.event!.kind).toBe('free');
      }
    }
  });

  test('at the end everything is freed and the stack is empty', () => {
    const end = t.snapshot(t.length - 1);
    expect(end.blocks).toEqual([]);
    expect(end.frames).toEqual([]);
    expect(end.statics.length).toBeGreaterThan(0);
  });

  test('out-of-range steps are a clear error', () => {
    expect(() => t.snapshot(t.length)).toThrow(/outside this timeline/);
    expect(() => t.snapshot(1.5)).toThrow(/outside this timeline/);
  });
});
