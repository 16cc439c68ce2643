/** A CLI subcommand: `memscope <name> …`. Each lives in its own module under commands/. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  isTTY: boolean;
}

export interface Command {
  name: string;
  /** One line for `memscope --help`. */
  summary: string;
  /** Full usage text for `memscope <name> --help`. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A user error: printed as `memscope <cmd>: message` without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
