import { formatString, isPlain, writesWithSpec } from '../../engine/std/fmt';
import { RustPanic } from '../errors';
import type { Act, Codegen, Ev } from './context';
import type { RValue } from '../../engine/memory/rvalue';
import { STR_REF_TY, UNIT_V, follow, num } from './values';
import { currentSink, fmtOk } from './traits';
import type { Expr, FmtSpec } from '../syntax/ast';

export function format(k: Codegen, e: Expr & { k: 'format' }): Ev {
  const rt = k.rt;
  // rustc inlines string and integer literals given to `{}` into the template (format_args flattening).
  let template = '';
  // format_args! evaluates each argument once, in order, before anything is written or allocated;
  // holes refer to them (`{0} {0}` reads one value twice).
  const evals: Ev[] = [];
  const evalOf = new Map<Expr, number>();
  const args: number[] = [];
  const specs: FmtSpec[] = [];
  let argIndex = 0;
  /** The argument slot giving a hole's width (`{:w$}`), by hole. */
  const widthSlots: (number | undefined)[] = [];
  const pieces = e.template.split(/(\{\{|\}\}|\{\})/);
  for (const piece of pieces) {
    if (piece === '{}') {
      const arg = e.args[argIndex]!;
      const spec = e.specs[argIndex]!;
      argIndex++;
      const width = e.widths?.[argIndex - 1];
      const plain = isPlain(spec);
      if (plain && (arg.k === 'str' || arg.k === 'int')) {
        const text = arg.k === 'str' ? arg.value : String(arg.value);
        template += text.replace(/\{/g, '{{').replace(/\}/g, '}}');
        if (arg.k === 'int') k.value(arg); // range check of the literal
        continue;
      }
      template += '{}';
      let slot = evalOf.get(arg);
      if (slot === undefined) {
        // format_args! takes `&arg`: a shared borrow, checked as one.
        k.checks.accessPlace(arg, arg.pos, 'borrow');
        slot = evals.push(k.operand(arg)) - 1;
        evalOf.set(arg, slot);
      }
      args.push(slot);
      specs.push(spec);
      if (width) {
        let w = evalOf.get(width);
        if (w === undefined) {
          w = evals.push(k.operand(width)) - 1;
          evalOf.set(width, w);
        }
        widthSlots[args.length - 1] = w;
      }
    } else template += piece;
  }
  const literal: string[] = [];
  for (const piece of template.split(/(\{\{|\}\}|\{\})/)) {
    if (piece === '{}') literal.push('\u0000');
    else literal.push(piece === '{{' ? '{' : piece === '}}' ? '}' : piece);
  }
  const parts = literal.join('').split('\u0000');
  const n = args.length;
  // In the order the arguments are written, whatever the holes' order.
  const uniq = [...evalOf.keys()];
  const order = uniq.map((_, i) => i).sort((x, y) => uniq[x]!.pos.line - uniq[y]!.pos.line || uniq[x]!.pos.col - uniq[y]!.pos.col);
  const evaluate = (a: Act): RValue[] => {
    const values: RValue[] = new Array(evals.length);
    for (const i of order) values[i] = evals[i]!(a);
    return values;
  };
  const user = k.userFmt;
  const write = (values: RValue[], writes: string[] = []): string[] => {
    for (let i = 0; i < parts.length; i++) {
      if (parts[i]) writes.push(parts[i]!);
      if (i < n) {
        const w = widthSlots[i];
        const spec = w === undefined ? specs[i]! : { ...specs[i]!, width: num(values[w]!) };
        writesWithSpec(values[args[i]!]!, spec, writes, follow, user);
      }
    }
    return writes;
  };
  const render = (a: Act): string[] => write(evaluate(a));
  const line = e.pos.line;
  switch (e.mac) {
    case 'println':
    case 'print': {
      const nl = e.mac === 'println' ? '\n' : '';
      return (a) => {
        const text = render(a).join('') + nl;
        rt.out.push(text);
        rt.m.print(text);
        return UNIT_V;
      };
    }
    case 'eprintln':
    case 'eprint': {
      const nl = e.mac === 'eprintln' ? '\n' : '';
      return (a) => {
        rt.err.push(render(a).join('') + nl);
        return UNIT_V;
      };
    }
    case 'message':
      // format_args!: the text, no String made.
      return (a) => ({ tag: 'str', ty: STR_REF_TY, text: render(a).join(''), target: null });
    case 'panic':
      return (a) => {
        throw new RustPanic(render(a).join(''), line);
      };
    case 'format':
      // The arguments first (one may allocate: `format!("{}", ordinal(d))`), then std's capacity
      // estimate and one write per piece.
      return (a) => {
        const values = evaluate(a);
        return formatString(rt.m, parts, n, (out) => write(values, out));
      };
    case 'write':
    case 'writeln': {
      // Formatter::write_fmt: each piece and each argument's writes, straight into what the
      // Formatter writes to (the String of to_string/format!, or stdout's buffer).
      const target = k.operand(e.target!);
      return (a) => {
        target(a);
        const values = evaluate(a);
        write(values, currentSink(rt));
        return fmtOk();
      };
    }
  }
}