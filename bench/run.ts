import { suites } from './suites';
import { peakRssMiB } from './harness';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const chosen = only.length ? suites.filter((s) => only.includes(s.name)) : suites;
  const log = (line: string): void => { process.stdout.write(`${line}\n`); };
  log(`memscope benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const suite of chosen) {
    log(`\n[${suite.name}]`);
    await suite.run(log);
  }
  log(`\npeak RSS of the benchmark process: ${peakRssMiB().toFixed(0)} MiB`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
