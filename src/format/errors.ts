/** A payload or file that is not a valid memscope document: says where (JSON path) and what was expected. */
export class FormatError extends Error {
  constructor(readonly path: string, readonly expected: string, readonly source = 'payload') {
    super(`${source}: ${path}: expected ${expected}`);
    this.name = 'FormatError';
  }
}

export const FORMAT_NAME = 'memscope';
/** 2: a Rust call reserves its whole frame and a `let` is an `init` event (EventKind.LocalInit); version 1 documents read as before. */
export const FORMAT_VERSION = 2;
/** The MIME type of memscope documents in notebook outputs. */
export const MIME_TYPE = 'application/vnd.memscope.v1+json';
