import { lazy, Suspense, useCallback, useMemo } from 'react';
import { DownloadOutlined, FileExcelOutlined, LinkOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Radio,
  Segmented,
  Select,
  Skeleton,
  Space,
  Tabs,
  TreeSelect,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  compareVi,
  foldVi,
  makePeriod,
  PERIOD_TYPE_LABELS,
  PERIOD_TYPES,
  PERIODS_PER_YEAR,
  type PeriodType,
} from '@caunoi/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorAlert } from '../../../components/QueryState';
import { useLocale } from '../../../i18n/locale';
import { formatDate } from '../../../lib/format';
import { useUrlState } from '../../../lib/useUrlState';
import { useMe } from '../../auth/session';
import { useUnits } from '../../units/api';
import { readsEveryProvince } from '../access';
import { useCatalogue } from '../api';
import type { Catalogue } from '../types';
import type { ChartSpec, ChartText } from './AnalyticsChart';
import { AnalyticsMap, indicatorLabel } from './AnalyticsMap';
import { exportUrl, useAnalytics } from './api';
import {
  apiParams,
  buildPivot,
  CHARTS,
  Cube,
  defaultRange,
  DIMENSIONS,
  formatValue,
  LEVEL_ORDER,
  pivotCsv,
  queryOf,
  rangeLength,
  URL_KEYS,
  VIEWS,
  type ChartKind,
  type Dimension,
  type Labeller,
  type NoteLabels,
  type ViewKind,
} from './model';
import { MAX_PIVOT_LINES, PivotTable } from './PivotTable';
import type { AnalyticsView, Level } from './types';
import styles from './Analytics.module.css';

const AnalyticsChart = lazy(() => import('./AnalyticsChart'));

/** Years offered in the period pickers. */
const FIRST_YEAR = 2010;
/** Units drawn at most in a line chart. */
const MAX_LINES = 12;

/**
 * Analytics: a query builder kept in the address bar (indicators, periods, units, boundaries,
 * levels), then the answer as a pivot table, a chart or a map, and its exports.
 */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const national = readsEveryProvince(me);
  const [url, setUrl] = useUrlState(URL_KEYS);
  const thisYear = new Date().getFullYear();
  const q = useMemo(() => {
    const parsed = queryOf(url, thisYear);
    // A province account is answered its own units only (aggregates are other provinces' data).
    return national ? parsed : { ...parsed, levels: ['unit' as Level] };
  }, [url, thisYear, national]);
  const catalogue = useCatalogue();
  const units = useUnits();

  const regions = useMemo(() => {
    const names = new Map<string, string>();
    for (const u of units.data?.items ?? [])
      names.set(u.regionVi, locale === 'en' ? u.regionEn : u.regionVi);
    return [...names].sort((a, b) => compareVi(a[0], b[0]));
  }, [units.data, locale]);
  const unitIds = useMemo(() => {
    if (q.region) {
      return (units.data?.items ?? []).filter((u) => u.regionVi === q.region).map((u) => u.id);
    }
    return q.units;
  }, [q.region, q.units, units.data]);
  const waitingForRegion = !!q.region && !units.data;
  const params = waitingForRegion ? null : apiParams(q, unitIds);
  const answer = useAnalytics(params);
  const badRange = q.indicators.length > 0 && rangeLength(q) === 0;

  const copyLink = () => {
    void navigator.clipboard?.writeText(window.location.href).then(
      () => message.success(t('statistics.analytics.query.linkCopied')),
      () => undefined,
    );
  };

  return (
    <>
      <PageHeader
        title={t('statistics.analytics.title')}
        description={t('statistics.analytics.description')}
        extra={
          <Space wrap>
            <Button icon={<LinkOutlined />} onClick={copyLink}>
              {t('statistics.analytics.query.copyLink')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!params}
              href={params ? exportUrl(params, 'xlsx') : undefined}
              download
              data-testid="analytics-export-xlsx"
            >
              {t('statistics.analytics.export.excel')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={!params}
              href={params ? exportUrl(params, 'csv') : undefined}
              download
            >
              {t('statistics.analytics.export.csv')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <QueryBuilder
          catalogue={catalogue.data}
          cataloguePending={catalogue.isPending}
          regions={regions}
          units={(units.data?.items ?? []).map((u) => ({
            value: u.id,
            label: locale === 'en' ? u.nameEn : u.nameVi,
          }))}
          url={url}
          q={q}
          national={national}
          setUrl={setUrl}
          thisYear={thisYear}
        />
        {catalogue.error && (
          <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
        )}
      </Card>
      {badRange ? (
        <Alert type="warning" showIcon title={t('statistics.analytics.query.badRange')} />
      ) : !params && !waitingForRegion ? (
        <Empty description={t('statistics.analytics.query.pickIndicator')} />
      ) : answer.error ? (
        <ErrorAlert error={answer.error} onRetry={() => void answer.refetch()} />
      ) : !answer.data ? (
        <Skeleton active />
      ) : (
        <Answer
          view={answer.data}
          params={params!}
          url={url}
          setUrl={setUrl}
          fetching={answer.isFetching}
        />
      )}
    </>
  );
}

type SetUrl = ReturnType<typeof useUrlState<(typeof URL_KEYS)[number]>>[1];

function periodOptions(type: PeriodType, thisYear: number, locale: 'vi' | 'en') {
  const options: Array<{ value: string; label: string }> = [];
  for (let year = FIRST_YEAR; year <= thisYear + 1; year++) {
    for (let index = 1; index <= PERIODS_PER_YEAR[type]; index++) {
      const p = makePeriod(type, 'statistical', year, index)!;
      options.push({ value: p.code, label: periodText(p.code, type, year, index, locale) });
    }
  }
  return options;
}

function periodText(
  code: string,
  type: PeriodType,
  year: number,
  index: number,
  locale: 'vi' | 'en',
): string {
  if (type === 'year') return code;
  if (locale === 'en') {
    return type === 'half'
      ? `H${index} ${year}`
      : type === 'quarter'
        ? `Q${index} ${year}`
        : `${String(index).padStart(2, '0')}/${year}`;
  }
  return type === 'half'
    ? `6 tháng ${index === 1 ? 'đầu' : 'cuối'} ${year}`
    : type === 'quarter'
      ? `Quý ${['I', 'II', 'III', 'IV'][index - 1]}/${year}`
      : `Tháng ${String(index).padStart(2, '0')}/${year}`;
}

interface TreeNode {
  value: string;
  title: string;
  selectable?: boolean;
  children?: TreeNode[];
}

/** Indicators by group, each with its breakdown's options under it. */
function indicatorTree(catalogue: Catalogue, locale: 'vi' | 'en', totalLabel: string): TreeNode[] {
  const name = (x: { nameVi: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameVi);
  const options = new Map(catalogue.disaggregations.map((d) => [d.code, d.options]));
  return catalogue.groups
    .map((g) => ({
      value: `group:${g.code}`,
      title: name(g),
      selectable: false,
      children: catalogue.indicators
        .filter((i) => i.group === g.code)
        .map((i) => {
          const opts = i.disaggregation ? (options.get(i.disaggregation) ?? []) : [];
          const title = `${name(i)} (${locale === 'en' ? i.unitEn : i.unitVi})`;
          return {
            value: i.code,
            title: opts.length > 0 ? `${title} — ${totalLabel}` : title,
            children:
              opts.length > 0
                ? opts.map((o) => ({
                    value: `${i.code}.${o.code}`,
                    title: `${name(i)} — ${name(o)}`,
                  }))
                : undefined,
          };
        }),
    }))
    .filter((g) => g.children.length > 0);
}

function QueryBuilder({
  catalogue,
  cataloguePending,
  regions,
  units,
  url,
  q,
  national,
  setUrl,
  thisYear,
}: {
  catalogue: Catalogue | undefined;
  cataloguePending: boolean;
  regions: Array<[string, string]>;
  units: Array<{ value: string; label: string }>;
  url: Record<(typeof URL_KEYS)[number], string | undefined>;
  q: ReturnType<typeof queryOf>;
  national: boolean;
  setUrl: SetUrl;
  thisYear: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tree = useMemo(
    () =>
      catalogue ? indicatorTree(catalogue, locale, t('statistics.analytics.query.total')) : [],
    [catalogue, locale, t],
  );
  const periods = useMemo(
    () => periodOptions(q.periodType, thisYear, locale),
    [q.periodType, thisYear, locale],
  );
  const unitMode = q.region ? 'region' : q.units.length > 0 || url.units === '' ? 'chosen' : 'all';
  const label = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );

  return (
    <Flex vertical gap={10}>
      <Flex vertical gap={2}>
        {label(t('statistics.analytics.query.indicators'))}
        <TreeSelect
          data-testid="analytics-indicators"
          aria-label={t('statistics.analytics.query.indicators')}
          multiple
          showSearch={{
            // Tone-insensitive: "cham tien do" finds "chậm tiến độ".
            filterTreeNode: (input, node) =>
              foldVi(`${String(node.title)} ${String(node.value)}`).includes(foldVi(input)),
          }}
          allowClear
          loading={cataloguePending}
          treeData={tree}
          value={q.indicators}
          onChange={(v: string[]) => setUrl({ ind: v.join(',') })}
          placeholder={t('statistics.analytics.query.indicatorsPlaceholder')}
          style={{ width: '100%' }}
          maxTagCount="responsive"
          treeDefaultExpandAll={false}
          listHeight={360}
        />
      </Flex>
      <Flex gap="10px 20px" wrap align="flex-end">
        <Flex vertical gap={2}>
          {label(t('statistics.analytics.query.periodType'))}
          <Select
            aria-label={t('statistics.analytics.query.periodType')}
            style={{ width: 120 }}
            value={q.periodType}
            onChange={(pt: PeriodType) => {
              const range = defaultRange(pt, thisYear);
              setUrl({ pt, from: range.from, to: range.to });
            }}
            options={PERIOD_TYPES.map((p) => ({ value: p, label: PERIOD_TYPE_LABELS[p][locale] }))}
          />
        </Flex>
        <Flex vertical gap={2}>
          {label(t('statistics.analytics.query.from'))}
          <Select
            data-testid="analytics-from"
            aria-label={t('statistics.analytics.query.from')}
            showSearch
            style={{ width: 160 }}
            value={q.from}
            onChange={(from: string) => setUrl({ from })}
            options={periods}
          />
        </Flex>
        <Flex vertical gap={2}>
          {label(t('statistics.analytics.query.to'))}
          <Select
            data-testid="analytics-to"
            aria-label={t('statistics.analytics.query.to')}
            showSearch
            style={{ width: 160 }}
            value={q.to}
            onChange={(to: string) => setUrl({ to })}
            options={periods}
          />
        </Flex>
        <Flex vertical gap={2}>
          {label(t('statistics.analytics.query.boundaries'))}
          <Radio.Group
            data-testid="analytics-boundaries"
            optionType="button"
            value={q.boundaries}
            onChange={(e) => setUrl({ b: e.target.value === 'current' ? 'current' : null })}
            options={[
              { value: 'as-reported', label: t('statistics.analytics.query.asReported') },
              { value: 'current', label: t('statistics.analytics.query.current') },
            ]}
          />
        </Flex>
        {national && (
          <Flex vertical gap={2}>
            {label(t('statistics.analytics.query.levels'))}
            <Checkbox.Group
              value={q.levels}
              onChange={(v) => {
                const levels = LEVEL_ORDER.filter((l) => (v as Level[]).includes(l));
                if (levels.length > 0)
                  setUrl({ lv: levels.length === 3 ? null : levels.join(',') });
              }}
              options={LEVEL_ORDER.map((l) => ({
                value: l,
                label: t(`statistics.analytics.query.level.${l}`),
              }))}
            />
          </Flex>
        )}
      </Flex>
      <Flex gap="8px 12px" wrap align="center">
        {label(t('statistics.analytics.query.units'))}
        <Segmented
          value={unitMode}
          onChange={(mode) => {
            if (mode === 'all') setUrl({ units: null, region: null });
            else if (mode === 'region') setUrl({ units: null, region: regions[0]?.[0] ?? null });
            else setUrl({ region: null, units: q.units.join(',') || null });
          }}
          options={[
            { value: 'all', label: t('statistics.analytics.query.unitsAll') },
            { value: 'region', label: t('statistics.analytics.query.unitsRegion') },
            { value: 'chosen', label: t('statistics.analytics.query.unitsChosen') },
          ]}
        />
        {unitMode === 'region' && (
          <Select
            aria-label={t('statistics.analytics.query.regionPlaceholder')}
            style={{ minWidth: 260 }}
            value={q.region ?? undefined}
            placeholder={t('statistics.analytics.query.regionPlaceholder')}
            onChange={(region: string) => setUrl({ region })}
            options={regions.map(([value, text]) => ({ value, label: text }))}
          />
        )}
        {unitMode === 'chosen' && (
          <Select
            aria-label={t('statistics.analytics.query.unitsPlaceholder')}
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 320, flex: 1 }}
            maxTagCount="responsive"
            value={q.units}
            placeholder={t('statistics.analytics.query.unitsPlaceholder')}
            onChange={(ids: string[]) => setUrl({ units: ids.join(',') || null })}
            options={units}
          />
        )}
      </Flex>
    </Flex>
  );
}

function Answer({
  view,
  params,
  url,
  setUrl,
  fetching,
}: {
  view: AnalyticsView;
  params: Record<string, string>;
  url: Record<(typeof URL_KEYS)[number], string | undefined>;
  setUrl: SetUrl;
  fetching: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cube = useMemo(() => new Cube(view), [view]);
  const tab: ViewKind = VIEWS.includes(url.view as ViewKind) ? (url.view as ViewKind) : 'table';
  const columns: Dimension = DIMENSIONS.includes(url.cols as Dimension)
    ? (url.cols as Dimension)
    : 'period';
  const pivot = useMemo(() => buildPivot(view, columns), [view, columns]);

  const validTo = useMemo(
    () => new Map(view.units.flatMap((u) => (u.validTo ? [[u.id, u.validTo] as const] : []))),
    [view.units],
  );
  const labels: Labeller = useMemo(
    () => ({
      indicator: (i) => indicatorLabel(view.indicators[i]!, locale),
      measure: (i) => {
        const ind = view.indicators[i]!;
        return locale === 'en' ? ind.unitEn : ind.unitVi;
      },
      row: (r) => {
        const row = view.rows[r]!;
        const name = locale === 'en' ? row.nameEn : row.nameVi;
        // A former province is told from today's one of the same name by its last day.
        const ended = row.unitId ? validTo.get(row.unitId) : undefined;
        return ended
          ? t('statistics.analytics.pivot.until', { name, date: formatDate(ended) })
          : name;
      },
      period: (p) => {
        const period = view.periods[p]!;
        return locale === 'en' ? period.labelEn : period.labelVi;
      },
    }),
    [view, locale, validTo, t],
  );
  const noteLabels: NoteLabels = useMemo(
    () => ({
      flag: (f) => t(`statistics.analytics.flags.${f}`),
      missing: (names) => t('statistics.analytics.note.missing', { names }),
      coverage: (reported, expected) =>
        t('statistics.analytics.note.coverage', { reported, expected }),
      synthetic: t('statistics.analytics.note.synthetic'),
    }),
    [t],
  );

  const downloadTable = () => {
    const csv = pivotCsv(cube, pivot, labels, {
      title: t('statistics.analytics.export.title'),
      queryLines: [
        t('statistics.analytics.export.boundaries', {
          b:
            view.boundaries === 'current'
              ? t('statistics.analytics.query.current')
              : t('statistics.analytics.query.asReported'),
        }),
        t('statistics.analytics.export.periods', {
          from: labels.period(0),
          to: labels.period(view.periods.length - 1),
        }),
        window.location.href,
      ],
      dimension: (d) => t(`statistics.analytics.pivot.dim.${d}`),
      syntheticLegend: t('statistics.analytics.export.syntheticLegend'),
      flaggedLegend: t('statistics.analytics.export.flaggedLegend'),
      yesNo: { yes: t('statistics.grid.yes'), no: t('statistics.grid.no') },
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = `${t('statistics.analytics.export.fileName')} ${view.asOf}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  return (
    <Flex vertical gap={12} style={{ opacity: fetching ? 0.6 : 1, transition: 'opacity .2s' }}>
      {view.synthetic && (
        <Alert
          type="warning"
          showIcon
          data-testid="analytics-synthetic-banner"
          title={t('statistics.analytics.syntheticBanner')}
        />
      )}
      {view.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={view.notes.map((n) => (
            <div key={n}>{n}</div>
          ))}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setUrl({ view: k === 'table' ? null : k })}
        items={[
          {
            key: 'table',
            label: t('statistics.analytics.view.table'),
            children: (
              <Flex vertical gap={8}>
                <Flex gap={12} wrap align="center" justify="space-between">
                  <Flex gap={8} align="center">
                    <Typography.Text type="secondary">
                      {t('statistics.analytics.pivot.columns')}
                    </Typography.Text>
                    <Segmented
                      data-testid="analytics-columns"
                      value={columns}
                      onChange={(c) => setUrl({ cols: c === 'period' ? null : c })}
                      options={DIMENSIONS.map((d) => ({
                        value: d,
                        label: t(`statistics.analytics.pivot.dim.${d}`),
                      }))}
                    />
                  </Flex>
                  <Button icon={<DownloadOutlined />} onClick={downloadTable}>
                    {t('statistics.analytics.export.table')}
                  </Button>
                </Flex>
                {pivot.lines.length === 0 || pivot.columnCount === 0 ? (
                  <Empty description={t('statistics.analytics.pivot.empty')} />
                ) : (
                  <div className={styles.scroller} tabIndex={0}>
                    <PivotTable cube={cube} pivot={pivot} labels={labels} noteLabels={noteLabels} />
                  </div>
                )}
                {pivot.lines.length > MAX_PIVOT_LINES && (
                  <Typography.Text type="secondary">
                    {MAX_PIVOT_LINES}/{pivot.lines.length}
                  </Typography.Text>
                )}
                <div className={styles.legend}>
                  <span>
                    <span className={styles.synthetic}>
                      1.234,5<span className={styles.synthMark}>*</span>
                    </span>{' '}
                    {t('statistics.analytics.pivot.legendSynthetic')}
                  </span>
                  <span>
                    <span className={styles.flagMark}>▲</span>{' '}
                    {t('statistics.analytics.pivot.legendFlag')}
                  </span>
                </div>
              </Flex>
            ),
          },
          {
            key: 'chart',
            label: t('statistics.analytics.view.chart'),
            children: tab === 'chart' && (
              <ChartPanel cube={cube} labels={labels} url={url} setUrl={setUrl} />
            ),
          },
          {
            key: 'map',
            label: t('statistics.analytics.view.map'),
            children: tab === 'map' && (
              <AnalyticsMap view={view} params={params} noteLabels={noteLabels} />
            ),
          },
        ]}
      />
    </Flex>
  );
}

const numericIndicators = (view: AnalyticsView) =>
  view.indicators
    .map((ind, i) => ({ ind, i }))
    .filter(({ ind }) => ind.valueType !== 'text' && ind.valueType !== 'boolean');

/** What a chart draws; `p` holds its indicator and period: `<indicator index>:<period index>`. */
function chartSpec(
  view: AnalyticsView,
  numeric: ReturnType<typeof numericIndicators>,
  kind: ChartKind,
  p: string | undefined,
  multiplesBy: 'row' | 'indicator',
): ChartSpec {
  const [pi, pp] = (p ?? '').split(':').map(Number);
  const indicator = numeric.find((n) => n.i === pi)?.i ?? numeric[0]?.i ?? 0;
  const period =
    pp !== undefined && Number.isInteger(pp) && pp >= 0 && pp < view.periods.length
      ? pp
      : view.periods.length - 1;
  const allRows = view.rows.map((_, k) => k);
  const rows =
    kind === 'bar'
      ? allRows.filter((k) => view.rows[k]!.level === 'unit')
      : kind === 'line'
        ? allRows.slice(0, MAX_LINES)
        : allRows;
  return { kind, indicator, period, rows, multiplesBy };
}

function ChartPanel({
  cube,
  labels,
  url,
  setUrl,
}: {
  cube: Cube;
  labels: Labeller;
  url: Record<(typeof URL_KEYS)[number], string | undefined>;
  setUrl: SetUrl;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const view = cube.view;
  const kind: ChartKind = CHARTS.includes(url.chart as ChartKind)
    ? (url.chart as ChartKind)
    : 'bar';
  const multiplesBy: 'row' | 'indicator' = url.by === 'indicator' ? 'indicator' : 'row';
  const numeric = useMemo(() => numericIndicators(view), [view]);
  const spec: ChartSpec = useMemo(
    () => chartSpec(view, numeric, kind, url.p, multiplesBy),
    [view, numeric, kind, url.p, multiplesBy],
  );
  const { indicator, period } = spec;
  const format = useCallback((n: number) => formatValue(n, locale, { yes: '', no: '' }), [locale]);
  const text: ChartText = useMemo(
    () => ({
      row: labels.row,
      indicator: labels.indicator,
      period: labels.period,
      format,
      aria: t('statistics.analytics.chart.aria', {
        kind: t(`statistics.analytics.chart.${kind}`),
        what: `${labels.indicator(indicator)} (${labels.measure(indicator)})`,
      }),
    }),
    [labels, format, t, kind, indicator],
  );

  if (numeric.length === 0) {
    return <Alert type="info" showIcon title={t('statistics.analytics.chart.noNumbers')} />;
  }
  return (
    <Flex vertical gap={12}>
      <Flex gap="8px 16px" wrap align="center">
        <Segmented
          value={kind}
          onChange={(c) => setUrl({ chart: c === 'bar' ? null : c })}
          options={CHARTS.map((c) => ({ value: c, label: t(`statistics.analytics.chart.${c}`) }))}
        />
        <Select
          aria-label={t('statistics.analytics.chart.indicator')}
          style={{ minWidth: 320 }}
          value={indicator}
          onChange={(i: number) => setUrl({ p: `${i}:${period}` })}
          options={numeric.map(({ ind, i }) => ({ value: i, label: indicatorLabel(ind, locale) }))}
        />
        {kind === 'multiples' && (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('statistics.analytics.chart.by')}</Typography.Text>
            <Segmented
              value={multiplesBy}
              onChange={(b) => setUrl({ by: b === 'row' ? null : b })}
              options={[
                { value: 'row', label: t('statistics.analytics.chart.byRow') },
                { value: 'indicator', label: t('statistics.analytics.chart.byIndicator') },
              ]}
            />
          </Flex>
        )}
        {kind === 'bar' && (
          <Select
            aria-label={t('statistics.analytics.chart.period')}
            style={{ minWidth: 140 }}
            value={period}
            onChange={(p: number) => setUrl({ p: `${indicator}:${p}` })}
            options={view.periods.map((p, k) => ({ value: k, label: labels.period(k) }))}
          />
        )}
      </Flex>
      {kind === 'line' && view.rows.length > MAX_LINES && (
        <Typography.Text type="secondary">
          {t('statistics.analytics.chart.tooMany', { n: MAX_LINES })}
        </Typography.Text>
      )}
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 320 }} />}>
        <AnalyticsChart cube={cube} spec={spec} text={text} />
      </Suspense>
    </Flex>
  );
}
