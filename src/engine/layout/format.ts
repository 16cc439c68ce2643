import type { Ty } from './types';

/** Ty → Rust syntax, for error messages and listings. `parseType(formatType(t))` gives back `t`. */
export function formatType(ty: Ty): string {
  switch (ty.kind) {
    case 'int':
    case 'float':
      return ty.name;
    case 'bool':
    case 'char':
    case 'str':
      return ty.kind;
    case 'unit':
      return '()';
    case 'never':
      return '!';
    case 'slice':
      return `[${formatType(ty.elem)}]`;
    case 'dyn':
      return `dyn ${ty.trait}`;
    case 'ref':
      return `&${ty.mutable ? 'mut ' : ''}${formatType(ty.to)}`;
    case 'rawptr':
      return `*${ty.mutable ? 'mut' : 'const'} ${formatType(ty.to)}`;
    case 'box':
      return `Box<${formatType(ty.to)}>`;
    case 'string':
      return 'String';
    case 'vec':
      return `Vec<${formatType(ty.elem)}>`;
    case 'option':
      return `Option<${formatType(ty.some)}>`;
    case 'result':
      return `Result<${formatType(ty.ok)}, ${formatType(ty.err)}>`;
    case 'rc':
      return `Rc<${formatType(ty.to)}>`;
    case 'arc':
      return `Arc<${formatType(ty.to)}>`;
    case 'tuple':
      return ty.items.length === 1 ? `(${formatType(ty.items[0]!)},)` : `(${ty.items.map(formatType).join(', ')})`;
    case 'array':
      return `[${formatType(ty.elem)}; ${ty.len}]`;
    case 'std':
      return ty.args.length ? `${ty.name}<${ty.args.map(formatType).join(', ')}>` : ty.name;
    case 'fnptr':
      return ty.sig;
    case 'adt':
      return ty.args?.length ? `${ty.name}<${ty.args.map(formatType).join(', ')}>` : ty.name;
  }
}
