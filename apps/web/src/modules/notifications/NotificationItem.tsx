import { Badge, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotificationKind } from '@caunoi/shared';
import { formatDateTime } from '../../lib/format';
import type { AppNotification } from './types';

const KIND_COLORS: Record<NotificationKind, string> = {
  task_assigned: 'blue',
  task_due_soon: 'orange',
  task_overdue: 'red',
  extension_requested: 'purple',
  extension_decided: 'purple',
  explanation_requested: 'magenta',
  explanation_answered: 'cyan',
  progress_reported: 'green',
  proposal_answered: 'geekblue',
  report_submitted: 'blue',
  report_approved: 'green',
  report_accepted: 'green',
  report_returned: 'volcano',
  report_reopened: 'gold',
  report_reminder: 'orange',
};

/** One notification: its kind, headline (bold while unread), detail and time. */
export function NotificationItem({
  n,
  compact = false,
}: {
  n: AppNotification;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Flex gap={8} align="center" wrap>
        {unread && <Badge status="processing" aria-label={t('notifications.unread')} />}
        <Tag color={KIND_COLORS[n.kind]} style={{ marginInlineEnd: 0 }}>
          {t(`notifications.kinds.${n.kind}`)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(n.createdAt)}
        </Typography.Text>
      </Flex>
      <Typography.Text strong={unread}>{n.title}</Typography.Text>
      {n.body && (
        <Typography.Paragraph
          type="secondary"
          style={{ marginBottom: 0, fontSize: compact ? 12 : 14 }}
          ellipsis={compact ? { rows: 2 } : false}
        >
          {n.body}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
