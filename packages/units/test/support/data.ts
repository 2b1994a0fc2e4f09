import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { todayInVietnam } from '@caunoi/shared';

/** Reads one of the shipped CSV files as an array of records keyed by the header row. */
export function readDataCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  return (rows as Record<string, string>[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.normalize('NFC')])),
  );
}

export const lineageRows = readDataCsv('lineage.csv');
export const provinces63Rows = readDataCsv('provinces_63.csv');
export const provinces34Rows = readDataCsv('provinces_34.csv');
export const nameHistoryRows = readDataCsv('name_history.csv');

/** The first day of the 63-unit configuration and of the 34-unit one. */
export const OLD_FROM = '2008-08-01';
export const NEW_FROM = '2025-07-01';
export const oldId = (code: string) => `${code}@${OLD_FROM}`;
export const newId = (code: string) => `${code}@${NEW_FROM}`;

/** Today in Vietnam: the tests follow the calendar, as the application does. */
export const TODAY = todayInVietnam();
