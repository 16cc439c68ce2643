/**
 * The Rust side of the memory-engine scenarios: one small program per behaviour of std's heap use
 * (String and Vec growth, Box, Rc, clones, moves, drop order). Run one through `runRustOracle` to
 * get the sequence the engine's model of the same program must reproduce.
 *
 *   const s = engineScenario('06-vec-i32-push-growth');
 *   const { events } = await runRustOracle(s.source, { fileName: `${s.name}.rs` });
 */
import * as path from 'node:path';
import { loadRustPrograms, type RustProgram } from './rust-sources';

export const SCENARIO_DIR = path.join(__dirname, 'scenarios');

export const engineScenarios: RustProgram[] = loadRustPrograms(SCENARIO_DIR);

export function engineScenario(name: string): RustProgram {
  const found = engineScenarios.find((s) => s.name === name);
  if (!found) {
    throw new Error(`no engine scenario "${name}" in ${SCENARIO_DIR}; known: ${engineScenarios.map((s) => s.name).join(', ')}`);
  }
  return found;
}
