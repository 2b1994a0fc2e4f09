// npm start: builds what is out of date, then runs the server in this process.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { buildServer, buildWeb, ROOT } from './lib.mjs';

buildServer();
buildWeb();
await import(pathToFileURL(path.join(ROOT, 'apps/server/dist/main.js')).href);
