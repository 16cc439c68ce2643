import { OwnershipError } from '../memory/errors';
import type { Machine } from '../memory/machine';
import type { RValue, StringValue } from '../memory/rvalue';
import { formatValue, writesOf } from './fmt';
import { pushStr, stringFrom, stringNew, stringWithCapacity, TEMP } from './string';

/** Decimal digits of each signed integer type's MAX: what its `to_string` reserves. */
const SIGNED_DIGITS: Record<string, number> = { i8: 3, i16: 5, i32: 10, i64: 19, isize: 19, i128: 39 };

/**
 * `x.to_string()` as std 1.95 does it (observed with rustc, scenario 24): a signed integer
 * reserves its type's longest text (+1 when negative) and then writes; an unsigned integer,
 * bool, char and `&str`/`String` allocate exactly their text; a float is written into an
 * empty String, growing it as `push_str` would.
 */
export function toStringOf(m: Machine, x: RValue): StringValue {
  switch (x.tag) {
    case 'str':
    case 'string':
      return stringFrom(m, x.text);
    case 'scalar': {
      const ty = x.ty;
      const text = formatValue(x, false);
      if (ty.kind === 'int' && ty.name in SIGNED_DIGITS) {
        const s = stringWithCapacity(m, SIGNED_DIGITS[ty.name]! + (text.startsWith('-') ? 1 : 0));
        pushStr(m, s, text, TEMP);
        return s;
      }
      if (ty.kind === 'float') {
        // Display writes a float in parts (sign, integer digits, point, fraction); each may grow it.
        const s = stringNew();
        const writes: string[] = [];
        writesOf(x, false, writes);
        for (const w of writes) pushStr(m, s, w, TEMP);
        return s;
      }
      return stringFrom(m, text);
    }
    default:
      throw new OwnershipError(`\`to_string\` is modelled for integers, floats, bool, char and strings, not \`${x.tag}\``);
  }
}
