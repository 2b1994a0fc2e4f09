// npm run build: compiles the server and builds the web app (only what changed, unless --force).
import { buildServer, buildWeb } from './lib.mjs';

const force = process.argv.includes('--force');
const started = Date.now();
buildServer({ force });
buildWeb({ force });
console.error(`Cầu Nối: build xong sau ${((Date.now() - started) / 1000).toFixed(1)} s.`);
