import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { BEFORE_REFORM, useUnits } from '../units/api';
import { searchLabels } from '../../lib/selectSearch';

type Props = Omit<SelectProps<string[]>, 'options' | 'mode'>;

/**
 * Several provinces: today's and those before the 2025 reorganisation (an engagement is recorded
 * with the provinces of its day).
 */
export function ProvincesSelect(props: Props) {
  const { t } = useTranslation();
  const current = useUnits();
  const former = useUnits(BEFORE_REFORM);
  const currentIds = new Set(current.data?.items.map((u) => u.id));
  const option = (u: { id: string; code: string; nameVi: string }) => ({
    value: u.id,
    label: `${u.nameVi} (${u.code})`,
  });
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      loading={current.isPending || former.isPending}
      showSearch={searchLabels}
      options={[
        { label: t('units.currentGroup'), options: current.data?.items.map(option) ?? [] },
        {
          label: t('units.formerGroup', { date: formatDate(BEFORE_REFORM) }),
          options: former.data?.items.filter((u) => !currentIds.has(u.id)).map(option) ?? [],
        },
      ]}
      {...props}
    />
  );
}
