import { lazy, Suspense, useMemo, useState } from 'react';
import {
  Card,
  Col,
  Flex,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PiiMark, PiiProfile, PiiProfileIndicator, PiiRun } from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, ErrorResult } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { usePiiProfile, usePiiRun } from './api';
import {
  aggregatesAt,
  compareNullable,
  formatScore,
  formatValue,
  intervalText,
  LEVEL,
  median,
  nameOf,
  type PiiAggregate,
} from './model';
import { AggregateTable, MarkTag, PillarRadar } from './ProfileParts';

const HistoryPanel = lazy(() =>
  import('./HistoryPanel').then((m) => ({ default: m.HistoryPanel })),
);

type MarkFilter = 'all' | PiiMark;

/** A province in one run: its scores and ranks, the pillars on a radar, every indicator. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id, unitId } = useParams();
  const run = usePiiRun(id);
  const profile = usePiiProfile(id, unitId);

  if (profile.isError) {
    return <ErrorResult error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  if (!profile.data) return <Skeleton active />;
  const p = profile.data;
  const interval = intervalText(p.rankInterval);

  return (
    <>
      <PageHeader
        title={p.unitName}
        tags={p.regionVi && <Tag>{p.regionVi}</Tag>}
        breadcrumbs={[
          { title: t('pii.menu.runs'), to: '/pii/runs' },
          {
            title: run.data ? `PII ${run.data.editionYear}` : t('pii.profile.run'),
            to: `/pii/runs/${p.runId}`,
          },
          { title: p.unitName },
        ]}
        description={
          run.data &&
          t('pii.profile.description', {
            edition: `PII ${run.data.editionYear}`,
            year: run.data.dataYear,
          })
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('pii.profile.score')} value={formatScore(p.score, locale)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Card size="small" data-testid="pii-profile-rank">
            <Statistic
              title={t('pii.profile.rank')}
              value={p.rank ?? '—'}
              suffix={`/ ${p.unitCount}`}
            />
          </Card>
        </Col>
        <Col xs={24} md={8} xl={5}>
          <Card size="small" data-testid="pii-profile-interval">
            <Statistic title={t('pii.profile.intervalTitle')} value={interval ?? '—'} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {interval
                ? t('pii.profile.interval', { range: interval })
                : t('pii.profile.noInterval')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={12} xl={5}>
          <Card size="small" data-testid="pii-profile-strengths">
            <Statistic
              title={t('pii.mark.strength')}
              value={p.strengths}
              styles={{ content: { color: '#389e0d' } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={12} xl={5}>
          <Card size="small" data-testid="pii-profile-weaknesses">
            <Statistic
              title={t('pii.mark.weakness')}
              value={p.weaknesses}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={11}>
          <Card title={t('pii.profile.radar')} size="small">
            {run.isError ? (
              <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />
            ) : run.data ? (
              <ProfileRadar profile={p} run={run.data} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card title={t('pii.profile.aggregates')} size="small">
            <AggregateTable profile={p} />
          </Card>
        </Col>
      </Row>
      <IndicatorTable profile={p} />
      <Card title={t('pii.profile.history')} size="small" style={{ marginTop: 16 }}>
        <Suspense fallback={<Skeleton active />}>
          <HistoryPanel unitId={p.unitId} />
        </Suspense>
      </Card>
    </>
  );
}

/** The 7 pillars of the province against the median of every ranked province. */
function ProfileRadar({ profile, run }: { profile: PiiProfile; run: PiiRun }) {
  const { t } = useTranslation();
  const pillars = useMemo(
    () => aggregatesAt(profile.aggregates, LEVEL.pillar),
    [profile.aggregates],
  );
  const series = useMemo(
    () => [
      { name: profile.unitName, values: pillars.map((a) => a.score) },
      {
        name: t('pii.profile.median'),
        values: pillars.map((a) => median(run.ranking.map((r) => r.aggregates[a.code]?.score))),
        reference: true,
      },
    ],
    [pillars, profile.unitName, run.ranking, t],
  );
  return (
    <PillarRadar
      pillars={pillars}
      series={series}
      label={t('pii.profile.radarLabel', { name: profile.unitName })}
    />
  );
}

/** Every indicator: value, score, rank and the strength/weakness mark, filtered by mark. */
function IndicatorTable({ profile }: { profile: PiiProfile }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [mark, setMark] = useState<MarkFilter>('all');
  const parents = useMemo(
    () => new Map<string, PiiAggregate>(profile.aggregates.map((a) => [a.code, a])),
    [profile.aggregates],
  );
  const rows =
    mark === 'all' ? profile.indicators : profile.indicators.filter((i) => i.mark === mark);

  const columns: TableProps<PiiProfileIndicator>['columns'] = [
    {
      title: t('pii.profile.indicator'),
      key: 'name',
      render: (_, i) => (
        <Flex vertical>
          <span>{nameOf(i, locale)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.code}
            {i.parent && parents.get(i.parent)
              ? ` · ${nameOf(parents.get(i.parent)!, locale)}`
              : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pii.profile.unit'),
      dataIndex: 'unitVi',
      width: 140,
      render: (u: string | null) => u ?? '—',
    },
    {
      title: t('pii.profile.value'),
      dataIndex: 'value',
      width: 120,
      align: 'right',
      render: (v: number | null) => formatValue(v, locale),
    },
    {
      title: t('pii.profile.indicatorScore'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      sorter: (a, b) => compareNullable(a.score, b.score),
      render: (v: number | null) => formatScore(v, locale),
    },
    {
      title: t('pii.profile.indicatorRank'),
      dataIndex: 'rank',
      width: 80,
      align: 'right',
      sorter: (a, b) => compareNullable(a.rank, b.rank),
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('pii.profile.mark'),
      dataIndex: 'mark',
      width: 110,
      render: (m: PiiMark | null) => <MarkTag mark={m} />,
    },
  ];

  return (
    <Card
      title={t('pii.profile.indicators')}
      size="small"
      extra={
        <Segmented<MarkFilter>
          value={mark}
          onChange={setMark}
          options={[
            {
              value: 'all',
              label: t('pii.profile.allIndicators', { n: profile.indicators.length }),
            },
            { value: 'strength', label: t('pii.profile.onlyStrengths', { n: profile.strengths }) },
            {
              value: 'weakness',
              label: t('pii.profile.onlyWeaknesses', { n: profile.weaknesses }),
            },
          ]}
        />
      }
    >
      <Table<PiiProfileIndicator>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="pii-indicators"
        locale={{ emptyText: t('pii.profile.noIndicators') }}
      />
    </Card>
  );
}
