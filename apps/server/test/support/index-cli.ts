import path from 'node:path';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import type { CliRuntime } from '../../src/cli/runtime.js';
import { REPO_ROOT } from '../../src/config.js';

export { ASEM_CONFIG, ISSUE_CHOICES } from '../../../../packages/pii/test/support/asem.js';

// The `index` commands in-process, with no database, on COINr's ASEM example.

const FIXTURES = path.join(REPO_ROOT, 'packages/pii/test/fixtures/asem');

/** A file of the ASEM example (iData.csv, iMeta.csv and COINr's results). */
export const fixture = (name: string) => path.join(FIXTURES, name);

/** A runtime that fails the test if the command reaches for the configuration or a database. */
const noDatabase: CliRuntime = {
  loadConfig: () => {
    throw new Error('index commands must not load the server configuration');
  },
  openDatabase: () => {
    throw new Error('index commands must not open a database');
  },
};

/** Runs the command line with `args`: its exit code, standard output and standard error. */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => '',
    env: {},
    osUser: 'kiemthu',
    now: () => new Date(),
  };
  const code = await runCli(args, io, noDatabase);
  return { code, out: out.join(''), err: err.join('') };
}
