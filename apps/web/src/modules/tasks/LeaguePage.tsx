import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Progress,
  Segmented,
  Select,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  TASK_SOURCE_KINDS,
  TASK_SOURCE_LABELS,
  todayInVietnam,
  type TaskSourceKind,
} from '@caunoi/shared';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDate, formatNumber } from '../../lib/format';
import { optionsOf } from '../../lib/labels';
import { useUrlState } from '../../lib/useUrlState';
import { leagueWorkbookUrl, useLeague } from './api';
import type { LeagueCounts, LeagueFilters, LeagueGroup, LeagueRow } from './types';

const KEYS = ['groupBy', 'from', 'to', 'sourceKind'] as const;

/** 0.8333 → "83,3%"; none → an em dash. */
const percent = (rate: number | null) =>
  rate === null ? '—' : `${formatNumber(Math.round(rate * 1000) / 10)}%`;

const COUNT_KEYS = [
  'doneOnTime',
  'doneLate',
  'openWithinDeadline',
  'openOverdue',
  'dueSoon',
  'total',
] as const;

export default function LeaguePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [url, setUrl] = useUrlState(KEYS);
  const year = todayInVietnam().slice(0, 4);
  const filters: LeagueFilters = {
    groupBy: (url.groupBy as LeagueGroup | undefined) ?? 'province',
    from: url.from ?? `${year}-01-01`,
    to: url.to ?? `${year}-12-31`,
    sourceKind: url.sourceKind as TaskSourceKind | undefined,
  };
  const query = useLeague(filters);
  const byOrganisation = filters.groupBy === 'organisation';
  const years = Array.from({ length: 5 }, (_, i) => String(Number(year) - i));
  const selectedYear =
    filters.from?.endsWith('-01-01') &&
    filters.to === `${filters.from.slice(0, 4)}-12-31` &&
    filters.from.slice(0, 4);

  const countColumn = (key: (typeof COUNT_KEYS)[number]) => ({
    title: t(`tasks.league.${key}`),
    dataIndex: key,
    width: 116,
    align: 'right' as const,
    render: (n: number) => formatNumber(n),
  });
  const columns: TableProps<LeagueRow>['columns'] = [
    { title: t('tasks.league.rank'), dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: byOrganisation ? t('tasks.fields.lead') : t('tasks.league.province'),
      key: 'name',
      render: (_, r) => {
        const to = r.organisationId
          ? `/tasks?leadOrganisationId=${r.organisationId}`
          : `/tasks?leadUnitId=${encodeURIComponent(r.unit?.id ?? '')}`;
        return (
          <Flex vertical>
            <Link to={to}>{r.name}</Link>
            {byOrganisation && r.unit && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.unit.nameVi}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    ...COUNT_KEYS.map(countColumn),
    {
      title: t('tasks.league.onTimeRate'),
      dataIndex: 'onTimeRate',
      width: 190,
      render: (rate: number | null) =>
        rate === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Progress
            percent={Math.round(rate * 1000) / 10}
            size="small"
            format={() => percent(rate)}
            strokeColor={rate >= 0.8 ? '#389e0d' : rate >= 0.5 ? '#d48806' : '#cf1322'}
          />
        ),
    },
  ];

  const summary = (totals: LeagueCounts) => (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={2}>
        <Typography.Text strong>{t('tasks.league.totals')}</Typography.Text>
      </Table.Summary.Cell>
      {COUNT_KEYS.map((k, i) => (
        <Table.Summary.Cell key={k} index={i + 2} align="right">
          <Typography.Text strong>{formatNumber(totals[k])}</Typography.Text>
        </Table.Summary.Cell>
      ))}
      <Table.Summary.Cell index={COUNT_KEYS.length + 2}>
        <Typography.Text strong>{percent(totals.onTimeRate)}</Typography.Text>
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );

  return (
    <>
      <PageHeader
        title={t('tasks.league.title')}
        description={t('tasks.league.description')}
        extra={
          <Button icon={<DownloadOutlined />} href={leagueWorkbookUrl(filters)}>
            {t('tasks.league.export')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<LeagueGroup>
            value={filters.groupBy}
            options={[
              { value: 'province', label: t('tasks.league.byProvince') },
              { value: 'organisation', label: t('tasks.league.byOrganisation') },
            ]}
            onChange={(v) => setUrl({ groupBy: v === 'province' ? null : v })}
          />
          <Select<string>
            value={selectedYear || 'custom'}
            style={{ width: 150 }}
            aria-label={t('tasks.league.period')}
            options={[
              ...years.map((y) => ({ value: y, label: t('tasks.league.year', { year: y }) })),
              { value: 'custom', label: t('tasks.league.custom'), disabled: true },
            ]}
            onChange={(y) => setUrl({ from: `${y}-01-01`, to: `${y}-12-31` })}
          />
          <IsoDatePicker
            value={filters.from}
            onChange={(v) => setUrl({ from: v })}
            aria-label={t('common.fromDate')}
            placeholder={t('common.fromDate')}
          />
          <IsoDatePicker
            value={filters.to}
            onChange={(v) => setUrl({ to: v })}
            aria-label={t('common.toDate')}
            placeholder={t('common.toDate')}
          />
          <Select<TaskSourceKind>
            allowClear
            value={filters.sourceKind}
            placeholder={t('tasks.filters.allSources')}
            options={optionsOf(TASK_SOURCE_KINDS, TASK_SOURCE_LABELS, locale)}
            onChange={(v) => setUrl({ sourceKind: v })}
            style={{ width: 230 }}
            aria-label={t('tasks.filters.source')}
          />
        </Flex>
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<LeagueRow>
            rowKey="key"
            size="middle"
            columns={columns}
            dataSource={query.data?.rows}
            loading={query.isFetching}
            pagination={false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('tasks.league.empty') }}
            summary={() =>
              query.data && query.data.rows.length > 0 ? summary(query.data.totals) : null
            }
          />
        )}
        {query.data && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title={query.data.meta.formula}
            description={
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {t('tasks.league.asOf', { date: formatDate(query.data.meta.today) })}
                </Typography.Paragraph>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {query.data.meta.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </>
            }
          />
        )}
      </Card>
    </>
  );
}
