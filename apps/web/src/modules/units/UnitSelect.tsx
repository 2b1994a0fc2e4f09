import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { BEFORE_REFORM, useUnits } from './api';
import { searchLabels } from '../../lib/selectSearch';

type Props = Omit<SelectProps<string>, 'options' | 'mode'> & {
  /** Also offer the units as they were before the 2025 reorganisation. */
  includeFormer?: boolean;
};

/** Picks a province-level unit: today's units, optionally followed by the former ones. */
export function UnitSelect({ includeFormer = false, value, ...rest }: Props) {
  const { t } = useTranslation();
  const current = useUnits();
  const currentIds = new Set(current.data?.items.map((u) => u.id));
  // A value that is no longer a unit today (e.g. a former province) is still shown by name.
  const valueIsFormer = !!value && !!current.data && !currentIds.has(value);
  const former = useUnits(includeFormer || valueIsFormer ? BEFORE_REFORM : undefined);
  const toOption = (u: { id: string; code: string; nameVi: string }) => ({
    value: u.id,
    label: `${u.nameVi} (${u.code})`,
  });
  const formerOptions =
    former.data?.items
      .filter((u) => !currentIds.has(u.id) && (includeFormer || u.id === value))
      .map((u) => ({ ...toOption(u), label: `${u.nameVi} (${u.code}) · ${t('units.former')}` })) ??
    [];
  const options: SelectProps<string>['options'] =
    includeFormer || formerOptions.length > 0
      ? [
          { label: t('units.currentGroup'), options: current.data?.items.map(toOption) ?? [] },
          {
            label: t('units.formerGroup', { date: formatDate(BEFORE_REFORM) }),
            options: formerOptions,
          },
        ]
      : (current.data?.items.map(toOption) ?? []);
  return (
    <Select<string>
      showSearch={searchLabels}
      allowClear
      loading={current.isPending || (includeFormer && former.isPending)}
      options={options}
      placeholder={t('units.selectPlaceholder')}
      value={value}
      {...rest}
    />
  );
}
