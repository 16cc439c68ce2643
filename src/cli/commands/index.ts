import type { Command } from '../command';
import { exampleCommand } from './example';
import { inspectCommand } from './inspect';
import { kernelCommand } from './kernel';
import { layoutCommand } from './layout';
import { replayCommand } from './replay';
import { runCommand } from './run';
import { studyCommand } from './study';

/**
 * Every subcommand, in the order `memscope --help` lists them.
 * Add a command by adding one import and one entry; keep the list sorted by topic.
 */
export const commands: Command[] = [exampleCommand, inspectCommand, kernelCommand, layoutCommand, replayCommand, studyCommand, runCommand];
