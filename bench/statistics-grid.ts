/**
 * Grid save under load: 50 province officers, each saving a batch of 200 values of their own
 * report, through real HTTP on loopback. A user saves, then thinks (types the next figures) for
 * `THINK_MS` on average before saving again — the load of 50 people at work, not 50 machines in
 * a loop. The baseline is `GET /api/health` sent by the same users in the same run.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../apps/server/src/app.js';
import { createDeps, prepareDatabase } from '../apps/server/src/bootstrap.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Database } from '../apps/server/src/db/database.js';
import { hashPassword } from '../apps/server/src/modules/auth/auth.crypto.js';

export const GRID_USERS = Number(process.env.GRID_USERS ?? 50);
export const GRID_VALUES = 200;
const THINK_MS = Number(process.env.GRID_THINK_MS ?? 1_000);
const DURATION_MS = Number(process.env.GRID_DURATION_MS ?? 20_000);

export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** 200 indicators of a bench form, one province officer per (province, form) slot. */
async function prepare(
  database: Database,
): Promise<Array<{ username: string; unitId: string; formId: string }>> {
  const pool = database.pool;
  await pool.query(`INSERT INTO stat_indicators (code, group_code, name_vi, name_en, definition_vi,
      definition_en, unit_vi, unit_en, value_type, unit_aggregation, period_aggregation, direction,
      source_vi, legal_basis, sort_order)
    SELECT 'BENCH_' || lpad(g::text, 3, '0'), 'TASKS', 'Chỉ tiêu thử ' || g, 'Bench indicator ' || g,
      'Chỉ tiêu dùng để đo hiệu năng.', 'Benchmark indicator.', 'đơn vị', 'units',
      CASE WHEN g % 3 = 0 THEN 'decimal' ELSE 'integer' END, 'sum', 'sum', 'higher_better',
      'Đo hiệu năng', 'Không', 1000 + g
    FROM generate_series(1, ${GRID_VALUES}) g`);
  const forms: string[] = [];
  for (const code of ['BM-BENCH-1', 'BM-BENCH-2']) {
    const r = await pool.query<{ id: string }>(
      `INSERT INTO stat_forms (code, name_vi, name_en, period_type, period_form, opens_after_days,
         deadline_after_days, locks_after_days, first_period)
       VALUES ($1, $1, $1, 'year', 'statistical', -400, 3000, 3000, '2019') RETURNING id`,
      [code],
    );
    const formId = r.rows[0]!.id;
    forms.push(formId);
    await pool.query(
      `INSERT INTO stat_form_indicators (form_id, indicator_code, sort_order)
       SELECT $1, code, sort_order FROM stat_indicators WHERE code LIKE 'BENCH_%'`,
      [formId],
    );
    await pool.query(
      `INSERT INTO stat_form_units (form_id, unit_id)
       SELECT $1, id FROM units WHERE valid_to IS NULL`,
      [formId],
    );
  }
  const units = (
    await pool.query<{ id: string }>('SELECT id FROM units WHERE valid_to IS NULL ORDER BY id')
  ).rows.map((r) => r.id);
  const hash = await hashPassword('demo1234');
  const slots = [];
  for (let i = 0; i < GRID_USERS; i++) {
    const unitId = units[i % units.length]!;
    const formId = forms[Math.floor(i / units.length)]!;
    const username = `bench.${i}`;
    const u = await pool.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash, must_change_password)
       VALUES ($1, $1, $2, false) RETURNING id`,
      [username, hash],
    );
    await pool.query(
      `INSERT INTO role_assignments (user_id, role, scope_kind, scope_unit_id)
       VALUES ($1, 'province_officer', 'province', $2)`,
      [u.rows[0]!.id, unitId],
    );
    slots.push({ username, unitId, formId });
  }
  return slots;
}

/** Runs the load on PostgreSQL; returns the save and the baseline latencies. */
export async function gridSaveLoad(database: Database): Promise<LoadResult[]> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CAUNOI_DEMO_PASSWORD: 'demo1234',
    // 50 people sign in from one loopback address within a second.
    LOGIN_RATE_LIMIT_MAX: '1000',
  });
  await prepareDatabase(database, config, { demo: true, coordinationDemo: false });
  const slots = await prepare(database);
  const app = await buildApp(
    await createDeps(config, database, () => new Date('2026-01-20T03:00:00Z')),
    {
      logger: false,
      serveWeb: false,
    },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const sessions = await Promise.all(
      slots.map(async (s) => {
        const res = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: s.username, password: 'demo1234' }),
        });
        if (res.status !== 200)
          throw new Error(`login ${s.username}: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { csrfToken: string };
        const cookie = res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0]!)
          .join('; ');
        return { ...s, headers: { cookie, 'x-csrf-token': body.csrfToken } };
      }),
    );
    const run = async (
      label: string,
      request: (s: (typeof sessions)[number], n: number) => Promise<Response>,
    ) => {
      const latencies: number[] = [];
      let errors = 0;
      const until = Date.now() + DURATION_MS;
      await Promise.all(
        sessions.map(async (s, i) => {
          // Users do not start in step: spread the first request over one think time.
          await new Promise((r) => setTimeout(r, (i * THINK_MS) / sessions.length));
          let n = 0;
          while (Date.now() < until) {
            const started = performance.now();
            const res = await request(s, n++);
            const body = res.clone();
            await res.arrayBuffer();
            latencies.push(performance.now() - started);
            if (res.status !== 200 && errors++ === 0) {
              console.error(`${label}: ${res.status} ${(await body.text()).slice(0, 300)}`);
            }
            await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return {
        label,
        requests: latencies.length,
        errors,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1] ?? NaN,
      };
    };
    const baseline = await run('baseline: GET /api/health', () => fetch(`${base}/api/health`));
    const save = await run(
      `PUT /api/v1/statistics/reports/values (${GRID_VALUES} values)`,
      (s, n) =>
        fetch(`${base}/api/v1/statistics/reports/values`, {
          method: 'PUT',
          headers: { ...s.headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            formId: s.formId,
            unitId: s.unitId,
            periodCode: '2025',
            values: Array.from({ length: GRID_VALUES }, (_, k) => ({
              indicatorCode: `BENCH_${String(k + 1).padStart(3, '0')}`,
              optionCode: '',
              // Every save changes every value: the heaviest save a user can make.
              value: (k + 1) % 3 === 0 ? `${n},${k % 10}` : String(n * 1000 + k),
            })),
          }),
        }),
    );
    return [baseline, save];
  } finally {
    await app.close();
  }
}
