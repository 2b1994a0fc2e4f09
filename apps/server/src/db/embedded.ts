import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import lockfile from 'proper-lockfile';

export interface EmbeddedServer {
  /** `pg` connection settings for the socket the worker serves. */
  connection: { host: string; port: number; user: string; database: string };
  /** Tarball of the whole data directory (used to build test templates). */
  dump(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export type EmbeddedSource = { dataDir: string } | { loadDataDir: Uint8Array } | { memory: true };

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình Cầu Nối khác sử dụng (máy chủ đang chạy?). ` +
        'Hãy dừng tiến trình đó, hoặc dùng DATA_DIR khác, hoặc DATABASE_URL trỏ tới máy chủ PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

type WorkerMessage =
  | { type: 'ready'; conn: string }
  | { type: 'dump'; bytes: Uint8Array }
  | { type: 'closed' }
  | { type: 'error'; message: string };

/**
 * Starts PGlite in a worker thread behind pglite-socket. On POSIX systems it listens on a Unix
 * socket in a private temporary folder (no TCP port is opened); elsewhere on 127.0.0.1.
 */
export async function startEmbedded(source: EmbeddedSource): Promise<EmbeddedServer> {
  let release: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if ('dataDir' in source) {
    dataDir = path.resolve(source.dataDir);
    mkdirSync(dataDir, { recursive: true });
    try {
      release = await lockfile.lock(dataDir, {
        lockfilePath: path.join(dataDir, 'caunoi.lock'),
        stale: 15_000,
        update: 5_000,
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
        throw new DataDirLockedError(dataDir);
      throw error;
    }
  }

  const useUnixSocket = process.platform !== 'win32';
  const socketDir = useUnixSocket ? mkdtempSync(path.join(os.tmpdir(), 'caunoi-pg-')) : undefined;
  const workerData: Record<string, unknown> = {};
  const transfer: ArrayBuffer[] = [];
  if (dataDir) workerData.dataDir = path.join(dataDir, 'pgdata');
  if ('loadDataDir' in source) {
    const copy = new Uint8Array(source.loadDataDir);
    workerData.loadDataDir = copy;
    transfer.push(copy.buffer);
  }
  if (socketDir) workerData.socketPath = path.join(socketDir, '.s.PGSQL.5432');

  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData,
    transferList: transfer,
  });
  const pending: Array<{
    type: string;
    resolve: (m: WorkerMessage) => void;
    reject: (e: Error) => void;
  }> = [];
  let exited = false;
  worker.on('message', (m: WorkerMessage) => {
    const waiter = m.type === 'error' ? pending.shift() : pending.find((p) => p.type === m.type);
    if (!waiter) return;
    pending.splice(pending.indexOf(waiter), 1);
    if (m.type === 'error') waiter.reject(new Error(`Cơ sở dữ liệu nhúng gặp lỗi: ${m.message}`));
    else waiter.resolve(m);
  });
  worker.on('error', (error) => {
    for (const p of pending.splice(0)) p.reject(error);
  });
  worker.on('exit', (code) => {
    exited = true;
    for (const p of pending.splice(0))
      p.reject(new Error(`Tiến trình cơ sở dữ liệu nhúng dừng (mã ${code}).`));
  });
  const request = (type: string, message?: unknown) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      pending.push({ type, resolve, reject });
      if (message) worker.postMessage(message);
    });

  const cleanup = async () => {
    if (socketDir) rmSync(socketDir, { recursive: true, force: true });
    if (release) await release().catch(() => undefined);
  };

  let ready: WorkerMessage;
  try {
    ready = await request('ready');
  } catch (error) {
    await worker.terminate();
    await cleanup();
    throw error;
  }
  const conn = (ready as { conn: string }).conn;
  const connection = socketDir
    ? { host: socketDir, port: 5432, user: 'postgres', database: 'postgres' }
    : {
        host: '127.0.0.1',
        port: Number(conn.split(':').pop()),
        user: 'postgres',
        database: 'postgres',
      };

  let closing: Promise<void> | undefined;
  return {
    connection,
    async dump() {
      const m = await request('dump', { type: 'dump' });
      return (m as { bytes: Uint8Array }).bytes;
    },
    close() {
      closing ??= (async () => {
        if (!exited) {
          await request('closed', { type: 'close' }).catch(() => undefined);
          await worker.terminate();
        }
        await cleanup();
      })();
      return closing;
    },
  };
}
