import type { Command } from '../command';

/**
 * A command whose module loads only when it runs or prints its usage: the commands pull in the
 * interpreter, the examples, the lab, the views (~200 ms together), and `memscope --help` or
 * one command needs none of the others. Name and summary live here, for the help list.
 */
function lazy(name: string, summary: string, load: () => Command): Command {
  let loaded: Command | undefined;
  const get = (): Command => (loaded ??= load());
  return {
    name,
    summary,
    get usage() {
      return get().usage;
    },
    run: (args, io) => get().run(args, io),
  };
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand, see lazy() */
/**
 * Every subcommand, in the order `memscope --help` lists them.
 * Add a command by adding one entry; keep the list sorted by topic.
 */
export const commands: Command[] = [
  lazy('example', 'run a shipped memory experiment, print its summary, save its timeline', () => (require('./example') as typeof import('./example')).exampleCommand),
  lazy('inspect', 'validate a timeline file; print its summary or the memory state at a step', () => (require('./inspect') as typeof import('./inspect')).inspectCommand),
  lazy('kernel', "Install or uninstall the 'memscope-ts' Jupyter kernel (tslab) for this checkout.", () => (require('./kernel') as typeof import('./kernel')).kernelCommand),
  lazy('layout', 'Size, alignment and field offsets of a Rust type, as rustc lays it out (64-bit).', () => (require('./layout') as typeof import('./layout')).layoutCommand),
  lazy('replay', 'replay heap traces on allocator policies and compare fragmentation', () => (require('./replay') as typeof import('./replay')).replayCommand),
  lazy('study', 'run a grid of replays (traces × policies × settings) in shardable cells', () => (require('./study') as typeof import('./study')).studyCommand),
  lazy('run', 'Run a Rust snippet in the interpreter and show its memory (heap calls, peaks).', () => (require('./run') as typeof import('./run')).runCommand),
];
