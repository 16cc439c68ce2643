/**
 * `#[derive(Default)]`: `T::default()` gives each field its type's default, in declaration
 * order, as the derive's `T { a: Default::default(), b: … }` does. None of std's defaults
 * allocates (`String::new()`, `Vec::new()`); a field of a program's type calls its own impl.
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { fieldTys } from '../check/generics';
import { fromTy } from '../check/types';
import { RustSubsetError } from '../errors';
import type { Pos, Program } from '../syntax/ast';
import { engineTy, type Runtime } from './context';
import { defaultValue as stdDefault } from '../std/mem';
import { UNIT_V } from './values';

/** What the default needs of the compiler: calling a program's own `T::default`. */
export interface DefaultCaller {
  readonly prog: Program;
  readonly rt: Runtime;
  callFn(name: string, args: RValue[], line: number): RValue;
}

/** Whether `T::default()` is derived (the program declares no `impl Default` of its own). */
export function derivedDefault(prog: Program, type: string): boolean {
  return prog.defaultTypes.has(type) && !prog.fns.has(`${type}::default`);
}

/** A check at compile time that every field has a default the interpreter can make. */
export function checkDefault(prog: Program, ty: Ty, pos: Pos): void {
  switch (ty.kind) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'unit':
    case 'string':
    case 'vec':
    case 'option':
      return;
    case 'tuple':
      return ty.items.forEach((t) => checkDefault(prog, t, pos));
    case 'adt':
      if (prog.fns.has(`${ty.name}::default`)) return;
      if (prog.defaultTypes.has(ty.name) && prog.structs.has(ty.name)) {
        return fieldTys(prog, fromTy(ty)).forEach((f) => checkDefault(prog, engineTy(f), pos));
      }
      break;
    default:
      break;
  }
  throw new RustSubsetError(`the default of a field of type ${ty.kind === 'adt' ? ty.name : ty.kind} is not supported yet`, pos.line, pos.col, 'call_expression');
}

/**
 * The default value of a type (checked by checkDefault): std's types as `mem::take` makes them
 * (std/mem.ts, their one home); tuples and the program's own types field by field.
 */
export function defaultValue(c: DefaultCaller, ty: Ty, line: number): RValue {
  switch (ty.kind) {
    case 'tuple':
      return ty.items.length ? { tag: 'tuple', ty, items: ty.items.map((t) => defaultValue(c, t, line)) } : UNIT_V;
    case 'adt': {
      if (c.prog.fns.has(`${ty.name}::default`)) return c.callFn(`${ty.name}::default`, [], line);
      const def = c.prog.structs.get(ty.name)!;
      const fields = fieldTys(c.prog, fromTy(ty)).map((f) => defaultValue(c, engineTy(f), line));
      return { tag: 'struct', ty, name: ty.name, fieldNames: def.fields.map((f) => f.name), fields };
    }
    default:
      return stdDefault(c.rt.m, ty);
  }
}
