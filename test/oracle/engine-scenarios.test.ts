/** Every engine scenario runs under the oracle and records a non-empty, balanced heap sequence. */
import { engineScenarios } from './engine-scenarios';
import { heapBalanceProblems } from './heap-balance';
import { runRustOracle, type OracleRun } from './rustc-oracle';

describe('engine scenarios', () => {
  const runs = new Map<string, OracleRun>();
  beforeAll(async () => {
    await Promise.all(
      engineScenarios.map(async (s) => runs.set(s.name, await runRustOracle(s.source, { fileName: `${s.name}.rs`, blocks: true }))),
    );
  }, 300_000);

  test('there are scenarios, each with a header saying what it shows', () => {
    expect(engineScenarios.length).toBeGreaterThanOrEqual(22);
    for (const s of engineScenarios) expect(s.teaches.length).toBeGreaterThan(20);
  });

  test.each(engineScenarios.map((s) => [s.name] as const))('%s records a balanced, non-empty sequence and prints', (name) => {
    const run = runs.get(name)!;
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.events.length).toBeGreaterThan(0);
    expect(heapBalanceProblems(run.events)).toEqual([]);
  });
});
