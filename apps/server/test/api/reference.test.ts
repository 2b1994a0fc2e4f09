import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/core/context.js';
import { syncReferenceData } from '../../src/seed/reference.js';
import { createTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const r = await t.database.pool.query<{ n: number }>(sql, params);
  return r.rows[0]!.n;
}

describe('reference data synchronisation', () => {
  it('changes nothing and audits nothing when the database is up to date', async () => {
    const audit = await count('SELECT count(*)::int AS n FROM audit_log');
    const result = await syncReferenceData(systemCtx(t.database));
    expect(result).toEqual({
      unitsChanged: 0,
      organisationsAdded: 0,
      catalogue: { indicatorsAdded: 0, rulesAdded: 0, formsAdded: 0 },
      pii: { editions: { created: [] }, published: { loaded: null, unmatched: [] } },
    });
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(audit);
    expect(await count('SELECT count(*)::int AS n FROM units')).toBe(97);
    expect(await count('SELECT count(*)::int AS n FROM unit_lineage')).toBe(63);
  });

  it('never puts back a reference organisation an administrator deleted', async () => {
    const admin = await t.login('admin');
    const code = 'SKHCN-96@2025-07-01';
    const id = (
      await t.database.pool.query<{ id: string }>('SELECT id FROM organisations WHERE code = $1', [
        code,
      ])
    ).rows[0]!.id;
    expect((await admin.delete(`/api/v1/organisations/${id}`)).status).toBe(204);
    await syncReferenceData(systemCtx(t.database));
    expect(
      await count('SELECT count(*)::int AS n FROM organisations WHERE code = $1', [code]),
    ).toBe(0);
  });

  it('restores a unit whose reference data was altered, and audits the correction', async () => {
    await t.database.pool.query("UPDATE units SET region_vi = 'Sai' WHERE id = '31@2025-07-01'");
    const result = await syncReferenceData(systemCtx(t.database));
    expect(result.unitsChanged).toBe(1);
    const region = await t.database.pool.query<{ region_vi: string }>(
      "SELECT region_vi FROM units WHERE id = '31@2025-07-01'",
    );
    expect(region.rows[0]!.region_vi).toBe('Đồng bằng sông Hồng');
    const entry = await t.database.pool.query<{ action: string; before: { regionVi: string } }>(
      "SELECT action, before FROM audit_log WHERE entity_type = 'unit' AND entity_id = '31@2025-07-01' ORDER BY id DESC LIMIT 1",
    );
    expect(entry.rows[0]).toMatchObject({
      action: 'reference_update',
      before: { regionVi: 'Sai' },
    });
  });
});
