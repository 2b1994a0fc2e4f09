const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A number the Vietnamese way: 1.234,5. */
export function formatAmount(n: number): string {
  return numberFormat.format(n);
}

export function quoteId(id: string): string {
  return `“${id}”`;
}

export function listIds(ids: readonly string[]): string {
  return ids.map(quoteId).join(', ');
}

export function listYears(years: readonly number[]): string {
  return years.join(', ');
}
