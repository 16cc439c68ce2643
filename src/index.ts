/**
 * `memscope`: the engine, the notebook API, the Rust interpreter and the data format. Other
 * audiences have their own entry: `memscope/alloc-lab` (traces and allocator policies),
 * `memscope/views` (charts, diagram, the view document, the lab's tables and pages), `memscope/kernel` (notebook display).
 *
 * memscope: make a program's memory visible. Start with `rustProgram` (the notebook
 * API) or the engine's `Machine`; every run returns a `Timeline` you can scrub,
 * summarise, chart and save as `application/vnd.memscope.v1+json`.
 */
export * from './engine/index';
export * from './format/index';
export { rustProgram, Rust, ProgramError, type ProgramOptions, type Init } from './api/program';
export { Binding } from './api/binding';
export { ApiUsageError } from './api/arguments';
export { Owned } from './api/values';
export { summarize, type TimelineSummary } from './api/summary';
export {
  runRust, runRustSync, initRust, rust, heapEvents,
  RustSourceError, RustSyntaxError, RustSubsetError, RustCompileError, RustStepLimitError,
  type RustRun, type RustRunOptions, type HeapEvent,
} from './rust/index';
export { EXAMPLES, findExample, type Example } from './examples/index';
