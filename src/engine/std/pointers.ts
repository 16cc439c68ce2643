import { OwnerKind } from '../../format/events';
import type { Ty } from '../layout/types';
import { alignUp, type Machine } from '../memory/machine';
import { NO_OWNER } from '../timeline/recorder';
import { toValue, rcContent } from '../memory/to-value';
import type { BoxValue, RcValue, RValue } from '../memory/rvalue';
import { formatType as typeName } from '../layout/format';

/** `Box::new(x)`: x is already evaluated; one block of size_of::<T>() (none for a zero-sized T), and x moves in. */
export function boxNew(m: Machine, inner: RValue): BoxValue {
  const layout = m.layoutOf(inner.ty);
  const ty: Ty = { kind: 'box', to: inner.ty };
  const block = layout.size === 0 ? null : m.alloc(layout.size, layout.align, typeName(inner.ty), toValue(inner), NO_OWNER);
  if (block) m.adopt(inner, { kind: OwnerKind.Block, o1: block.id, o2: -1 });
  return { tag: 'box', ty, block, inner };
}

/** Rust's RcBox: `#[repr(C)] { strong: Cell<usize>, weak: Cell<usize>, value: T }`. */
export function rcBoxLayout(m: Machine, inner: Ty): { size: number; align: number } {
  const t = m.layoutOf(inner);
  const align = Math.max(8, t.align);
  const offset = alignUp(16, t.align || 1);
  return { size: alignUp(offset + t.size, align), align };
}

/** `Rc::new(x)` (and `Arc::new`): one block holding strong = 1, weak = 1 and x. */
export function rcNew(m: Machine, inner: RValue, atomic = false): RcValue {
  const layout = rcBoxLayout(m, inner.ty);
  const cell = { block: null as RcValue['cell']['block'], strong: 1, weak: 1, inner };
  const label = `${atomic ? 'ArcInner' : 'RcBox'}<${typeName(inner.ty)}>`;
  cell.block = m.alloc(layout.size, layout.align, label, rcContent(cell), { kind: OwnerKind.Shared, o1: -1, o2: -1 });
  m.adopt(inner, { kind: OwnerKind.Block, o1: cell.block.id, o2: -1 });
  return { tag: 'rc', ty: { kind: atomic ? 'arc' : 'rc', to: inner.ty }, cell };
}

/** `Rc::clone(&rc)`: no allocation, strong count + 1. */
export function rcClone(m: Machine, rc: RcValue): RcValue {
  rc.cell.strong++;
  if (rc.cell.block) m.setContent(rc.cell.block, rcContent(rc.cell));
  return { tag: 'rc', ty: rc.ty, cell: rc.cell };
}

export function strongCount(rc: RcValue): number {
  return rc.cell.strong;
}
