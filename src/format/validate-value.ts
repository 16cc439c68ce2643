import { isObject } from './check';
import { FormatError } from './errors';
import type { Target, Value } from './values';

function fail(path: string, expected: string, source: string): never {
  throw new FormatError(path, expected, source);
}

function checkTarget(x: unknown, path: string, source: string): asserts x is Target | null {
  if (x === null) return;
  if (!isObject(x)) fail(path, 'a pointer target object or null', source);
  const int = (key: string): void => {
    if (!Number.isInteger(x[key])) fail(`${path}.${key}`, 'an integer', source);
  };
  if (x.region === 'heap') int('block');
  else if (x.region === 'static') int('item');
  else if (x.region === 'stack') {
    int('frame');
    int('slot');
  } else fail(`${path}.region`, "'heap', 'static' or 'stack'", source);
  if (x.offset !== undefined) int('offset');
}

/** Checks a value deeply: a renderer may then draw it without further checks. */
export function checkValue(x: unknown, path: string, source: string, depth = 0): asserts x is Value {
  if (depth > 64) fail(path, 'values nested at most 64 deep', source);
  if (!isObject(x)) fail(path, 'a value object', source);
  const num = (key: string): void => {
    if (typeof x[key] !== 'number' || !Number.isFinite(x[key])) fail(`${path}.${key}`, 'a finite number', source);
  };
  const str = (key: string): void => {
    if (typeof x[key] !== 'string') fail(`${path}.${key}`, 'a string', source);
  };
  const list = (key: string): unknown[] => {
    const items = x[key];
    if (!Array.isArray(items)) fail(`${path}.${key}`, 'an array', source);
    return items;
  };
  const fields = (key: string): void => {
    list(key).forEach((f, i) => {
      if (!Array.isArray(f) || f.length !== 2 || typeof f[0] !== 'string') fail(`${path}.${key}[${i}]`, 'a [name, value] pair', source);
      checkValue(f[1], `${path}.${key}[${i}][1]`, source, depth + 1);
    });
  };
  switch (x.k) {
    case 'int':
      if (typeof x.v !== 'number' && !(typeof x.v === 'string' && /^-?\d+$/.test(x.v))) fail(`${path}.v`, 'an integer or a decimal string', source);
      return;
    case 'float':
      if (typeof x.v !== 'number' && x.v !== 'NaN' && x.v !== 'inf' && x.v !== '-inf') fail(`${path}.v`, "a number, 'NaN', 'inf' or '-inf'", source);
      return;
    case 'bool':
      if (typeof x.v !== 'boolean') fail(`${path}.v`, 'true or false', source);
      return;
    case 'char':
    case 'text':
      str('v');
      if (x.k === 'text') num('len');
      return;
    case 'unit':
    case 'moved':
    case 'uninit':
      return;
    case 'ptr':
      checkTarget(x.to, `${path}.to`, source);
      if (x.len !== undefined) num('len');
      return;
    case 'buf':
      checkTarget(x.to, `${path}.to`, source);
      num('len');
      num('cap');
      return;
    case 'struct':
      str('name');
      fields('fields');
      return;
    case 'enum':
      str('name');
      str('variant');
      if (x.fields !== undefined) fields('fields');
      return;
    case 'tuple':
    case 'array':
      list('items').forEach((item, i) => checkValue(item, `${path}.items[${i}]`, source, depth + 1));
      if (x.k === 'array') num('len');
      return;
    case 'rcbox':
      num('strong');
      num('weak');
      checkValue(x.value, `${path}.value`, source, depth + 1);
      return;
    default:
      fail(`${path}.k`, 'a known value kind (int, float, bool, char, unit, ptr, buf, struct, tuple, array, enum, text, rcbox, moved, uninit)', source);
  }
}
