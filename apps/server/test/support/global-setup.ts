import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.js';
import { prepareDatabase } from '../../src/bootstrap.js';
import { testConfig } from './test-config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Tarball of a prepared embedded database (migrated, reference and demo data). */
    templateFile: string;
    /** A prepared PostgreSQL database that each test file copies. */
    pgTemplate: { url: string; name: string };
  }
}

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The demo accounts, organisations and people, without the coordination demo records: tests
 * build the records they assert on with factories, and demo-data.test.ts loads those records.
 */
const DEMO = { demo: true, coordinationDemo: false };

/** Prepares one database with migrations, reference data and demo accounts; test files copy it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.CAUNOI_TEST_DB ?? 'embedded';
  const config = testConfig();
  if (kind === 'postgres') {
    const url = project.config.env?.CAUNOI_TEST_PG_URL ?? '';
    if (!url) {
      throw new Error(
        'CI=true but no PostgreSQL server for the api-postgres tests: set TEST_DATABASE_URL (see .ci/run).',
      );
    }
    const name = `caunoi_tpl_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE "${name}"`);
    const database = await openDatabase({ url: databaseUrl(url, name), poolMax: 2 });
    try {
      await prepareDatabase(database, config, DEMO);
    } finally {
      await database.close();
    }
    project.provide('pgTemplate', { url, name });
    return async () => {
      await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'caunoi-test-'));
  const database = await openDatabase({ embedded: { memory: true } });
  let bytes: Uint8Array;
  try {
    await prepareDatabase(database, config, DEMO);
    await database.pool.end();
    bytes = await database.embedded!.dump();
  } finally {
    await database.embedded!.close();
  }
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, bytes);
  project.provide('templateFile', file);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
