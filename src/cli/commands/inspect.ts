import { promises as fs } from 'node:fs';
import { summarize, summaryText } from '../../api/summary';
import { decodeTimeline } from '../../engine/timeline/document';
import type { Snapshot } from '../../format/snapshot';
import type { Value } from '../../format/values';
import { formatValue } from '../../views/diagram';
import { nonNegativeIntegerFlag, parseArgs, SWITCH, VALUE } from '../args';
import { UsageError, type Command } from '../command';

const usage = `Usage: memscope inspect FILE [--step N] [--json]

Validates a timeline file (application/vnd.memscope.v1+json) and prints its summary;
with --step, the whole memory state after step N (static data, stack frames with their
locals, heap blocks with their owners). A malformed file is reported with the JSON path
and what was expected.

Examples:
  memscope inspect vec-growth.memscope.json
  memscope inspect vec-growth.memscope.json --step 40
  memscope inspect vec-growth.memscope.json --step 40 --json
`;

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** A value in one line, as the diagram shows it (no length cap in a terminal). */
function valueText(v: Value | null): string {
  return formatValue(v, Infinity);
}

export function snapshotText(s: Snapshot): string {
  const lines = [`after step ${s.step}${s.event ? ` (${s.event.kind}${s.event.line !== null ? `, line ${s.event.line}` : ''})` : ''}:`];
  lines.push('static data:');
  for (const item of s.statics) lines.push(`  ${hex(item.address)}  ${item.size} B  ${item.name}: ${item.type}`);
  lines.push('stack (innermost last):');
  for (const f of s.frames) {
    lines.push(`  frame ${f.id} ${f.fn}${f.line !== null ? ` (line ${f.line})` : ''}  ${hex(f.address)}  ${f.size} B`);
    for (const l of f.locals) lines.push(`    ${hex(l.address)}  ${l.name}: ${l.type} (${l.size} B) = ${valueText(l.value)}`);
  }
  lines.push('heap:');
  for (const b of s.blocks) {
    const owner = b.owner.kind === 'local' ? `owned by ${b.owner.name ?? `slot ${b.owner.slot}`}` : b.owner.kind === 'block' ? `inside heap #${b.owner.block}` : b.owner.kind;
    lines.push(`  #${b.id} ${hex(b.address)}  ${b.size} B  ${b.type}  ${owner}  ${valueText(b.value)}`);
  }
  return lines.join('\n');
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'validate a timeline file; print its summary or the memory state at a step',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, { '--step': VALUE, '--json': SWITCH }, 'inspect');
    const [file] = parsed.positionals;
    if (!file || parsed.positionals.length > 1) throw new UsageError('give exactly one timeline file');
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const timeline = decodeTimeline(text, file);
    const step = parsed.flags['--step'] === undefined ? undefined : nonNegativeIntegerFlag('--step', parsed.flags['--step']);
    if (step !== undefined) {
      if (step >= timeline.length) throw new UsageError(`--step ${step} is past the end (the timeline has ${timeline.length} steps: 0..${timeline.length - 1})`);
      const snap = timeline.snapshot(step);
      io.out(parsed.flags['--json'] ? `${JSON.stringify(snap, null, 2)}\n` : `${snapshotText(snap)}\n`);
      return 0;
    }
    const summary = summarize(timeline);
    io.out(parsed.flags['--json'] ? `${JSON.stringify(summary, null, 2)}\n` : `${summaryText(summary)}\n`);
    return 0;
  },
};
