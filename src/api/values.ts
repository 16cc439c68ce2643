import type { Ty } from '../engine/layout/types';
import type { RValue } from '../engine/memory/rvalue';

const OWNED = Symbol('memscope.owned');

/**
 * A value that exists but is not bound yet (Rust's temporary): the result of
 * `String::from(..)`, `v.clone()`, a call. Binding it with `let`, pushing it, or
 * passing it moves it; left unused, it is dropped at the next statement.
 */
export class Owned {
  readonly [OWNED] = true;
  consumed = false;
  constructor(readonly value: RValue) {}

  get ty(): Ty {
    return this.value.ty;
  }
}

export function isOwned(x: unknown): x is Owned {
  return typeof x === 'object' && x !== null && (x as { [OWNED]?: boolean })[OWNED] === true;
}

/** JavaScript's view of a value, for `binding.value` in a notebook cell. */
export function jsValue(v: RValue): unknown {
  switch (v.tag) {
    case 'scalar':
      return v.v;
    case 'unit':
      return undefined;
    case 'str':
    case 'string':
      return v.text;
    case 'vec':
    case 'array':
    case 'tuple':
      return ('items' in v ? v.items : []).map(jsValue);
    case 'box':
      return jsValue(v.inner);
    case 'rc':
      return jsValue(v.cell.inner);
    case 'weak':
      return v.cell.strong > 0 ? jsValue(v.cell.inner) : undefined;
    case 'struct':
      return Object.fromEntries(v.fields.map((f, i) => [v.fieldNames[i], jsValue(f)]));
    case 'enum':
      return v.fields.length ? { [v.variant]: v.fields.map(jsValue) } : v.variant;
    case 'ref':
      return v.target.kind === 'local' && v.target.local.value ? jsValue(v.target.local.value) : undefined;
  }
}
