/**
 * Bulk import of 1,000,000 values on PostgreSQL (TEST_DATABASE_URL), end to end through the
 * import service: a CSV buffer is parsed, every record checked, the stored block read, the values
 * written (each with its author, time, channel and import) in one transaction. The baseline, in the same run and database, is
 * the least any import must do: a plain `INSERT … SELECT FROM unnest` of the same rows into
 * `stat_values`, without parsing, checks or summary. The target is over 50,000 values/s on a
 * server; the ratio keeps the comparison fair on slower machines.
 */
import { referenceRegistry } from '@caunoi/units/reference';
import { createDeps, prepareDatabase } from '../apps/server/src/bootstrap.js';
import { loadConfig } from '../apps/server/src/config.js';
import { systemCtx } from '../apps/server/src/core/context.js';
import type { Database } from '../apps/server/src/db/database.js';
import { withPostgres } from './scratch-database.js';
import { importValues } from '../apps/server/src/modules/statistics/import.service.js';
import type { ImportSummary } from '../apps/server/src/modules/statistics/import.schemas.js';

export interface ImportBenchResult {
  group: string;
  baseline: string;
  subject: string;
  maxRatio: number;
  why: string;
  baselineMs: number;
  subjectMs: number;
  ratio: number;
  ok: boolean;
}

const GROUP = 'statistics import on PostgreSQL';
/** 2,000 synthetic indicators × the 63 provinces before the reform × 8 years = 1,008,000 values. */
const INDICATORS = 2_000;
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
/** Parsing, checks and the summary on top of the plain insert. */
const MAX_RATIO = 2.5;
const TARGET_PER_SECOND = 50_000;
const CHUNK = 5_000;

interface Rows {
  csv: Buffer;
  indicators: string[];
  units: string[];
  periods: string[];
  nums: number[];
}

/** The file: province codes (resolved on each year's last day), numbers as statisticians type them. */
function generate(): Rows {
  const registry = referenceRegistry();
  const provinces = registry.asOf('2024-12-31');
  const lines = ['indicator,option,unit,period,value,comment'];
  const rows: Omit<Rows, 'csv'> = { indicators: [], units: [], periods: [], nums: [] };
  for (const year of YEARS) {
    for (const unit of provinces) {
      for (let i = 1; i <= INDICATORS; i++) {
        const code = `BENCH_${String(i).padStart(4, '0')}`;
        const num = ((i * 7919 + year * 31 + Number(unit.code)) % 100_000) / 10;
        // Half the values with a decimal comma (quoted), half with a point.
        const text = i % 2 === 0 ? `"${String(num).replace('.', ',')}"` : String(num);
        lines.push(`${code},,${unit.code},${year},${text},`);
        rows.indicators.push(code);
        rows.units.push(unit.id);
        rows.periods.push(String(year));
        rows.nums.push(num);
      }
    }
  }
  return { csv: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), ...rows };
}

async function addIndicators(database: Database): Promise<void> {
  await database.pool.query(
    `INSERT INTO stat_indicators (code, group_code, name_vi, name_en, definition_vi, definition_en,
       unit_vi, unit_en, value_type, unit_aggregation, period_aggregation, direction, source_vi,
       legal_basis, sort_order)
     SELECT 'BENCH_' || lpad(g::text, 4, '0'), 'TASKS', 'Chỉ tiêu đo hiệu năng ' || g,
       'Benchmark indicator ' || g, '', '', 'đơn vị', 'unit', 'decimal', 'sum', 'sum', 'neutral',
       '', '', 10000 + g
     FROM generate_series(1, $1::int) AS g`,
    [INDICATORS],
  );
}

/** The baseline: the same rows, straight into stat_values, in one transaction. */
async function plainInsert(database: Database, rows: Rows): Promise<number> {
  const client = await database.pool.connect();
  const start = performance.now();
  try {
    await client.query('BEGIN');
    for (let i = 0; i < rows.indicators.length; i += CHUNK) {
      await client.query(
        `INSERT INTO stat_values (indicator_code, option_code, unit_id, period_code, num, channel, updated_by)
         SELECT i, '', u, p, n, 'import', 'bench'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[]) AS x(i, u, p, n)`,
        [
          rows.indicators.slice(i, i + CHUNK),
          rows.units.slice(i, i + CHUNK),
          rows.periods.slice(i, i + CHUNK),
          rows.nums.slice(i, i + CHUNK),
        ],
      );
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return performance.now() - start;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** The import did what the benchmark claims: no error, the expected counts. */
function expectCounts(
  summary: ImportSummary,
  want: Partial<Record<'created' | 'updated' | 'ignored' | 'committed', number | boolean>>,
): void {
  if (summary.errors.count > 0) {
    throw new Error(`import errors: ${JSON.stringify(summary.errors.items.slice(0, 3))}`);
  }
  for (const [k, v] of Object.entries(want)) {
    if ((summary as Record<string, unknown>)[k] !== v) {
      throw new Error(
        `import summary: ${k} = ${String((summary as Record<string, unknown>)[k])}, expected ${String(v)}`,
      );
    }
  }
}

export async function statisticsImportBench(
  results: ImportBenchResult[],
  notes: string[],
): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    notes.push(`[${GROUP}] not measured: set TEST_DATABASE_URL`);
    return;
  }
  await withPostgres(url, 'import', async (database) => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    await prepareDatabase(database, config, { demo: false });
    await addIndicators(database);
    const deps = await createDeps(config, database);
    const rows = generate();
    const count = rows.indicators.length;
    const mb = (rows.csv.length / 1024 / 1024).toFixed(1);

    const baselineMs = await plainInsert(database, rows);
    await database.pool.query('TRUNCATE stat_values, stat_value_history');
    await database.pool.query('ANALYZE');

    const ctx = systemCtx(database, 'bench');
    const run = (dryRun: boolean) =>
      timed(() =>
        importValues(ctx, deps.units.registry, {
          content: rows.csv,
          format: 'csv',
          fileName: 'bench.csv',
          dryRun,
        }),
      );
    const dry = await run(true);
    expectCounts(dry.value, { created: count });
    const first = await run(false);
    expectCounts(first.value, { committed: true, created: count, updated: 0 });
    const again = await run(false);
    expectCounts(again.value, { committed: true, created: 0, ignored: count });
    const [written] = (
      await database.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM stat_values WHERE batch_id = $1',
        [first.value.importId],
      )
    ).rows;
    if (written?.n !== count)
      throw new Error(`values of the import: ${written?.n}, expected ${count}`);

    const perSecond = (ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-US');
    const ratio = first.ms / baselineMs;
    results.push({
      group: GROUP,
      baseline: `baseline: plain INSERT … SELECT unnest of ${count.toLocaleString('en-US')} rows`,
      subject: `import ${count.toLocaleString('en-US')} values from CSV (${mb} MB)`,
      maxRatio: MAX_RATIO,
      why: 'an administrator loads years of every province at once',
      baselineMs,
      subjectMs: first.ms,
      ratio,
      ok: ratio <= MAX_RATIO,
    });
    const rate = count / (first.ms / 1000);
    notes.push(
      `[${GROUP}] import of ${count.toLocaleString('en-US')} new values: ${(first.ms / 1000).toFixed(1)} s = ${perSecond(first.ms)} values/s (target > ${TARGET_PER_SECOND.toLocaleString('en-US')} values/s: ${rate > TARGET_PER_SECOND ? 'met' : 'not met on this machine'}); plain insert ${(baselineMs / 1000).toFixed(1)} s = ${perSecond(baselineMs)} rows/s`,
      `[${GROUP}] dry run ${(dry.ms / 1000).toFixed(1)} s = ${perSecond(dry.ms)} values/s; the same file again (all ignored) ${(again.ms / 1000).toFixed(1)} s = ${perSecond(again.ms)} values/s`,
    );
  });
}
