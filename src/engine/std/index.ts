/** The standard library as courses teach it, matching real Rust's allocation behaviour. */
export * from './string';
export * from './vec';
export * from './vec-deque';
export * from './pointers';
export { cloneValue, isCopy } from './clone';
export { toStringOf } from './to-string';
export {
  formatValue, formatToString, formatString, parseFormat, parseSpec, renderFormat, inlineLiterals, estimatedCapacity, writesOf, writesWithSpec,
  floatText, fixedText, followTarget, PLAIN, type FmtSpec, type FormatSpec, type Follow,
} from './fmt';
export { toValue, vecContent, utf8Length } from '../memory/to-value';
/** @deprecated `display` is Jupyter's word (display_data); the engine's function is `toValue`. */
export { toValue as display } from '../memory/to-value';
export { touch, ownerOf, blockContent } from './home';
export { minNonZeroCap, ZST_CAPACITY } from './raw-vec';
export * as hashTable from './hash-table';
