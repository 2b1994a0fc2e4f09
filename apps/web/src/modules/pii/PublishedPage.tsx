import { useMemo } from 'react';
import { InfoCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Empty,
  Flex,
  Segmented,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PII_PILLARS, type PiiPublishedResult } from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { usePublished } from './api';
import { compareNullable, formatRank, formatScore } from './model';

/** A source that is an address becomes a link; other sources (a newspaper's reference) stay text. */
function SourceText({ source }: { source: string }) {
  const parts = source.split(/(https?:\/\/[^\s;,]+)/g);
  return (
    <span style={{ wordBreak: 'break-word' }}>
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <a key={i} href={p} target="_blank" rel="noopener noreferrer">
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </span>
  );
}

/**
 * The results the Ministry published, year by year, kept apart from the platform's computations:
 * score, rank of N, sub-indexes and pillars where known, the source of each figure, and the
 * figures that published sources disagree on.
 */
export default function PublishedPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const published = usePublished();
  const [params, setParams] = useSearchParams();
  const items = useMemo(() => published.data?.items ?? [], [published.data]);
  const years = useMemo(
    () => [...new Set(items.map((r) => r.year))].sort((a, b) => b - a),
    [items],
  );
  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : years[0];
  const rows = useMemo(
    () =>
      items
        .filter((r) => r.year === year)
        .sort((a, b) => compareNullable(a.rank, b.rank) || compareNullable(b.score, a.score)),
    [items, year],
  );
  const pillarsKnown = PII_PILLARS.map((_, i) => rows.some((r) => r.pillars[i] !== null));
  const score = (v: number | null) => formatScore(v, locale);

  const columns: TableProps<PiiPublishedResult>['columns'] = [
    {
      title: t('pii.published.rank'),
      key: 'rank',
      width: 90,
      align: 'right',
      render: (_, r) => formatRank(r.rank, r.ofN),
    },
    {
      title: t('pii.published.province'),
      key: 'province',
      width: 220,
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Typography.Text strong>{r.provinceName}</Typography.Text>
          {r.conflict && (
            <Tooltip title={t('pii.published.conflictHint')}>
              <Tag color="red" icon={<InfoCircleOutlined />}>
                {t('pii.published.conflict')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: t('pii.published.score'),
      dataIndex: 'score',
      width: 100,
      align: 'right',
      render: (v: number | null) => <Typography.Text strong>{score(v)}</Typography.Text>,
    },
    {
      title: t('pii.published.input'),
      dataIndex: 'inputScore',
      width: 100,
      align: 'right',
      render: score,
    },
    {
      title: t('pii.published.output'),
      dataIndex: 'outputScore',
      width: 100,
      align: 'right',
      render: score,
    },
    ...PII_PILLARS.flatMap((p, i) =>
      pillarsKnown[i]
        ? [
            {
              title: (
                <Tooltip title={locale === 'en' ? p.nameEn : p.nameVi}>
                  {t('pii.published.pillar', { no: p.no })}
                </Tooltip>
              ),
              key: `p${p.no}`,
              width: 80,
              align: 'right' as const,
              render: (_: unknown, r: PiiPublishedResult) => score(r.pillars[i] ?? null),
            },
          ]
        : [],
    ),
    {
      title: t('pii.published.notesAndSource'),
      key: 'source',
      width: 360,
      render: (_, r) => (
        <Flex vertical gap={2}>
          {r.notes && <span>{r.notes}</span>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pii.published.sourceLabel')} <SourceText source={r.source} />
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('pii.published.title')}
        description={t('pii.published.description')}
        breadcrumbs={[{ title: t('pii.menu.group') }, { title: t('pii.menu.published') }]}
      />
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          data-testid="published-notice"
          title={t('pii.published.notice')}
          description={t('pii.published.noticeDetail')}
        />
        <Card
          title={year ? t('pii.published.yearTitle', { year }) : t('pii.published.title')}
          extra={
            years.length > 0 && (
              <Segmented<number>
                aria-label={t('pii.published.year')}
                value={year}
                options={years.map((y) => ({ value: y, label: String(y) }))}
                onChange={(y) => setParams({ year: String(y) }, { replace: true })}
              />
            )
          }
        >
          {published.isError ? (
            <ErrorAlert error={published.error} onRetry={() => void published.refetch()} />
          ) : !published.isPending && items.length === 0 ? (
            <Empty description={t('pii.published.none')} />
          ) : (
            <Table<PiiPublishedResult>
              rowKey={(r) => `${r.year}|${r.provinceName}|${r.source}|${r.score ?? ''}`}
              size="small"
              data-testid="published-table"
              columns={columns}
              dataSource={rows}
              loading={published.isPending}
              pagination={false}
              scroll={{ x: 970 + 80 * pillarsKnown.filter(Boolean).length }}
              onRow={(r) => ({ style: r.conflict ? { background: '#fffbe6' } : undefined })}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
