/** The standard library as courses teach it, matching real Rust's allocation behaviour. */
export * from './string';
export * from './vec';
export * from './pointers';
export { cloneValue, isCopy } from './clone';
export { toStringOf } from './to-string';
export { formatValue, formatToString, parseFormat, renderFormat, estimatedCapacity } from './fmt';
export { display, vecContent, utf8Length } from '../memory/display';
export { touch, ownerOf, blockContent } from './home';
export { minNonZeroCap, ZST_CAPACITY } from './raw-vec';
