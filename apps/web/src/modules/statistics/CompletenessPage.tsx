import { lazy, Suspense, useMemo } from 'react';
import { NotificationOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  REPORT_TIMELINESS_LABELS,
  compareVi,
  type ReportStatus,
  type ReportTimeliness,
} from '@caunoi/shared';
import { buildQuery } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, ErrorResult } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { formatDate } from '../../lib/format';
import { useUrlState } from '../../lib/useUrlState';
import { useMe } from '../auth/session';
import { managesStatistics } from './access';
import { useCompleteness, useCompletenessTrend, useForm, useForms, useRemind } from './api';
import { useDefaultChoice, useRememberChoice } from './choice';
import { FormSelect } from './FormParts';
import { formatStatNumber } from './grid/model';
import { StatusTag, TimelinessTag } from './StatusTags';
import type { CompletenessSummary, CompletenessUnit } from './types';

const CompletenessChart = lazy(() => import('./CompletenessChart'));

/** Periods shown in the trend, ending with the chosen one. */
const TREND_PERIODS = 8;

const KEYS = ['formId', 'periodCode'] as const;

const percent = (n: number | null) => (n === null ? '—' : `${formatStatNumber(n, 1)}%`);

/**
 * Who has reported a form's period: counts by status and timeliness, the provinces one by one
 * with a link to each report, the reporting rate over recent periods, and a reminder to the
 * provinces that have not sent.
 */
export default function CompletenessPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const { message, modal } = App.useApp();
  const [q, setQ] = useUrlState(KEYS);
  const forms = useForms();
  const form = useForm(q.formId);
  const data = useCompleteness(q.formId, q.periodCode);
  const remind = useRemind();

  useDefaultChoice(q, setQ, forms.data?.items, form.data);

  // The trend: up to eight opened periods, the chosen one last.
  const periods = form.data?.periods ?? [];
  const at = periods.findIndex((p) => p.code === q.periodCode);
  const trendFrom =
    at >= 0 ? periods[Math.min(periods.length - 1, at + TREND_PERIODS - 1)] : undefined;
  useRememberChoice(at >= 0 ? q.formId : undefined, at >= 0 ? q.periodCode : undefined);
  const trend = useCompletenessTrend(q.formId, trendFrom?.code, at >= 0 ? q.periodCode : undefined);

  const summary = data.data?.summary;
  const laggards = summary ? summary.notStarted + summary.draft : 0;

  const sendReminders = () =>
    modal.confirm({
      title: t('statistics.completeness.remindConfirm', { n: laggards }),
      content: t('statistics.completeness.remindExplain'),
      okText: t('statistics.completeness.remind'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await remind.mutateAsync({ formId: q.formId!, periodCode: q.periodCode! });
          if (r.units === 0) message.info(t('statistics.completeness.nobodyToRemind'));
          else if (r.notifications === 0)
            message.info(t('statistics.completeness.alreadyReminded', { n: r.units }));
          else
            message.success(
              t('statistics.completeness.reminded', { n: r.units, notifications: r.notifications }),
            );
        } catch (e) {
          message.error(e instanceof Error ? e.message : t('errors.unexpected'));
        }
      },
    });

  const columns: TableProps<CompletenessUnit>['columns'] = useMemo(
    () => [
      {
        title: t('statistics.completeness.unit'),
        key: 'unit',
        sorter: (a, b) => compareVi(a.nameVi, b.nameVi),
        render: (_, u) => (
          <Flex vertical>
            <Typography.Text strong>{locale === 'en' ? u.nameEn : u.nameVi}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.regionVi}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        title: t('statistics.completeness.status'),
        key: 'status',
        width: 190,
        filters: REPORT_STATUSES.map((s) => ({ text: REPORT_STATUS_LABELS[s][locale], value: s })),
        onFilter: (value, u) => u.status === (value as ReportStatus),
        sorter: (a, b) => REPORT_STATUSES.indexOf(a.status) - REPORT_STATUSES.indexOf(b.status),
        render: (_, u) => <StatusTag status={u.status} />,
      },
      {
        title: t('statistics.completeness.timeliness'),
        key: 'timeliness',
        width: 170,
        filters: (['on_time', 'late', 'pending', 'overdue'] as ReportTimeliness[]).map((v) => ({
          text: REPORT_TIMELINESS_LABELS[v][locale],
          value: v,
        })),
        onFilter: (value, u) => u.timeliness === (value as ReportTimeliness),
        render: (_, u) => <TimelinessTag timeliness={u.timeliness} />,
      },
      {
        title: t('statistics.completeness.firstSubmitted'),
        key: 'firstSubmittedOn',
        width: 150,
        sorter: (a, b) => (a.firstSubmittedOn ?? '9').localeCompare(b.firstSubmittedOn ?? '9'),
        render: (_, u) => formatDate(u.firstSubmittedOn),
      },
      {
        title: t('statistics.completeness.report'),
        key: 'report',
        width: 140,
        render: (_, u) => (
          <Link
            to={`/statistics/entry${buildQuery({ formId: q.formId, periodCode: q.periodCode, unitId: u.unitId })}`}
            aria-label={t('statistics.completeness.openReportOf', { name: u.nameVi })}
          >
            {t('statistics.completeness.openReport')}
          </Link>
        ),
      },
    ],
    [t, locale, q.formId, q.periodCode],
  );

  if (forms.isError)
    return <ErrorResult error={forms.error} onRetry={() => void forms.refetch()} />;

  const periodOptions = periods.map((p) => ({
    value: p.code,
    label: locale === 'en' ? p.labelEn : p.labelVi,
  }));
  const period = data.data?.period;

  return (
    <>
      <PageHeader
        title={t('statistics.menu.completeness')}
        description={t('statistics.completeness.description')}
        extra={
          managesStatistics(me) &&
          data.data && (
            <Button
              type="primary"
              icon={<NotificationOutlined />}
              disabled={laggards === 0}
              loading={remind.isPending}
              onClick={sendReminders}
            >
              {t('statistics.completeness.remind')}
              {laggards > 0 ? ` (${laggards})` : ''}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <FormSelect
            forms={forms.data?.items}
            loading={forms.isPending}
            value={q.formId}
            onChange={(formId) => setQ({ formId, periodCode: undefined })}
            width={420}
          />
          <Select
            aria-label={t('statistics.entry.period')}
            style={{ width: 220 }}
            placeholder={t('statistics.entry.period')}
            options={periodOptions}
            value={at >= 0 ? q.periodCode : undefined}
            onChange={(periodCode) => setQ({ periodCode })}
          />
          {period && (
            <Typography.Text type="secondary">
              {t('statistics.entry.deadline')}: <strong>{formatDate(period.deadline)}</strong> ·{' '}
              {t('statistics.entry.locksOn')}: <strong>{formatDate(period.locksOn)}</strong>
            </Typography.Text>
          )}
        </Flex>
      </Card>

      {data.isError ? (
        <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />
      ) : !data.data ? (
        q.formId && q.periodCode ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Empty description={t('statistics.entry.noPeriod')} />
        )
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={13}>
              <SummaryCards summary={data.data.summary} />
            </Col>
            <Col xs={24} xl={11}>
              <Card size="small" title={t('statistics.completeness.trend')}>
                {trend.isError ? (
                  <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} />
                ) : !trend.data ? (
                  <Skeleton active />
                ) : (
                  <Suspense fallback={<Skeleton active />}>
                    <CompletenessChart items={trend.data.items} />
                  </Suspense>
                )}
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={t('statistics.completeness.units', { n: data.data.units.length })}
          >
            <Table<CompletenessUnit>
              rowKey="unitId"
              size="small"
              columns={columns}
              dataSource={data.data.units}
              pagination={false}
              loading={data.isFetching && !data.isPending}
              onRow={() => ({ 'data-testid': 'completeness-row' }) as object}
              locale={{ emptyText: t('statistics.completeness.noUnits') }}
            />
          </Card>
        </>
      )}
    </>
  );
}

function SummaryCards({ summary: s }: { summary: CompletenessSummary }) {
  const { t } = useTranslation();
  const cards: Array<{ key: string; value: string | number; color?: string }> = [
    { key: 'expected', value: s.expected },
    { key: 'notStarted', value: s.notStarted, color: s.notStarted > 0 ? '#8c8c8c' : undefined },
    { key: 'draft', value: s.draft, color: '#d48806' },
    { key: 'submitted', value: s.submitted, color: '#0958d9' },
    { key: 'approved', value: s.approved, color: '#08979c' },
    { key: 'accepted', value: s.accepted, color: '#389e0d' },
    { key: 'onTime', value: s.onTime, color: '#389e0d' },
    { key: 'late', value: s.late, color: '#d4380d' },
    { key: 'overdue', value: s.overdue, color: s.overdue > 0 ? '#cf1322' : undefined },
    { key: 'reportingRate', value: percent(s.reportingRate), color: '#0b4f8a' },
    { key: 'timelyRate', value: percent(s.timelyRate), color: '#0b4f8a' },
  ];
  return (
    <div
      data-testid="completeness-summary"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))',
        gap: 8,
      }}
    >
      {cards.map((c) => (
        <Card key={c.key} size="small" styles={{ body: { padding: '8px 12px' } }}>
          <Statistic
            title={t(
              `statistics.completeness.summary.${c.key}` as 'statistics.completeness.summary.expected',
            )}
            value={c.value}
            groupSeparator="."
            decimalSeparator=","
            styles={{ content: { color: c.color, fontSize: 22 } }}
            data-testid={`summary-${c.key}`}
          />
        </Card>
      ))}
    </div>
  );
}
