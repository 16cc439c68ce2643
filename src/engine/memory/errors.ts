/** The run hit the stack limit: Rust aborts with "thread 'main' has overflowed its stack". */
export class StackOverflowError extends Error {
  constructor(readonly fn: string, readonly depth: number, readonly limit: number) {
    super(`thread 'main' has overflowed its stack (in '${fn}' at depth ${depth}; limit ${limit} bytes)\nfatal runtime error: stack overflow`);
    this.name = 'StackOverflowError';
  }
}

/** The heap could not satisfy a request under its limit: Rust's `handle_alloc_error`. */
export class AllocError extends Error {
  constructor(readonly size: number, readonly align: number) {
    super(`memory allocation of ${size} bytes failed`);
    this.name = 'AllocError';
  }
}

/**
 * A buffer's capacity in bytes would pass isize::MAX (or overflow usize): std's RawVec panics with
 * "capacity overflow" before asking the allocator (`Vec::<u64>::with_capacity(usize::MAX)`).
 */
export class CapacityOverflowError extends Error {
  constructor() {
    super('capacity overflow');
    this.name = 'CapacityOverflowError';
  }
}

/** A misuse of the model that Rust's compiler would reject (use after move, …). */
export class OwnershipError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'OwnershipError';
  }
}
