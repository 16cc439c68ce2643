import { isObject } from './check';
import { FORMAT_NAME, FORMAT_VERSION, FormatError } from './errors';

/** The kinds of document the one envelope carries (docs/FORMAT.md). */
export const DOCUMENT_KINDS = ['timeline', 'snapshot', 'view', 'lab-report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

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
 * "kind": …}`, and returns its kind. The one version policy of every kind: a reader accepts
 * versions 1 to its own and refuses a newer one with a message saying so.
 */
export function checkEnvelope(doc: unknown, source = 'payload'): string {
  if (!isObject(doc)) throw new FormatError('(root)', 'a JSON object', source);
  if (doc.format !== FORMAT_NAME) throw new FormatError('format', `"${FORMAT_NAME}"`, source);
  checkVersion(doc.version, source);
  if (typeof doc.kind !== 'string') throw new FormatError('kind', 'a document kind such as "timeline"', source);
  return doc.kind;
}

/** The version rule alone (also applied to the old `memscope-lab` envelope, see lab-report.ts). */
export function checkVersion(version: unknown, source = 'payload'): number {
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new FormatError('version', 'an integer', source);
  if (version > FORMAT_VERSION) {
    throw new FormatError('version', `version ${FORMAT_VERSION} or older; this document was written by a newer memscope (version ${version}): update memscope to read it`, source);
  }
  if (version < 1) throw new FormatError('version', 'a version >= 1', source);
  return version;
}

/** Parses `input`, checks its envelope and that its kind is `kind`; returns the document as an object. */
export function openDocument(input: unknown, kind: DocumentKind, source = 'payload'): Record<string, unknown> {
  const doc = parseDocument(input, source);
  if (checkEnvelope(doc, source) !== kind) throw new FormatError('kind', `"${kind}"`, source);
  return doc as Record<string, unknown>;
}
