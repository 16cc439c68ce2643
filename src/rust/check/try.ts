/**
 * `e?` in inference: on `Option<T>` it gives T and needs the function (or closure) to return an
 * Option; on `Result<T, E>` it gives T and needs a `Result<_, E>` return (the error converts by
 * `From`, which the subset has for the same type, and from a program's Error type to `Box<dyn Error>`).
 */
import type { Expr } from '../syntax/ast';
import type { Inference } from './inference';
import { con, prune, show, type TypeVar } from './types';
import { dynTrait, isError } from './dyn';

export function inferTry(inf: Inference, e: Expr & { k: 'try' }): TypeVar {
  const t = prune(inf.expr(e.e));
  const ret = prune(inf.ret);
  e.ret = inf.ret;
  if (t.k === 'var') inf.err(e.e.pos, 'type annotations needed (the type of the value `?` is applied to must be known here)', 'E0282');
  if (t.c !== 'Option' && t.c !== 'Result') inf.err(e.pos, `the \`?\` operator can only be applied to values that implement \`Try\` (found \`${show(t)}\`)`, 'E0277');
  const retName = ret.k === 'con' ? ret.c : undefined;
  if (retName !== undefined && retName !== t.c) {
    const want = t.c === 'Option' ? '`Option`' : '`Result`';
    inf.err(e.pos, `the \`?\` operator can only be used on ${want}s in a function that returns ${want} (this one returns \`${show(ret)}\`)`, 'E0277');
  }
  if (t.c === 'Option') inf.unifyAt(e.pos, inf.ret, con('Option', inf.v()));
  else {
    const retErr = inf.v();
    inf.unifyAt(e.pos, inf.ret, con('Result', inf.v(), retErr));
    const have = prune(retErr);
    const boxed = have.k === 'con' && have.c === 'Box' && dynTrait(have.args[0]!) === 'Error';
    // An error type still unknown here (parse's, settled later) goes into the Box<dyn Error> as it comes.
    const from = programFrom(inf, have);
    if (boxed && prune(t.args[1]!).k === 'var') e.boxErr = have;
    else if (from && show(prune(t.args[1]!)) !== show(have)) {
      // The program's `impl From<E> for ItsError`: the error converts on the way out (the E a parse gives is settled later).
      const err = t.args[1]!;
      const check = () => {
        if (show(prune(err)) !== show(prune(from.param))) inf.err(e.pos, `\`?\` couldn't convert the error to \`${show(have)}\` (the trait \`From<${show(err)}>\` is not implemented for \`${show(have)}\`)`, 'E0277');
        e.fromErr = from.name;
      };
      if (prune(err).k === 'var') inf.settles.push(check);
      else check();
    } else if (have.k === 'var' || compatibleErr(have, t.args[1]!)) inf.unifyAt(e.pos, retErr, t.args[1]!);
    // std's `impl From<E: Error> for Box<dyn Error>`: the error is boxed on the way out.
    else if (dynTrait(have.args[0] ?? have) === 'Error' && have.c === 'Box' && isError(inf.prog, t.args[1]!)) e.boxErr = have;
    else inf.err(e.pos, `\`?\` couldn't convert the error to \`${show(retErr)}\` (the trait \`From<${show(t.args[1]!)}>\` is not implemented for \`${show(retErr)}\`)`, 'E0277');
  }
  return t.args[0]!;
}

/** The program's `X::from` when the function's error type is its own `X` with an `impl From<..> for X`. */
function programFrom(inf: Inference, have: TypeVar): { name: string; param: TypeVar } | undefined {
  const p = prune(have);
  if (p.k !== 'con' || !p.c.startsWith('adt:')) return undefined;
  const name = `${p.c.slice(4)}::from`;
  const sig = inf.prog.impls.get(p.c.slice(4))?.has('From') ? inf.fnTypes.get(name) : undefined;
  return sig && sig.params.length === 1 ? { name, param: sig.params[0]! } : undefined;
}

function compatibleErr(a: TypeVar, b: TypeVar): boolean {
  return show(a) === show(b) || prune(b).k === 'var';
}
