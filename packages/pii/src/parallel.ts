/**
 * Uncertainty and sensitivity replications on worker threads (Node only: import
 * `@caunoi/pii/parallel`). The points are cut into chunks by index and handed to a pool of
 * workers as they free up, the calling thread working while they start; the ranks are
 * put back in index order, and each point draws from its own stream (seed, index), so the result
 * is the same for any number of workers and any split.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PiiError, type PiiErrorCode } from './errors.js';
import {
  checkSensitivityModel,
  saltelliPointOf,
  sensitivityResult,
  type SensitivityResult,
} from './sensitivity.js';
import type { Framework, UnitTable } from './types.js';
import {
  checkPointCount,
  createModel,
  evaluatePoints,
  uncertaintyPoint,
  uncertaintyResult,
  type EvaluatedPoints,
  type Model,
  type PointOf,
  type ReplicationFailure,
  type UncertaintyOptions,
  type UncertaintyResult,
} from './uncertainty.js';

/** What a worker receives when it starts. */
export interface WorkerInit {
  readonly mode: 'uncertainty' | 'sensitivity';
  readonly framework: Framework;
  readonly table: UnitTable;
  readonly config: unknown;
  readonly spec: unknown;
}

/** A chunk of points [start, end). */
export interface WorkerChunk {
  readonly start: number;
  readonly end: number;
}

export type WorkerReply =
  | { readonly ready: true }
  | {
      readonly start: number;
      readonly ranks: Float64Array;
      readonly failures: readonly ReplicationFailure[];
    }
  | { readonly start: number; readonly error: { code: PiiErrorCode | null; message: string } };

export interface ParallelOptions {
  /** Worker threads; default `os.availableParallelism()`. */
  readonly workers?: number;
  /** Points per chunk; default: about eight chunks per thread. */
  readonly chunkSize?: number;
  /**
   * The calling thread evaluates chunks too, between its other events, until every worker has
   * started (default true); false leaves every chunk to the workers.
   */
  readonly callingThread?: boolean;
}

/**
 * Starts the worker script next to this module: `uncertainty-worker.js` when built; from the
 * TypeScript sources (tests, benchmarks) `uncertainty-worker.ts` through tsx's loader, registered
 * inside the worker before the script is imported (loader flags are not applied to worker entry
 * points on Node 20).
 */
function startWorker(init: WorkerInit): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./uncertainty-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSources) return new Worker(entry, { workerData: init });
  const code = [
    "const { workerData } = require('node:worker_threads');",
    'import(workerData.loader).then(({ register }) => { register(); return import(workerData.entry); });',
  ].join('\n');
  return new Worker(code, {
    eval: true,
    workerData: { ...init, loader: tsxLoader(), entry: entry.href },
  });
}

/** The URL of tsx's ESM API (a development dependency: only needed to run from sources). */
function tsxLoader(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('tsx/package.json'));
  return pathToFileURL(path.join(root, 'dist/esm/api/index.mjs')).href;
}

/**
 * Evaluates points [0, total) on a pool of workers; ranks in index order. A worker gets a chunk
 * when it is ready and after each answer; until they all are, the calling thread takes chunks
 * itself, so starting the workers (tens to hundreds of milliseconds) is not idle time.
 */
export async function evaluateOnWorkers(
  init: WorkerInit,
  model: Model,
  pointOf: PointOf,
  total: number,
  options: ParallelOptions = {},
): Promise<EvaluatedPoints> {
  const units = model.units.length;
  const ranks = new Float64Array(total * units);
  const failures: ReplicationFailure[] = [];
  if (total === 0) return { ranks, failures };
  const wanted = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const local = options.callingThread !== false;
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? Math.ceil(total / (wanted * 8))));
  const chunks: WorkerChunk[] = [];
  for (let start = 0; start < total; start += chunkSize) {
    chunks.push({ start, end: Math.min(total, start + chunkSize) });
  }
  const count = Math.min(wanted, chunks.length);
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let ready = 0;
      let settled = false;
      const stop = (error: Error) => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      const accept = (start: number, r: EvaluatedPoints) => {
        ranks.set(r.ranks, start * units);
        failures.push(...r.failures);
        done++;
        if (done === chunks.length && !settled) {
          settled = true;
          resolve();
        }
      };
      const give = (worker: Worker) => {
        const chunk = settled ? undefined : chunks[next++];
        if (chunk !== undefined) worker.postMessage(chunk);
      };
      for (let k = 0; k < count; k++) {
        const worker = startWorker(init);
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if ('ready' in reply) {
            ready++;
            return give(worker);
          }
          if ('error' in reply) {
            return stop(
              reply.error.code === null
                ? new Error(reply.error.message)
                : new PiiError(reply.error.code, reply.error.message),
            );
          }
          accept(reply.start, reply);
          give(worker);
        });
        worker.on('error', stop);
        worker.on('exit', (code) => {
          if (!settled) stop(new Error(`worker stopped with exit code ${code}`));
        });
      }
      if (local) {
        const work = () => {
          const chunk = settled || ready === count ? undefined : chunks[next++];
          if (chunk === undefined) return;
          try {
            accept(chunk.start, evaluatePoints(model, pointOf, chunk.start, chunk.end));
          } catch (error) {
            return stop(error as Error);
          }
          setImmediate(work);
        };
        setImmediate(work);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  failures.sort((a, b) => a.index - b.index);
  return { ranks, failures };
}

/** `runUncertainty` with the replications on worker threads. */
export async function runUncertaintyParallel(
  framework: Framework,
  table: UnitTable,
  config: unknown,
  spec: unknown,
  options: ParallelOptions & UncertaintyOptions = {},
): Promise<UncertaintyResult> {
  const model = createModel(framework, table, config, spec);
  checkPointCount(model, model.spec.runs);
  const init: WorkerInit = { mode: 'uncertainty', framework, table, config, spec };
  const evaluated = await evaluateOnWorkers(
    init,
    model,
    uncertaintyPoint,
    model.spec.runs,
    options,
  );
  return uncertaintyResult(model, evaluated, options);
}

/** `runSensitivity` with the N·(d + 2) replications on worker threads. */
export async function runSensitivityParallel(
  framework: Framework,
  table: UnitTable,
  config: unknown,
  spec: unknown,
  options: ParallelOptions = {},
): Promise<SensitivityResult> {
  const model = createModel(framework, table, config, spec);
  checkSensitivityModel(model);
  const init: WorkerInit = { mode: 'sensitivity', framework, table, config, spec };
  const total = model.spec.runs * (model.factors.length + 2);
  checkPointCount(model, total);
  const evaluated = await evaluateOnWorkers(init, model, saltelliPointOf(model), total, options);
  return sensitivityResult(model, evaluated);
}
