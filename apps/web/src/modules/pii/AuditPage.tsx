import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import {
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PiiAudit } from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../i18n/locale';
import { useEdition, usePiiRun, useRunAudit } from './api';
import { compareNullable, editionLabel, formatDecimals, nameOf } from './model';

const AuditHeatmap = lazy(() => import('./AuditHeatmap'));

/** Below this, an indicator says little about its parent or the index. */
const WEAK_CORRELATION = 0.3;
/** Below this, an aggregate's items are not consistent enough to be summed (Cronbach's alpha). */
const LOW_ALPHA = 0.7;

type Flag = 'negative' | 'weak' | null;
const correlationFlag = (r: number | null): Flag =>
  r === null ? null : r < 0 ? 'negative' : r < WEAK_CORRELATION ? 'weak' : null;

type Correlation = PiiAudit['correlations'][number];

/** The audit of a run on a page of its own (the run page shows it as a tab). */
export default function AuditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const run = usePiiRun(id);
  return (
    <QueryState query={run}>
      {(r) => (
        <>
          <PageHeader
            title={t('pii.audit.title')}
            description={editionLabel(r.editionYear, r.editionTitle)}
            breadcrumbs={[
              { title: t('pii.menu.group') },
              { title: t('pii.menu.runs'), to: '/pii/runs' },
              { title: editionLabel(r.editionYear, r.editionTitle), to: `/pii/runs/${r.id}` },
              { title: t('pii.audit.title') },
            ]}
          />
          <AuditPanel runId={r.id} />
        </>
      )}
    </QueryState>
  );
}

/**
 * The statistical audit of a run: how the indicators of each pillar correlate (heat map), each
 * indicator with its parent and the index (weak and negative ones flagged), Cronbach's alpha and
 * the principal components of each aggregate, and the output ÷ input efficiency ratio.
 */
export function AuditPanel({ runId }: { runId: string }) {
  const audit = useRunAudit(runId);
  return <QueryState query={audit}>{(a) => <Audit runId={runId} audit={a} />}</QueryState>;
}

function Audit({ runId, audit }: { runId: string; audit: PiiAudit }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const run = usePiiRun(runId);
  const edition = useEdition(run.data?.editionId);
  const [matrixOf, setMatrixOf] = useState<string | undefined>(audit.matrices[0]?.aggregate);
  const [flaggedOnly, setFlaggedOnly] = useState(false);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const n of edition.data?.nodes ?? []) m.set(n.code, nameOf(n, locale));
    for (const a of run.data?.aggregates ?? []) m.set(a.code, nameOf(a, locale));
    return m;
  }, [edition.data, run.data, locale]);
  const label = useCallback((code: string) => names.get(code) ?? code, [names]);
  const units = useMemo(
    () => new Map((run.data?.ranking ?? []).map((r) => [r.unitId, r.unitName])),
    [run.data],
  );
  const r2 = useCallback((v: number) => formatDecimals(v, locale, 0, 2), [locale]);
  const num = (v: number | null, digits = 2) => formatDecimals(v, locale, digits);
  const matrix = audit.matrices.find((m) => m.aggregate === matrixOf);

  const flagged = (v: number | null) => {
    const flag = correlationFlag(v);
    return (
      <Flex gap={6} justify="flex-end" align="center">
        <span>{num(v)}</span>
        {flag === 'negative' && <Tag color="red">{t('pii.audit.negative')}</Tag>}
        {flag === 'weak' && <Tag color="orange">{t('pii.audit.weak')}</Tag>}
      </Flex>
    );
  };

  const correlations = flaggedOnly
    ? audit.correlations.filter(
        (c) => correlationFlag(c.withParent) !== null || correlationFlag(c.withIndex) !== null,
      )
    : audit.correlations;

  const correlationColumns: TableProps<Correlation>['columns'] = [
    {
      title: t('pii.audit.item'),
      key: 'item',
      render: (_, c) => (
        <Flex vertical>
          <span>{label(c.code)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pii.audit.parent'),
      key: 'parent',
      width: 240,
      render: (_, c) => (c.parent ? label(c.parent) : '—'),
    },
    {
      title: t('pii.audit.withParent'),
      dataIndex: 'withParent',
      width: 160,
      align: 'right',
      render: flagged,
    },
    {
      title: t('pii.audit.withIndex'),
      dataIndex: 'withIndex',
      width: 160,
      align: 'right',
      render: flagged,
    },
  ];

  type Cronbach = PiiAudit['cronbach'][number];
  const cronbachColumns: TableProps<Cronbach>['columns'] = [
    { title: t('pii.audit.aggregate'), key: 'a', render: (_, c) => label(c.aggregate) },
    { title: t('pii.audit.items'), dataIndex: 'items', width: 90, align: 'right' },
    {
      title: t('pii.audit.alpha'),
      dataIndex: 'alpha',
      width: 150,
      align: 'right',
      render: (v: number | null) => (
        <Flex gap={6} justify="flex-end" align="center">
          <span>{num(v)}</span>
          {v !== null && v < LOW_ALPHA && <Tag color="orange">{t('pii.audit.lowAlpha')}</Tag>}
        </Flex>
      ),
    },
  ];

  type Pca = PiiAudit['pca'][number];
  const pcaColumns: TableProps<Pca>['columns'] = [
    { title: t('pii.audit.aggregate'), key: 'a', render: (_, p) => label(p.aggregate) },
    {
      title: t('pii.audit.firstShare'),
      key: 'share',
      width: 150,
      align: 'right',
      render: (_, p) =>
        p.varianceExplained[0] === undefined ? '—' : `${num(p.varianceExplained[0] * 100, 1)}%`,
    },
    {
      title: t('pii.audit.eigenvalues'),
      key: 'eigen',
      render: (_, p) =>
        p.eigenvalues
          .slice(0, 5)
          .map((e, i) => `${num(e)} (${num((p.varianceExplained[i] ?? 0) * 100, 1)}%)`)
          .join(' · ') + (p.eigenvalues.length > 5 ? ' …' : ''),
    },
  ];

  type Efficiency = PiiAudit['efficiency'][number];
  const efficiency = [...audit.efficiency].sort(
    (a, b) => compareNullable(a.rank, b.rank) || compareNullable(b.ratio, a.ratio),
  );
  const efficiencyColumns: TableProps<Efficiency>['columns'] = [
    {
      title: t('pii.audit.rank'),
      dataIndex: 'rank',
      width: 80,
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('pii.audit.province'),
      key: 'unit',
      render: (_, e) => units.get(e.unitId) ?? e.unitId,
    },
    {
      title: t('pii.audit.ratio'),
      dataIndex: 'ratio',
      width: 140,
      align: 'right',
      render: (v: number | null) => num(v, 3),
    },
  ];

  return (
    <Row gutter={[16, 16]} data-testid="audit-panel">
      <Col span={24}>
        <Card
          size="small"
          title={t('pii.audit.heatmap')}
          extra={
            audit.matrices.length > 0 && (
              <Select
                aria-label={t('pii.audit.pickAggregate')}
                value={matrixOf}
                onChange={setMatrixOf}
                style={{ width: 320 }}
                options={audit.matrices.map((m) => ({
                  value: m.aggregate,
                  label: `${label(m.aggregate)} (${m.codes.length})`,
                }))}
              />
            )
          }
        >
          {matrix ? (
            <Suspense fallback={<Skeleton active />}>
              <AuditHeatmap
                codes={matrix.codes}
                values={matrix.values}
                nameOf={label}
                format={r2}
                aria={t('pii.audit.heatmapAria', { name: label(matrix.aggregate) })}
              />
            </Suspense>
          ) : (
            <Empty description={t('pii.audit.noMatrix')} />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card
          size="small"
          title={t('pii.audit.correlations')}
          extra={
            <Flex gap={8} align="center">
              <Switch size="small" checked={flaggedOnly} onChange={setFlaggedOnly} />
              <span>{t('pii.audit.flaggedOnly')}</span>
            </Flex>
          }
        >
          <Typography.Paragraph type="secondary">
            {t('pii.audit.correlationsHint', { threshold: num(WEAK_CORRELATION, 1) })}
          </Typography.Paragraph>
          <Table<Correlation>
            rowKey="code"
            size="small"
            data-testid="audit-correlations"
            columns={correlationColumns}
            dataSource={correlations}
            pagination={correlations.length > 20 ? { pageSize: 20, size: 'small' } : false}
            scroll={{ x: 760 }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('pii.audit.cronbach')}>
          <Typography.Paragraph type="secondary">
            {t('pii.audit.cronbachHint', { threshold: num(LOW_ALPHA, 1) })}
          </Typography.Paragraph>
          <Table<Cronbach>
            rowKey="aggregate"
            size="small"
            data-testid="audit-cronbach"
            columns={cronbachColumns}
            dataSource={audit.cronbach}
            pagination={false}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('pii.audit.pca')}>
          <Typography.Paragraph type="secondary">{t('pii.audit.pcaHint')}</Typography.Paragraph>
          <Table<Pca>
            rowKey="aggregate"
            size="small"
            data-testid="audit-pca"
            columns={pcaColumns}
            dataSource={audit.pca}
            pagination={false}
            scroll={{ x: 560 }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('pii.audit.efficiency')}>
          <Typography.Paragraph type="secondary">
            {t('pii.audit.efficiencyHint')}
          </Typography.Paragraph>
          <Table<Efficiency>
            rowKey="unitId"
            size="small"
            data-testid="audit-efficiency"
            columns={efficiencyColumns}
            dataSource={efficiency}
            pagination={efficiency.length > 20 ? { pageSize: 20, size: 'small' } : false}
          />
        </Card>
      </Col>
    </Row>
  );
}
