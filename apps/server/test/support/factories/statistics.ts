import { expect } from 'vitest';
import { withSavedState } from '@caunoi/shared';
import type { Client } from '../harness.js';

export const HAI_PHONG = '31@2025-07-01';
export const NINH_BINH = '37@2025-07-01';
export const FORMER_HAI_PHONG = '31@2008-08-01';

let serial = 0;

/** A business clock inside the 2025 annual reporting window of the forms below. */
export const IN_WINDOW = new Date('2026-01-20T03:00:00Z');

export interface FormOptions {
  indicators?: string[];
  units?: string[];
  periodType?: 'year' | 'half' | 'quarter' | 'month';
  periodForm?: 'statistical' | 'administrative';
  firstPeriod?: string;
  opensAfterDays?: number;
  deadlineAfterDays?: number;
  locksAfterDays?: number;
}

/** Indicators whose rules, totals, ratios and evidence the tests exercise. */
export const TEST_INDICATORS = [
  'TASK_IMPLEMENTED',
  'TASK_STARTED',
  'TASK_ACCEPTED',
  'SPEND_TOTAL',
  'FUND_DISBURSED',
  'TFP_INCREASE',
  'GRDP_INCREASE',
  'TFP_SHARE_GRDP_GROWTH',
  'RAD_RESPONSE_PLAN',
];

/**
 * Creates an annual form through the API as the Ministry coordinator: opens 15 days before the
 * year ends, due 45 days after, locked 90 days after (the 2025 period is open on IN_WINDOW).
 */
export async function createForm(ministry: Client, o: FormOptions = {}) {
  serial += 1;
  const body = {
    code: `BM-THU-${serial}`,
    nameVi: `Biểu thử ${serial}`,
    nameEn: `Test form ${serial}`,
    periodType: o.periodType ?? 'year',
    periodForm: o.periodForm ?? 'statistical',
    opensAfterDays: o.opensAfterDays ?? -15,
    deadlineAfterDays: o.deadlineAfterDays ?? 45,
    locksAfterDays: o.locksAfterDays ?? 90,
    firstPeriod: o.firstPeriod ?? '2019',
    indicators: o.indicators ?? TEST_INDICATORS,
    units: o.units ?? [HAI_PHONG, NINH_BINH, FORMER_HAI_PHONG],
  };
  const res = await ministry.post('/api/v1/statistics/forms', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, ...body };
}

export type Cell = {
  indicatorCode: string;
  optionCode?: string;
  value?: string | number | boolean | null;
  comment?: string | null;
};

export function keys(formId: string, unitId = HAI_PHONG, periodCode = '2025') {
  return { formId, unitId, periodCode };
}

export function reportUrl(k: ReturnType<typeof keys>) {
  return `/api/v1/statistics/reports?formId=${k.formId}&unitId=${encodeURIComponent(k.unitId)}&periodCode=${k.periodCode}`;
}

/**
 * Saves cells and expects success; returns the report view read after the save, and checks that
 * the state the save answered, laid over the view read before, equals it (as the page does).
 */
export async function saveCells(client: Client, k: ReturnType<typeof keys>, values: Cell[]) {
  const before = await client.get(reportUrl(k));
  expect(before.status, JSON.stringify(before.body)).toBe(200);
  const res = await client.put('/api/v1/statistics/reports/values', { ...k, values });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const after = await client.get(reportUrl(k));
  expect(withSavedState(before.body, res.body.state)).toEqual(after.body);
  return after.body;
}

/** A report that passes every rule of TEST_INDICATORS. */
export const CLEAN_CELLS: Cell[] = [
  { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'TINH', value: '40' },
  { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'CO_SO', value: '28' },
  { indicatorCode: 'TASK_STARTED', optionCode: 'TINH', value: '12' },
  { indicatorCode: 'TFP_INCREASE', value: '4,1' },
  { indicatorCode: 'GRDP_INCREASE', value: '10,0' },
];
