/** Writes text as is (the caller adds line ends). */
export type Writer = (text: string) => void;

/** What a command reaches of the outside world; tests pass their own. */
export interface CliIO {
  stdout: Writer;
  stderr: Writer;
  /** The whole of standard input, as UTF-8 text. */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  /** The operating-system account running the command (recorded in the audit log). */
  osUser: string;
  now: () => Date;
}

/**
 * An error the person at the keyboard caused or can fix: its Vietnamese message is shown alone,
 * without a stack trace, and the process exits with `exitCode`.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Reads standard input to its end. */
export async function readAllStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}
