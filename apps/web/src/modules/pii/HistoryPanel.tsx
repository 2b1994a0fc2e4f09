import { lazy, Suspense, useCallback, useMemo } from 'react';
import { Empty, Flex, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PiiHistoryPoint } from '@caunoi/shared';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { useUnitHistory } from './api';
import { IllustrativeTag } from './EditionParts';
import type { HistoryText } from './HistoryChart';
import { formatRank, formatScore, profilePath } from './model';

const HistoryChart = lazy(() => import('./HistoryChart'));

/** Newest year first; within a year, computed before published, the province before predecessors. */
const byYear = (a: PiiHistoryPoint, b: PiiHistoryPoint) =>
  b.year - a.year ||
  Number(a.source === 'published') - Number(b.source === 'published') ||
  Number(a.predecessor) - Number(b.predecessor) ||
  a.unitName.localeCompare(b.unitName, 'vi');

/**
 * A province's rank across editions: computed by the platform and published by the Ministry, told
 * apart; on editions that ranked the 63 former provinces, the ranks of its predecessors, each under
 * its own name.
 */
export function HistoryPanel({ unitId }: { unitId: string }) {
  const history = useUnitHistory(unitId);
  return (
    <QueryState query={history} inline>
      {(h) => <History points={h.items} />}
    </QueryState>
  );
}

function History({ points }: { points: PiiHistoryPoint[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(() => [...points].sort(byYear), [points]);
  const sourceLabel = useCallback(
    (p: PiiHistoryPoint) =>
      p.source === 'published' ? t('pii.history.published') : t('pii.history.computed'),
    [t],
  );

  const text = useMemo<HistoryText>(
    () => ({
      seriesName: (p) =>
        `${p.unitName}${p.predecessor ? ` (${t('pii.history.predecessorShort')})` : ''} — ${sourceLabel(p)}`,
      tooltip: (p) =>
        [
          `<b>${p.year}</b> · ${p.unitName}`,
          `${t('pii.history.rank')}: ${formatRank(p.rank, p.ofN)}`,
          `${t('pii.history.score')}: ${formatScore(p.score, locale)}`,
          sourceLabel(p),
          ...(p.illustrative ? [t('pii.editions.illustrative')] : []),
        ].join('<br/>'),
      rankAxis: t('pii.history.rank'),
    }),
    [t, locale, sourceLabel],
  );

  if (points.length === 0) return <Empty description={t('pii.history.none')} />;

  const columns: TableProps<PiiHistoryPoint>['columns'] = [
    { title: t('pii.history.year'), dataIndex: 'year', width: 80 },
    {
      title: t('pii.history.province'),
      key: 'unit',
      render: (_, p) => (
        <Flex gap={6} wrap align="center">
          <span>{p.unitName}</span>
          {p.predecessor && <Tag>{t('pii.history.predecessor')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('pii.history.source'),
      key: 'source',
      width: 200,
      render: (_, p) => (
        <Flex gap={4} wrap>
          <Tag color={p.source === 'published' ? 'purple' : 'blue'}>{sourceLabel(p)}</Tag>
          {p.illustrative && <IllustrativeTag />}
        </Flex>
      ),
    },
    {
      title: t('pii.history.rank'),
      key: 'rank',
      width: 100,
      align: 'right',
      render: (_, p) => <Typography.Text strong>{formatRank(p.rank, p.ofN)}</Typography.Text>,
    },
    {
      title: t('pii.history.score'),
      dataIndex: 'score',
      width: 100,
      align: 'right',
      render: (v: number | null) => formatScore(v, locale),
    },
    {
      title: '',
      key: 'link',
      width: 120,
      render: (_, p) =>
        p.runId && <Link to={profilePath(p.runId, p.unitId)}>{t('pii.history.openRun')}</Link>,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="history-panel">
      <Suspense fallback={<Skeleton active />}>
        <HistoryChart
          points={points}
          text={text}
          aria={t('pii.history.chartAria', {
            list: [...points]
              .sort((a, b) => a.year - b.year)
              .map(
                (p) => `${p.year} ${p.unitName} (${sourceLabel(p)}): ${formatRank(p.rank, p.ofN)}`,
              )
              .join('; '),
          })}
        />
      </Suspense>
      <Table<PiiHistoryPoint>
        rowKey={(p) => `${p.year}|${p.source}|${p.unitId}|${p.runId ?? ''}`}
        size="small"
        data-testid="history-table"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
      />
    </Flex>
  );
}
