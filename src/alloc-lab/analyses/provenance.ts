/**
 * Where a report came from, so a figure can be traced back and redone: the command, the
 * memscope version, each trace file's SHA-256 and the allocator settings.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import type { Provenance } from '../../format/lab-report';
import { VERSION } from '../../version';

export type { Provenance } from '../../format/lab-report';

/** SHA-256 of a file, streamed; null for stdin ('-') or a file that cannot be read (the replay reports that). */
export async function fileSha256(file: string): Promise<{ sha256: string | null; bytes: number | null }> {
  if (file === '-') return { sha256: null, bytes: null };
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of fs.createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch {
    return { sha256: null, bytes: null };
  }
  return { sha256: hash.digest('hex'), bytes };
}

export async function provenance(
  traces: readonly string[],
  settings: Provenance['settings'],
  command: string[] | null = null,
): Promise<Provenance> {
  const hashed = await Promise.all(traces.map(async (trace) => ({ trace, ...(await fileSha256(trace)) })));
  return { command, memscope: VERSION, node: process.version, traces: hashed, settings };
}
