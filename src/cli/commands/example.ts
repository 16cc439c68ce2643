import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { summarize, summaryText } from '../../api/summary';
import { encodeTimeline } from '../../engine/timeline/document';
import { EXAMPLES, findExample } from '../../examples/index';
import { nonNegativeIntegerFlag, parseArgs, SWITCH, VALUE } from '../args';
import { UsageError, type Command } from '../command';

const usage = `Usage: memscope example [NAME...] [--all] [--list] [--out FILE | --out-dir DIR] [--policy P] [--stack-limit BYTES] [--json]

Runs memscope's shipped experiments (Rust programs modelled with the notebook API),
prints a summary of each and writes its timeline (application/vnd.memscope.v1+json).

Options:
  --list               list the examples
  --all                run every example
  --out FILE           write the timeline of the one example to FILE
  --out-dir DIR        write NAME.memscope.json for each example into DIR
  --policy P           heap policy (default first-fit; see memscope replay --help)
  --stack-limit BYTES  stack size (default 8388608, Rust's main thread)
  --json               print the summaries as JSON

Examples:
  memscope example --list
  memscope example vec-growth --out vec-growth.memscope.json
  memscope example --all --out-dir out/
`;

const FLAGS = { '--out': VALUE, '--out-dir': VALUE, '--policy': VALUE, '--stack-limit': VALUE, '--list': SWITCH, '--all': SWITCH, '--json': SWITCH };

export const exampleCommand: Command = {
  name: 'example',
  summary: 'run a shipped memory experiment, print its summary, save its timeline',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, FLAGS, 'example');
    if (parsed.flags['--list']) {
      const width = Math.max(...EXAMPLES.map((e) => e.name.length));
      for (const e of EXAMPLES) io.out(`${e.name.padEnd(width)}  ${e.title}\n`);
      return 0;
    }
    const chosen = parsed.flags['--all'] ? EXAMPLES : parsed.positionals.map((name) => {
      try {
        return findExample(name);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    });
    if (!chosen.length) throw new UsageError('name an example (see --list) or pass --all');
    const out = parsed.flags['--out'];
    const outDir = parsed.flags['--out-dir'];
    if (typeof out === 'string' && chosen.length > 1) throw new UsageError('--out takes one example; use --out-dir for several');
    if (typeof outDir === 'string') await fs.mkdir(outDir, { recursive: true });
    const policy = parsed.flags['--policy'];
    const stackLimit = parsed.flags['--stack-limit'] === undefined ? undefined : nonNegativeIntegerFlag('--stack-limit', parsed.flags['--stack-limit']);
    const summaries = [];
    for (const e of chosen) {
      const timeline = e.run({ policy: typeof policy === 'string' ? policy : undefined, stackLimit });
      const summary = summarize(timeline);
      let file: string | undefined;
      if (typeof out === 'string') file = out;
      if (typeof outDir === 'string') file = path.join(outDir, `${e.name}.memscope.json`);
      if (file) await fs.writeFile(file, JSON.stringify(encodeTimeline(timeline)));
      summaries.push({ example: e.name, file: file ?? null, ...summary });
      if (!parsed.flags['--json']) {
        io.out(`# ${e.name}: ${e.title}\n${summaryText(summary)}\n`);
        if (summary.output) io.out(`  output: ${summary.output.trimEnd().split('\n').join('\n          ')}\n`);
        if (file) io.out(`  wrote ${file}\n`);
        io.out('\n');
      }
    }
    if (parsed.flags['--json']) io.out(`${JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2)}\n`);
    return 0;
  },
};
