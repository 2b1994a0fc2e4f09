import type { Locale } from '@caunoi/shared';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/** The label of `key` in `locale` from one of the shared bilingual label maps. */
export function labelOf<K extends string>(labels: Labels<K>, key: K, locale: Locale): string {
  return labels[key]?.[locale] ?? key;
}

/** Select options built from a bilingual label map, in the map's order. */
export function optionsOf<K extends string>(
  keys: readonly K[],
  labels: Labels<K>,
  locale: Locale,
): Array<{ value: K; label: string }> {
  return keys.map((value) => ({ value, label: labels[value][locale] }));
}
