import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrate.js';
import {
  historyOf,
  keyOf,
  readValuesAt,
  writeValues,
  type ValueKey,
  type ValueWrite,
} from '../../src/modules/statistics/values.store.js';
import { createTestApp, type TestApp } from '../support/harness.js';

// Writing values with their history, as every channel does (grid, Excel, API, import).

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.pool.query('TRUNCATE stat_values, stat_value_history');
});

const key = (indicatorCode: string, optionCode = ''): ValueKey => ({
  indicatorCode,
  optionCode,
  unitId: '31@2025-07-01',
  periodCode: '2025',
});
const write = (k: ValueKey, num: number | null, comment?: string | null): ValueWrite => ({
  ...k,
  num,
  txt: null,
  ...(comment === undefined ? {} : { comment }),
});

function save(writes: ValueWrite[], channel: 'grid' | 'import' = 'grid') {
  return t.database.db.transaction((tx) =>
    writeValues(tx, writes, { channel, actorUsername: 'hp.chuyenvien' }),
  );
}

describe('writeValues', () => {
  it('creates, updates and leaves alone, one version per change', async () => {
    const a = key('TASK_OVERDUE');
    const b = key('TASK_IMPLEMENTED', 'TINH');
    const c = key('TASK_RESULTS_APPLIED');
    expect(await save([write(a, 1), write(b, 2), write(c, null)])).toEqual({
      created: 2,
      updated: 0,
      unchanged: 1,
    });
    expect(await save([write(a, 1), write(b, 3, 'Đã rà soát'), write(c, null)])).toEqual({
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    // The last of repeated keys wins.
    expect(await save([write(a, 5), write(a, 6)])).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    const stored = await readValuesAt(t.database.db, [a, b, c]);
    expect(stored.get(keyOf(a))).toMatchObject({ num: 6, channel: 'grid' });
    expect(stored.get(keyOf(b))).toMatchObject({ num: 3, comment: 'Đã rà soát' });
    expect(stored.has(keyOf(c))).toBe(false);
    expect((await historyOf(t.database.db, b)).map((h) => [h.oldNum, h.newNum])).toEqual([
      [2, 3],
      [null, 2],
    ]);
  });

  it('answers the rows as stored, ids and times included, without reading them back', async () => {
    const a = key('TASK_OVERDUE');
    const b = key('STE_ACTIVE');
    const writeBoth = (n: number) =>
      t.database.db.transaction((tx) =>
        writeValues(tx, [write(a, n), write(b, n + 1, 'Ghi chú')], {
          channel: 'grid',
          actorUsername: 'hp.chuyenvien',
          returning: true,
        }),
      );
    for (const n of [1, 2]) {
      const { written } = await writeBoth(n);
      const stored = await readValuesAt(t.database.db, [a, b]);
      expect(written).toHaveLength(2);
      for (const w of written!) expect(w).toEqual(stored.get(keyOf(w)));
    }
  });

  it('keeps the row of a value cleared to blank, and its comment unless told otherwise', async () => {
    const a = key('TASK_OVERDUE');
    await save([write(a, 4, 'Theo báo cáo')]);
    expect(await save([write(a, null)], 'import')).toMatchObject({ updated: 1 });
    const [history] = await historyOf(t.database.db, a);
    expect(history).toMatchObject({
      oldNum: 4,
      newNum: null,
      oldComment: 'Theo báo cáo',
      newComment: 'Theo báo cáo',
      channel: 'import',
    });
    expect(await save([write(a, null, null)])).toMatchObject({ updated: 1 });
    expect((await readValuesAt(t.database.db, [a])).get(keyOf(a))).toMatchObject({
      num: null,
      comment: null,
    });
  });

  it('writes thousands of values across statements, and fails whole on a value created meanwhile', async () => {
    const indicators = ['TASK_OVERDUE', 'TASK_RESULTS_APPLIED', 'STE_ACTIVE', 'STE_GUIDED'];
    const many = indicators.flatMap((indicatorCode) =>
      Array.from({ length: 3_000 }, (_, i) =>
        write(
          {
            ...key(indicatorCode),
            periodCode: `${2000 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`,
          },
          i,
        ),
      ),
    );
    expect(await save(many)).toEqual({ created: 12_000, updated: 0, unchanged: 0 });
    const [n] = (
      await t.database.pool.query<{ v: number; h: number }>(
        'SELECT (SELECT count(*)::int FROM stat_values) AS v, (SELECT count(*)::int FROM stat_value_history) AS h',
      )
    ).rows;
    // New values are their own first version: nothing moves to the history.
    expect(n).toEqual({ v: 12_000, h: 0 });

    // Read as absent, created by someone else before the write: the write is refused whole.
    const fresh = key('FUND_DISBURSED');
    const other = key('PROV_BUDGET_EXPENDITURE');
    await save([write(fresh, 1)]);
    await expect(
      t.database.db.transaction((tx) =>
        writeValues(tx, [write(other, 2), write(fresh, 3)], {
          channel: 'import',
          actorUsername: 'admin',
          stored: new Map(),
        }),
      ),
    ).rejects.toThrow();
    const after = await readValuesAt(t.database.db, [fresh, other]);
    expect(after.get(keyOf(fresh))?.num).toBe(1);
    expect(after.has(keyOf(other))).toBe(false);
  });

  it('keeps every value on an existing indicator and unit, as a foreign key would', async () => {
    const refused = (sql: string, params: unknown[] = []) =>
      expect(t.database.pool.query(sql, params)).rejects.toMatchObject({ code: '23503' });
    await save([write(key('INSPECTIONS'), 4)]);
    // A value of an unknown indicator or unit, even one row among valid ones, writes nothing.
    await refused(
      `INSERT INTO stat_values (indicator_code, option_code, unit_id, period_code, num, channel, updated_by)
       VALUES ('INSPECTIONS', '', '31@2025-07-01', '2024', 1, 'api', 'x'),
              ('NO_SUCH_INDICATOR', '', '31@2025-07-01', '2024', 1, 'api', 'x')`,
    );
    await refused(
      `INSERT INTO stat_values (indicator_code, option_code, unit_id, period_code, num, channel, updated_by)
       VALUES ('INSPECTIONS', '', '99@2099-01-01', '2024', 1, 'api', 'x')`,
    );
    expect(
      (await t.database.pool.query(`SELECT count(*)::int AS n FROM stat_values`)).rows[0].n,
    ).toBe(1);
    // A value does not move to another indicator or unit.
    await refused(`UPDATE stat_values SET unit_id = '01@2025-07-01'`);
    await refused(`UPDATE stat_values SET indicator_code = 'TASK_OVERDUE'`);
    // An indicator or a unit with values is neither deleted nor renamed.
    await refused(`DELETE FROM stat_indicators WHERE code = 'INSPECTIONS'`);
    await refused(`UPDATE stat_indicators SET code = 'INSPECTIONS_2' WHERE code = 'INSPECTIONS'`);
    await refused(`DELETE FROM units WHERE id = '31@2025-07-01'`);
    // Without values, they may.
    await t.database.pool.query(
      `INSERT INTO stat_indicators (code, group_code, name_vi, name_en, definition_vi, definition_en,
         unit_vi, unit_en, value_type, unit_aggregation, period_aggregation, direction, source_vi,
         legal_basis, sort_order)
       SELECT 'TEMP_INDICATOR', group_code, 'Tạm', 'Temp', '', '', 'đơn vị', 'unit', 'integer',
         'sum', 'sum', 'neutral', '', '', 99999
       FROM stat_indicators WHERE code = 'INSPECTIONS'`,
    );
    await save([write(key('TEMP_INDICATOR'), 1)]);
    await refused(`DELETE FROM stat_indicators WHERE code = 'TEMP_INDICATOR'`);
    await t.database.pool.query(`DELETE FROM stat_values WHERE indicator_code = 'TEMP_INDICATOR'`);
    await t.database.pool.query(`DELETE FROM stat_indicators WHERE code = 'TEMP_INDICATOR'`);
  });
});

describe('migration 0007', () => {
  it('turns a history of changes into former versions that read as the same history', async () => {
    const a = key('TASK_OVERDUE');
    const b = key('STE_ACTIVE');
    const statements = readFileSync(
      path.join(MIGRATIONS_DIR, '0007_stat_value_versions.sql'),
      'utf8',
    ).split('--> statement-breakpoint');
    const rollback = new Error('rollback');
    const read = await t.database.db
      .transaction(async (tx) => {
        // The two tables as they were before 0007, in a schema of their own.
        await tx.execute(
          sql.raw(`CREATE SCHEMA before_0007;
          CREATE TABLE before_0007.stat_values (LIKE public.stat_values INCLUDING DEFAULTS);
          ALTER TABLE before_0007.stat_values DROP COLUMN batch_id;
          CREATE TABLE before_0007.stat_value_history (
            id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY, indicator_code text NOT NULL,
            option_code text NOT NULL, unit_id text NOT NULL, period_code text NOT NULL,
            old_num float8, old_txt text, new_num float8, new_txt text, old_comment text,
            new_comment text, channel text NOT NULL, batch_id uuid,
            actor_username text NOT NULL, at timestamptz NOT NULL DEFAULT now());
          SET LOCAL search_path TO before_0007, public`),
        );
        // a: imported as 12, then typed over as 15 with a comment; b: uploaded once.
        await tx.execute(sql`
          INSERT INTO stat_values (indicator_code, option_code, unit_id, period_code, num,
                                   comment, channel, updated_by, updated_at)
          VALUES (${a.indicatorCode}, '', ${a.unitId}, ${a.periodCode}, 15, 'Đã rà soát', 'grid',
                  'hp.chuyenvien', '2025-03-02T08:00:00Z'),
                 (${b.indicatorCode}, '', ${b.unitId}, ${b.periodCode}, 7, NULL, 'excel',
                  'hp.chuyenvien', '2025-03-01T09:00:00Z')`);
        await tx.execute(sql`
          INSERT INTO stat_value_history (indicator_code, option_code, unit_id, period_code,
            old_num, new_num, old_comment, new_comment, channel, batch_id, actor_username, at)
          VALUES (${a.indicatorCode}, '', ${a.unitId}, ${a.periodCode}, NULL, 12, NULL, NULL,
                  'import', '00000000-0000-4000-8000-000000000001', 'admin', '2025-03-01T07:00:00Z'),
                 (${a.indicatorCode}, '', ${a.unitId}, ${a.periodCode}, 12, 15, NULL, 'Đã rà soát',
                  'grid', NULL, 'hp.chuyenvien', '2025-03-02T08:00:00Z'),
                 (${b.indicatorCode}, '', ${b.unitId}, ${b.periodCode}, NULL, 7, NULL, NULL,
                  'excel', '00000000-0000-4000-8000-000000000002', 'hp.chuyenvien',
                  '2025-03-01T09:00:00Z')`);
        for (const statement of statements) await tx.execute(sql.raw(statement));
        const result = {
          a: await historyOf(tx, a),
          b: await historyOf(tx, b),
          versions: (await tx.execute(sql`SELECT count(*)::int AS n FROM stat_value_history`))
            .rows[0],
        };
        throw Object.assign(rollback, { result });
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
        return (rollback as Error & { result: unknown }).result as {
          a: Awaited<ReturnType<typeof historyOf>>;
          b: Awaited<ReturnType<typeof historyOf>>;
          versions: unknown;
        };
      });
    expect(read.versions).toEqual({ n: 1 });
    expect(
      read.a.map((h) => [h.oldNum, h.newNum, h.newComment, h.channel, h.actorUsername, h.batchId]),
    ).toEqual([
      [12, 15, 'Đã rà soát', 'grid', 'hp.chuyenvien', null],
      [null, 12, null, 'import', 'admin', '00000000-0000-4000-8000-000000000001'],
    ]);
    expect(read.a.map((h) => h.at.toISOString())).toEqual([
      '2025-03-02T08:00:00.000Z',
      '2025-03-01T07:00:00.000Z',
    ]);
    expect(read.b).toMatchObject([
      {
        oldNum: null,
        newNum: 7,
        channel: 'excel',
        batchId: '00000000-0000-4000-8000-000000000002',
      },
    ]);
  });
});
