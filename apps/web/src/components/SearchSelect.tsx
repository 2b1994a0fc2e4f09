import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useDebounced } from '../lib/useDebounced';

export interface SearchOption {
  value: string;
  label: string;
}

/** What is typed into a `SearchSelect`, once typing pauses: trimmed, undefined when blank. */
export function useSearchText(): [string | undefined, (text: string) => void] {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  return [q || undefined, setText];
}

/**
 * The chosen record, fetched from `path` (cached under `queryKey`) while the search `results` do
 * not include it, to name it in the select.
 */
export function useChosenRecord<T extends { id: string }>(
  value: string | null | undefined,
  results: readonly { id: string }[],
  queryKey: readonly unknown[],
  path: string,
): T | undefined {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api<T>(path, { signal }),
    enabled: !!value && !results.some((r) => r.id === value),
    staleTime: 5 * 60_000,
  }).data;
}

/**
 * A select whose options come from a search on the server (see `useSearchText`). `selected`,
 * the option of the current value, keeps the chosen record's name in view while the results
 * do not include it.
 */
export function SearchSelect({
  value,
  options,
  selected,
  loading,
  onSearch,
  ...rest
}: Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'> & {
  options: SearchOption[];
  selected?: SearchOption | null;
  loading: boolean;
  onSearch: (text: string) => void;
}) {
  const { t } = useTranslation();
  const keep = selected && selected.value === value && !options.some((o) => o.value === value);
  return (
    <Select<string>
      allowClear
      value={value}
      showSearch={{ filterOption: false, onSearch }}
      loading={loading}
      options={keep ? [selected, ...options] : options}
      notFoundContent={loading ? t('common.loading') : t('common.noMatch')}
      onClear={() => onSearch('')}
      {...rest}
    />
  );
}
