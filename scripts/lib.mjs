// Helpers shared by the start, build and command-line scripts. Plain Node, no dependencies, so
// that they run right after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const r = (...p) => path.join(ROOT, ...p);

/** What the server build reads, and what it produces. */
const SERVER = {
  inputs: [
    'packages/shared/src',
    'packages/units/src',
    'packages/pii/src',
    'apps/server/src',
    'tsconfig.base.json',
    'apps/server/tsconfig.build.json',
    'packages/shared/tsconfig.build.json',
    'packages/units/tsconfig.build.json',
    'packages/pii/tsconfig.build.json',
  ],
  output: 'apps/server/dist/main.js',
  stamp: 'apps/server/dist/.build-stamp',
};
const WEB = {
  inputs: [
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'apps/web/public',
    'packages/shared/src',
  ],
  output: 'apps/web/dist/index.html',
  stamp: 'apps/web/dist/.build-stamp',
};

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function isStale(target) {
  if (!existsSync(r(target.output)) || !existsSync(r(target.stamp))) return true;
  const built = statSync(r(target.stamp)).mtimeMs;
  return target.inputs.some((input) => newestMtime(r(input)) > built);
}

function run(command, args, cwd = ROOT, env = process.env) {
  const result = spawnSync(command, args, {
    cwd,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`\nLệnh thất bại: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

const tsc = r('node_modules/typescript/bin/tsc');
const vite = r('node_modules/vite/bin/vite.js');

export function buildServer({ force = false } = {}) {
  if (!force && !isStale(SERVER)) return false;
  console.error('Cầu Nối: đang biên dịch máy chủ (TypeScript)…');
  run(process.execPath, [tsc, '-b', r('apps/server/tsconfig.build.json')]);
  writeFileSync(r(SERVER.stamp), new Date().toISOString());
  return true;
}

export function buildWeb({ force = false } = {}) {
  if (!force && !isStale(WEB)) return false;
  console.error('Cầu Nối: đang build giao diện web (Vite)…');
  // Always the production build of React and friends, whatever NODE_ENV the caller runs under
  // (test runners set it to "test", which would otherwise ship development builds).
  run(process.execPath, [vite, 'build', '--logLevel', 'warn'], r('apps/web'), {
    ...process.env,
    NODE_ENV: 'production',
  });
  writeFileSync(r(WEB.stamp), new Date().toISOString());
  return true;
}
