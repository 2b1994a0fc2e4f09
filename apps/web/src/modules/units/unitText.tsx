import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitSnapshot } from '../../api/types';
import { useLocale } from '../../i18n/locale';

export const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The unit's region; an unverified region is marked with a discreet asterisk. */
export function RegionText({ unit }: { unit: UnitSnapshot }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const region = locale === 'vi' ? unit.regionVi : unit.regionEn;
  if (unit.regionVerified) return <>{region}</>;
  return (
    <Tooltip title={t('units.regionUnverifiedHint')}>
      <span>
        {region}
        <Typography.Text type="secondary" aria-label={t('units.regionUnverified')}>
          {' '}
          *
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
