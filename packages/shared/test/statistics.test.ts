import { describe, expect, it } from 'vitest';
import { withSavedState } from '../src/statistics.js';

const view = {
  id: null as string | null,
  status: 'not_started',
  form: { code: 'BM' },
  indicators: [
    {
      code: 'TASKS',
      derived: 10 as number | null,
      cells: [
        { optionCode: 'TINH', value: { num: 4 } as { num: number } | null },
        { optionCode: 'CO_SO', value: { num: 6 } as { num: number } | null },
      ],
    },
    { code: 'SHARE', derived: 3 as number | null, cells: [{ optionCode: '', value: null }] },
    { code: 'PLAIN', derived: null as number | null, cells: [{ optionCode: '', value: null }] },
  ],
};

describe('a save laid over the report shown', () => {
  it('replaces the written cells, every derived figure it names and the status, and keeps the rest', () => {
    const after = withSavedState(view, {
      id: 'r1',
      status: 'draft',
      cells: [
        { indicatorCode: 'TASKS', optionCode: 'CO_SO', value: { num: 7 } },
        { indicatorCode: 'PLAIN', optionCode: '', value: { num: 1 } },
      ],
      derived: [
        { indicatorCode: 'TASKS', value: 11 },
        { indicatorCode: 'SHARE', value: null },
      ],
    });
    expect(after).toEqual({
      id: 'r1',
      status: 'draft',
      form: { code: 'BM' },
      indicators: [
        {
          code: 'TASKS',
          derived: 11,
          cells: [
            { optionCode: 'TINH', value: { num: 4 } },
            { optionCode: 'CO_SO', value: { num: 7 } },
          ],
        },
        { code: 'SHARE', derived: null, cells: [{ optionCode: '', value: null }] },
        { code: 'PLAIN', derived: null, cells: [{ optionCode: '', value: { num: 1 } }] },
      ],
    });
    // The view shown is not changed in place (React Query's data stays immutable).
    expect(view.indicators[0]!.cells[1]!.value).toEqual({ num: 6 });
  });
});
