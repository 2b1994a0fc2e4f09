import { describe, expect, it } from 'vitest';
import { cleanText, comparePersonNamesVi, compareVi, foldVi, sortVi } from '../src/index.js';

describe('Vietnamese text', () => {
  it('sorts in the Vietnamese alphabet: a ă â, d đ, e ê, o ô ơ, u ư; tone marks break ties only', () => {
    const shuffled = ['Ưng', 'Ân', 'Đào', 'Ăn', 'Dương', 'Ơn', 'An', 'Ôn', 'Ong', 'Uy', 'Êm', 'Em'];
    expect(sortVi(shuffled, (s) => s)).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Dương',
      'Đào',
      'Em',
      'Êm',
      'Ong',
      'Ôn',
      'Ơn',
      'Uy',
      'Ưng',
    ]);
    expect(compareVi('Túc', 'Tùng')).toBeLessThan(0);
    expect(compareVi('Hòa Bình', 'Hòa Bình'.normalize('NFD'))).toBe(0);
  });

  it('orders personal names by given name, then family name', () => {
    const names = [
      'Nguyễn Văn Tùng',
      'Bùi Thế Duy',
      'Lâm Hải Giang',
      'Nguyễn Hoàng Giang',
      'Trần Lê Đoài',
    ];
    expect([...names].sort(comparePersonNamesVi)).toEqual([
      'Bùi Thế Duy',
      'Trần Lê Đoài',
      'Lâm Hải Giang',
      'Nguyễn Hoàng Giang',
      'Nguyễn Văn Tùng',
    ]);
  });

  it('folds tone marks, đ and case for searching, whatever the Unicode form', () => {
    expect(foldVi('Đà Nẵng')).toBe('da nang');
    expect(foldVi('THỪA THIÊN HUẾ'.normalize('NFD'))).toBe('thua thien hue');
    // Tone-mark placement varies between sources: Hòa and Hoà are the same name.
    expect(foldVi('Khánh Hòa')).toBe(foldVi('Khánh Hoà'));
  });

  it('cleans typed text to NFC with single spaces', () => {
    expect(cleanText('  Sở   Khoa học\tvà Công nghệ '.normalize('NFD'))).toBe(
      'Sở Khoa học và Công nghệ',
    );
  });
});
