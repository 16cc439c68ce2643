import * as fs from 'fs';
import { Readable, pipeline } from 'stream';
import * as zlib from 'zlib';

/** Where a trace comes from: a file path, '-' for stdin, or any stream of bytes. */
export type TraceSource = string | NodeJS.ReadableStream | AsyncIterable<Uint8Array | string>;

/**
 * Read size. One chunk becomes one batch of events; at 256 KiB a batch (~4k events) dies young
 * in V8's nursery, where 1 MiB batches got promoted and doubled the parse time in GC.
 */
const CHUNK_BYTES = 1 << 18;

export interface OpenedSource {
  /** File name used in problem messages ('<stdin>' or '<stream>' when there is none). */
  name: string;
  /** Size on disk when the source is a regular file (for progress). */
  totalBytes?: number;
  raw: AsyncIterable<Uint8Array | string>;
  /** Present for files: lets the raw chunks share one buffer, for a consumer done with each chunk before it asks for the next. */
  reuseChunks?: () => void;
}

export function openSource(source: TraceSource, name?: string): OpenedSource {
  if (source === '-') return openStdin(name ?? '<stdin>');
  if (typeof source === 'string') {
    let totalBytes: number | undefined;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(source);
    } catch (err) {
      throw new Error(`${source}: cannot read the trace (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    if (stat.isDirectory()) throw new Error(`${source}: cannot read the trace (it is a directory)`);
    if (!stat.isFile()) return { name: name ?? source, raw: fs.createReadStream(source, { highWaterMark: CHUNK_BYTES }) }; // pipes and devices have no size to show progress against
    const raw = new FileChunks(source);
    return { name: name ?? source, totalBytes: stat.size, raw, reuseChunks: () => { raw.reuse = true; } };
  }
  return { name: name ?? '<stream>', raw: source as AsyncIterable<Uint8Array | string> };
}

/**
 * stdin. A file redirected to it (`memscope replay - < big.mtrace`) is read as a file is: in
 * CHUNK_BYTES reads (process.stdin reads 64 KiB at a time, a third more cpu on a 10^7-event
 * trace) and with its size, so progress has an ETA. A pipe or a terminal stays process.stdin.
 */
function openStdin(name: string): OpenedSource {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.fstatSync(0);
  } catch {
    stat = undefined; // no stdin at all: process.stdin reports that
  }
  if (stat === undefined || !stat.isFile()) return { name, raw: process.stdin };
  // fd 0 is not ours to close; reading starts where the file offset is, as the shell left it.
  const raw = new FileChunks(0);
  return { name, totalBytes: stat.size, raw, reuseChunks: () => { raw.reuse = true; } };
}

/**
 * A regular file (a path, or a descriptor already open, which stays open) in CHUNK_BYTES reads.
 * With `reuse`, every read goes into the same buffer: a fresh 256 KiB buffer per read costs a
 * page fault per 4 KiB, more cpu than the read itself. Reads start at the current offset.
 */
class FileChunks implements AsyncIterable<Buffer> {
  reuse = false;

  constructor(private readonly file: string | number) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    const descriptor = typeof this.file === 'number' ? this.file : fs.openSync(this.file, 'r');
    let buffer: Buffer | undefined;
    try {
      for (;;) {
        if (buffer === undefined || !this.reuse) buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
        const target = buffer;
        const n = await new Promise<number>((resolve, reject) => {
          fs.read(descriptor, target, 0, target.length, null, (err, bytes) => (err ? reject(err) : resolve(bytes)));
        });
        if (n === 0) return;
        yield n === target.length ? target : target.subarray(0, n);
      }
    } finally {
      if (typeof this.file !== 'number') fs.closeSync(descriptor);
    }
  }
}

function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * The decoded bytes of a source, chunk by chunk: gzip is recognised by its magic bytes
 * (1f 8b) and inflated chunk by chunk, so a compressed file is never held whole. Every chunk
 * yielded may reuse the memory of the one before (the reader is done with each before the next).
 * `onRaw` sees every raw (still compressed) chunk, for progress.
 */
export async function* decodedChunks(opened: OpenedSource, onRaw: (bytes: number) => void, onGzip: () => void): AsyncGenerator<Buffer> {
  const it = opened.raw[Symbol.asyncIterator]();
  try {
    yield* decode(opened, it, onRaw, onGzip);
  } finally {
    await it.return?.(); // a reader left early: close the file now, not at garbage collection
  }
}

async function* decode(
  opened: OpenedSource,
  it: AsyncIterator<Uint8Array | string>,
  onRaw: (bytes: number) => void,
  onGzip: () => void,
): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < 2) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    const b = asBuffer(r.value);
    onRaw(b.length);
    head.push(b);
    headBytes += b.length;
  }
  const first = Buffer.concat(head);
  async function* rest(): AsyncGenerator<Buffer> {
    if (first.length) yield first;
    if (ended) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      const b = asBuffer(r.value);
      onRaw(b.length);
      yield b;
    }
  }
  if (!(first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b)) {
    opened.reuseChunks?.(); // the caller is done with each chunk before the next (gzip's stream is not)
    yield* rest();
    return;
  }
  onGzip();
  const engine = syncGunzip();
  if (engine !== undefined) {
    opened.reuseChunks?.(); // each raw chunk is inflated whole before the next is read
    yield* inflateReusing(engine, rest(), opened.name);
    return;
  }
  const gunzip = zlib.createGunzip({ chunkSize: CHUNK_BYTES });
  const feed = Readable.from(rest(), { objectMode: false });
  pipeline(feed, gunzip, () => {}); // errors surface through the for-await below
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (err) {
    throw corrupt(opened.name, err as Error);
  } finally {
    feed.destroy();
    gunzip.destroy();
  }
}

function corrupt(name: string, err: Error): Error {
  return new Error(`${name}: the gzip data is corrupt or truncated (${err.message})`);
}

/** The synchronous write of node's zlib handle, the one zlib.gunzipSync itself calls. */
interface SyncHandle {
  writeSync(flush: number, input: Uint8Array, inOffset: number, inLength: number, out: Uint8Array, outOffset: number, outLength: number): void;
}
type SyncEngine = zlib.Gunzip & { _handle: SyncHandle; _writeState: Uint32Array };

/**
 * A gunzip engine whose handle can inflate into a buffer of ours, or undefined when this node's
 * zlib internals differ (the stream is used then). Node's stream and gunzipSync both put every
 * output chunk in fresh memory; on cc1's 28 MB of text those page faults and cache misses were
 * two thirds of inflating (33 ms of cpu; 12 ms into one reused buffer).
 */
function syncGunzip(): SyncEngine | undefined {
  const engine = zlib.createGunzip() as zlib.Gunzip & { _handle?: Partial<SyncHandle>; _writeState?: unknown };
  const state = engine._writeState;
  if (typeof engine._handle?.writeSync === 'function' && state instanceof Uint32Array && state.length === 2 && 'errored' in engine) {
    engine.on('error', () => {}); // a failed write also emits 'error'; inflateReusing throws it
    return engine as SyncEngine;
  }
  engine.destroy();
  return undefined;
}

/** Inflates `input` chunk by chunk into one CHUNK_BYTES buffer, yielded again and again. */
async function* inflateReusing(engine: SyncEngine, input: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  const out = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  const state = engine._writeState; // [output space left, input left] after each write
  function* inflate(chunk: Buffer, flush: number): Generator<Buffer> {
    let offset = 0;
    for (;;) {
      engine._handle.writeSync(flush, chunk, offset, chunk.length - offset, out, 0, out.length);
      if (engine.errored) throw corrupt(name, engine.errored);
      const produced = out.length - state[0];
      offset = chunk.length - state[1];
      if (produced > 0) yield produced === out.length ? out : out.subarray(0, produced);
      if (state[0] !== 0) return; // room left: zlib took all the input it could
    }
  }
  try {
    for await (const chunk of input) yield* inflate(chunk, zlib.constants.Z_NO_FLUSH);
    yield* inflate(Buffer.alloc(0), zlib.constants.Z_FINISH); // a cut stream fails here: 'unexpected end of file'
  } finally {
    engine.close();
  }
}
