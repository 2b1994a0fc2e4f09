// npm run caunoi -- <command>: the command-line tool (compiles the server first when needed).
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { buildServer, ROOT } from './lib.mjs';

buildServer();
await import(pathToFileURL(path.join(ROOT, 'apps/server/dist/cli/main.js')).href);
