// `index uncertainty` and `index sensitivity`: Monte Carlo over the uncertain choices of a
// specification (ua.json), on worker threads, with the inputs and outputs of `index compute`.
import path from 'node:path';
import { parseUncertaintySpec, PiiError, type RankStats, type UncertaintySpec } from '@caunoi/pii';
import {
  runSensitivityParallel,
  runUncertaintyParallel,
  type ParallelOptions,
} from '@caunoi/pii/parallel';
import { CliError, type Writer } from '../io.js';
import {
  csvText,
  EngineInputError,
  finiteCell,
  parseJsonText,
  quote,
  readEngineInputs,
  readText,
  writeCsvFiles,
  type EngineInputs,
  type IndexOutOptions,
} from './index-engine.js';

export interface IndexUncertaintyOptions extends IndexOutOptions {
  /** The specification, JSON: runs, seed, alternatives, weightNoise (target, bootstrap). */
  spec: string;
  /** Worker threads (default: the processors available). */
  workers?: string;
}

/** The line of a key of the specification in its text (best effort; null when not found). */
function lineOfKey(text: string, key: string): number | null {
  const names = key
    .replace(/\[\d+\]$/, '')
    .split('.')
    .filter((k) => k !== '(root)');
  // `alternatives.treat.winmax` names the key "treat.winmax" inside "alternatives".
  const candidates = [names.slice(1).join('.'), names[names.length - 1], names[0]].filter(
    (k): k is string => k !== undefined && k !== '',
  );
  const from = names[0] === undefined ? 0 : Math.max(0, text.indexOf(`"${names[0]}"`));
  for (const k of candidates) {
    const at = text.indexOf(`"${k}"`, k === names[0] ? 0 : from);
    if (at >= 0) return text.slice(0, at).split('\n').length;
  }
  return null;
}

/** Reads and checks the specification file; every error names the file, line and key. */
async function readSpec(file: string): Promise<{ spec: UncertaintySpec; text: string }> {
  const text = await readText(file);
  const json = parseJsonText(text, file);
  return { spec: specOrError(() => parseUncertaintySpec(json), file, text), text };
}

/** An INVALID_SPEC engine error as one naming the specification file and the key's line. */
function specInputError(error: PiiError, file: string, text: string): EngineInputError {
  const key = error.column ?? null;
  return new EngineInputError(
    file,
    key === null ? null : lineOfKey(text, key),
    key,
    error.code,
    error.message,
  );
}

/** Runs `f`, turning an INVALID_SPEC error into one naming the specification file and key. */
function specOrError<T>(f: () => T, file: string, text: string): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof PiiError && error.code === 'INVALID_SPEC') {
      throw specInputError(error, file, text);
    }
    throw error;
  }
}

/** Engine errors of a run: the specification's, or else the configuration meeting the data. */
async function runOrError<T>(
  f: () => Promise<T>,
  inputs: EngineInputs,
  specFile: string,
  specText: string,
): Promise<T> {
  try {
    return await f();
  } catch (error) {
    if (error instanceof PiiError && error.code === 'INVALID_SPEC') {
      throw specInputError(error, specFile, specText);
    }
    if (error instanceof PiiError) {
      throw new EngineInputError(
        inputs.files.config,
        null,
        error.column ?? null,
        error.code,
        error.message,
      );
    }
    throw error;
  }
}

function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new CliError(`--workers phải là một số nguyên từ 1 đến 256 (nhận được '${value}').`);
  }
  return n;
}

/** rankstats.csv: uCode, Nominal, Mean, Median, Q5, Q95 in full precision, NA when missing. */
export function rankStatsCsv(stats: readonly RankStats[]): string {
  const rows = [['uCode', 'Nominal', 'Mean', 'Median', 'Q5', 'Q95'].map(quote)];
  for (const s of stats) {
    rows.push([
      quote(s.uCode),
      finiteCell(s.nominal),
      finiteCell(s.mean),
      finiteCell(s.median),
      finiteCell(s.q5),
      finiteCell(s.q95),
    ]);
  }
  return csvText(rows);
}

/** One of the parallel analyses of the engine, as `@caunoi/pii/parallel` exports them. */
type ParallelAnalysis<T> = (
  framework: EngineInputs['framework'],
  table: EngineInputs['table'],
  config: EngineInputs['config'],
  spec: UncertaintySpec,
  options: ParallelOptions,
) => Promise<T>;

/** Reads the inputs and the specification, then runs `analysis` on them: its result and seconds. */
async function runAnalysis<T>(
  opts: IndexUncertaintyOptions,
  analysis: ParallelAnalysis<T>,
): Promise<{ result: T; seconds: number }> {
  const workers = workerCount(opts.workers);
  const inputs = await readEngineInputs(opts);
  const { spec, text } = await readSpec(opts.spec);
  const started = performance.now();
  const result = await runOrError(
    () =>
      analysis(inputs.framework, inputs.table, inputs.config, spec, {
        ...(workers === undefined ? {} : { workers }),
      }),
    inputs,
    opts.spec,
    text,
  );
  return { result, seconds: (performance.now() - started) / 1000 };
}

export async function indexUncertainty(opts: IndexUncertaintyOptions, out: Writer): Promise<void> {
  const { result, seconds } = await runAnalysis(opts, runUncertaintyParallel);
  await writeCsvFiles(opts.out, [{ name: 'rankstats.csv', text: rankStatsCsv(result.rankStats) }]);
  const failed =
    result.failures.length === 0
      ? ''
      : ` ${result.failures.length} lần chạy không tính được (${result.failures[0]!.message}) và được bỏ qua, như COINr.`;
  out(
    `Đã chạy ${result.runs} lần (seed ${result.seed}) trong ${seconds.toFixed(2)} giây; thứ hạng của ${result.target} cho ${result.rankStats.length} đơn vị.${failed}\n` +
      `Đã ghi rankstats.csv vào ${path.resolve(opts.out)}\n`,
  );
}

/** sensitivity.csv: one row per factor, first-order and total indices with their intervals. */
export async function indexSensitivity(opts: IndexUncertaintyOptions, out: Writer): Promise<void> {
  const { result, seconds } = await runAnalysis(opts, runSensitivityParallel);
  const rows = [['factor', 'Si', 'Si_low', 'Si_high', 'STi', 'STi_low', 'STi_high'].map(quote)];
  for (const s of result.indices) {
    rows.push([
      quote(s.factor),
      finiteCell(s.si),
      finiteCell(s.siLow),
      finiteCell(s.siHigh),
      finiteCell(s.sti),
      finiteCell(s.stiLow),
      finiteCell(s.stiHigh),
    ]);
  }
  await writeCsvFiles(opts.out, [{ name: 'sensitivity.csv', text: csvText(rows) }]);
  out(
    `Đã chạy ${result.runs} lần (N = ${result.n}, ${result.d} yếu tố, seed ${result.seed}) trong ${seconds.toFixed(2)} giây; độ nhạy của mức thay đổi thứ hạng trung bình của ${result.target}, khoảng tin cậy từ ${result.bootstrap} mẫu bootstrap.\n` +
      `Đã ghi sensitivity.csv vào ${path.resolve(opts.out)}\n`,
  );
}
