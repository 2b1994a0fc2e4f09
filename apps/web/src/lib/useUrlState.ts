import { useCallback, useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

type Values = Record<string, string | number | null | undefined>;

/**
 * Filters and paging kept in the address bar, so that a view can be bookmarked, shared and
 * restored with the browser's back button.
 *
 * Updates build on the latest update, not on the address the page was rendered with: a default
 * filled in by an effect while the user's own choice is still being applied (data arriving in
 * between) adds to that choice instead of bringing the old address back.
 */
export function useUrlState<K extends string>(
  keys: readonly K[],
): [Record<K, string | undefined>, (patch: Partial<Record<K, Values[string]>>) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const latest = useRef(search);
  // Once the router shows an address, updates start from it.
  useLayoutEffect(() => {
    latest.current = search;
  }, [search]);
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) || undefined])) as Record<
    K,
    string | undefined
  >;
  const update = useCallback(
    (patch: Partial<Record<K, Values[string]>>) => {
      const next = new URLSearchParams(latest.current);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      latest.current = next.toString();
      setParams(next, { replace: true });
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
