/**
 * `memscope study STUDY.json`: runs a grid of replays (traces × policies × granule/header/
 * limit) in independent cells. Batch systems run shards (`--shard i/n`), then one `--merge`
 * collects them; see docs/STUDIES.md.
 */
import * as os from 'os';
import { exclusive, integerFlag, parseArgs, SWITCH, VALUE, valueOf } from '../args';
import { type CliIo, type Command, UsageError } from '../command';
import { parseShard, type Shard } from '../../alloc-lab/study/cells';
import { collectStudy, runStudy, type StudyProgress } from '../../alloc-lab/study/run';
import { readStudy } from '../../alloc-lab/study/spec';
import { bytes } from '../../views/lab/table';
import * as fs from 'fs';

const USAGE = `Usage: memscope study STUDY.json [options]

Runs every cell of a study (one trace on one policy under one granule/header/limit
setting) that is not stored yet, then collects all cells into OUT/results.jsonl and
OUT/results.parquet (DuckDB). A study file:

  { "traces": ["traces/sort.mtrace.gz"], "policies": ["first-fit", "tlsf"],
    "align": [16], "header": [0, 16], "limit": [null, "1M"], "out": "my-study" }

Options:
  --shard I/N       run only cells I, I+N, I+2N, … (0 <= I < N) and do not collect:
                    for job arrays (see docs/STUDIES.md)
  --merge           run nothing: collect the stored cells (exit 1 if any is missing)
  --jobs N          worker threads (default: number of cores)
  --no-parquet      write results.jsonl only (DuckDB is not loaded)

Ctrl-C stops the run; finished cells stay stored and are skipped next time.
Exit codes: 0 done, 1 a trace failed or cells are missing at --merge, 2 bad usage, 130 interrupted.`;

export const studyCommand: Command = {
  name: 'study',
  summary: 'run a grid of replays (traces × policies × settings) in shardable cells',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { '--shard': valueOf('a shard i/n'), '--merge': SWITCH, '--jobs': VALUE, '--no-parquet': SWITCH }, 'study');
    const f = parsed.flags;
    const v = { shard: f['--shard'], merge: f['--merge'], jobs: f['--jobs'], 'no-parquet': f['--no-parquet'] };
    if (parsed.positionals.length !== 1) throw new UsageError('expected one study file (see memscope study --help)');
    exclusive(f, '--merge', '--shard');
    let shard: Shard | undefined;
    if (v.shard !== undefined) {
      try {
        shard = parseShard(v.shard);
      } catch (err) {
        throw new UsageError(`--shard: ${(err as Error).message}`);
      }
    }
    const jobs = v.jobs === undefined ? os.availableParallelism() : integerFlag('--jobs', v.jobs, 1);
    const study = readStudy(parsed.positionals[0]);
    const parquet = !v['no-parquet'];

    if (v.merge) {
      const c = await collectStudy(study, { parquet });
      report(io, c.rows.length, c.missing, c.jsonl, c.parquet);
      return c.missing > 0 ? 1 : 0;
    }

    const controller = new AbortController();
    const onSigint = () => {
      io.err('\nmemscope study: interrupted; finished cells are kept (run again to do the rest)\n');
      controller.abort(new Error('interrupted'));
      process.off('SIGINT', onSigint); // a second Ctrl-C ends the process at once
    };
    process.on('SIGINT', onSigint);
    try {
      const outcome = await runStudy(study, { shard, jobs, parquet, signal: controller.signal, onProgress: (p) => progress(io, p) });
      io.err(`${outcome.ran} cell${outcome.ran === 1 ? '' : 's'} run, ${outcome.skipped} already stored, in ${(outcome.wallMs / 1000).toFixed(1)} s\n`);
      if (outcome.rows !== undefined) report(io, outcome.rows.length, outcome.missing ?? 0, outcome.jsonl!, outcome.parquet);
      else io.err(`shard ${shard!.index}/${shard!.count} done; once every shard is, collect with: memscope study ${parsed.positionals[0]} --merge\n`);
      return 0;
    } catch (err) {
      if (controller.signal.aborted) return 130;
      throw err;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};

function progress(io: CliIo, p: StudyProgress): void {
  if (p.cell === undefined) {
    io.err(`${p.total} cell${p.total === 1 ? '' : 's'}: ${p.skipped} already stored, ${p.total - p.skipped} to run\n`);
    return;
  }
  const left = p.total - p.skipped - p.done;
  const eta = p.done > 0 ? (p.elapsedMs / p.done) * left : 0;
  const c = p.cell;
  io.err(
    `[${p.done + p.skipped}/${p.total}] ${c.trace.label} ${c.policy} align ${c.align} header ${c.header} limit ${c.limit === null ? 'none' : bytes(c.limit)}` +
      ` (${((p.wallMs ?? 0) / 1000).toFixed(2)} s)${left > 0 ? `, ${left} left, ETA ${(eta / 1000).toFixed(0)} s` : ''}\n`,
  );
}

function report(io: CliIo, rows: number, missing: number, jsonl: string, parquet?: string): void {
  io.err(`wrote ${jsonl} (${rows} row${rows === 1 ? '' : 's'})${parquet ? ` and ${parquet} (${bytes(fs.statSync(parquet).size)})` : ''}\n`);
  if (missing > 0) io.err(`${missing} cell${missing === 1 ? ' is' : 's are'} missing: run the shards that hold them, then --merge again\n`);
}
