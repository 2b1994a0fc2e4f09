import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/core/context.js';
import { seedDemoCoordination } from '../../src/seed/demo.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';

/**
 * The coordination demo records: what the five source articles state, loaded as real records,
 * and the synthetic ones, labelled as such.
 */
const NB = '37@2025-07-01';
const TODAY = '2026-11-22';

let t: TestApp;
let bo: Client;
let nb: Client;
let seeded: Awaited<ReturnType<typeof seedDemoCoordination>>;

interface Page<T> {
  items: T[];
  total: number;
}
type Detail = Record<string, any>;
interface Named {
  id: string;
  title: string;
}

async function find<T extends Named>(client: Client, url: string, title: RegExp): Promise<T> {
  const res = await client.get(url);
  expect(res.status).toBe(200);
  const items = (res.body as Page<T>).items.filter((i) => title.test(i.title));
  expect(items.map((i) => i.title)).toHaveLength(1);
  return items[0]!;
}

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedDemoCoordination(systemCtx(t.database, 'demo-seed'), TODAY);
  [bo, nb] = await Promise.all([t.login('bo.dieuphoi'), t.login('nb.chuyenvien')]);
});
afterAll(() => t.close());

describe('coordination demo data', () => {
  it('counts what it loaded, source and synthetic', () => {
    expect(seeded.programmes).toBeGreaterThanOrEqual(2);
    expect(seeded.engagements).toBeGreaterThanOrEqual(5);
    expect(seeded.proposals).toBeGreaterThanOrEqual(3);
    expect(seeded.tasks).toBeGreaterThanOrEqual(6);
  });

  it('records the Huế programme of 21/11/2021, 2021–2025 towards 2030, and notes the missing year', async () => {
    const p = await find(bo, '/api/v1/programmes?pageSize=100&q=hue', /Thừa Thiên Huế/);
    const detail = (await bo.get(`/api/v1/programmes/${p.id}`)).body as Detail;
    expect(detail).toMatchObject({
      signedOn: '2021-11-21',
      periodStartYear: 2021,
      periodEndYear: 2025,
      horizonYear: 2030,
    });
    expect(detail.notes).toMatch(/không ghi năm/);
  });

  it('records the Hải Phòng programme of 29/07/2022 with its five contents and a note on the year', async () => {
    const p = await find(bo, '/api/v1/programmes?pageSize=100&q=hai phong', /Hải Phòng/);
    const detail = (await bo.get(`/api/v1/programmes/${p.id}`)).body as Detail;
    expect(detail).toMatchObject({
      signedOn: '2022-07-29',
      periodStartYear: 2022,
      periodEndYear: 2025,
    });
    expect(detail.contents).toHaveLength(5);
    expect(detail.notes).toMatch(/không ghi năm/);
  });

  it('records the Quy Nhơn conference of 16–17/03/2023 with no province and five key tasks', async () => {
    const e = await find(bo, '/api/v1/engagements?pageSize=100&q=quy nhon', /Giám đốc Sở/);
    const detail = (await bo.get(`/api/v1/engagements/${e.id}`)).body as Detail;
    expect(detail).toMatchObject({
      kind: 'conference',
      startsOn: '2023-03-16',
      endsOn: '2023-03-17',
    });
    expect(detail.units).toEqual([]);
    expect(detail.directives.map((d: { number: number }) => d.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('records the 2020 year-end conference with the province left unset, and says why', async () => {
    const e = await find(
      bo,
      '/api/v1/engagements?pageSize=100&from=2020-12-01&to=2020-12-31',
      /2020/,
    );
    const detail = (await bo.get(`/api/v1/engagements/${e.id}`)).body as Detail;
    expect(detail.units).toEqual([]);
    expect(detail.notes).toMatch(/không nêu tỉnh/);
  });

  it('records the Nam Định session of 11/05/2023: participants, three agreed requests, five key tasks', async () => {
    const e = await find(bo, '/api/v1/engagements?pageSize=100&q=nam dinh', /Nam Định/);
    const detail = (await bo.get(`/api/v1/engagements/${e.id}`)).body as Detail;
    expect(detail.startsOn).toBe('2023-05-11');
    expect(detail.participants.length).toBeGreaterThanOrEqual(4);
    expect(detail.directives.length).toBeGreaterThanOrEqual(5);
    const proposals = (await bo.get(`/api/v1/proposals?engagementId=${e.id}`)).body as Page<{
      answer: string | null;
    }>;
    expect(proposals.items).toHaveLength(3);
    expect(proposals.items.every((p) => p.answer === 'agreed')).toBe(true);
  });

  it('shows Ninh Bình, as successor, the roadmap task given to Nam Định’s department', async () => {
    const res = await nb.get(
      `/api/v1/tasks?pageSize=100&leadUnitId=${encodeURIComponent(NB)}&q=lo trinh`,
    );
    expect(res.status).toBe(200);
    const titles = (res.body as Page<{ title: string }>).items.map((i) => i.title);
    expect(titles.some((x) => /ưu tiên/.test(x) && /lộ trình/.test(x))).toBe(true);
  });

  it('labels every synthetic programme as an illustration', async () => {
    const res = await bo.get('/api/v1/programmes?pageSize=100');
    const titles = (res.body as Page<Named>).items.map((i) => i.title);
    const synthetic = titles.filter((x) => x.startsWith('[Minh họa]'));
    expect(synthetic.length).toBeGreaterThan(0);
    expect(titles.length - synthetic.length).toBe(2);
  });
});
