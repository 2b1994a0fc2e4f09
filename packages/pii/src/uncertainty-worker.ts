/**
 * Worker thread of `parallel.ts`: builds the model once from `workerData`, says it is ready, then
 * evaluates each chunk of points it is sent and answers with their ranks (transferred, not
 * copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PiiError } from './errors.js';
import { saltelliPointOf } from './sensitivity.js';
import { createModel, evaluatePoints, uncertaintyPoint } from './uncertainty.js';
import type { WorkerChunk, WorkerInit, WorkerReply } from './parallel.js';

const port = parentPort!;
const init = workerData as WorkerInit;

function fail(start: number, error: unknown): void {
  const reply: WorkerReply = {
    start,
    error: {
      code: error instanceof PiiError ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    },
  };
  port.postMessage(reply);
}

try {
  const model = createModel(init.framework, init.table, init.config, init.spec);
  const pointOf = init.mode === 'sensitivity' ? saltelliPointOf(model) : uncertaintyPoint;
  port.postMessage({ ready: true } satisfies WorkerReply);
  port.on('message', (chunk: WorkerChunk) => {
    try {
      const r = evaluatePoints(model, pointOf, chunk.start, chunk.end);
      const reply: WorkerReply = { start: chunk.start, ranks: r.ranks, failures: r.failures };
      port.postMessage(reply, [r.ranks.buffer as ArrayBuffer]);
    } catch (error) {
      fail(chunk.start, error);
    }
  });
} catch (error) {
  fail(-1, error);
}
