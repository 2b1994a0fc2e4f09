// The command-line tool: `npm run caunoi -- <command>` (see `--help`).
import os from 'node:os';
import { z } from 'zod';
import { openConfiguredDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { CliError, readAllStdin, type CliIO } from './io.js';
import { runCli } from './program.js';
import type { CliRuntime } from './runtime.js';

z.config(z.locales.vi());

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}

const io: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: () => readAllStdin(process.stdin),
  env: process.env,
  osUser: osUser(),
  now: () => new Date(),
};

const runtime: CliRuntime = {
  loadConfig: () => {
    try {
      return loadConfig(process.env);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error));
    }
  },
  openDatabase: openConfiguredDatabase,
};

const code = await runCli(process.argv.slice(2), io, runtime);
// Let buffered output reach its destination before the process ends.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(code);
