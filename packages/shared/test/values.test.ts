import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../src/values.js';

const value = (
  raw: Parameters<typeof parseCellValue>[0],
  type: Parameters<typeof parseCellValue>[1],
) => {
  const r = parseCellValue(raw, type);
  return r.ok ? r.value : r.code;
};

describe('reading a typed value', () => {
  it('reads Vietnamese and English numbers where the reading is unambiguous', () => {
    expect(value('1.234,5', 'decimal')).toBe(1234.5);
    expect(value('1,234.5', 'decimal')).toBe(1234.5);
    expect(value('1.234.567', 'integer')).toBe(1234567);
    expect(value('1,234,567', 'integer')).toBe(1234567);
    expect(value('12 500', 'integer')).toBe(12500);
    expect(value('12\u00a0500,75', 'decimal')).toBe(12500.75);
    expect(value('40,43', 'decimal')).toBe(40.43);
    expect(value('40.43', 'decimal')).toBe(40.43);
    expect(value('0,5', 'decimal')).toBe(0.5);
    expect(value('-3,5', 'decimal')).toBe(-3.5);
    expect(value('6000', 'integer')).toBe(6000);
  });

  it('lets the type settle one separator followed by three digits, and refuses to guess otherwise', () => {
    expect(value('1.234', 'integer')).toBe(1234);
    expect(value('13,000', 'integer')).toBe(13000);
    expect(value('1.234', 'decimal')).toBe('AMBIGUOUS_SEPARATOR');
    expect(value('1,234', 'percentage')).toBe('AMBIGUOUS_SEPARATOR');
    const r = parseCellValue('1.234', 'decimal');
    expect(!r.ok && r.message).toMatch(/1234 hoặc 1,234: ghi 1234 .* hoặc 1,2340 /);
    const thousand = parseCellValue('1.000', 'decimal');
    expect(!thousand.ok && thousand.message).toMatch(/ghi 1000 .* hoặc 1,0 nếu/);
  });

  it('reads percentages with or without the sign, and refuses the sign elsewhere', () => {
    expect(value('40,43%', 'percentage')).toBe(40.43);
    expect(value('41 %', 'percentage')).toBe(41);
    expect(value('41', 'percentage')).toBe(41);
    expect(value('41%', 'integer')).toBe('PERCENT_NOT_ALLOWED');
  });

  it('keeps a blank cell blank and a zero a zero', () => {
    expect(value('', 'integer')).toBeNull();
    expect(value('   ', 'decimal')).toBeNull();
    expect(value(null, 'integer')).toBeNull();
    expect(value('0', 'integer')).toBe(0);
    expect(value(0, 'integer')).toBe(0);
  });

  it('takes numeric cells as they are and checks integers', () => {
    expect(value(1234.5, 'decimal')).toBe(1234.5);
    expect(value(12.5, 'integer')).toBe('NOT_AN_INTEGER');
    expect(value('12,5', 'integer')).toBe('NOT_AN_INTEGER');
    expect(value(Number.NaN, 'decimal')).toBe('NOT_A_NUMBER');
  });

  it('refuses what is not a number, with a Vietnamese message', () => {
    for (const bad of [
      'abc',
      '1.2.3,4,5',
      '12,34,5',
      '1..2',
      ',5',
      '5,',
      '1e5',
      '--1',
      '1.234,5.6',
      '1.23.456',
    ])
      expect(value(bad, 'decimal'), bad).toBe('NOT_A_NUMBER');
    const r = parseCellValue('khoảng 100', 'integer');
    expect(!r.ok && r.message).toBe('"khoảng 100" không phải là một số.');
  });

  it('reads yes/no as officials write it', () => {
    for (const yes of ['Có', 'có', 'x', 'X', 'Yes', 'đúng', '1', true])
      expect(value(yes, 'boolean')).toBe(true);
    for (const no of ['Không', 'khong', 'No', 'sai', '0', false])
      expect(value(no, 'boolean')).toBe(false);
    expect(value('', 'boolean')).toBeNull();
    expect(value('có lẽ', 'boolean')).toBe('NOT_YES_NO');
  });

  it('keeps text as typed, trimmed', () => {
    expect(value('  Quyết định 123/QĐ-UBND ', 'text')).toBe('Quyết định 123/QĐ-UBND');
    expect(value(' ', 'text')).toBeNull();
  });
});
