import { lazy, Suspense, useMemo } from 'react';
import { Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PiiMark, PiiProfile, PiiScore } from '@caunoi/shared';
import { useLocale } from '../../i18n/locale';
import { formatRank, formatScore, nameOf, type PiiAggregate } from './model';
import type { RadarSeries } from './RadarChart';

const RadarChart = lazy(() => import('./RadarChart'));

/** The pillars on a radar (the chart loaded on first use), scores written in the reader's language. */
export function PillarRadar({
  pillars,
  series,
  label,
}: {
  /** The axes, memoised with `series`: the chart is drawn again when either changes. */
  pillars: PiiAggregate[];
  series: RadarSeries[];
  label: string;
}) {
  const locale = useLocale();
  const axes = useMemo(() => pillars.map((a) => nameOf(a, locale)), [pillars, locale]);
  const format = useMemo(() => (v: number | null) => formatScore(v, locale), [locale]);
  return (
    <Suspense fallback={<Skeleton active />}>
      <RadarChart axes={axes} series={series} formatValue={format} label={label} />
    </Suspense>
  );
}

/** "Điểm mạnh" in green, "Điểm yếu" in red, nothing otherwise. */
export function MarkTag({ mark }: { mark: PiiMark | null }) {
  const { t } = useTranslation();
  if (mark === 'strength') return <Tag color="green">{t('pii.mark.strength')}</Tag>;
  if (mark === 'weakness') return <Tag color="red">{t('pii.mark.weakness')}</Tag>;
  return null;
}

type AggregateRow = PiiAggregate & PiiScore & { children?: AggregateRow[] };

/** Nests the aggregates under their parents, keeping the framework's order. */
function tree(aggregates: (PiiAggregate & PiiScore)[]): AggregateRow[] {
  const byParent = new Map<string | null, AggregateRow[]>();
  const codes = new Set(aggregates.map((a) => a.code));
  for (const a of aggregates) {
    const parent = a.parent && codes.has(a.parent) ? a.parent : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), { ...a }]);
  }
  const attach = (rows: AggregateRow[]): AggregateRow[] =>
    rows.map((row) => {
      const children = byParent.get(row.code);
      return children ? { ...row, children: attach(children) } : row;
    });
  return attach(byParent.get(null) ?? []);
}

/** The index, sub-indexes, pillars and sub-pillars of a profile with the unit's score and rank. */
export function AggregateTable({ profile }: { profile: PiiProfile }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(() => tree(profile.aggregates), [profile.aggregates]);
  const columns: TableProps<AggregateRow>['columns'] = [
    {
      title: t('pii.profile.aggregate'),
      key: 'name',
      render: (_, a) => (
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 6 }}>
            {levelLabel(t, a.level)}
          </Typography.Text>
          {a.level !== null && a.level >= 3 ? (
            <strong>{nameOf(a, locale)}</strong>
          ) : (
            nameOf(a, locale)
          )}
        </span>
      ),
    },
    {
      title: t('pii.profile.aggregateScore'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (v: number | null) => formatScore(v, locale),
    },
    {
      title: t('pii.profile.aggregateRank'),
      dataIndex: 'rank',
      width: 90,
      align: 'right',
      render: (v: number | null) => formatRank(v, profile.unitCount),
    },
  ];
  return (
    <Table<AggregateRow>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      expandable={{ defaultExpandAllRows: true }}
      data-testid="pii-aggregates"
    />
  );
}

function levelLabel(
  t: (key: `pii.level.${2 | 3 | 4 | 5}`) => string,
  level: number | null,
): string {
  return level !== null && level >= 2 && level <= 5 ? t(`pii.level.${level as 2 | 3 | 4 | 5}`) : '';
}
