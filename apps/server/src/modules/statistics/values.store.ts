import { randomBytes, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ValueChannel } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { referenceCache, type PeriodFigures } from './reference.cache.js';

/** Where a value sits: indicator (and option, '' when none) × unit × period. */
export interface ValueKey {
  indicatorCode: string;
  optionCode: string;
  unitId: string;
  periodCode: string;
}

/** A value to write. Both `num` and `txt` null = blank (not zero). */
export interface ValueWrite extends ValueKey {
  num: number | null;
  txt: string | null;
  /** The cell's comment; `undefined` leaves it as it is, `null` removes it. */
  comment?: string | null;
}

export interface StoredValue extends ValueKey {
  id: string;
  num: number | null;
  txt: string | null;
  comment: string | null;
  synthetic: boolean;
  channel: ValueChannel;
  updatedBy: string;
  updatedAt: Date;
}

export interface WriteOptions {
  channel: ValueChannel;
  actorUsername: string;
  /** The upload or import the writes belong to, recorded with each version it writes. */
  batchId?: string | null;
  synthetic?: boolean;
  /**
   * The stored values at the written keys, read by the caller in the same transaction (a key
   * absent from the map has no row): spares reading them again, e.g. after a bulk import's
   * dry run has compared the file with what is stored.
   */
  stored?: ReadonlyMap<string, StoredValue>;
  /** Return the rows as written (a save that shows the report at once spares reading them). */
  returning?: boolean;
}

export interface WriteSummary {
  /** New values (a cell that was blank and had no row). */
  created: number;
  /** Values whose number, text or comment changed. */
  updated: number;
  /** Writes identical to what is stored. */
  unchanged: number;
}

export interface WriteResult extends WriteSummary {
  /** With `returning` only: each created or updated value as stored now. */
  written?: StoredValue[];
}

/** Rows per statement: arrays travel as one parameter each, so the limit is memory, not $n. */
const CHUNK = 5_000;

export function keyOf(k: ValueKey): string {
  return `${k.indicatorCode}\u0001${k.optionCode}\u0001${k.unitId}\u0001${k.periodCode}`;
}

const arrayParam = (values: readonly unknown[]) => sql.param(values);

export type StoredRow = {
  id: string;
  indicator_code: string;
  option_code: string;
  unit_id: string;
  period_code: string;
  num: number | null;
  txt: string | null;
  comment: string | null;
  synthetic: boolean;
  channel: ValueChannel;
  updated_by: string;
  updated_at: Date | string;
};

export function fromRow(r: StoredRow): StoredValue {
  return {
    id: r.id,
    indicatorCode: r.indicator_code,
    optionCode: r.option_code,
    unitId: r.unit_id,
    periodCode: r.period_code,
    num: r.num === null ? null : Number(r.num),
    txt: r.txt,
    comment: r.comment,
    synthetic: r.synthetic,
    channel: r.channel,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at),
  };
}

/** The columns of a `StoredValue`, read from a `stat_values` alias (see `fromRow`). */
export function storedColumns(alias: string) {
  const a = sql.raw(alias);
  return sql`${a}.id, ${a}.indicator_code, ${a}.option_code, ${a}.unit_id, ${a}.period_code,
    ${a}.num, ${a}.txt, ${a}.comment, ${a}.synthetic, ${a}.channel, ${a}.updated_by,
    ${a}.updated_at`;
}

/**
 * The units and periods of some keys, as a condition on a `stat_values` alias: joined with a
 * list of keys, it lets the planner read the few rows of those units and periods through their
 * index, whatever the size of the table, instead of hashing the whole table.
 */
function unitsAndPeriods(alias: string, keys: readonly ValueKey[]) {
  const units = new Set<string>();
  const periods = new Set<string>();
  for (const k of keys) {
    units.add(k.unitId);
    periods.add(k.periodCode);
  }
  const a = sql.raw(alias);
  return sql`${a}.unit_id = ANY(${arrayParam([...units])}::text[])
    AND ${a}.period_code = ANY(${arrayParam([...periods])}::text[])`;
}

/** The stored values at the given keys (absent keys are simply missing from the map). */
export async function readValuesAt(
  q: Queryable,
  keys: readonly ValueKey[],
): Promise<Map<string, StoredValue>> {
  const found = new Map<string, StoredValue>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    const result = await q.execute<StoredRow>(sql`
      SELECT ${storedColumns('v')}
      FROM stat_values v
      JOIN unnest(${arrayParam(part.map((k) => k.indicatorCode))}::text[],
                  ${arrayParam(part.map((k) => k.optionCode))}::text[],
                  ${arrayParam(part.map((k) => k.unitId))}::text[],
                  ${arrayParam(part.map((k) => k.periodCode))}::text[]) AS k(i, o, u, p)
        ON v.indicator_code = k.i AND v.option_code = k.o AND v.unit_id = k.u AND v.period_code = k.p
      WHERE ${unitsAndPeriods('v', part)}`);
    for (const row of result.rows) {
      const value = fromRow(row);
      found.set(keyOf(value), value);
    }
  }
  return found;
}

/** Every stored value of some units and periods (a report's cells, a province's history). */
export async function readValuesOf(
  q: Queryable,
  filter: {
    unitIds: readonly string[];
    periodCodes: readonly string[];
    indicatorCodes?: readonly string[];
    /** Leave out the values this upload or import wrote. */
    exceptBatch?: string;
  },
): Promise<StoredValue[]> {
  if (filter.unitIds.length === 0 || filter.periodCodes.length === 0) return [];
  const indicatorFilter = filter.indicatorCodes
    ? sql`AND indicator_code = ANY(${arrayParam(filter.indicatorCodes)}::text[])`
    : sql``;
  const batchFilter = filter.exceptBatch
    ? sql`AND batch_id IS DISTINCT FROM ${filter.exceptBatch}::uuid`
    : sql``;
  const result = await q.execute<StoredRow>(sql`
    SELECT ${storedColumns('v')}
    FROM stat_values v
    WHERE unit_id = ANY(${arrayParam(filter.unitIds)}::text[])
      AND period_code = ANY(${arrayParam(filter.periodCodes)}::text[]) ${indicatorFilter}
      ${batchFilter}`);
  return result.rows.map(fromRow);
}

const sameNumber = (a: number | null, b: number | null) => a === b;

/** What writing `w` over `old` (undefined: no row) changes, and the comment the cell then has. */
export function compareWrite(
  w: ValueWrite,
  old: StoredValue | undefined,
  synthetic = false,
): { change: keyof WriteSummary; comment: string | null } {
  const comment = w.comment === undefined ? (old?.comment ?? null) : w.comment;
  if (!old) {
    const blank = w.num === null && w.txt === null && comment === null;
    return { change: blank ? 'unchanged' : 'created', comment };
  }
  const same =
    sameNumber(old.num, w.num) &&
    old.txt === w.txt &&
    old.comment === comment &&
    old.synthetic === synthetic;
  return { change: same ? 'unchanged' : 'updated', comment };
}

interface Change {
  write: ValueWrite;
  old: StoredValue | undefined;
  comment: string | null;
}

/**
 * Writes values with their history, inside the caller's transaction: each changed value gets a
 * new version (who, when, channel, batch), and the version it replaces moves to the history.
 * Writing a blank over a missing value creates nothing; writing a blank over a stored value keeps
 * the row (its comment and evidence) and records the change. Repeated keys in one call: the last
 * one wins.
 *
 * Values read as absent are inserted, the others updated, each update moving the versions it
 * replaces to the history in the same statement. A value someone else creates between the read and the write makes
 * the whole write fail (unique key), rather than be overwritten with a history that never saw it.
 */
export async function writeValues(
  q: Queryable,
  writes: readonly ValueWrite[],
  options: WriteOptions,
): Promise<WriteResult> {
  const latest = new Map<string, ValueWrite>();
  for (const w of writes) latest.set(keyOf(w), w);
  const summary: WriteSummary = {
    created: 0,
    updated: 0,
    unchanged: writes.length - latest.size,
  };
  const written: StoredValue[] = [];
  const synthetic = options.synthetic ?? false;
  /** The time of every version this call writes. */
  const at = new Date();
  let keys: string[] = [];
  let part: ValueWrite[] = [];
  const flush = async () => {
    const stored = options.stored ?? (await readValuesAt(q, part));
    const fresh: Change[] = [];
    const existing: Change[] = [];
    for (const [i, w] of part.entries()) {
      const old = stored.size === 0 ? undefined : stored.get(keys[i]!);
      const { change, comment } = compareWrite(w, old, synthetic);
      summary[change]++;
      if (change === 'unchanged') continue;
      (old ? existing : fresh).push({ write: w, old, comment });
    }
    if (fresh.length > 0) written.push(...(await insertValues(q, fresh, options, at)));
    if (existing.length > 0) written.push(...(await updateValues(q, existing, options, at)));
    keys = [];
    part = [];
  };
  for (const [key, w] of latest) {
    keys.push(key);
    part.push(w);
    if (part.length === CHUNK) await flush();
  }
  if (part.length > 0) await flush();
  if (summary.created + summary.updated > 0) {
    const touched = new Map<string, { unitId: string; periodCode: string }>();
    for (const w of latest.values()) {
      touched.set(`${w.unitId}\u0001${w.periodCode}`, {
        unitId: w.unitId,
        periodCode: w.periodCode,
      });
    }
    referenceCache.invalidate(touched.values());
  }
  return options.returning ? { ...summary, written } : summary;
}

/**
 * The columns both statements send: the key and the new value, numbered. A column with nothing
 * but nulls (no text in numeric indicators, no comments) travels as one NULL, which unnest pads.
 */
function changeColumns(changes: readonly Change[]) {
  const col = <T>(f: (c: Change) => T, type: 'text' | 'float8') => {
    const values = changes.map(f);
    return values.every((v) => v === null)
      ? sql.raw(`NULL::${type}[]`)
      : sql`${arrayParam(values)}::${sql.raw(type)}[]`;
  };
  return sql`unnest(${col((c) => c.write.indicatorCode, 'text')}, ${col((c) => c.write.optionCode, 'text')},
                  ${col((c) => c.write.unitId, 'text')}, ${col((c) => c.write.periodCode, 'text')},
                  ${col((c) => c.write.num, 'float8')}, ${col((c) => c.write.txt, 'text')},
                  ${col((c) => c.comment, 'text')})
        WITH ORDINALITY AS x(i, o, u, p, n, t, c, ord)`;
}

/**
 * Ids for one statement's new rows, in time order (UUID version 7, RFC 9562): the milliseconds,
 * random bits, then a random start plus the row's number in the statement (from 1). New values
 * then go to the end of the id index rather than to random pages of it, which a bulk import feels.
 */
function timeOrderedIds() {
  const ms = Date.now().toString(16).padStart(12, '0');
  const bits = randomBytes(4);
  const a = (bits.readUInt16BE(0) & 0x0fff).toString(16).padStart(3, '0');
  const b = ((bits.readUInt16BE(2) & 0x3fff) | 0x8000).toString(16);
  const prefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7${a}-${b}-`;
  const start = randomInt(2 ** 46);
  return {
    sql: sql`(${prefix}::text || lpad(to_hex(${start}::bigint + x.ord), 12, '0'))::uuid`,
    of: (ord: number) => `${prefix}${(start + ord).toString(16).padStart(12, '0')}`,
  };
}

/** A value as a write leaves it (the caller asked for the rows written: nothing is read back). */
function asWritten(c: Change, id: string, options: WriteOptions, at: Date): StoredValue {
  return {
    id,
    indicatorCode: c.write.indicatorCode,
    optionCode: c.write.optionCode,
    unitId: c.write.unitId,
    periodCode: c.write.periodCode,
    num: c.write.num,
    txt: c.write.txt,
    comment: c.comment,
    synthetic: options.synthetic ?? false,
    channel: options.channel,
    updatedBy: options.actorUsername,
    updatedAt: at,
  };
}

/** New values: one version each, on its own row (nothing to keep in the history yet). */
async function insertValues(
  q: Queryable,
  changes: readonly Change[],
  options: WriteOptions,
  at: Date,
): Promise<StoredValue[]> {
  const ids = timeOrderedIds();
  await q.execute(sql`
    INSERT INTO stat_values (id, indicator_code, option_code, unit_id, period_code, num, txt,
                             comment, synthetic, channel, batch_id, updated_by, updated_at)
    SELECT ${ids.sql}, i, o, u, p, n, t, c, ${options.synthetic ?? false}, ${options.channel},
           ${options.batchId ?? null}::uuid, ${options.actorUsername}, ${at}::timestamptz
    FROM ${changeColumns(changes)}`);
  return options.returning ? changes.map((c, i) => asWritten(c, ids.of(i + 1), options, at)) : [];
}

/** Changed values: each replaced version moves to the history in the same statement. */
async function updateValues(
  q: Queryable,
  changes: readonly Change[],
  options: WriteOptions,
  at: Date,
): Promise<StoredValue[]> {
  const keys = changes.map((c) => c.write);
  const result = await q.execute<{ n: number }>(sql`
    WITH x AS MATERIALIZED (SELECT * FROM ${changeColumns(changes)}),
    v AS (
      UPDATE stat_values s
      SET num = x.n, txt = x.t, comment = x.c, synthetic = ${options.synthetic ?? false},
          channel = ${options.channel}, batch_id = ${options.batchId ?? null}::uuid,
          updated_by = ${options.actorUsername}, updated_at = ${at}::timestamptz
      FROM x
      WHERE ${unitsAndPeriods('s', keys)}
        AND s.indicator_code = x.i AND s.option_code = x.o AND s.unit_id = x.u
        AND s.period_code = x.p
      RETURNING 1),
    h AS (
      -- Every part of one statement reads the same snapshot: these are the versions replaced.
      INSERT INTO stat_value_history (indicator_code, option_code, unit_id, period_code, num, txt,
                                      comment, channel, batch_id, actor_username, at)
      SELECT s.indicator_code, s.option_code, s.unit_id, s.period_code, s.num, s.txt, s.comment,
             s.channel, s.batch_id, s.updated_by, s.updated_at
      FROM stat_values s JOIN x
        ON s.indicator_code = x.i AND s.option_code = x.o AND s.unit_id = x.u
        AND s.period_code = x.p
      WHERE ${unitsAndPeriods('s', keys)})
    SELECT count(*)::int AS n FROM v`);
  if (Number(result.rows[0]?.n) !== changes.length) {
    // A value read a moment ago is gone: nothing of this write may stand.
    throw new AppError('CONFLICT', 'Dữ liệu vừa được người khác thay đổi. Vui lòng thử lại.');
  }
  return options.returning ? changes.map((c) => asWritten(c, c.old!.id, options, at)) : [];
}

export interface HistoryEntry {
  oldNum: number | null;
  oldTxt: string | null;
  newNum: number | null;
  newTxt: string | null;
  oldComment: string | null;
  newComment: string | null;
  channel: ValueChannel;
  batchId: string | null;
  actorUsername: string;
  at: Date;
}

type VersionRow = {
  num: number | null;
  txt: string | null;
  comment: string | null;
  channel: ValueChannel;
  batch_id: string | null;
  actor_username: string;
  at: Date | string;
};

/**
 * A value's history, newest first: each version read as a change from the one before it (the
 * first from a blank cell), with who wrote it, when, through which channel and upload.
 */
export async function historyOf(q: Queryable, key: ValueKey): Promise<HistoryEntry[]> {
  const result = await q.execute<VersionRow>(sql`
    SELECT num, txt, comment, channel, batch_id, actor_username, at
    FROM (
      SELECT num, txt, comment, channel, batch_id, actor_username, at, 0 AS current, id
      FROM stat_value_history
      WHERE unit_id = ${key.unitId} AND period_code = ${key.periodCode}
        AND indicator_code = ${key.indicatorCode} AND option_code = ${key.optionCode}
      UNION ALL
      SELECT num, txt, comment, channel, batch_id, updated_by, updated_at, 1, 0
      FROM stat_values
      WHERE unit_id = ${key.unitId} AND period_code = ${key.periodCode}
        AND indicator_code = ${key.indicatorCode} AND option_code = ${key.optionCode}
    ) versions
    ORDER BY current, at, id`);
  const entries: HistoryEntry[] = [];
  let before: { num: number | null; txt: string | null; comment: string | null } = {
    num: null,
    txt: null,
    comment: null,
  };
  for (const r of result.rows) {
    const version = { num: r.num === null ? null : Number(r.num), txt: r.txt, comment: r.comment };
    entries.push({
      oldNum: before.num,
      oldTxt: before.txt,
      newNum: version.num,
      newTxt: version.txt,
      oldComment: before.comment,
      newComment: version.comment,
      channel: r.channel,
      batchId: r.batch_id,
      actorUsername: r.actor_username,
      at: r.at instanceof Date ? r.at : new Date(r.at),
    });
    before = version;
  }
  return entries.reverse();
}

/** Whether any value generated for demonstration is stored (views and exports then label them). */
export async function anySynthetic(q: Queryable): Promise<boolean> {
  const result = await q.execute<{ found: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM stat_values WHERE synthetic) AS found`,
  );
  return result.rows[0]?.found === true;
}

/** The numbers stored for some units and periods, by cell, with the unit of each. */
export async function figuresOf(
  q: Queryable,
  filter: {
    unitIds: readonly string[];
    periodCodes: readonly string[];
    indicatorCodes: readonly string[];
  },
): Promise<PeriodFigures> {
  const byCell: PeriodFigures['byCell'] = new Map();
  if (filter.unitIds.length === 0 || filter.periodCodes.length === 0) return { byCell };
  const result = await q.execute<{ i: string; o: string; u: string; num: number }>(sql`
    SELECT indicator_code AS i, option_code AS o, unit_id AS u, num FROM stat_values
    WHERE unit_id = ANY(${arrayParam(filter.unitIds)}::text[])
      AND period_code = ANY(${arrayParam(filter.periodCodes)}::text[])
      AND indicator_code = ANY(${arrayParam(filter.indicatorCodes)}::text[])
      AND num IS NOT NULL`);
  for (const r of result.rows) {
    const key = `${r.i}\u0001${r.o}`;
    let list = byCell.get(key);
    if (!list) byCell.set(key, (list = []));
    list.push({ unitId: r.u, num: Number(r.num) });
  }
  return { byCell };
}
