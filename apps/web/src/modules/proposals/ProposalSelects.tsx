import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { foldVi } from '@caunoi/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { SearchSelect, useSearchText } from '../../components/SearchSelect';
import { formatDate } from '../../lib/format';
import { useOrganisations } from '../organisations/api';
import type { EngagementSummary } from './types';

const searchLabels: SelectProps['showSearch'] = {
  filterOption: (input, option) =>
    foldVi(String(option?.label ?? '')).includes(foldVi(input.trim())),
};

/** Picks the Ministry's units (vụ, cục, viện…), one or several. */
export function MinistryUnitSelect(props: Omit<SelectProps<string | string[]>, 'options'>) {
  const list = useOrganisations({ kind: 'ministry_unit', pageSize: 500 });
  return (
    <Select<string | string[]>
      allowClear
      showSearch={searchLabels}
      loading={list.isPending}
      options={list.data?.items.map((o) => ({ value: o.id, label: o.nameVi }))}
      {...props}
    />
  );
}

/** Picks the Ministry or one of its units (the body that answers a proposal). */
export function MinistrySelect(props: Omit<SelectProps<string>, 'options'>) {
  const ministry = useOrganisations({ kind: 'ministry', pageSize: 50 });
  const units = useOrganisations({ kind: 'ministry_unit', pageSize: 500 });
  const all = [...(ministry.data?.items ?? []), ...(units.data?.items ?? [])];
  return (
    <Select<string>
      allowClear
      showSearch={searchLabels}
      loading={ministry.isPending || units.isPending}
      options={all.map((o) => ({ value: o.id, label: o.nameVi }))}
      {...props}
    />
  );
}

/** Picks an engagement by searching the server (title, place). */
export function EngagementSelect({
  value,
  selected,
  ...rest
}: Omit<SelectProps<string>, 'options' | 'showSearch'> & {
  /** The engagement already chosen, shown by name before any search. */
  selected?: EngagementSummary | null;
}) {
  const [q, setSearch] = useSearchText();
  const list = useQuery({
    queryKey: ['engagements', 'list', { q, pageSize: 30 }],
    queryFn: ({ signal }) =>
      api<Page<EngagementSummary>>('/engagements', { query: { q, pageSize: 30 }, signal }),
  });
  const label = (e: EngagementSummary) => `${e.title} (${formatDate(e.startsOn)})`;
  return (
    <SearchSelect
      value={value}
      onSearch={setSearch}
      loading={list.isFetching}
      options={(list.data?.items ?? []).map((e) => ({ value: e.id, label: label(e) }))}
      selected={selected && { value: selected.id, label: label(selected) }}
      {...rest}
    />
  );
}
