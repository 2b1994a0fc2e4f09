import { lazy, Suspense, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  Select,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { FileExcelOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PiiPublishedResult, PiiRankingRow, PiiRun } from '@caunoi/shared';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, ErrorResult } from '../../components/QueryState';
import { VietnamMap, type MapRegion } from '../../components/VietnamMap';
import { useLocale } from '../../i18n/locale';
import { useUrlState } from '../../lib/useUrlState';
import { runExportUrl, usePiiRun, usePublished } from './api';
import { IllustrativeTag } from './EditionParts';
import {
  aggregatesAt,
  compareNullable,
  comparePath,
  editionLabel,
  filterRanking,
  formatRank,
  formatScore,
  intervalText,
  LEVEL,
  nameOf,
  profilePath,
  regionsOf,
} from './model';

const AuditPanel = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPanel })));

const TABS = ['ranking', 'map', 'audit', 'published'] as const;
type Tab = (typeof TABS)[number];

/** One computed run: its ranking, the map, the audit and the published results beside it. */
export default function RunPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const run = usePiiRun(id);
  const [url, setUrl] = useUrlState(['tab', 'region', 'q'] as const);
  const [selected, setSelected] = useState<string[]>([]);
  const tab: Tab = TABS.includes(url.tab as Tab) ? (url.tab as Tab) : 'ranking';

  if (run.isError) return <ErrorResult error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return <Skeleton active />;
  const r = run.data;

  return (
    <>
      <PageHeader
        title={editionLabel(r.editionYear, r.editionTitle)}
        tags={r.illustrative && <IllustrativeTag />}
        breadcrumbs={[
          { title: t('pii.menu.runs'), to: '/pii/runs' },
          { title: `PII ${r.editionYear}` },
        ]}
        description={
          <Flex gap="4px 16px" wrap component="span">
            <span>{t('pii.run.dataYear', { year: r.dataYear })}</span>
            <span>{t('pii.run.unitCount', { n: r.unitCount })}</span>
            <span>{t('pii.run.indicatorCount', { n: r.indicatorCount })}</span>
            <Tooltip title={r.inputHash}>
              <span>
                {t('pii.run.inputHash')}:{' '}
                <Typography.Text code>{r.inputHash.slice(0, 12)}</Typography.Text>
              </span>
            </Tooltip>
          </Flex>
        }
        extra={
          <>
            <Tooltip title={t('pii.run.compareHint')}>
              <Button
                icon={<SwapOutlined />}
                disabled={selected.length === 0}
                onClick={() => navigate(comparePath(r.id, selected))}
                data-testid="pii-compare"
              >
                {selected.length > 0
                  ? t('pii.run.compareN', { n: selected.length })
                  : t('pii.run.compare')}
              </Button>
            </Tooltip>
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              href={runExportUrl(r.id)}
              download
              data-testid="pii-export"
            >
              {t('pii.run.export')}
            </Button>
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setUrl({ tab: k === 'ranking' ? null : k })}
        items={[
          {
            key: 'ranking',
            label: t('pii.run.tabs.ranking'),
            children: (
              <RankingTable
                run={r}
                region={url.region}
                search={url.q}
                onFilter={(patch) => setUrl(patch)}
                selected={selected}
                onSelect={setSelected}
              />
            ),
          },
          { key: 'map', label: t('pii.run.tabs.map'), children: <RunMap run={r} /> },
          {
            key: 'audit',
            label: t('pii.run.tabs.audit'),
            children: (
              <Suspense fallback={<Skeleton active />}>
                <AuditPanel runId={r.id} />
              </Suspense>
            ),
          },
          {
            key: 'published',
            label: t('pii.run.tabs.published'),
            children: <PublishedBeside run={r} />,
          },
        ]}
      />
    </>
  );
}

function RankingTable({
  run,
  region,
  search,
  onFilter,
  selected,
  onSelect,
}: {
  run: PiiRun;
  region?: string;
  search?: string;
  onFilter: (patch: { region?: string | null; q?: string | null }) => void;
  selected: string[];
  onSelect: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [typed, setTyped] = useState(search ?? '');
  const rows = useMemo(
    () => filterRanking(run.ranking, { region, search }),
    [run.ranking, region, search],
  );
  const regions = useMemo(() => regionsOf(run.ranking), [run.ranking]);
  const subIndexes = aggregatesAt(run.aggregates, LEVEL.subIndex);
  const pillars = aggregatesAt(run.aggregates, LEVEL.pillar);
  const score = (v: number | null | undefined) => formatScore(v, locale);
  /** An aggregate's score column, sortable, its full name in a tooltip over `label`. */
  const aggregateColumn = (a: PiiRun['aggregates'][number], label: string, width: number) => ({
    title: <Tooltip title={nameOf(a, locale)}>{label}</Tooltip>,
    key: a.code,
    width,
    align: 'right' as const,
    sorter: (x: PiiRankingRow, y: PiiRankingRow) =>
      compareNullable(x.aggregates[a.code]?.score, y.aggregates[a.code]?.score),
    render: (_: unknown, row: PiiRankingRow) => score(row.aggregates[a.code]?.score),
  });

  const columns: TableProps<PiiRankingRow>['columns'] = [
    {
      title: t('pii.run.rank'),
      dataIndex: 'rank',
      width: 72,
      align: 'right',
      fixed: 'left',
      sorter: (a, b) => compareNullable(a.rank, b.rank),
      defaultSortOrder: 'ascend',
      render: (rank: number | null) => rank ?? '—',
    },
    {
      title: t('pii.run.province'),
      dataIndex: 'unitName',
      width: 190,
      fixed: 'left',
      sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'vi'),
      render: (name: string, row) => <Link to={profilePath(run.id, row.unitId)}>{name}</Link>,
    },
    {
      title: t('pii.run.region'),
      dataIndex: 'regionVi',
      width: 180,
      sorter: (a, b) => (a.regionVi ?? '').localeCompare(b.regionVi ?? '', 'vi'),
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('pii.run.score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      sorter: (a, b) => compareNullable(a.score, b.score),
      render: (v: number | null) => <strong>{score(v)}</strong>,
    },
    ...subIndexes.map((a) => aggregateColumn(a, shortName(nameOf(a, locale)), 100)),
    ...pillars.map((a, i) => aggregateColumn(a, t('pii.run.pillarShort', { n: i + 1 }), 88)),
    {
      title: <Tooltip title={t('pii.run.intervalHelp')}>{t('pii.run.interval')}</Tooltip>,
      key: 'interval',
      width: 110,
      align: 'right',
      sorter: (a, b) => compareNullable(a.rankInterval?.q95, b.rankInterval?.q95),
      render: (_, row) => intervalText(row.rankInterval) ?? '—',
    },
  ];

  return (
    <Card>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('pii.run.search')}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            onFilter({ q: e.target.value });
          }}
          aria-label={t('pii.run.search')}
          data-testid="pii-search"
        />
        <Select
          allowClear
          style={{ minWidth: 240 }}
          placeholder={t('pii.run.allRegions')}
          value={region}
          onChange={(v?: string) => onFilter({ region: v })}
          options={regions.map((r) => ({ value: r, label: r }))}
          aria-label={t('pii.run.region')}
        />
        <Typography.Text type="secondary">
          {t('pii.run.shown', { n: rows.length, total: run.ranking.length })}
        </Typography.Text>
      </Flex>
      <Table<PiiRankingRow>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 + pillars.length * 88 }}
        sticky
        data-testid="pii-ranking"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => onSelect(keys.map(String).slice(0, 4)),
          getCheckboxProps: (row) => ({
            disabled: selected.length >= 4 && !selected.includes(row.unitId),
            'aria-label': t('pii.run.selectToCompare', { name: row.unitName }),
          }),
          hideSelectAll: true,
        }}
        locale={{ emptyText: t('pii.run.noMatch') }}
      />
    </Card>
  );
}

/** "Chỉ số phụ đầu vào" → "Đầu vào": the column titles keep the distinguishing words. */
function shortName(name: string): string {
  const m = /^(?:chỉ số phụ|sub-index:?)\s+(.+)$/i.exec(name.trim());
  const rest = m?.[1] ?? name;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function RunMap({ run }: { run: PiiRun }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  if (run.unitBasis !== 'provinces-34') {
    return (
      <Alert
        type="info"
        showIcon
        title={t('pii.run.mapUnavailable')}
        description={t('pii.run.mapUnavailableHelp')}
      />
    );
  }
  const regions: MapRegion[] = run.ranking.flatMap((row) =>
    row.score === null
      ? []
      : [
          {
            code: row.unitCode,
            value: row.score,
            name: row.unitName,
            details: [t('pii.run.rankOf', { rank: row.rank ?? '—', n: run.unitCount })],
          },
        ],
  );
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('pii.run.mapHelp')}</Typography.Paragraph>
      <div data-testid="pii-map">
        <VietnamMap
          regions={regions}
          valueLabel={t('pii.run.mapValue')}
          formatValue={(v) => formatScore(v, locale)}
          noValueLabel={t('pii.run.mapNoValue')}
          onSelect={(code) => {
            const row = run.ranking.find((x) => x.unitCode === code);
            if (row) navigate(profilePath(run.id, row.unitId));
          }}
        />
      </div>
    </Card>
  );
}

/** The results the Ministry published for the edition's year, kept apart from the computed ones. */
function PublishedBeside({ run }: { run: PiiRun }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const published = usePublished(run.editionYear);
  const computed = useMemo(
    () => new Map(run.ranking.map((row) => [row.unitId, row])),
    [run.ranking],
  );
  const score = (v: number | null) => formatScore(v, locale);
  const columns: TableProps<PiiPublishedResult>['columns'] = [
    {
      title: t('pii.published.rank'),
      dataIndex: 'rank',
      width: 110,
      align: 'right',
      render: (rank: number | null, p) => formatRank(rank, p.ofN),
    },
    {
      title: t('pii.run.province'),
      dataIndex: 'provinceName',
      render: (name: string, p) => (
        <Flex gap={8} wrap>
          <span>{name}</span>
          {p.conflict && (
            <Tooltip title={t('pii.published.conflictHelp')}>
              <Tag color="red">{t('pii.published.conflict')}</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: t('pii.published.score'),
      dataIndex: 'score',
      width: 110,
      align: 'right',
      render: score,
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
    {
      title: t('pii.published.source'),
      dataIndex: 'source',
      width: 260,
      render: (source: string, p) => (
        <Flex vertical>
          <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: source }}>
            {source}
          </Typography.Text>
          {p.notes && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.notes}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: (
        <Tooltip title={t('pii.published.computedHelp')}>{t('pii.published.computed')}</Tooltip>
      ),
      key: 'computed',
      width: 150,
      align: 'right',
      render: (_, p) => {
        const row = p.unitId ? computed.get(p.unitId) : undefined;
        if (!row || row.rank === null) return '—';
        return (
          <Typography.Text type="secondary">
            {t('pii.published.computedValue', { rank: row.rank, score: score(row.score) })}
          </Typography.Text>
        );
      },
    },
  ];
  return (
    <Card>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('pii.published.notComputed', { year: run.editionYear })}
        description={t('pii.published.notComputedHelp')}
      />
      {published.isError ? (
        <ErrorAlert error={published.error} onRetry={() => void published.refetch()} />
      ) : (
        <Table<PiiPublishedResult>
          rowKey={(p) => `${p.year}-${p.provinceName}-${p.source}`}
          size="small"
          columns={columns}
          dataSource={published.data?.items ?? []}
          loading={published.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="pii-published"
          locale={{ emptyText: t('pii.published.empty', { year: run.editionYear }) }}
        />
      )}
    </Card>
  );
}
