import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { referenceRegistry } from '@caunoi/units/reference';
import { historyOf } from '../../src/modules/statistics/values.store.js';
import { MAX_IMPORT_BYTES } from '../../src/modules/statistics/import.schemas.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';

let t: TestApp;
let admin: Client;

const URL = '/api/v1/statistics/imports';
const HEADER = 'indicator,option,unit,period,value,comment';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

beforeEach(async () => {
  await t.database.pool.query(
    'TRUNCATE stat_values, stat_value_history, stat_imports, stat_report_events, stat_reports',
  );
});

const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

function postCsv(body: string, query = '', client: Client = admin) {
  return client.request('POST', `${URL}${query}`, body, { 'content-type': 'text/csv' });
}

function postJson(body: unknown, query = '', client: Client = admin) {
  return client.request('POST', `${URL}${query}`, JSON.stringify(body), {
    'content-type': 'application/json',
  });
}

async function rows(sql: string, params: unknown[] = []) {
  return (await t.database.pool.query(sql, params)).rows as Array<Record<string, unknown>>;
}

async function counts() {
  const [r] = await rows(`SELECT
    (SELECT count(*)::int FROM stat_values) AS "values",
    (SELECT count(*)::int FROM stat_value_history) AS history,
    (SELECT count(*)::int FROM stat_imports) AS imports,
    (SELECT count(*)::int FROM audit_log WHERE entity_type = 'stat_import') AS audit`);
  return r!;
}

async function valueAt(indicator: string, option: string, unit: string, period: string) {
  const [r] = await rows(
    `SELECT num, txt, comment, channel, updated_by FROM stat_values
     WHERE indicator_code = $1 AND option_code = $2 AND unit_id = $3 AND period_code = $4`,
    [indicator, option, unit, period],
  );
  return r;
}

/** The codes of the errors, with the line (CSV) or record (JSON) each is on. */
const errorsOf = (body: { errors: { items: Array<Record<string, unknown>> } }) =>
  body.errors.items.map((e) => ({ line: e.line, record: e.record, field: e.field, code: e.code }));

async function lockReport(unitId: string, periodCode: string, status: string) {
  const [form] = await rows("SELECT id FROM stat_forms WHERE code = 'BM-KHCN-NAM'");
  await t.database.pool.query(
    'INSERT INTO stat_reports (form_id, unit_id, period_code, status) VALUES ($1, $2, $3, $4)',
    [form!.id, unitId, periodCode, status],
  );
}

describe('access', () => {
  it('asks anonymous callers to sign in (401)', async () => {
    const post = await t.anonymous.request('POST', URL, csv('TASK_OVERDUE,,31,2024,5,'), {
      'content-type': 'text/csv',
    });
    expect(post.status).toBe(401);
    expect(post.body.error.code).toBe('UNAUTHENTICATED');
    expect((await t.anonymous.get(URL)).status).toBe(401);
  });

  it('refuses province officers and the Ministry coordinator (403) and writes nothing', async () => {
    for (const username of ['hp.chuyenvien', 'bo.dieuphoi']) {
      const client = await t.login(username);
      const post = await postCsv(csv('TASK_OVERDUE,,31,2024,5,'), '', client);
      expect(post.status).toBe(403);
      expect(post.body.error.code).toBe('FORBIDDEN');
      expect((await client.get(URL)).status).toBe(403);
    }
    expect(await counts()).toMatchObject({ values: 0, history: 0, imports: 0 });
  });

  it('needs the CSRF token of a browser session', async () => {
    const r = await admin
      .withoutCsrf()
      .request('POST', URL, csv('TASK_OVERDUE,,31,2024,5,'), { 'content-type': 'text/csv' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('CSRF_INVALID');
  });
});

describe('files that cannot be read (400, 413, 415)', () => {
  it('refuses a header without the required columns, with the expected header', async () => {
    const r = await postCsv('indicator,unit,period\nTASK_OVERDUE,31,2024');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_ERROR');
    expect(r.body.error.details).toEqual({ reason: 'MISSING_COLUMNS', line: 1 });
    expect(r.body.error.message).toContain('thiếu cột value');
    expect(r.body.error.message).toContain('indicator, option, unit, period, value, comment');
  });

  it('refuses broken JSON with its line, a JSON object that is not a list, an empty body', async () => {
    const broken = await admin.request('POST', URL, '[\n{"indicator": "X",\n}', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.reason).toBe('BAD_JSON');
    expect(broken.body.error.message).toMatch(/sai cú pháp ở dòng 3/);

    const shape = await postJson({ rows: [] });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details.reason).toBe('BAD_JSON_SHAPE');

    const empty = await admin.request('POST', URL, '', { 'content-type': 'text/csv' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Tệp không có dữ liệu.');

    const header = await postCsv(`${HEADER}\n\n`);
    expect(header.status).toBe(400);
    expect(header.body.error).toMatchObject({
      message: 'Tệp chỉ có dòng tiêu đề, không có giá trị nào.',
      details: { reason: 'EMPTY_FILE' },
    });
    expect((await postJson({ values: [] })).body.error.details.reason).toBe('EMPTY_FILE');
  });

  it('refuses a file that is not UTF-8, an unclosed quote, a bad dryRun value', async () => {
    const latin1 = Buffer.from(`${HEADER}\nTASK_OVERDUE,,31,2024,5,Ghi ch\u00fa\n`, 'latin1');
    const r = await admin.request('POST', URL, latin1, { 'content-type': 'text/csv' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.reason).toBe('NOT_UTF8');
    expect(r.body.error.message).toContain('CSV UTF-8');

    const quote = await postCsv(csv('TASK_OVERDUE,,31,2024,5,', 'TASK_OVERDUE,,31,2023,"5,'));
    expect(quote.status).toBe(400);
    expect(quote.body.error.details.reason).toBe('BAD_CSV');
    expect(quote.body.error.message).toContain('ngoặc kép');

    const flag = await postCsv(csv('TASK_OVERDUE,,31,2024,5,'), '?dryRun=maybe');
    expect(flag.status).toBe(400);
    expect(flag.body.error.code).toBe('VALIDATION_ERROR');
    expect(await counts()).toMatchObject({ values: 0, imports: 0 });
  });

  it('answers 415 to another kind of body and 413 past the size limit', async () => {
    const xml = await admin.request('POST', URL, '<values/>', {
      'content-type': 'application/xml',
    });
    expect(xml.status).toBe(415);
    expect(xml.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20);
    const r = await admin.request('POST', URL, big, { 'content-type': 'text/csv' });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(r.body.error.message).toContain('200 MB');
  });
});

describe('a dry run, then the import', () => {
  const file = csv(
    'TASK_OVERDUE,,31,2024,12,Theo báo cáo tổng kết',
    'TASK_IMPLEMENTED,QUOC_GIA,31,2024,3,',
    'TASK_IMPLEMENTED,TINH,31,2024,40,',
    'PROV_BUDGET_EXPENDITURE,,31@2025-07-01,2025,"1.234,5",',
    'RAD_RESPONSE_PLAN,,31,2024,có,',
  );

  it('checks and counts on a dry run, and writes nothing', async () => {
    const before = await counts();
    const r = await postCsv(file, '?dryRun=true&fileName=hai-phong.csv');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      dryRun: true,
      committed: false,
      importId: null,
      format: 'csv',
      fileName: 'hai-phong.csv',
      total: 5,
      created: 5,
      updated: 0,
      ignored: 0,
      errors: { count: 0, items: [] },
    });
    expect(await counts()).toEqual(before);
  });

  it('writes the values with their history on channel import and the import id as batch', async () => {
    const r = await postCsv(file, '?fileName=hai-phong.csv');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ committed: true, dryRun: false, created: 5, updated: 0 });
    const importId = r.body.importId as string;
    expect(importId).toMatch(/^[0-9a-f-]{36}$/);

    expect(await valueAt('TASK_OVERDUE', '', '31@2008-08-01', '2024')).toEqual({
      num: 12,
      txt: null,
      comment: 'Theo báo cáo tổng kết',
      channel: 'import',
      updated_by: 'admin',
    });
    expect((await valueAt('PROV_BUDGET_EXPENDITURE', '', '31@2025-07-01', '2025'))!.num).toBe(
      1234.5,
    );
    expect((await valueAt('RAD_RESPONSE_PLAN', '', '31@2008-08-01', '2024'))!.num).toBe(1);
    // The total of a disaggregated indicator is derived, never stored.
    expect(await valueAt('TASK_IMPLEMENTED', '', '31@2008-08-01', '2024')).toBeUndefined();

    const history = await historyOf(t.database.db, {
      indicatorCode: 'TASK_IMPLEMENTED',
      optionCode: 'TINH',
      unitId: '31@2008-08-01',
      periodCode: '2024',
    });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      oldNum: null,
      newNum: 40,
      channel: 'import',
      batchId: importId,
      actorUsername: 'admin',
    });
    const [all] = await rows(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE channel = 'import' AND batch_id = $1)::int AS ours
       FROM stat_values`,
      [importId],
    );
    expect(all).toEqual({ n: 5, ours: 5 });

    const audit = await rows(
      "SELECT action, entity_id, actor_username, after FROM audit_log WHERE entity_type = 'stat_import' AND entity_id = $1",
      [importId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'import', actor_username: 'admin' });
    expect(audit[0]!.after).toMatchObject({ fileName: 'hai-phong.csv', total: 5, created: 5 });

    const list = await admin.get(URL);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      id: importId,
      fileName: 'hai-phong.csv',
      actorUsername: 'admin',
      summary: { importId, committed: true, created: 5, total: 5 },
    });
  });

  it('ignores what is already stored, updates what changed and records old → new', async () => {
    await postCsv(file);
    const changed = file
      .replace('TASK_OVERDUE,,31,2024,12,Theo báo cáo tổng kết', 'TASK_OVERDUE,,31,2024,15,')
      .replace('TASK_IMPLEMENTED,TINH,31,2024,40,', 'TASK_IMPLEMENTED,TINH,31,2024,,');
    const dry = await postCsv(changed, '?dryRun=true');
    expect(dry.body).toMatchObject({ created: 0, updated: 2, ignored: 3 });
    const r = await postCsv(changed);
    expect(r.body).toMatchObject({ committed: true, created: 0, updated: 2, ignored: 3 });

    // A blank comment keeps the stored comment; a blank value clears the number.
    expect(await valueAt('TASK_OVERDUE', '', '31@2008-08-01', '2024')).toMatchObject({
      num: 15,
      comment: 'Theo báo cáo tổng kết',
    });
    expect(await valueAt('TASK_IMPLEMENTED', 'TINH', '31@2008-08-01', '2024')).toMatchObject({
      num: null,
    });
    const history = await historyOf(t.database.db, {
      indicatorCode: 'TASK_OVERDUE',
      optionCode: '',
      unitId: '31@2008-08-01',
      periodCode: '2024',
    });
    expect(history.map((h) => [h.oldNum, h.newNum, h.batchId])).toEqual([
      [12, 15, r.body.importId],
      [null, 12, expect.any(String)],
    ]);
    const list = await admin.get(`${URL}?pageSize=1`);
    expect(list.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(list.body.items[0].id).toBe(r.body.importId);
  });
});

describe('a file with errors writes nothing', () => {
  it('reports the line of the one bad row among good ones', async () => {
    const before = await counts();
    const r = await postCsv(
      csv(
        'TASK_OVERDUE,,31,2024,12,',
        'TASK_OVERDUE,,31,2023,mười hai,',
        'TASK_OVERDUE,,31,2022,7,',
      ),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ committed: false, importId: null, created: 0, total: 3 });
    expect(r.body.errors.count).toBe(1);
    expect(r.body.errors.items[0]).toEqual({
      record: 2,
      line: 3,
      field: 'value',
      code: 'NOT_A_NUMBER',
      message: '"mười hai" không phải là một số.',
    });
    expect(await counts()).toEqual(before);
  });

  it('checks the catalogue: indicator, option, derived totals; and periods', async () => {
    const r = await postCsv(
      csv(
        'NO_SUCH_INDICATOR,,31,2024,1,',
        'TASK_OVERDUE,TINH,31,2024,1,',
        'TASK_IMPLEMENTED,,31,2024,1,',
        'TASK_IMPLEMENTED,HUYEN,31,2024,1,',
        'task_implemented,tinh,31,2024,1,',
        'TASK_OVERDUE,,31,2024-Q3,1,',
        'TASK_OVERDUE,,31,,1,',
        ',,31,2024,1,',
      ),
    );
    expect(errorsOf(r.body)).toEqual([
      { line: 2, record: 1, field: 'indicator', code: 'UNKNOWN_INDICATOR' },
      { line: 3, record: 2, field: 'option', code: 'OPTION_NOT_ALLOWED' },
      { line: 4, record: 3, field: 'option', code: 'TOTAL_IS_DERIVED' },
      { line: 5, record: 4, field: 'option', code: 'UNKNOWN_OPTION' },
      { line: 7, record: 6, field: 'period', code: 'BAD_PERIOD' },
      { line: 8, record: 7, field: 'period', code: 'MISSING_FIELD' },
      { line: 9, record: 8, field: 'indicator', code: 'MISSING_FIELD' },
    ]);
    const byCode = Object.fromEntries(
      r.body.errors.items.map((e: { code: string; message: string }) => [e.code, e.message]),
    );
    expect(byCode.TOTAL_IS_DERIVED).toContain('QUOC_GIA, BO, TINH, CO_SO');
    expect(byCode.UNKNOWN_OPTION).toContain('"HUYEN" không thuộc chỉ tiêu TASK_IMPLEMENTED');
    expect(byCode.BAD_PERIOD).toContain('2024Q3');
    expect(await counts()).toMatchObject({ values: 0 });
  });

  it('reports every error of every row, and a row with more cells than the header', async () => {
    const r = await postCsv(
      csv(
        'NOPE,,99,2024X,abc,',
        'TASK_OVERDUE,,31,2024,1,5,',
        'PROV_BUDGET_EXPENDITURE,,31,2024,1.234,',
      ),
    );
    expect(errorsOf(r.body)).toEqual([
      { line: 2, record: 1, field: 'indicator', code: 'UNKNOWN_INDICATOR' },
      { line: 2, record: 1, field: 'period', code: 'BAD_PERIOD' },
      { line: 3, record: 2, field: null, code: 'FIELD_COUNT' },
      { line: 4, record: 3, field: 'value', code: 'AMBIGUOUS_SEPARATOR' },
    ]);
    expect(r.body.errors.items[2].message).toContain('ngoặc kép ("1,5")');
  });

  it('refuses a cell given twice, even once by code and once by id', async () => {
    const r = await postCsv(
      csv(
        'TASK_OVERDUE,,31,2024,1,',
        'TASK_OVERDUE,,31,2023,1,',
        'TASK_OVERDUE,,31@2008-08-01,2024,2,',
      ),
    );
    expect(errorsOf(r.body)).toEqual([{ line: 4, record: 3, field: null, code: 'DUPLICATE_KEY' }]);
    expect(r.body.errors.items[0].message).toContain('Trùng ô với dòng 2');
    expect(await counts()).toMatchObject({ values: 0 });
  });

  it('lists the first 1,000 errors and counts them all', async () => {
    const lines = Array.from(
      { length: 1500 },
      (_, i) => `TASK_OVERDUE,,31,${2010 + (i % 15)},x${i},`,
    );
    const r = await postCsv(csv(...lines), '?dryRun=true');
    expect(r.body.errors.count).toBe(1500);
    expect(r.body.errors.items).toHaveLength(1000);
    expect(r.body.errors.items[999].line).toBe(1001);
  });
});

describe('values locked by a report', () => {
  it('refuses values of a submitted, approved or accepted report, not of a draft', async () => {
    await lockReport('31@2025-07-01', '2025', 'approved');
    await lockReport('37@2025-07-01', '2025', 'submitted');
    await lockReport('46@2025-07-01', '2025', 'draft');
    const r = await postCsv(
      csv(
        'TASK_OVERDUE,,31,2025,1,',
        'TASK_OVERDUE,,31,2024,1,',
        'TASK_OVERDUE,,37,2025,1,',
        'TASK_OVERDUE,,46,2025,1,',
      ),
    );
    expect(errorsOf(r.body)).toEqual([
      { line: 2, record: 1, field: null, code: 'LOCKED_BY_REPORT' },
      { line: 4, record: 3, field: null, code: 'LOCKED_BY_REPORT' },
    ]);
    expect(r.body.errors.items[0].message).toBe(
      'Số liệu đã khóa: báo cáo BM-KHCN-NAM của Hải Phòng kỳ 2025 đang ở trạng thái "Sở đã phê duyệt". Cần trả lại hoặc mở lại báo cáo trước khi nhập.',
    );
    expect(await counts()).toMatchObject({ values: 0 });

    // Values of an indicator the form does not carry are not locked by it.
    await t.database.pool.query(
      `DELETE FROM stat_form_indicators WHERE indicator_code = 'TASK_OVERDUE'
       AND form_id = (SELECT id FROM stat_forms WHERE code = 'BM-KHCN-NAM')`,
    );
    const again = await postCsv(csv('TASK_OVERDUE,,31,2025,1,'));
    expect(again.body).toMatchObject({ committed: true, created: 1 });
  });
});

describe('units across the 2025 reform', () => {
  it('resolves a province code on the period’s last day', async () => {
    const r = await postCsv(
      csv(
        'TASK_OVERDUE,,36,2024,1,',
        'TASK_OVERDUE,,37,2025H2,2,',
        'TASK_OVERDUE,,37,2025H1,3,',
        'TASK_OVERDUE,,37,2025Q2-AD,4,',
        'TASK_OVERDUE,,1,2025,5,',
      ),
    );
    expect(r.body).toMatchObject({ committed: true, created: 5 });
    const stored = await rows(
      "SELECT unit_id, period_code, num FROM stat_values WHERE indicator_code = 'TASK_OVERDUE' ORDER BY num",
    );
    expect(stored).toEqual([
      { unit_id: '36@2008-08-01', period_code: '2024', num: 1 },
      { unit_id: '37@2025-07-01', period_code: '2025H2', num: 2 },
      { unit_id: '37@2008-08-01', period_code: '2025H1', num: 3 },
      { unit_id: '37@2008-08-01', period_code: '2025Q2-AD', num: 4 },
      { unit_id: '01@2025-07-01', period_code: '2025', num: 5 },
    ]);
  });

  it('refuses a unit that no longer exists at the period’s end, naming its successor', async () => {
    const r = await postCsv(
      csv(
        'TASK_OVERDUE,,36,2025,1,',
        'TASK_OVERDUE,,36@2008-08-01,2025H2,1,',
        'TASK_OVERDUE,,99,2024,1,',
        'TASK_OVERDUE,,Hải Phòng,2024,1,',
        'TASK_OVERDUE,,31@2030-01-01,2024,1,',
      ),
    );
    expect(errorsOf(r.body)).toEqual([
      { line: 2, record: 1, field: 'unit', code: 'UNIT_NOT_IN_FORCE' },
      { line: 3, record: 2, field: 'unit', code: 'UNIT_NOT_IN_FORCE' },
      { line: 4, record: 3, field: 'unit', code: 'UNKNOWN_UNIT' },
      { line: 5, record: 4, field: 'unit', code: 'UNKNOWN_UNIT' },
      { line: 6, record: 5, field: 'unit', code: 'UNKNOWN_UNIT' },
    ]);
    const [first, second] = r.body.errors.items;
    expect(first.message).toContain('không có tỉnh/thành phố nào mang mã 36');
    expect(first.message).toContain('Nam Định (36@2008-08-01)');
    expect(first.message).toContain('Đơn vị kế thừa: Ninh Bình (37@2025-07-01)');
    expect(second.message).toContain('đến 30/06/2025');
  });
});

describe('formats', () => {
  it('reads a semicolon CSV with a BOM, CRLF line ends and Vietnamese numbers', async () => {
    const text =
      '\uFEFFindicator;option;unit;period;value;comment\r\n' +
      'PROV_BUDGET_EXPENDITURE;;31;2024;1.234.567,89;\r\n' +
      'SPEND_DISBURSEMENT_RATE;;31;2024;87,5%;\r\n' +
      'TASK_OVERDUE;;31;2024;1.234;\r\n' +
      'FUND_DISBURSED;;31;2024;2 500,75;\r\n';
    const r = await admin.request('POST', URL, Buffer.from(text, 'utf8'), {
      'content-type': 'text/csv; charset=utf-8',
    });
    expect(r.body).toMatchObject({ committed: true, created: 4, errors: { count: 0 } });
    const stored = await rows(
      "SELECT indicator_code, num FROM stat_values WHERE unit_id = '31@2008-08-01' ORDER BY indicator_code",
    );
    expect(stored).toEqual([
      { indicator_code: 'FUND_DISBURSED', num: 2500.75 },
      { indicator_code: 'PROV_BUDGET_EXPENDITURE', num: 1234567.89 },
      { indicator_code: 'SPEND_DISBURSEMENT_RATE', num: 87.5 },
      { indicator_code: 'TASK_OVERDUE', num: 1234 },
    ]);
  });

  it('counts lines across quoted fields that span lines, and warns of extra columns', async () => {
    const text = [
      'indicator,option,unit,period,value,comment,nguon',
      'TASK_OVERDUE,,31,2024,1,"Dòng một',
      'dòng hai, có dấu phẩy",Sở',
      '',
      'TASK_OVERDUE,,31,2023,"1,5",,',
    ].join('\n');
    const r = await postCsv(text);
    expect(errorsOf(r.body)).toEqual([
      { line: 5, record: 2, field: 'value', code: 'NOT_AN_INTEGER' },
    ]);
    expect(r.body.warnings.items.map((w: { code: string }) => w.code)).toEqual([
      'EXTRA_COLUMNS',
      'BLANK_RECORDS',
    ]);
    expect(r.body.warnings.items[0].message).toContain('nguon');
  });

  it('reads JSON: an array or {"values": [...]}, numbers as numbers, records numbered', async () => {
    const values = [
      { indicator: 'TASK_OVERDUE', unit: '31', period: '2024', value: 7 },
      { indicator: 'PROV_BUDGET_EXPENDITURE', unit: 31, period: 2024, value: '1.234,5' },
      { indicator: 'TASK_IMPLEMENTED', option: 'BO', unit: '31', period: '2024', value: 2 },
      { indicator: 'RAD_RESPONSE_PLAN', unit: '31', period: '2024', value: false },
      { indicator: 'TASK_STARTED', option: 'BO', unit: '31', period: '2024', value: null },
    ];
    const dry = await postJson(values, '?dryRun=true');
    expect(dry.body).toMatchObject({ format: 'json', total: 5, created: 4, ignored: 1 });
    const r = await postJson({ values }, '?fileName=so-lieu.json');
    expect(r.body).toMatchObject({
      committed: true,
      created: 4,
      ignored: 1,
      fileName: 'so-lieu.json',
    });
    expect((await valueAt('PROV_BUDGET_EXPENDITURE', '', '31@2008-08-01', '2024'))!.num).toBe(
      1234.5,
    );
    expect((await valueAt('RAD_RESPONSE_PLAN', '', '31@2008-08-01', '2024'))!.num).toBe(0);

    const bad = await postJson([
      { indicator: 'TASK_OVERDUE', unit: '31', period: '2023', value: 1.5 },
      'TASK_OVERDUE',
      { indicator: 'TASK_OVERDUE', unit: '31', period: '2022' },
      { indicator: ['TASK_OVERDUE'], unit: '31', period: '2021', value: 1, extra: true },
    ]);
    expect(errorsOf(bad.body)).toEqual([
      { line: null, record: 1, field: 'value', code: 'NOT_AN_INTEGER' },
      { line: null, record: 2, field: null, code: 'BAD_FIELD' },
      { line: null, record: 3, field: 'value', code: 'MISSING_FIELD' },
      { line: null, record: 4, field: 'indicator', code: 'BAD_FIELD' },
    ]);
    expect(bad.body.warnings.items[0]).toMatchObject({ code: 'EXTRA_COLUMNS' });
  });

  it('accepts a multipart upload and takes the format and name from the file', async () => {
    const boundary = '----caunoi-import';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="so-lieu-2024.json"',
      'Content-Type: application/octet-stream',
      '',
      JSON.stringify([{ indicator: 'TASK_OVERDUE', unit: '31', period: '2024', value: 3 }]),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const r = await admin.request('POST', URL, body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      committed: true,
      format: 'json',
      fileName: 'so-lieu-2024.json',
      created: 1,
    });
  });
});

describe('a large file, read and written a part at a time', () => {
  // The first record spans two lines; then 63 provinces × 96 months: several writes, many parts.
  const provinces = referenceRegistry()
    .asOf('2024-12-31')
    .map((u) => u.code);
  const months = Array.from(
    { length: 96 },
    (_, i) => `${2017 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`,
  );
  const big = (indicator: string, ...last: string[]) =>
    csv(
      `${indicator},,31,2016,1,"Ghi chú\nhai dòng"`,
      ...months.flatMap((m, i) => provinces.map((p) => `${indicator},,${p},${m},${i},`)),
      ...last,
    );
  const lastLine = 4 + months.length * provinces.length;

  it('writes every value of a file that is all good', async () => {
    const r = await postCsv(big('TASK_OVERDUE'));
    expect(r.body).toMatchObject({ committed: true, created: 6_049, total: 6_049 });
    expect(await counts()).toMatchObject({ values: 6_049, imports: 1 });
    expect((await valueAt('TASK_OVERDUE', '', '31@2008-08-01', '2016'))!.comment).toBe(
      'Ghi chú\nhai dòng',
    );
    expect((await valueAt('TASK_OVERDUE', '', '37@2008-08-01', '2024M12'))!.num).toBe(95);
  });

  it('writes nothing when the last record is wrong, a repeat of the first, or unreadable', async () => {
    const wrong = await postCsv(big('TASK_OVERDUE', 'TASK_OVERDUE,,31,2015,mười,'));
    expect(errorsOf(wrong.body)).toEqual([
      { line: lastLine, record: 6_050, field: 'value', code: 'NOT_A_NUMBER' },
    ]);
    const repeated = await postCsv(big('TASK_OVERDUE', 'TASK_OVERDUE,,31,2016,2,'));
    expect(errorsOf(repeated.body)).toEqual([
      { line: lastLine, record: 6_050, field: null, code: 'DUPLICATE_KEY' },
    ]);
    expect(repeated.body.errors.items[0].message).toContain('Trùng ô với dòng 2');
    const unreadable = await postCsv(big('TASK_OVERDUE', 'TASK_OVERDUE,,31,2015,"5,'));
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.details).toEqual({ reason: 'BAD_CSV', line: lastLine });
    expect(await counts()).toMatchObject({ values: 0, history: 0, imports: 0 });
  });

  it('writes nothing when the last record falls in a period a report locks', async () => {
    const [indicator] = await rows(
      `SELECT i.code FROM stat_form_indicators fi
       JOIN stat_forms f ON f.id = fi.form_id AND f.code = 'BM-KHCN-NAM'
       JOIN stat_indicators i ON i.code = fi.indicator_code
       WHERE i.disaggregation_code IS NULL AND i.value_type = 'integer'
       ORDER BY i.code LIMIT 1`,
    );
    const code = indicator!.code as string;
    await lockReport('31@2008-08-01', '2015', 'accepted');
    const r = await postCsv(big(code, `${code},,31,2015,3,`));
    expect(errorsOf(r.body)).toEqual([
      { line: lastLine, record: 6_050, field: null, code: 'LOCKED_BY_REPORT' },
    ]);
    expect(await counts()).toMatchObject({ values: 0, imports: 0 });
  });
});
