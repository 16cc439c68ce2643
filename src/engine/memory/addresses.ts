/** Where the regions sit, as on x86_64 Linux: program data low, heap above it, stack near the top, growing down. */
export const DEFAULT_ADDRESSES = {
  staticBase: 0x5555_5555_4000,
  heapBase: 0x5555_5560_0000,
  stackTop: 0x7fff_ffff_f000,
} as const;
