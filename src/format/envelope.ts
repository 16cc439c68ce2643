import { FORMAT_NAME, FORMAT_VERSION, FormatError } from './errors';

/** A document given as JSON text or as an already parsed value; bad JSON is a FormatError. */
export function parseDocument(input: unknown, source = 'payload'): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch (err) {
    throw new FormatError('(root)', `valid JSON (${(err as Error).message})`, source);
  }
}

/**
 * Checks the envelope every memscope document shares, `{"format": "memscope", "version": N,
 * "kind": …}`, and returns its kind. A newer version is refused with a message saying so.
 */
export function checkEnvelope(doc: unknown, source = 'payload'): string {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new FormatError('(root)', 'a JSON object', source);
  const d = doc as Record<string, unknown>;
  if (d.format !== FORMAT_NAME) throw new FormatError('format', `"${FORMAT_NAME}"`, source);
  if (typeof d.version !== 'number' || !Number.isInteger(d.version)) throw new FormatError('version', 'an integer', source);
  if (d.version > FORMAT_VERSION) {
    throw new FormatError('version', `version ${FORMAT_VERSION} or older; this document was written by a newer memscope (version ${d.version}): update memscope to read it`, source);
  }
  if (d.version < 1) throw new FormatError('version', 'a version >= 1', source);
  if (typeof d.kind !== 'string') throw new FormatError('kind', 'a document kind such as "timeline"', source);
  return d.kind;
}
