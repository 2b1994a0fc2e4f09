import { ClockCircleOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  COMPLETION_LABELS,
  RECURRENCE_LABELS,
  TIMELINESS_LABELS,
  type TimelinessFacet,
} from '@caunoi/shared';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import type { Facets, TaskSummary } from './types';

export const TIMELINESS_COLORS: Record<TimelinessFacet, string> = {
  within_deadline: 'blue',
  overdue: 'red',
  on_time: 'green',
  late: 'volcano',
};

/** Completion, timeliness (with the days late) and "due soon", as Vietnamese reports name them. */
export function FacetTags({ facets }: { facets: Facets }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const done = facets.completion === 'done';
  return (
    <Flex gap={4} wrap>
      <Tag color={done ? 'green' : 'default'}>{COMPLETION_LABELS[facets.completion][locale]}</Tag>
      <Tag color={TIMELINESS_COLORS[facets.timeliness]}>
        {TIMELINESS_LABELS[facets.timeliness][locale]}
        {facets.daysLate > 0 && ` · ${t('tasks.daysLate', { n: facets.daysLate })}`}
      </Tag>
      {facets.dueSoon && (
        <Tag color="orange" icon={<ClockCircleOutlined />}>
          {t('tasks.dueSoon')}
        </Tag>
      )}
    </Flex>
  );
}

/** The deadline in force, the first one struck through when an extension moved it; or the cycle. */
export function DeadlineText({ task }: { task: TaskSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (task.recurrence) {
    return (
      <Flex vertical>
        <span>{RECURRENCE_LABELS[task.recurrence][locale]}</span>
        {task.dueOn && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {task.timeliness === 'overdue'
              ? t('tasks.cycleOverdue', { date: formatDate(task.dueOn) })
              : t('tasks.nextDue', { date: formatDate(task.dueOn) })}
          </Typography.Text>
        )}
      </Flex>
    );
  }
  const extended = task.originalDeadline !== null && task.originalDeadline !== task.deadline;
  return (
    <Flex vertical>
      <Typography.Text strong={task.completion === 'open'}>
        {formatDate(task.deadline)}
      </Typography.Text>
      {extended && (
        <Typography.Text
          delete
          type="secondary"
          style={{ fontSize: 12 }}
          title={t('tasks.originalDeadline')}
        >
          {formatDate(task.originalDeadline)}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The lead organisation with its province (today's, for a former one). */
export function OrganisationWithUnit({ org }: { org: TaskSummary['leadOrganisation'] }) {
  const { t } = useTranslation();
  const unit = org.unit;
  return (
    <Flex vertical>
      <span>{org.nameVi}</span>
      {unit && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unit.validToday || unit.successors.length === 0
            ? unit.nameVi
            : t('tasks.formerUnit', {
                name: unit.nameVi,
                now: unit.successors.map((s) => s.nameVi).join(', '),
              })}
        </Typography.Text>
      )}
    </Flex>
  );
}
