import { commands } from './commands/index';
import { type CliIo, UsageError } from './command';
import { processIo, releaseStdin } from './stdio';
import { VERSION } from '../version';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'memscope — make a program\'s memory visible: static data, stack and heap over time.',
    '',
    'Usage: memscope <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `memscope <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io?: CliIo): Promise<number> {
  const cli: CliIo = io ?? processIo();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    cli.out(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    cli.out(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    cli.err(`memscope: unknown command '${name}'\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    cli.out(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, cli);
  } catch (err) {
    if (err instanceof UsageError) {
      cli.err(`memscope ${name}: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    cli.err(`memscope ${name}: ${message}\n`);
    return 1;
  } finally {
    if (!io) releaseStdin();
  }
}
