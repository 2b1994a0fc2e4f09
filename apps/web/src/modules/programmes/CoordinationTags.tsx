import { Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROGRAMME_STATUS_LABELS, type ProgrammeStatus } from '@caunoi/shared';
import { useLocale } from '../../i18n/locale';
import type { CoordinationUnit, Programme } from './types';

const STATUS_COLORS: Record<ProgrammeStatus, string> = {
  draft: 'default',
  in_force: 'green',
  expired: 'orange',
  superseded: 'purple',
};

export function ProgrammeStatusTag({ status }: { status: ProgrammeStatus }) {
  const locale = useLocale();
  return <Tag color={STATUS_COLORS[status]}>{PROGRAMME_STATUS_LABELS[status][locale]}</Tag>;
}

/** A province as recorded; a former one also names the province that covers it today. */
export function UnitName({ unit }: { unit: CoordinationUnit }) {
  const { t } = useTranslation();
  const link = <Link to={`/units/${encodeURIComponent(unit.id)}`}>{unit.nameVi}</Link>;
  // A province that carried on under its own name needs no "now part of".
  const renamed = unit.successors.filter((s) => s.nameVi !== unit.nameVi);
  if (unit.validToday || renamed.length === 0) return link;
  return (
    <Tooltip title={t('programmes.formerUnitHint')}>
      <span>
        {link}{' '}
        <Typography.Text type="secondary">
          ({t('programmes.nowPart', { names: renamed.map((s) => s.nameVi).join(', ') })})
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

/** The provinces of a record, or "nationwide" when there are none. */
export function UnitList({ units, none }: { units: CoordinationUnit[]; none: string }) {
  if (units.length === 0) return <Tag>{none}</Tag>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '2px 12px' }}>
      {units.map((u) => (
        <UnitName key={u.id} unit={u} />
      ))}
    </span>
  );
}

/** "2022–2025", with the horizon year when there is one. */
export function usePeriodText() {
  const { t } = useTranslation();
  return (p: Pick<Programme, 'periodStartYear' | 'periodEndYear' | 'horizonYear'>) =>
    `${p.periodStartYear}–${p.periodEndYear}${
      p.horizonYear ? ` · ${t('programmes.horizonShort', { year: p.horizonYear })}` : ''
    }`;
}

export function ProgressCell({ p }: { p: Pick<Programme, 'progress' | 'taskCount'> }) {
  const { t } = useTranslation();
  if (p.progress === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={t('programmes.taskCount', { n: p.taskCount })}>
      <Progress percent={p.progress} size="small" style={{ minWidth: 100 }} />
    </Tooltip>
  );
}
