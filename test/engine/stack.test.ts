import { rustProgram } from '../../src/api/program';
import { DEFAULT_ADDRESSES, FRAME_HEADER_BYTES } from '../../src/engine/memory/machine';
import { EventKind } from '../../src/format/events';

describe('the stack', () => {
  test('recursion: one frame per call, depth in frames and bytes, popped on return', () => {
    const t = rustProgram((rs) => {
      const fact: (n: number) => number = (n) => {
        const call = rs.fn('factorial', ['n'], (b) => {
          const k = b.value as number;
          if (k <= 1) return 1;
          const rest = fact(k - 1);
          return rs.let('r', k * rest).value as number;
        });
        const out = call(n);
        return out ? (out.value as { v: number }).v : 0;
      };
      rs.main(() => {
        rs.let('n', 5);
        fact(5);
      });
    });
    expect(t.peak('frames').value).toBe(6); // main + factorial(5..1)
    // Each factorial frame: 16-byte header + n: i32 (4) + r: i32 (4, in frames that get there).
    const depthBytes = t.peak('stackBytes').value;
    expect(depthBytes).toBeGreaterThan(6 * FRAME_HEADER_BYTES);
    expect(t.final().frames).toBe(0);
    expect(t.final().stackBytes).toBe(0);
  });

  test('locals are placed downwards from the frame at their alignment', () => {
    const t = rustProgram((rs) => rs.main(() => {
      rs.let('a', rs.u8(1));
      rs.let('b', rs.u64(2));
      rs.let('c', rs.u16(3));
    }));
    const lastLet = [...Array(t.length).keys()].filter((i) => t.kindAt(i) === EventKind.LocalNew).pop()!;
    const snap = t.snapshot(lastLet);
    const [a, b, c] = snap.frames[0]!.locals;
    const base = DEFAULT_ADDRESSES.stackTop - FRAME_HEADER_BYTES;
    expect(a!.address).toBe(base - 1);
    expect(b!.address).toBe(Math.floor((base - 1 - 8) / 8) * 8);
    expect(b!.address % 8).toBe(0);
    expect(c!.address % 2).toBe(0);
    expect(c!.address).toBeLessThan(b!.address);
  });

  test('deep recursion hits the stack limit and ends in a stack-overflow event, like Rust', () => {
    const t = rustProgram((rs) => {
      const down = rs.fn('down', ['n'], (n): undefined => {
        rs.let('pad', rs.repeat('u8', 0, 1000));
        down(n.value as number + 1);
        return undefined;
      });
      rs.main(() => {
        down(0);
      });
    }, { stackLimit: 64 * 1024 });
    expect(t.meta.ended).toMatch(/overflowed its stack/);
    const last = t.length - 1;
    expect(t.kindAt(last)).toBe(EventKind.StackOverflow);
    expect(t.metric('stackBytes', last)).toBeLessThanOrEqual(64 * 1024);
    expect(t.peak('frames').value).toBeGreaterThan(50);
  });
});
