// Runs PGlite (PostgreSQL compiled to WebAssembly) in its own thread, because it blocks the event
// loop while it works, and serves it over the PostgreSQL wire protocol with pglite-socket so that
// the application speaks to it through the same `pg` pool it uses for a PostgreSQL server.
// Plain JavaScript on purpose: worker threads load it directly, in tests and in the built server.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @type {{ dataDir?: string, loadDataDir?: Uint8Array, socketPath?: string }} */
const options = workerData;
let db;
let server;

async function start() {
  const createOptions = { extensions: { unaccent } };
  if (options.dataDir) createOptions.dataDir = options.dataDir;
  if (options.loadDataDir) createOptions.loadDataDir = new Blob([options.loadDataDir]);
  db = await PGlite.create(createOptions);
  // Several connections are accepted so that a connection closing after an error never makes the
  // next one wait; the application's pool keeps at most one in use, as PGlite serialises anyway.
  server = new PGLiteSocketServer(
    options.socketPath
      ? { db, path: options.socketPath, maxConnections: 8 }
      : { db, host: '127.0.0.1', port: 0, maxConnections: 8 },
  );
  await server.start();
  const conn = server.getServerConn();
  parentPort.postMessage({ type: 'ready', conn });
}

parentPort.on('message', async (message) => {
  try {
    if (message.type === 'dump') {
      const blob = await db.dumpDataDir('none');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      parentPort.postMessage({ type: 'dump', bytes }, [bytes.buffer]);
    } else if (message.type === 'close') {
      await server?.stop();
      await db?.close();
      parentPort.postMessage({ type: 'closed' });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
  }
});

start().catch((error) => {
  parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
});
