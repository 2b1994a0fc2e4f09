import { randomUUID } from 'node:crypto';
import type { UnitRegistry } from '@caunoi/units';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { Database, Queryable } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Catalogue } from './catalogue.js';
import { loadCatalogue } from './catalogue.repo.js';
import { checkRecords, periodsOf } from './import.check.js';
import { IssueList, parseImportFile, type ParsedFile } from './import.parse.js';
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
  const parsed = parseImportFile(input.content, input.format);
  const base = {
    dryRun: input.dryRun,
    format: parsed.format,
    fileName: input.fileName,
    total: parsed.total,
    warnings: parsed.warnings.toJSON(),
  };
  const rejected = (errors: IssueList): ImportSummary => ({
    ...base,
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
        const checked = await check(tx, parsed, catalogue, registry, false);
        const counts = { created: 0, updated: 0, unchanged: 0 };
        if (checked.writes.length > 0) {
          const stored = await storedValuesFor(tx, checked.writes, catalogue);
          for (const w of checked.writes) {
            const old = stored.size === 0 ? undefined : stored.get(keyOf(w));
            counts[compareWrite(w, old).change]++;
          }
        }
        return {
          ...rejected(checked.errors),
          created: counts.created,
          updated: counts.updated,
          ignored: counts.unchanged,
        };
      },
      { accessMode: 'read only' },
    );
  }

  const importId = randomUUID();
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const checked = await check(tx, parsed, catalogue, registry, true);
    if (checked.errors.count > 0) return rejected(checked.errors);
    const result = await write(tx, checked.writes, catalogue, ctx.actor.username, importId);
    const summary: ImportSummary = {
      ...rejected(checked.errors),
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
        name: input.fileName ?? `Nhập dữ liệu ${parsed.format.toUpperCase()}`,
        fileName: input.fileName,
        format: parsed.format,
        total: summary.total,
        created: summary.created,
        updated: summary.updated,
        ignored: summary.ignored,
        warnings: summary.warnings.count,
      },
    });
    return summary;
  });
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
  const stored = await storedValuesFor(tx, writes, catalogue);
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

interface Checked {
  writes: ValueWrite[];
  errors: IssueList;
}

/** Every check of every record; `hold` keeps the locking reports as they are until the end. */
async function check(
  q: Queryable,
  parsed: ParsedFile,
  catalogue: Catalogue,
  registry: UnitRegistry,
  hold: boolean,
): Promise<Checked> {
  const locked = await lockedValues(q, periodsOf(parsed.records), hold);
  const { writes, errors } = checkRecords(parsed.records, catalogue, registry, locked);
  return { writes, errors: IssueList.merge(parsed.issues, errors) };
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
  });
  return new Map(rows.map((v) => [keyOf(v), v]));
}

/** Past imports, newest first. */
export async function listImports(database: Database, paging: { page: number; pageSize: number }) {
  const { total, items } = await findImports(database.db, paging);
  return { total, page: paging.page, pageSize: paging.pageSize, items: items.map(presentImport) };
}
