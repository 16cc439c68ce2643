/** Rust type layouts (size, align, field offsets, enum encodings) as rustc 1.95 computes them for 64-bit targets. */
export * from './types';
export { LayoutError, TypeSyntaxError } from './errors';
export { parseType, parseTypeDecls } from './parse';
export { formatType } from './format';
export {
  layoutOf,
  typeLayout,
  structLayout,
  enumLayout,
  registryOf,
  type TypeLayout,
  type PlacedField,
  type StructLayout,
  type VariantLayout,
  type EnumLayout,
} from './layout';
export type { EnumEncoding } from './calc';
export type { Niche } from './niche';
