import { OwnerKind } from '../../format/events';
import type { Ty } from '../layout/types';
import { alignUp, type Machine } from '../memory/machine';
import { NO_OWNER } from '../timeline/recorder';
import { toValue, rcContent, utf8Length } from '../memory/to-value';
import type { BoxValue, RcValue, RValue, WeakValue } from '../memory/rvalue';
import { formatType as typeName } from '../layout/format';

/** `Box::new(x)`: x is already evaluated; one block of size_of::<T>() (none for a zero-sized T), and x moves in. */
export function boxNew(m: Machine, inner: RValue): BoxValue {
  const layout = m.layoutOf(inner.ty);
  const ty: Ty = { kind: 'box', to: inner.ty };
  const block = layout.size === 0 ? null : m.alloc(layout.size, layout.align, typeName(inner.ty), toValue(inner), NO_OWNER);
  if (block) m.adopt(inner, { kind: OwnerKind.Block, o1: block.id, o2: -1 });
  return { tag: 'box', ty, block, inner };
}

/**
 * `Box<str>` from a `&str` (`"text".into()`, `Box::from`): exactly the text's bytes, align 1
 * (none for ""), copied; the box's value is the str in that block (a fat pointer: ptr, len).
 */
export function boxStr(m: Machine, text: string): BoxValue {
  const len = utf8Length(text);
  const block = len === 0 ? null : m.alloc(len, 1, 'str', { k: 'text', v: text, len }, NO_OWNER);
  const inner: RValue = { tag: 'str', ty: { kind: 'str' }, text, target: block ? { kind: 'block', block, offset: 0 } : null };
  return { tag: 'box', ty: { kind: 'box', to: { kind: 'str' } }, block, inner };
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

/**
 * `Rc::try_unwrap(rc)`: when rc is the only strong pointer, its value moves out and the RcBox is
 * freed at once unless a Weak still points at it (std drops the implicit weak inside the call);
 * null (std's `Err(rc)`) otherwise, with nothing changed.
 */
export function rcTryUnwrap(m: Machine, rc: RcValue): RValue | null {
  const cell = rc.cell;
  if (cell.strong !== 1) return null;
  cell.strong = 0;
  const inner = cell.inner;
  m.adopt(inner, NO_OWNER);
  cell.weak--; // the weak reference all strong ones held together
  if (cell.weak === 0 && cell.block) m.free(cell.block);
  else if (cell.block) m.setContent(cell.block, rcContent(cell));
  return inner;
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

/** `Rc::downgrade(&rc)`: a Weak to the same RcBox, weak count + 1. */
export function rcDowngrade(m: Machine, rc: RcValue): WeakValue {
  rc.cell.weak++;
  if (rc.cell.block) m.setContent(rc.cell.block, rcContent(rc.cell));
  return { tag: 'weak', ty: { kind: 'std', name: 'Weak', args: [(rc.ty as { to: Ty }).to] }, cell: rc.cell };
}

/** `weak.clone()`: weak count + 1. */
export function weakClone(m: Machine, w: WeakValue): WeakValue {
  w.cell.weak++;
  if (w.cell.block) m.setContent(w.cell.block, rcContent(w.cell));
  return { tag: 'weak', ty: w.ty, cell: w.cell };
}

/** `weak.upgrade()`: a new strong Rc while the value lives (strong count + 1), else null (None). */
export function weakUpgrade(m: Machine, w: WeakValue): RcValue | null {
  if (w.cell.strong === 0) return null;
  return rcClone(m, { tag: 'rc', ty: { kind: 'rc', to: (w.ty as { args: Ty[] }).args[0]! }, cell: w.cell });
}

/** `Rc::weak_count(&rc)`: the Weaks alive (the RcBox's weak count less the one all strong ones share). */
export function weakCount(rc: RcValue): number {
  return rc.cell.weak - 1;
}
