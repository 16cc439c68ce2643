/**
 * A program's trait implemented for a std type (`impl AppendBar for String`, `impl Summary for
 * Vec<T>`, `impl Double for i32`): its methods become the type's, named `String::append_bar`,
 * `Vec::append_bar`, `i32::double` (one impl per trait and std type constructor), and a method
 * call on a value of that type finds them when std has no method of that name.
 */
import type { Node } from 'web-tree-sitter';

const STD_SELF = new Set(['String', 'Vec', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'f32', 'f64', 'bool', 'char']);

/** Whether an impl's type (its name node) is a std type a program's trait may be implemented for here. */
export function implementableStd(nameNode: Node): boolean {
  return (nameNode.type === 'type_identifier' || nameNode.type === 'primitive_type') && STD_SELF.has(nameNode.text);
}
