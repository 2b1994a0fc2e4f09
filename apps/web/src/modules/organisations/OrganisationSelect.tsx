import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '@caunoi/shared';
import { api } from '../../api/client';
import type { OrganisationDetail } from '../../api/types';
import { useDebounced } from '../../lib/useDebounced';
import { useOrganisations } from './api';

type Props = Omit<SelectProps<string>, 'options' | 'mode' | 'showSearch'> & {
  kind?: OrganisationKind;
  /** An organisation that may not be offered (e.g. itself, as its own parent). */
  excludeId?: string;
  /** Offer only organisations in existence on this day. */
  asOf?: string;
};

/** Picks an organisation by searching the directory on the server. */
export function OrganisationSelect({ kind, excludeId, asOf, value, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useOrganisations({ q: q || undefined, kind, asOf, pageSize: 30 });
  const items = list.data?.items ?? [];
  const missing = !!value && !items.some((o) => o.id === value);
  const selected = useQuery({
    queryKey: ['organisations', 'detail', value],
    queryFn: ({ signal }) => api<OrganisationDetail>(`/organisations/${value}`, { signal }),
    enabled: missing,
    staleTime: 5 * 60_000,
  });
  const options = [
    ...(missing && selected.data ? [{ value: selected.data.id, label: selected.data.nameVi }] : []),
    ...items
      .filter((o) => o.id !== excludeId)
      .map((o) => ({
        value: o.id,
        label: o.unit ? `${o.nameVi} · ${o.unit.nameVi}` : o.nameVi,
      })),
  ];
  return (
    <Select<string>
      allowClear
      value={value}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      options={options}
      placeholder={t('organisations.selectPlaceholder')}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.noMatch')}
      onClear={() => setSearch('')}
      {...rest}
    />
  );
}
