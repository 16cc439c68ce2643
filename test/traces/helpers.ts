import { Readable } from 'stream';
import { readTrace, ReadTraceOptions, TraceEvent, TraceSource, TraceSummary } from '../../src/traces';

/** Reads a whole (small) trace into memory, for tests only. */
export async function readAll(source: TraceSource, options: ReadTraceOptions = {}): Promise<{ events: TraceEvent[]; summary: TraceSummary }> {
  const reader = readTrace(source, options);
  const events: TraceEvent[] = [];
  for await (const batch of reader) events.push(...batch);
  return { events, summary: reader.summary() };
}

/** A stream of the text cut into pieces of `size` bytes, to cross every chunk boundary. */
export function streamOf(text: string | Buffer, size = 1 << 16): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces);
}
