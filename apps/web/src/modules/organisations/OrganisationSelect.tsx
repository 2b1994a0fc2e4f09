import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '@caunoi/shared';
import type { OrganisationDetail } from '../../api/types';
import { SearchSelect, useChosenRecord, useSearchText } from '../../components/SearchSelect';
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
  const [q, setSearch] = useSearchText();
  const list = useOrganisations({ q, kind, asOf, pageSize: 30 });
  const items = list.data?.items ?? [];
  const chosen = useChosenRecord<OrganisationDetail>(
    value,
    items,
    ['organisations', 'detail', value],
    `/organisations/${value}`,
  );
  return (
    <SearchSelect
      value={value}
      onSearch={setSearch}
      loading={list.isFetching}
      options={items
        .filter((o) => o.id !== excludeId)
        .map((o) => ({ value: o.id, label: o.unit ? `${o.nameVi} · ${o.unit.nameVi}` : o.nameVi }))}
      selected={chosen && { value: chosen.id, label: chosen.nameVi }}
      placeholder={t('organisations.selectPlaceholder')}
      {...rest}
    />
  );
}
