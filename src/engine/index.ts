/** The memory engine: layouts, regions, the std model and the recorded timeline. Knows nothing of Jupyter, vega or the DOM. */
export * from './layout/index';
export { createAllocator, POLICIES } from './allocators/index';
export type { Allocator, AllocatorOptions, AllocatorStats } from './allocators/allocator';
export { HeapError } from './allocators/allocator';
export { Machine, DEFAULT_ADDRESSES, DEFAULT_STACK_LIMIT, FRAME_HEADER_BYTES, type MachineOptions } from './memory/machine';
export { StackOverflowError, AllocError, OwnershipError } from './memory/errors';
export { Timeline } from './timeline/timeline';
export { encodeTimeline, decodeTimeline } from './timeline/document';
export type { RValue, Block, Local, LocalSlot, Home, PlaceRef, StaticItem } from './memory/rvalue';
export * as std from './std/index';
