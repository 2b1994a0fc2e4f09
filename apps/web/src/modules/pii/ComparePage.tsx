import { useMemo } from 'react';
import { Card, Col, Flex, Row, Select, Skeleton, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { PiiProfile, PiiProfileIndicator } from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, ErrorResult } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { usePiiComparison, usePiiRun } from './api';
import {
  aggregatesAt,
  comparePath,
  formatScore,
  formatValue,
  LEVEL,
  nameOf,
  parseUnits,
  profilePath,
  type PiiAggregate,
} from './model';
import { MarkTag, PillarRadar } from './ProfileParts';

/** Up to 4 provinces of a run side by side: aggregates, the pillars' radar, every indicator. */
export default function ComparePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const units = useMemo(() => parseUnits(params.get('units')), [params]);
  const run = usePiiRun(id);
  const comparison = usePiiComparison(id, units);

  if (run.isError) return <ErrorResult error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return <Skeleton active />;
  const r = run.data;
  const profiles = comparison.data?.profiles ?? [];

  return (
    <>
      <PageHeader
        title={t('pii.compare.title')}
        breadcrumbs={[
          { title: t('pii.menu.runs'), to: '/pii/runs' },
          { title: `PII ${r.editionYear}`, to: `/pii/runs/${r.id}` },
          { title: t('pii.compare.title') },
        ]}
        description={t('pii.compare.description')}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('pii.compare.provinces')}</Typography.Text>
          <Select
            mode="multiple"
            maxCount={4}
            style={{ minWidth: 420, flex: 1 }}
            value={units}
            optionFilterProp="label"
            placeholder={t('pii.compare.pick')}
            onChange={(next: string[]) => navigate(comparePath(r.id, next), { replace: true })}
            options={r.ranking.map((row) => ({ value: row.unitId, label: row.unitName }))}
            aria-label={t('pii.compare.provinces')}
            data-testid="pii-compare-units"
          />
        </Flex>
      </Card>
      {units.length === 0 ? (
        <Card>
          <Typography.Text type="secondary">{t('pii.compare.pick')}</Typography.Text>
        </Card>
      ) : comparison.isError ? (
        <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : !comparison.data ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={10}>
              <Card title={t('pii.profile.radar')} size="small">
                <CompareRadar profiles={profiles} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('pii.profile.aggregates')} size="small">
                <AggregateComparison runId={r.id} profiles={profiles} />
              </Card>
            </Col>
          </Row>
          <Card title={t('pii.profile.indicators')} size="small">
            <IndicatorComparison profiles={profiles} />
          </Card>
        </>
      )}
    </>
  );
}

function CompareRadar({ profiles }: { profiles: PiiProfile[] }) {
  const { t } = useTranslation();
  const pillars = useMemo(
    () => aggregatesAt(profiles[0]?.aggregates ?? [], LEVEL.pillar),
    [profiles],
  );
  const series = useMemo(
    () =>
      profiles.map((p) => {
        const byCode = new Map(p.aggregates.map((a) => [a.code, a.score]));
        return { name: p.unitName, values: pillars.map((a) => byCode.get(a.code) ?? null) };
      }),
    [profiles, pillars],
  );
  return (
    <PillarRadar
      pillars={pillars}
      series={series}
      label={t('pii.compare.radarLabel', { names: profiles.map((p) => p.unitName).join(', ') })}
    />
  );
}

interface AggregateLine {
  aggregate: PiiAggregate;
}

/** One row per aggregate (index down to the sub-pillars), one column per province. */
function AggregateComparison({ runId, profiles }: { runId: string; profiles: PiiProfile[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const first = profiles[0];
  const lines: AggregateLine[] = (first?.aggregates ?? [])
    .filter((a) => a.level !== null)
    .map((aggregate) => ({ aggregate }));
  const maps = profiles.map((p) => new Map(p.aggregates.map((a) => [a.code, a])));
  const columns: TableProps<AggregateLine>['columns'] = [
    {
      title: t('pii.profile.aggregate'),
      key: 'name',
      render: (_, l) =>
        l.aggregate.level !== null && l.aggregate.level >= LEVEL.pillar ? (
          <strong>{nameOf(l.aggregate, locale)}</strong>
        ) : (
          nameOf(l.aggregate, locale)
        ),
    },
    ...profiles.map((p, i) => ({
      title: <Link to={profilePath(runId, p.unitId)}>{p.unitName}</Link>,
      key: p.unitId,
      width: 130,
      align: 'right' as const,
      render: (_: unknown, l: AggregateLine) => {
        const a = maps[i]!.get(l.aggregate.code);
        return (
          <Flex vertical align="flex-end">
            <span>{formatScore(a?.score, locale)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a?.rank === null || a?.rank === undefined
                ? '—'
                : t('pii.compare.rank', { rank: a.rank, n: p.unitCount })}
            </Typography.Text>
          </Flex>
        );
      },
    })),
  ];
  return (
    <Table<AggregateLine>
      rowKey={(l) => l.aggregate.code}
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 300 + profiles.length * 130 }}
      data-testid="pii-compare-aggregates"
    />
  );
}

interface IndicatorLine {
  indicator: PiiProfileIndicator;
}

function IndicatorComparison({ profiles }: { profiles: PiiProfile[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lines: IndicatorLine[] = (profiles[0]?.indicators ?? []).map((indicator) => ({
    indicator,
  }));
  const maps = profiles.map((p) => new Map(p.indicators.map((i) => [i.code, i])));
  const columns: TableProps<IndicatorLine>['columns'] = [
    {
      title: t('pii.profile.indicator'),
      key: 'name',
      fixed: 'left',
      width: 320,
      render: (_, l) => (
        <Flex vertical>
          <span>{nameOf(l.indicator, locale)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.indicator.code}
            {l.indicator.unitVi ? ` · ${l.indicator.unitVi}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    ...profiles.map((p, i) => ({
      title: p.unitName,
      key: p.unitId,
      width: 170,
      render: (_: unknown, l: IndicatorLine) => {
        const x = maps[i]!.get(l.indicator.code);
        if (!x) return '—';
        return (
          <Flex vertical align="flex-end" gap={2}>
            <span>
              {t('pii.compare.indicatorCell', {
                score: formatScore(x.score, locale),
                rank: x.rank ?? '—',
              })}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatValue(x.value, locale)}
            </Typography.Text>
            <MarkTag mark={x.mark} />
          </Flex>
        );
      },
    })),
  ];
  return (
    <Table<IndicatorLine>
      rowKey={(l) => l.indicator.code}
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 320 + profiles.length * 170 }}
      data-testid="pii-compare-indicators"
    />
  );
}
