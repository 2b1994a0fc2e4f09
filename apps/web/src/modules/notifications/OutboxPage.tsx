import { PlayCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Segmented,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/forms';
import { pagingFrom } from '../../lib/table';
import { useUrlState } from '../../lib/useUrlState';
import { useJobs, useOutbox, useRunDailyReminders } from './api';
import type { JobRun, OutboxItem, OutboxStatus } from './types';

const KEYS = ['status', 'page', 'pageSize'] as const;
const STATUS_COLORS: Record<OutboxStatus, string> = {
  pending: 'gold',
  sent: 'green',
  failed: 'red',
};
const RESULT_KEYS = ['dueSoon', 'overdue', 'extensionsWaiting', 'notifications'] as const;

function JobsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const jobs = useJobs();
  const run = useRunDailyReminders();
  const columns: TableProps<JobRun>['columns'] = [
    {
      title: t('notifications.outbox.jobs.runKey'),
      dataIndex: 'runKey',
      width: 200,
      render: (key: string) => {
        // `2026-11-22`, or `2026-11-22+manual@…` / `2026-11-22+failed@…` for the day's other runs.
        const kind = /\+(manual|failed)@/.exec(key)?.[1] as 'manual' | 'failed' | undefined;
        return (
          <Flex gap={6} align="center">
            {formatDate(key.slice(0, 10))}
            {kind && (
              <Tag color={kind === 'failed' ? 'red' : 'blue'}>
                {t(`notifications.outbox.jobs.${kind}`)}
              </Tag>
            )}
          </Flex>
        );
      },
    },
    {
      title: t('notifications.outbox.jobs.startedAt'),
      dataIndex: 'startedAt',
      width: 170,
      render: formatDateTime,
    },
    {
      title: t('notifications.outbox.jobs.finishedAt'),
      dataIndex: 'finishedAt',
      width: 170,
      render: formatDateTime,
    },
    {
      title: t('notifications.outbox.jobs.result'),
      key: 'result',
      render: (_, r) =>
        r.error ? (
          <Typography.Text type="danger">{r.error}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {RESULT_KEYS.map((k) => (
              <Tag key={k}>
                {t(`notifications.outbox.jobs.${k}`)}: {formatNumber(Number(r.result?.[k] ?? 0))}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('notifications.outbox.jobs.instance'),
      dataIndex: 'instance',
      width: 200,
      ellipsis: true,
    },
  ];
  return (
    <Card
      title={t('notifications.outbox.jobs.title')}
      extra={
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          loading={run.isPending}
          onClick={() =>
            run.mutate(undefined, {
              onSuccess: (res) =>
                message.success(
                  t('notifications.outbox.jobs.ran', {
                    n: Number(res.run?.result?.notifications ?? 0),
                  }),
                ),
              onError: (e) => onError(e),
            })
          }
        >
          {t('notifications.outbox.jobs.runNow')}
        </Button>
      }
    >
      {jobs.isError ? (
        <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'at',
                label: t('notifications.outbox.jobs.dailyAt'),
                children: t('notifications.outbox.jobs.dailyAtValue', {
                  time: jobs.data?.dailyAt ?? '—',
                }),
              },
              {
                key: 'today',
                label: t('notifications.outbox.jobs.today'),
                children: formatDate(jobs.data?.today),
              },
              {
                key: 'ran',
                label: t('notifications.outbox.jobs.ranToday'),
                children: jobs.data ? (
                  <Tag color={jobs.data.ranToday ? 'green' : 'default'}>
                    {jobs.data.ranToday
                      ? t('notifications.outbox.jobs.yes')
                      : t('notifications.outbox.jobs.no')}
                  </Tag>
                ) : (
                  '—'
                ),
              },
            ]}
          />
          <Typography.Text type="secondary">
            {t('notifications.outbox.jobs.explain')}
          </Typography.Text>
          <Table<JobRun>
            rowKey={(r) => `${r.job}:${r.runKey}`}
            size="small"
            columns={columns}
            dataSource={jobs.data?.items}
            loading={jobs.isFetching}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('notifications.outbox.jobs.empty') }}
          />
        </Flex>
      )}
    </Card>
  );
}

export default function OutboxPage() {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlState(KEYS);
  const paging = pagingFrom(url);
  const status = url.status as OutboxStatus | undefined;
  const query = useOutbox({ status, ...paging });
  const counts = query.data?.counts;
  const columns: TableProps<OutboxItem>['columns'] = [
    {
      title: t('notifications.outbox.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: formatDateTime,
    },
    { title: t('notifications.outbox.to'), dataIndex: 'toAddress', width: 240, ellipsis: true },
    {
      title: t('notifications.outbox.subject'),
      dataIndex: 'subject',
      ellipsis: { showTitle: true },
    },
    {
      title: t('notifications.outbox.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: OutboxStatus) => (
        <Tag color={STATUS_COLORS[s]}>{t(`notifications.outbox.statuses.${s}`)}</Tag>
      ),
    },
    { title: t('notifications.outbox.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    {
      title: t('notifications.outbox.sentAt'),
      dataIndex: 'sentAt',
      width: 170,
      render: formatDateTime,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('notifications.outbox.title')}
        description={t('notifications.outbox.description')}
      />
      <Flex vertical gap={16}>
        <JobsCard />
        <Card title={t('notifications.outbox.mails')}>
          {query.data && !query.data.smtpConfigured && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('notifications.outbox.noSmtp')}
              description={t('notifications.outbox.noSmtpHint')}
            />
          )}
          <Flex style={{ marginBottom: 12 }}>
            <Segmented<OutboxStatus | 'all'>
              value={status ?? 'all'}
              options={[
                { value: 'all', label: t('notifications.outbox.all') },
                ...(['pending', 'sent', 'failed'] as const).map((s) => ({
                  value: s,
                  label: `${t(`notifications.outbox.statuses.${s}`)} (${formatNumber(counts?.[s] ?? 0)})`,
                })),
              ]}
              onChange={(v) => setUrl({ status: v === 'all' ? null : v, page: null })}
            />
          </Flex>
          <PagedTable<OutboxItem>
            query={query}
            columns={columns}
            scrollX={1000}
            paging={paging}
            onPage={(page, pageSize) => setUrl({ page, pageSize })}
            emptyText={t('notifications.outbox.empty')}
            expandable={{
              expandedRowRender: (m) => (
                <Flex vertical gap={8}>
                  {m.lastError && (
                    <Typography.Text type="danger">
                      {t('notifications.outbox.lastError')}: {m.lastError}
                    </Typography.Text>
                  )}
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {m.body}
                  </Typography.Paragraph>
                </Flex>
              ),
            }}
          />
        </Card>
      </Flex>
    </>
  );
}
