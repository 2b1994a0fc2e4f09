import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';

let t: TestApp;
let viewer: Client;

beforeAll(async () => {
  t = await createTestApp();
  viewer = await t.login('hp.chuyenvien');
});
afterAll(() => t.close());

describe('GET /api/v1/units', () => {
  it('needs a signed-in user', async () => {
    const res = await t.anonymous.get('/api/v1/units');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('lists the 63 units valid on 2024-12-31 and the 34 valid on 2025-07-01', async () => {
    const before = await viewer.get('/api/v1/units?asOf=2024-12-31');
    expect(before.status).toBe(200);
    expect(before.body.count).toBe(63);
    expect(before.body.items).toHaveLength(63);
    const after = await viewer.get('/api/v1/units?asOf=2025-07-01');
    expect(after.body.count).toBe(34);
    const hp = after.body.items.find((u: { code: string }) => u.code === '31');
    expect(hp).toMatchObject({
      id: '31@2025-07-01',
      nameVi: 'Hải Phòng',
      nameEn: 'Hai Phong',
      type: 'centrally_run_city',
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(hp.predecessors.map((p: { nameVi: string }) => p.nameVi).sort()).toEqual([
      'Hải Dương',
      'Hải Phòng',
    ]);
  });

  it('sorts names in Vietnamese alphabetical order', async () => {
    const res = await viewer.get('/api/v1/units?asOf=2024-12-31');
    const names: string[] = res.body.items.map((u: { nameVi: string }) => u.nameVi);
    // ă and â follow a; đ follows d: Bắc Giang after Bạc Liêu, Đà Nẵng after Điện Biên is false, etc.
    expect(names.indexOf('Bạc Liêu')).toBeLessThan(names.indexOf('Bắc Giang'));
    expect(names.indexOf('Bình Dương')).toBeLessThan(names.indexOf('Bình Định'));
    expect(names.indexOf('Dak')).toBe(-1);
    expect(names.indexOf('Hà Tĩnh')).toBeLessThan(names.indexOf('Hải Dương'));
    expect(names.indexOf('Vĩnh Phúc')).toBeLessThan(names.indexOf('Yên Bái'));
    const lastD = Math.max(...names.filter((n) => n.startsWith('D')).map((n) => names.indexOf(n)));
    const firstĐ = Math.min(...names.filter((n) => n.startsWith('Đ')).map((n) => names.indexOf(n)));
    expect(lastD).toBeLessThan(firstĐ);
  });

  it('shows Huế under its name of the day', async () => {
    const y2024 = await viewer.get('/api/v1/units?asOf=2024-12-31');
    const y2025 = await viewer.get('/api/v1/units?asOf=2025-01-01');
    const hue2024 = y2024.body.items.find((u: { code: string }) => u.code === '46');
    const hue2025 = y2025.body.items.find((u: { code: string }) => u.code === '46');
    expect(hue2024).toMatchObject({
      id: '46@2008-08-01',
      nameVi: 'Thừa Thiên Huế',
      type: 'province',
    });
    expect(hue2025).toMatchObject({
      id: '46@2008-08-01',
      nameVi: 'Huế',
      type: 'centrally_run_city',
    });
  });

  it('shows Đồng Nai as a centrally-run city from 2026-04-30', async () => {
    const a = await viewer.get('/api/v1/units?asOf=2026-04-29');
    const b = await viewer.get('/api/v1/units?asOf=2026-04-30');
    expect(a.body.items.find((u: { code: string }) => u.code === '75').type).toBe('province');
    expect(b.body.items.find((u: { code: string }) => u.code === '75')).toMatchObject({
      type: 'centrally_run_city',
      fullNameVi: 'Thành phố Đồng Nai',
    });
  });

  it('rejects a malformed or impossible date with a Vietnamese message', async () => {
    for (const bad of ['2024-02-30', '31/12/2024', 'hôm nay']) {
      const res = await viewer.get(`/api/v1/units?asOf=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.message).toMatch(/Ngày|ngày/);
    }
  });

  it('refuses dates before the data begins', async () => {
    const res = await viewer.get('/api/v1/units?asOf=2000-01-01');
    expect(res.status).toBe(400);
    expect(res.body.error.details.reason).toBe('DATE_OUT_OF_RANGE');
  });

  it('accepts an API token instead of a session', async () => {
    const created = await viewer.post('/api/v1/auth/tokens', { name: 'thử nghiệm' });
    expect(created.status).toBe(201);
    const res = await t.withToken(created.body.token).get('/api/v1/units?asOf=2025-07-01');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(34);
  });
});

describe('GET /api/v1/units/{id}/lineage', () => {
  it('gives Nam Định its successor Ninh Bình with the date', async () => {
    const res = await viewer.get('/api/v1/units/36@2008-08-01/lineage');
    expect(res.status).toBe(200);
    expect(res.body.predecessors).toEqual([]);
    expect(res.body.successors).toHaveLength(1);
    expect(res.body.successors[0]).toMatchObject({
      unit: { id: '37@2025-07-01', nameVi: 'Ninh Bình' },
      effectiveDate: '2025-07-01',
      relation: 'merged',
      weight: 1,
    });
  });

  it('gives the new Ninh Bình its three predecessors', async () => {
    const res = await viewer.get('/api/v1/units/37@2025-07-01/lineage');
    expect(
      res.body.predecessors.map((p: { unit: { nameVi: string } }) => p.unit.nameVi).sort(),
    ).toEqual(['Hà Nam', 'Nam Định', 'Ninh Bình']);
  });

  it('answers 404 for an unknown unit and 400 for a malformed id', async () => {
    expect((await viewer.get('/api/v1/units/99@2025-07-01/lineage')).status).toBe(404);
    const bad = await viewer.get('/api/v1/units/31/lineage');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('needs a signed-in user', async () => {
    expect((await t.anonymous.get('/api/v1/units/36@2008-08-01/lineage')).status).toBe(401);
  });
});

describe('GET /api/v1/units/resolve and /map', () => {
  it('resolves a reused code by date', async () => {
    const old = await viewer.get('/api/v1/units/resolve?code=15&date=2024-12-31');
    const now = await viewer.get('/api/v1/units/resolve?code=15&date=2025-07-01');
    expect(old.body).toMatchObject({ id: '15@2008-08-01', nameVi: 'Yên Bái' });
    expect(now.body).toMatchObject({ id: '15@2025-07-01', nameVi: 'Lào Cai' });
    expect((await viewer.get('/api/v1/units/resolve?code=03&date=2025-07-01')).status).toBe(404);
  });

  it('maps a former province forward and a new one backward', async () => {
    const fwd = await viewer.get('/api/v1/units/36@2008-08-01/map?from=2023-05-11&to=2026-01-01');
    expect(fwd.status).toBe(200);
    expect(fwd.body.direction).toBe('forward');
    expect(fwd.body.units.map((u: { unit: { id: string } }) => u.unit.id)).toEqual([
      '37@2025-07-01',
    ]);
    const back = await viewer.get('/api/v1/units/37@2025-07-01/map?from=2026-01-01&to=2024-06-30');
    expect(back.body.direction).toBe('backward');
    expect(back.body.units).toHaveLength(3);
  });

  it('refuses a date on which the unit did not exist', async () => {
    const res = await viewer.get('/api/v1/units/36@2008-08-01/map?from=2025-08-01&to=2026-01-01');
    expect(res.status).toBe(400);
    expect(res.body.error.details.reason).toBe('UNIT_NOT_VALID_ON_DATE');
  });
});
