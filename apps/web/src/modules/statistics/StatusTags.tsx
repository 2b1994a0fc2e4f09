import { Tag } from 'antd';
import {
  REPORT_STATUS_LABELS,
  REPORT_TIMELINESS_LABELS,
  type ReportStatus,
  type ReportTimeliness,
} from '@caunoi/shared';
import { useLocale } from '../../i18n/locale';

export const STATUS_COLORS: Record<ReportStatus, string> = {
  not_started: 'default',
  draft: 'gold',
  submitted: 'blue',
  approved: 'cyan',
  accepted: 'green',
};

export const TIMELINESS_COLORS: Record<ReportTimeliness, string> = {
  on_time: 'green',
  late: 'volcano',
  pending: 'default',
  overdue: 'red',
};

/** Where a report is in the workflow. */
export function StatusTag({ status }: { status: ReportStatus }) {
  const locale = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="report-status">
      {REPORT_STATUS_LABELS[status][locale]}
    </Tag>
  );
}

/** On time, late, not yet due or overdue. */
export function TimelinessTag({ timeliness }: { timeliness: ReportTimeliness }) {
  const locale = useLocale();
  return (
    <Tag color={TIMELINESS_COLORS[timeliness]} data-testid="report-timeliness">
      {REPORT_TIMELINESS_LABELS[timeliness][locale]}
    </Tag>
  );
}
