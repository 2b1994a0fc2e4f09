/**
 * Analytics on PostgreSQL at the scale of the issue: 10 years × 63 provinces × 200 indicators,
 * restated on today's 34 provinces. 2016–2024 are reported by the 63 former provinces and 2025 by
 * today's 34; the starter catalogue is completed with synthetic indicators up to 200 (in the
 * benchmark's own database only). Target: the whole view under 200 ms.
 */
import { buildApp } from '../apps/server/src/app.js';
import { createDeps, prepareDatabase } from '../apps/server/src/bootstrap.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Database } from '../apps/server/src/db/database.js';
import { withPostgres } from './scratch-database.js';

/** The `measure` of bench/run.ts: tasks timed together, targets as ratios to a baseline. */
export type Measure = (
  group: string,
  tasks: Record<string, () => unknown>,
  targets: Array<{ baseline: string; subject: string; maxRatio: number; why: string }>,
) => Promise<void>;

const INDICATORS = 200;
const FIRST_YEAR = 2016;
const REFORM_YEAR = 2025;
/** The target for the whole view with `boundaries=current`, in milliseconds. */
const TARGET_MS = 200;
/**
 * The portable guard against regressions: the whole view (read, restated, aggregated into regions
 * and the nation, flagged, serialised) against the least any analytics must do, reading the same
 * values from the database. The absolute time against the 200 ms is printed alongside.
 */
const MAX_RATIO = 1.5;

const GROUP = 'statistics analytics on PostgreSQL';

export async function statisticsAnalytics(measure: Measure, notes: string[]): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    notes.push(`[${GROUP}] TEST_DATABASE_URL not set: not measured`);
    return;
  }
  await withPostgres(url, 'analytics', async (database) => {
    await run(database, measure, notes);
  });
}

async function run(database: Database, measure: Measure, notes: string[]): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CAUNOI_DEMO_PASSWORD: 'demo1234',
  });
  await prepareDatabase(database, config, { demo: true, coordinationDemo: false });
  const codes = await fill(database);
  const app = await buildApp(await createDeps(config, database), {
    logger: false,
    serveWeb: false,
  });
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bo.dieuphoi', password: 'demo1234' },
    });
    const cookie = login.cookies.find((c) => c.name === 'caunoi_sid')!;
    const headers = { cookie: `${cookie.name}=${cookie.value}` };
    const query = `indicators=${codes.join(',')}&periods=${FIRST_YEAR}..${REFORM_YEAR}`;
    const current = `/api/v1/analytics?${query}&boundaries=current`;
    const asReported = `/api/v1/analytics?${query}&boundaries=as-reported`;
    const get = (url: string) => () => app.inject({ method: 'GET', url, headers });

    // What the view holds, checked once.
    const first = await get(current)();
    if (first.statusCode !== 200) throw new Error(`analytics: ${first.statusCode} ${first.body}`);
    const view = first.json() as { rows: unknown[]; values: unknown[]; marks: string };
    const filled = view.values.filter((v) => v !== null).length;
    notes.push(
      `[${GROUP}] ${codes.length} indicators × ${REFORM_YEAR - FIRST_YEAR + 1} years, boundaries=current: ${view.rows.length} rows, ${view.values.length} cells (${filled} with a value), ${(first.rawPayload.length / 1e6).toFixed(1)} MB of JSON`,
    );

    const subject = `GET /api/v1/analytics (${codes.length} indicators × 10 years, boundaries=current)`;
    const subjectAsReported = `GET /api/v1/analytics (${codes.length} indicators × 10 years, as reported)`;
    const baseline = `baseline: the same ${filled} values read by one SELECT (rows from the driver)`;
    const periods: string[] = [];
    for (let year = FIRST_YEAR; year <= REFORM_YEAR; year++) periods.push(String(year));
    await measure(
      GROUP,
      {
        [baseline]: () =>
          database.pool.query(
            `SELECT indicator_code, option_code, unit_id, period_code, num, synthetic
             FROM stat_values WHERE indicator_code = ANY($1::text[]) AND period_code = ANY($2::text[])
               AND num IS NOT NULL`,
            [codes, periods],
          ),
        [subject]: get(current),
        [subjectAsReported]: get(asReported),
      },
      [
        {
          baseline,
          subject,
          maxRatio: MAX_RATIO,
          why: `a decade of every indicator on today's 34 provinces, regions and the nation (target < ${TARGET_MS} ms)`,
        },
        {
          baseline,
          subject: subjectAsReported,
          maxRatio: MAX_RATIO,
          why: 'the same as reported: 97 unit rows instead of 34',
        },
      ],
    );

    // The absolute figure, as the issue states the target.
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      await get(current)();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    notes.push(
      `[${GROUP}] boundaries=current: median ${median.toFixed(0)} ms over ${times.length} requests (fastest ${times[0]!.toFixed(0)} ms): ${median < TARGET_MS ? 'meets' : 'MISSES'} the ${TARGET_MS} ms target`,
    );

    const exportStart = performance.now();
    const csv = await get(`/api/v1/analytics/export?${query}&boundaries=current&format=csv`)();
    notes.push(
      `[${GROUP}] export of the same view to CSV: ${(performance.now() - exportStart).toFixed(0)} ms, ${(csv.rawPayload.length / 1e6).toFixed(1)} MB`,
    );
  } finally {
    await app.close();
  }
}

/** Fills the values; returns the 200 indicator codes of the query. */
async function fill(database: Database): Promise<string[]> {
  const pool = database.pool;
  const existing = await pool.query<{ code: string }>(
    'SELECT code FROM stat_indicators ORDER BY sort_order, code',
  );
  const missing = Math.max(0, INDICATORS - existing.rows.length);
  await pool.query(
    `INSERT INTO stat_indicators (code, group_code, name_vi, name_en, definition_vi, definition_en,
       unit_vi, unit_en, value_type, unit_aggregation, period_aggregation, direction, source_vi,
       legal_basis, sort_order)
     SELECT 'BENCH_' || lpad(g::text, 3, '0'), (SELECT code FROM stat_indicator_groups LIMIT 1),
       'Chỉ tiêu mô phỏng ' || g, 'Synthetic indicator ' || g, '', '', 'đơn vị', 'units',
       CASE WHEN g % 4 = 0 THEN 'decimal' ELSE 'integer' END, 'sum', 'sum', 'neutral', '', '',
       1000 + g
     FROM generate_series(1, $1::int) AS g`,
    [missing],
  );
  const indicators = await pool.query<{ code: string }>(
    'SELECT code FROM stat_indicators ORDER BY sort_order, code LIMIT $1',
    [INDICATORS],
  );
  const codes = indicators.rows.map((r) => r.code);
  // Every typed cell of those indicators: one per option, or the indicator itself; ratios are
  // computed from their components, so their own cell stays blank.
  await pool.query('DELETE FROM stat_values');
  const cells = `
    SELECT i.code, coalesce(o.code, '') AS option, i.value_type
    FROM stat_indicators i
    LEFT JOIN stat_disaggregation_options o ON o.disaggregation_code = i.disaggregation_code
    WHERE i.code = ANY($1::text[]) AND i.unit_aggregation <> 'ratio'`;
  const insert = (periods: string[], day: string) =>
    pool.query(
      `INSERT INTO stat_values (indicator_code, option_code, unit_id, period_code, num, txt,
         synthetic, channel, updated_by)
       SELECT c.code, c.option, u.id, p::text,
         CASE WHEN c.value_type = 'text' THEN NULL
              WHEN c.value_type = 'boolean' THEN (random() < 0.5)::int
              WHEN c.value_type IN ('decimal', 'percentage') THEN round((random() * 10000)::numeric, 1)::float8
              ELSE floor(random() * 1000) END,
         CASE WHEN c.value_type = 'text' THEN 'Ghi chú mô phỏng' END,
         true, 'import', 'bench'
       FROM (${cells}) c
       CROSS JOIN (SELECT id FROM units WHERE valid_from <= $2::date
                   AND (valid_to IS NULL OR valid_to >= $2::date)) u
       CROSS JOIN unnest($3::text[]) AS p`,
      [codes, day, periods],
    );
  const former: string[] = [];
  for (let year = FIRST_YEAR; year < REFORM_YEAR; year++) former.push(String(year));
  await insert(former, `${REFORM_YEAR - 1}-12-31`);
  await insert([String(REFORM_YEAR)], `${REFORM_YEAR}-12-31`);
  await pool.query('ANALYZE stat_values');
  return codes;
}
