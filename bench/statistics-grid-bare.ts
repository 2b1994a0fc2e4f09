/**
 * The grid-save benchmark's floor: a bare HTTP handler that sends the database what a save of the
 * same batch must send, and nothing else — no routing plugins, schema checks, permissions, rules,
 * outliers or report state in the answer. It reads the session by its cookie, then in one
 * transaction locks the report, reads its values, updates the batch with its history and writes
 * an audit entry. Measured in the same run as the platform's save, it shows what this machine
 * allows for the database work alone, so that the save's p99 reads as a multiple of it.
 */
import type { AddressInfo } from 'node:net';
import fastify from 'fastify';
import type pg from 'pg';
import { sha256 } from '../apps/server/src/modules/auth/auth.crypto.js';

interface BareBody {
  formId: string;
  unitId: string;
  periodCode: string;
  values: Array<{ indicatorCode: string; optionCode: string; value: string }>;
}

const SESSION = `SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND s.expires_at > $2`;
const LOCK = `SELECT id FROM stat_reports WHERE form_id = $1 AND unit_id = $2 AND period_code = $3
  FOR UPDATE`;
const READ = `SELECT id, indicator_code, option_code, num, txt, comment, updated_at FROM stat_values
  WHERE unit_id = $1 AND period_code = $2`;
const BATCH = `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[])
  AS x(i, o, u, p, n)`;
const INSERT = `INSERT INTO stat_values (id, indicator_code, option_code, unit_id, period_code, num,
    channel, updated_by, updated_at)
  SELECT gen_random_uuid(), i, o, u, p, n, 'grid', $6, now() FROM (${BATCH}) x`;
const UPDATE = `WITH x AS MATERIALIZED (${BATCH}),
  v AS (
    UPDATE stat_values s SET num = x.n, channel = 'grid', updated_by = $6, updated_at = now()
    FROM x
    WHERE s.unit_id = ANY($7::text[]) AND s.period_code = ANY($8::text[]) AND s.indicator_code = x.i
      AND s.option_code = x.o AND s.unit_id = x.u AND s.period_code = x.p
    RETURNING 1),
  h AS (
    INSERT INTO stat_value_history (indicator_code, option_code, unit_id, period_code, num, txt,
                                    comment, channel, batch_id, actor_username, at)
    SELECT s.indicator_code, s.option_code, s.unit_id, s.period_code, s.num, s.txt, s.comment,
           s.channel, s.batch_id, s.updated_by, s.updated_at
    FROM stat_values s JOIN x ON s.indicator_code = x.i AND s.option_code = x.o
      AND s.unit_id = x.u AND s.period_code = x.p
    WHERE s.unit_id = ANY($7::text[]) AND s.period_code = ANY($8::text[]))
  SELECT count(*)::int AS n FROM v`;
const AUDIT = `INSERT INTO audit_log (actor_user_id, actor_username, channel, entity_type, entity_id,
    action, after)
  VALUES ($1, $2, 'web', 'stat_report', $3, 'values_save', $4)`;

/**
 * Starts the bare handler on loopback; returns its base URL and how to stop it. `now` is the
 * platform's clock, which dated the sessions.
 */
export async function startBareSave(
  pool: pg.Pool,
  now: () => Date,
): Promise<{ base: string; close: () => Promise<void> }> {
  const app = fastify();
  app.put('/api/v1/statistics/reports/values', async (request, reply) => {
    const sid = /(?:^|;\s*)caunoi_sid=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (!sid) return reply.code(401).send();
    const body = request.body as BareBody;
    const client = await pool.connect();
    try {
      const user = (
        await client.query<{ id: string; username: string }>(SESSION, [
          sha256(decodeURIComponent(sid)),
          now(),
        ])
      ).rows[0];
      if (!user) return await reply.code(401).send();
      await client.query('BEGIN');
      await client.query(LOCK, [body.formId, body.unitId, body.periodCode]);
      const stored = await client.query(READ, [body.unitId, body.periodCode]);
      const batch = [
        body.values.map((v) => v.indicatorCode),
        body.values.map((v) => v.optionCode),
        body.values.map(() => body.unitId),
        body.values.map(() => body.periodCode),
        body.values.map((v) => Number(v.value.replace(',', '.'))),
        user.username,
      ];
      if (stored.rows.length === 0) await client.query(INSERT, batch);
      else await client.query(UPDATE, [...batch, [body.unitId], [body.periodCode]]);
      await client.query(AUDIT, [
        user.id,
        user.username,
        body.unitId,
        { updated: body.values.length },
      ]);
      await client.query('COMMIT');
      return { saved: body.values.length };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: () => app.close(),
  };
}
