import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { PersonDetail } from '../../api/types';
import { useDebounced } from '../../lib/useDebounced';
import { usePeople } from '../people/api';

type Props = Omit<SelectProps<string>, 'options' | 'mode' | 'showSearch'>;

/** Picks a person by searching the directory on the server (name, with or without tone marks). */
export function PersonSelect({ value, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = usePeople({ q: q || undefined, pageSize: 30 });
  const items = list.data?.items ?? [];
  const missing = !!value && !items.some((p) => p.id === value);
  const selected = useQuery({
    queryKey: ['people', 'detail', value, null],
    queryFn: ({ signal }) => api<PersonDetail>(`/people/${value}`, { signal }),
    enabled: missing,
    staleTime: 5 * 60_000,
  });
  const label = (p: { fullName: string; positions: Array<{ title: string }> }) =>
    p.positions[0] ? `${p.fullName} · ${p.positions[0].title}` : p.fullName;
  const options = [
    ...(missing && selected.data ? [{ value: selected.data.id, label: label(selected.data) }] : []),
    ...items.map((p) => ({ value: p.id, label: label(p) })),
  ];
  return (
    <Select<string>
      allowClear
      value={value}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      options={options}
      placeholder={t('engagements.personPlaceholder')}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.noMatch')}
      onClear={() => setSearch('')}
      popupMatchSelectWidth={false}
      {...rest}
    />
  );
}
