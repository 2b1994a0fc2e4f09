import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LINEAGE_RELATION_LABELS } from '@caunoi/shared';
import type { UnitRef } from '../../api/types';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';

/**
 * Units a unit was formed from (or merged into): one linked tag each, or a single "unchanged" tag
 * when the unit simply carried on.
 */
export function UnitRefTags({ refs, direction }: { refs: UnitRef[]; direction: 'from' | 'to' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (refs.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  if (refs.length === 1 && refs[0]!.relation === 'unchanged') {
    const r = refs[0]!;
    return (
      <Tooltip title={t('units.unchangedHint', { date: formatDate(r.effectiveDate) })}>
        <Tag color="default">{LINEAGE_RELATION_LABELS.unchanged[locale]}</Tag>
      </Tooltip>
    );
  }
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {refs.map((r) => (
        <Tooltip
          key={r.id}
          title={`${LINEAGE_RELATION_LABELS[r.relation][locale]} · ${t('units.effective', {
            date: formatDate(r.effectiveDate),
          })}`}
        >
          <Link to={`/units/${encodeURIComponent(r.id)}`} onClick={(e) => e.stopPropagation()}>
            <Tag
              color={
                direction === 'to'
                  ? 'blue'
                  : r.relation === 'merged_code_kept'
                    ? 'geekblue'
                    : 'default'
              }
              style={{ cursor: 'pointer', marginInlineEnd: 0 }}
            >
              {direction === 'to' ? '→ ' : ''}
              {r.nameVi} ({r.code})
            </Tag>
          </Link>
        </Tooltip>
      ))}
    </span>
  );
}
