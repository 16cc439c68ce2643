import { rustProgram } from '../../src/api/program';
import { minNonZeroCap } from '../../src/engine/std/raw-vec';
import { capacities, heapOps } from './helpers';

describe('String and Vec growth follow std RawVec', () => {
  test('Vec<i32> from empty: first push allocates 4, then capacity doubles', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('i32'));
      for (let i = 0; i < 20; i++) v.push(i);
    }));
    expect(capacities(t, 'v')).toEqual([0, 4, 8, 16, 32]);
    expect(heapOps(t)).toEqual([
      { op: 'alloc', size: 16, align: 4 },
      { op: 'realloc', size: 32, align: 4, old_size: 16 },
      { op: 'realloc', size: 64, align: 4, old_size: 32 },
      { op: 'realloc', size: 128, align: 4, old_size: 64 },
      { op: 'dealloc', size: 128, align: 4 },
    ]);
  });

  test('the minimum non-zero capacity depends on the element size', () => {
    expect(minNonZeroCap(1)).toBe(8);
    expect(minNonZeroCap(4)).toBe(4);
    expect(minNonZeroCap(1024)).toBe(4);
    expect(minNonZeroCap(1025)).toBe(1);
    const t = rustProgram((rs) => rs.main(() => {
      const bytes = rs.let_mut('bytes', rs.Vec.new('u8'));
      bytes.push(rs.u8(1));
      const big = rs.let_mut('big', rs.Vec.new('[u8; 2000]'));
      big.push(rs.repeat('u8', 0, 2000));
      big.push(rs.repeat('u8', 1, 2000));
    }));
    expect(capacities(t, 'bytes')).toEqual([0, 8]);
    expect(capacities(t, 'big')).toEqual([0, 1, 2]);
    expect(heapOps(t).slice(0, 3)).toEqual([
      { op: 'alloc', size: 8, align: 1 },
      { op: 'alloc', size: 2000, align: 1 },
      { op: 'realloc', size: 4000, align: 1, old_size: 2000 },
    ]);
  });

  test('String::from allocates exactly the literal; push_str grows to max(2 × cap, needed)', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.from('hello'));
      s.push_str(', world'); // 5 + 7 = 12 > 10 → 12
      s.push('!'); // 13 > 12 → 24
      s.push_str('ab');
    }));
    expect(capacities(t, 's')).toEqual([5, 12, 24]);
    expect(heapOps(t).map((o) => o.op)).toEqual(['alloc', 'realloc', 'realloc', 'dealloc']);
  });

  test('String::new + push allocates 8 bytes first (1-byte elements)', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.new());
      for (const ch of 'abcdefghij') s.push(ch);
    }));
    expect(capacities(t, 's')).toEqual([0, 8, 16]);
  });

  test('with_capacity asks for exactly n, reserve grows amortised, shrink_to_fit returns to len', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.with_capacity('u64', 10));
      for (let i = 0; i < 10; i++) v.push(rs.u64(i));
      v.reserve(1); // 10 + 1 → max(20, 11) = 20
      v.shrink_to_fit(); // back to 10
      v.clear();
      v.shrink_to_fit(); // len 0 → freed
    }));
    expect(capacities(t, 'v')).toEqual([10, 20, 10, 0]);
    expect(heapOps(t)).toEqual([
      { op: 'alloc', size: 80, align: 8 },
      { op: 'realloc', size: 160, align: 8, old_size: 80 },
      { op: 'realloc', size: 80, align: 8, old_size: 160 },
      { op: 'dealloc', size: 80, align: 8 },
    ]);
  });

  test('zero-sized elements never allocate', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('()'));
      for (let i = 0; i < 100; i++) v.push(rs.unit());
      rs.let('b', rs.Box.new(rs.unit()));
    }));
    expect(heapOps(t)).toEqual([]);
    expect(capacities(t, 'v')).toEqual([2 ** 64 - 1]);
  });
});
