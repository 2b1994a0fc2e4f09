import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

type Values = Record<string, string | number | null | undefined>;

/**
 * Filters and paging kept in the address bar, so that a view can be bookmarked, shared and
 * restored with the browser's back button.
 */
export function useUrlState<K extends string>(
  keys: readonly K[],
): [Record<K, string | undefined>, (patch: Partial<Record<K, Values[string]>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) || undefined])) as Record<
    K,
    string | undefined
  >;
  const update = useCallback(
    (patch: Partial<Record<K, Values[string]>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update];
}

/** Parses a page number from the address bar. */
export function pageParam(value: string | undefined, fallback = 1): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
