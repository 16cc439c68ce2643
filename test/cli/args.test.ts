import { byteCountFlag, exclusive, integerFlag, nonNegativeIntegerFlag, parseArgs, positiveIntegerFlag, powerOfTwoFlag, repeated, SWITCH, VALUE, valueOf } from '../../src/cli/args';
import { UsageError } from '../../src/cli/command';
import { main } from '../../src/cli/main';

const FLAGS = { '--json': SWITCH, '--out': VALUE, '--policy': valueOf('a policy name'), '--decl': repeated('the declarations') };

describe('the one argument parser', () => {
  test('values, switches, repeated flags, =values, - and -- as positionals', () => {
    const parsed = parseArgs(['a.rs', '--json', '--out', 'x.json', '--decl=struct A;', '--decl', 'struct B;', '-', '--', '--not-a-flag'], FLAGS, 'run');
    expect(parsed.positionals).toEqual(['a.rs', '-', '--not-a-flag']);
    expect(parsed.flags).toEqual({ '--json': true, '--out': 'x.json', '--decl': ['struct A;', 'struct B;'] });
  });

  test.each([
    [['--bogus'], "unknown option '--bogus' (see memscope run --help)"],
    [['--out'], '--out needs a value'],
    [['--policy', '--json'], '--policy needs a policy name'],
    [['--decl'], '--decl needs the declarations'],
    [['--json=yes'], "--json takes no value, got '--json=yes'"],
  ])('%j: %s', (args, message) => {
    expect(() => parseArgs(args, FLAGS, 'run')).toThrow(new UsageError(message));
  });

  test('the shared validators name the flag and what was expected', () => {
    expect(integerFlag('--jobs', '4', 1)).toBe(4);
    expect(() => integerFlag('--jobs', 'two', 1)).toThrow("--jobs expects an integer >= 1, got 'two'");
    expect(() => integerFlag('--jobs', '0', 1)).toThrow("--jobs expects an integer >= 1, got '0'");
    expect(() => positiveIntegerFlag('--stack-limit', 'lots')).toThrow("--stack-limit expects a positive integer, got 'lots'");
    expect(() => nonNegativeIntegerFlag('--step', '-1')).toThrow("--step expects a non-negative integer, got '-1'");
    expect(powerOfTwoFlag('--align', '16')).toBe(16);
    expect(() => powerOfTwoFlag('--align', '12')).toThrow('--align expects a power of two, got 12');
    expect(byteCountFlag('--limit', '512K')).toBe(512 * 1024);
    expect(byteCountFlag('--limit', '64MiB')).toBe(64 * 1024 * 1024);
    expect(() => byteCountFlag('--limit', 'lots')).toThrow("--limit expects bytes such as 1048576, 512K or 64M, got 'lots'");
    expect(() => exclusive({ '--strict': true, '--lenient': true }, '--strict', '--lenient')).toThrow('--strict and --lenient exclude each other');
    expect(() => exclusive({ '--strict': true }, '--strict', '--lenient')).not.toThrow();
  });
});

describe('every command parses through it', () => {
  const run = async (args: string[]) => {
    let err = '';
    const code = await main(args, { out: () => undefined, err: (t) => { err += t; }, isTTY: false });
    return { code, err };
  };
  test.each(['run', 'layout', 'inspect', 'example', 'replay', 'study', 'kernel'])('memscope %s --bogus: exit 2 naming the flag and the help', async (command) => {
    const args = command === 'kernel' ? [command, 'install', '--bogus'] : [command, 'x', '--bogus'];
    expect(await run(args)).toEqual({ code: 2, err: `memscope ${command}: unknown option '--bogus' (see memscope ${command} --help)\n` });
  });

  test('--version prints package.json\'s version', async () => {
    let out = '';
    await main(['--version'], { out: (t) => { out += t; }, err: () => undefined, isTTY: false });
    expect(out).toBe(`${require('../../package.json').version}\n`);
  });
});
