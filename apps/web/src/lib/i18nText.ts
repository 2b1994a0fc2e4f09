import type { TFunction } from 'i18next';

/** Translates a key built at run time (e.g. an audit action), falling back to the raw value. */
export function translateOr(t: TFunction, key: string, fallback: string): string {
  const translate = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return translate(key, { defaultValue: fallback });
}
