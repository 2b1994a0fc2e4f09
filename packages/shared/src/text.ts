const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const viCollatorStrict = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/**
 * Compares two strings in Vietnamese alphabetical order (a ă â b c d đ e ê … ư v x y):
 * base letters first, then tone marks as a tie-break so that the order is total.
 */
export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b) || viCollatorStrict.compare(a, b);
}

/** Sorts a copy of `items` by the Vietnamese order of `key(item)`. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVi(key(x), key(y)));
}

/**
 * Compares Vietnamese personal names as Vietnamese lists order them: by given name (the last
 * word), then family name, then middle names — "Nguyễn Văn An" comes before "Bùi Thế Duy".
 */
export function comparePersonNamesVi(a: string, b: string): number {
  const key = (name: string) => {
    const words = name.trim().split(/\s+/);
    const given = words.pop() ?? '';
    return [given, ...words].join(' ');
  };
  return compareVi(key(a), key(b)) || compareVi(a, b);
}

/**
 * Folds Vietnamese text for tone- and case-insensitive matching: NFC-normalises, removes
 * diacritics (including đ/Đ → d) and lower-cases. Mirrors the database's `vn_fold` function.
 */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Normalises user-entered text: Unicode NFC, trimmed, inner runs of whitespace collapsed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
