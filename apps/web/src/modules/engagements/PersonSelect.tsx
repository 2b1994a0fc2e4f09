import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../api/types';
import { SearchSelect, useChosenRecord, useSearchText } from '../../components/SearchSelect';
import { usePeople } from '../people/api';

type Props = Omit<SelectProps<string>, 'options' | 'mode' | 'showSearch'>;

const label = (p: { fullName: string; positions: Array<{ title: string }> }) =>
  p.positions[0] ? `${p.fullName} · ${p.positions[0].title}` : p.fullName;

/** Picks a person by searching the directory on the server (name, with or without tone marks). */
export function PersonSelect({ value, ...rest }: Props) {
  const { t } = useTranslation();
  const [q, setSearch] = useSearchText();
  const list = usePeople({ q, pageSize: 30 });
  const items = list.data?.items ?? [];
  const chosen = useChosenRecord<PersonDetail>(
    value,
    items,
    ['people', 'detail', value, null],
    `/people/${value}`,
  );
  return (
    <SearchSelect
      value={value}
      onSearch={setSearch}
      loading={list.isFetching}
      options={items.map((p) => ({ value: p.id, label: label(p) }))}
      selected={chosen && { value: chosen.id, label: label(chosen) }}
      placeholder={t('engagements.personPlaceholder')}
      popupMatchSelectWidth={false}
      {...rest}
    />
  );
}
