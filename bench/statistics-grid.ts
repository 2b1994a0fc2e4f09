/**
 * Grid save under load: 50 province officers, each saving a batch of 200 values of their own
 * report, through real HTTP on loopback. A user opens the report, then saves, thinks (types the
 * next figures) for `THINK_MS` on average and saves again — the load of 50 people at work, not 50
 * machines in a loop. The same users, in the same run, first send `GET /api/health`, then the
 * same batches to a bare handler that sends the database only what a save must
 * (statistics-grid-bare.ts): the baseline, the floor this machine allows. Each phase counts the requests sent in `DURATION_MS` after a warm-up of `WARMUP_MS`. The users
 * run in a worker thread (statistics-grid-load.mjs), the server in this one.
 */
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../apps/server/src/app.js';
import { createDeps, prepareDatabase } from '../apps/server/src/bootstrap.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Database } from '../apps/server/src/db/database.js';
import { hashPassword } from '../apps/server/src/modules/auth/auth.crypto.js';
import { startBareSave } from './statistics-grid-bare.js';

export const GRID_USERS = Number(process.env.GRID_USERS ?? 50);
export const GRID_VALUES = 200;
const THINK_MS = Number(process.env.GRID_THINK_MS ?? 1_000);
const WARMUP_MS = Number(process.env.GRID_WARMUP_MS ?? 5_000);
const DURATION_MS = Number(process.env.GRID_DURATION_MS ?? 20_000);

export interface LoadResult {
  label: string;
  requests: number;
  /** Requests sent during the warm-up, not counted. */
  warmup: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What the users' thread is given. */
export interface LoadInput {
  base: string;
  /** The bare handler's base URL (statistics-grid-bare.ts). */
  bareBase: string;
  slots: GridSlot[];
  values: number;
  thinkMs: number;
  warmupMs: number;
  durationMs: number;
}

/** A user's place: their province and form, whose indicators are named `${prefix}001`… */
export interface GridSlot {
  username: string;
  unitId: string;
  formId: string;
  prefix: string;
}

/**
 * Two bench forms of 200 indicators each, one province officer per (province, form) slot. The
 * forms have indicators of their own: a value is keyed by indicator, unit and period (decision
 * 0020), so two forms sharing indicators would have two officers of a province write the same
 * values, a contention no department has.
 */
async function prepare(database: Database): Promise<GridSlot[]> {
  const pool = database.pool;
  const forms: Array<{ id: string; prefix: string }> = [];
  for (const n of [1, 2]) {
    const code = `BM-BENCH-${n}`;
    const prefix = `BENCH_${n}_`;
    await pool.query(
      `INSERT INTO stat_indicators (code, group_code, name_vi, name_en, definition_vi,
         definition_en, unit_vi, unit_en, value_type, unit_aggregation, period_aggregation,
         direction, source_vi, legal_basis, sort_order)
       SELECT $1 || lpad(g::text, 3, '0'), 'TASKS', 'Chỉ tiêu thử ' || g, 'Bench indicator ' || g,
         'Chỉ tiêu dùng để đo hiệu năng.', 'Benchmark indicator.', 'đơn vị', 'units',
         CASE WHEN g % 3 = 0 THEN 'decimal' ELSE 'integer' END, 'sum', 'sum', 'higher_better',
         'Đo hiệu năng', 'Không', 1000 * $2 + g
       FROM generate_series(1, $3::int) g`,
      [prefix, n, GRID_VALUES],
    );
    const r = await pool.query<{ id: string }>(
      `INSERT INTO stat_forms (code, name_vi, name_en, period_type, period_form, opens_after_days,
         deadline_after_days, locks_after_days, first_period)
       VALUES ($1, $1, $1, 'year', 'statistical', -400, 3000, 3000, '2019') RETURNING id`,
      [code],
    );
    const formId = r.rows[0]!.id;
    forms.push({ id: formId, prefix });
    await pool.query(
      `INSERT INTO stat_form_indicators (form_id, indicator_code, sort_order)
       SELECT $1, code, sort_order FROM stat_indicators WHERE starts_with(code, $2)`,
      [formId, prefix],
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
  const slots: GridSlot[] = [];
  for (let i = 0; i < GRID_USERS; i++) {
    const unitId = units[i % units.length]!;
    const form = forms[Math.floor(i / units.length)]!;
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
    slots.push({ username, unitId, formId: form.id, prefix: form.prefix });
  }
  return slots;
}

/** Runs the load on PostgreSQL; returns the latencies of the health check, the bare save and the save. */
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
  const now = () => new Date('2026-01-20T03:00:00Z');
  const app = await buildApp(await createDeps(config, database, now), {
    logger: false,
    serveWeb: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const bare = await startBareSave(database.pool, now);
  try {
    // The users run in a thread of their own, as browsers would: the server's thread serves only.
    const input: LoadInput = {
      base,
      bareBase: bare.base,
      slots,
      values: GRID_VALUES,
      thinkMs: THINK_MS,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
    };
    const worker = new Worker(new URL('./statistics-grid-load.mjs', import.meta.url), {
      workerData: input,
    });
    return await new Promise<LoadResult[]>((resolve, reject) => {
      worker.once('message', (results: LoadResult[]) => resolve(results));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    });
  } finally {
    await bare.close();
    await app.close();
  }
}
