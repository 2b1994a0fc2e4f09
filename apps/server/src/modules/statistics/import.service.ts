import { randomUUID } from 'node:crypto';
import type { UnitRegistry } from '@caunoi/units';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Database, Queryable } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Catalogue } from './catalogue.js';
import { loadCatalogue } from './catalogue.repo.js';
import { periodsOf, RecordChecker } from './import.check.js';
import { checkTotal, IssueList, readImportFile, type RecordStream } from './import.parse.js';
import { presentImport } from './import.presenter.js';
import { findImports, insertImport, lockedValues } from './import.repo.js';
import type { ImportFormat, ImportSummary } from './import.schemas.js';
import {
  compareWrite,
  keyOf,
  readValuesAt,
  readValuesOf,
  writeValues,
  type StoredValue,
  type ValueWrite,
  type WriteSummary,
} from './values.store.js';

/**
 * Bulk import of values by an administrator: every province, many periods, from a CSV or JSON
 * file. All or nothing: a file with one error writes nothing; otherwise one transaction writes
 * the values, their history (channel `import`, the import's id as batch), the import's record
 * and its audit entry. A dry run makes every check and counts what would change.
 */

export interface ImportInput {
  content: Uint8Array;
  format: ImportFormat;
  fileName: string | null;
  dryRun: boolean;
}

export async function importValues(
  ctx: Ctx,
  registry: UnitRegistry,
  input: ImportInput,
): Promise<ImportSummary> {
  const file = readImportFile(input.content, input.format);
  // Complete once every record has been read.
  const rejected = (errors: IssueList): ImportSummary => ({
    dryRun: input.dryRun,
    format: file.format,
    fileName: input.fileName,
    total: file.total,
    warnings: file.warnings.toJSON(),
    importId: null,
    committed: false,
    created: 0,
    updated: 0,
    ignored: 0,
    errors: errors.toJSON(),
  });

  // Loaded first, on its own: its queries run side by side, which one transaction cannot.
  const catalogue = await loadCatalogue(ctx.database.db);

  if (input.dryRun) {
    // A read-only transaction: one snapshot for the checks and the comparison, nothing written.
    return ctx.database.db.transaction(
      async (tx) => {
        const checker = new RecordChecker(catalogue, registry);
        // Every valid record is counted, before an error as after it.
        const counts = await checkAndApply(
          tx,
          file,
          checker,
          { hold: false, stopAtError: false },
          (writes) => compare(tx, writes, catalogue),
        );
        checkTotal(file);
        return {
          ...rejected(IssueList.merge(file.issues, checker.errors)),
          created: counts.created,
          updated: counts.updated,
          ignored: counts.unchanged,
        };
      },
      { accessMode: 'read only' },
    );
  }

  const importId = randomUUID();
  const committed = await writeTransaction(ctx, async ({ tx, audit }) => {
    const checker = new RecordChecker(catalogue, registry);
    const result = await checkAndApply(
      tx,
      file,
      checker,
      { hold: true, stopAtError: true },
      (writes) => write(tx, writes, catalogue, ctx.actor.username, importId),
    );
    checkTotal(file);
    const errors = IssueList.merge(file.issues, checker.errors);
    // Values written before an error was found are rolled back with the transaction.
    if (errors.count > 0) throw new Rejection(rejected(errors));
    const summary: ImportSummary = {
      ...rejected(errors),
      importId,
      committed: true,
      created: result.created,
      updated: result.updated,
      ignored: result.unchanged,
    };
    await insertImport(tx, {
      id: importId,
      fileName: input.fileName,
      summary,
      actorUsername: ctx.actor.username,
    });
    await audit({
      entityType: 'stat_import',
      entityId: importId,
      action: 'import',
      after: {
        name: input.fileName ?? `Nhập dữ liệu ${file.format.toUpperCase()}`,
        fileName: input.fileName,
        format: file.format,
        total: summary.total,
        created: summary.created,
        updated: summary.updated,
        ignored: summary.ignored,
        warnings: summary.warnings.count,
      },
    });
    return summary;
  }).catch((error: unknown) => {
    if (error instanceof Rejection) return error.summary;
    throw error;
  });
  return committed;
}

/** A file with errors: what was written is rolled back, and the errors are the answer. */
class Rejection extends Error {
  constructor(readonly summary: ImportSummary) {
    super('import rejected');
  }
}

/** Values per write. */
const WRITE_CHUNK = 5_000;
/** Writes queued ahead of the one running, at most. */
const WRITES_AHEAD = 2;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads and checks the file batch by batch, and applies the checked values (writes them, or
 * compares them with what is stored) chunk by chunk while it reads the next ones: the database
 * and the checks work side by side. The values locked by reports are read when a batch first
 * names their period (`hold`: and those reports kept as they are until the transaction ends).
 * With `stopAtError`, once a record fails (or cannot be read) nothing more is applied, but every
 * record is still checked; the caller then rolls back.
 */
async function checkAndApply(
  tx: Queryable,
  file: RecordStream,
  checker: RecordChecker,
  options: { hold: boolean; stopAtError: boolean },
  apply: (writes: ValueWrite[]) => Promise<WriteSummary>,
): Promise<WriteSummary> {
  const total: WriteSummary = { created: 0, updated: 0, unchanged: 0 };
  const ok = () => !options.stopAtError || (file.issues.count === 0 && checker.errors.count === 0);
  const lockPeriods = async (periods: string[]) => {
    for (const [key, report] of await lockedValues(tx, periods, options.hold)) {
      checker.locked.set(key, report);
    }
  };
  const periodsSeen = new Set<string>();
  let chain = Promise.resolve();
  /** Set when the loop fails: the statements still queued are not sent. */
  let stopped = false;
  const queued: Promise<void>[] = [];
  let chunk: ValueWrite[] = [];
  const flush = () => {
    const writes = chunk;
    chunk = [];
    chain = chain.then(async () => {
      if (stopped) return;
      const r = await apply(writes);
      total.created += r.created;
      total.updated += r.updated;
      total.unchanged += r.unchanged;
    });
    // Awaited below; until then a failure must not count as unhandled.
    chain.catch(() => undefined);
    queued.push(chain);
  };
  try {
    for (const batch of file.batches) {
      const periods = periodsOf(batch).filter((p) => !periodsSeen.has(p));
      if (periods.length > 0) {
        for (const p of periods) periodsSeen.add(p);
        // After the writes queued so far: one transaction runs one statement at a time.
        chain = chain.then(() => lockPeriods(periods));
        await chain;
      }
      const writes = checker.check(batch);
      if (!ok()) {
        chunk = [];
        continue;
      }
      for (const w of writes) chunk.push(w);
      if (chunk.length >= WRITE_CHUNK) flush();
      while (queued.length > WRITES_AHEAD) await queued.shift();
      // Let the running write send its next statement as soon as its last one answers.
      await nextTurn();
    }
    if (ok() && chunk.length > 0) flush();
    await chain;
  } catch (error) {
    // Nothing may reach the connection after the caller's rollback: wait for the running write.
    stopped = true;
    await chain.catch(() => undefined);
    throw error;
  }
  return total;
}

/**
 * The values and their history. A value read as absent but created by someone else meanwhile
 * fails the whole import (see writeValues): the file is then imported again, over it.
 */
async function write(
  tx: Queryable,
  writes: readonly ValueWrite[],
  catalogue: Catalogue,
  actorUsername: string,
  importId: string,
): Promise<WriteSummary> {
  if (writes.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const stored = await storedValuesFor(tx, writes, catalogue, importId);
  try {
    return await writeValues(tx, writes, {
      channel: 'import',
      actorUsername,
      batchId: importId,
      stored,
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
    if (cause.code === '23505') {
      throw new AppError(
        'CONFLICT',
        'Trong lúc nhập, một số ô vừa được người khác nhập số liệu. Không có giá trị nào được ghi; hãy chạy lại lần nhập.',
      );
    }
    throw error;
  }
}

/** What writing the values would change (a dry run). */
async function compare(
  tx: Queryable,
  writes: readonly ValueWrite[],
  catalogue: Catalogue,
): Promise<WriteSummary> {
  const counts: WriteSummary = { created: 0, updated: 0, unchanged: 0 };
  if (writes.length === 0) return counts;
  const stored = await storedValuesFor(tx, writes, catalogue);
  for (const w of writes) counts[compareWrite(w, stored.get(keyOf(w))).change]++;
  return counts;
}

/**
 * The stored values at the keys written. A file usually fills a block (indicators × units ×
 * periods): the block is then read in one pass over the (unit, period) index; a scattered file
 * is read key by key.
 */
async function storedValuesFor(
  q: Queryable,
  writes: readonly ValueWrite[],
  catalogue: Catalogue,
  /** The import writing now: its earlier chunks hold none of these keys (no duplicates). */
  importId?: string,
): Promise<Map<string, StoredValue>> {
  const indicators = new Set<string>();
  const units = new Set<string>();
  const periods = new Set<string>();
  for (const w of writes) {
    indicators.add(w.indicatorCode);
    units.add(w.unitId);
    periods.add(w.periodCode);
  }
  let cells = 0;
  for (const code of indicators) cells += catalogue.cellsOf(catalogue.indicator(code)!).length;
  if (cells * units.size * periods.size > 4 * writes.length) return readValuesAt(q, writes);
  const rows = await readValuesOf(q, {
    unitIds: [...units],
    periodCodes: [...periods],
    indicatorCodes: [...indicators],
    ...(importId ? { exceptBatch: importId } : {}),
  });
  return new Map(rows.map((v) => [keyOf(v), v]));
}

/** Past imports, newest first. */
export async function listImports(database: Database, paging: { page: number; pageSize: number }) {
  const { total, items } = await findImports(database.db, paging);
  return { total, page: paging.page, pageSize: paging.pageSize, items: items.map(presentImport) };
}
