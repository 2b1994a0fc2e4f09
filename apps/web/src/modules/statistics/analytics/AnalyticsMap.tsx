import { useCallback, useMemo, useState } from 'react';
import { Alert, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/QueryState';
import { VietnamMap, type MapRegion } from '../../../components/VietnamMap';
import { useAnalytics } from './api';
import { Cube, formatValue, noteLines, type NoteLabels } from './model';
import type { AnalyticsView } from './types';

/**
 * One indicator × period on the map of today's 34 provinces. The map has no shape for a former
 * province, so its figures are asked for on today's boundaries whatever the table shows.
 */
export function AnalyticsMap({
  view,
  params,
  noteLabels,
}: {
  /** The table's answer: its indicators and periods are the choices. */
  view: AnalyticsView;
  /** The table's query parameters. */
  params: Record<string, string>;
  noteLabels: NoteLabels;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const numeric = view.indicators
    .map((ind, i) => ({ ind, i }))
    .filter(({ ind }) => ind.valueType !== 'text' && ind.valueType !== 'boolean');
  const [indicator, setIndicator] = useState(numeric[0]?.ind.key);
  const [period, setPeriod] = useState(view.periods.at(-1)?.code);
  const indicatorKey = view.indicators.some((i) => i.key === indicator)
    ? indicator
    : numeric[0]?.ind.key;
  const periodCode = view.periods.some((p) => p.code === period)
    ? period
    : view.periods.at(-1)?.code;

  const mapParams =
    indicatorKey && periodCode
      ? {
          indicators: indicatorKey,
          periods: periodCode,
          boundaries: 'current',
          levels: 'unit',
          ...(params.units ? { units: params.units } : {}),
        }
      : null;
  const query = useAnalytics(mapParams);
  const format = useCallback((n: number) => formatValue(n, locale, { yes: '', no: '' }), [locale]);

  const { regions, without, measure, name } = useMemo(() => {
    const data = query.data;
    if (!data || data.indicators.length === 0 || data.periods.length === 0) {
      return { regions: [] as MapRegion[], without: 0, measure: '', name: '' };
    }
    const cube = new Cube(data);
    const out: MapRegion[] = [];
    let missing = 0;
    data.rows.forEach((row, r) => {
      if (row.level !== 'unit' || !row.code) return;
      const cell = cube.cell(0, r, 0);
      if (typeof cell.value !== 'number') {
        missing++;
        return;
      }
      out.push({
        code: row.code,
        value: cell.value,
        name: locale === 'en' ? row.nameEn : row.nameVi,
        details: noteLines(cube, cell, locale, noteLabels),
      });
    });
    const ind = data.indicators[0]!;
    const label = locale === 'en' ? ind.nameEn : ind.nameVi;
    const option = locale === 'en' ? ind.optionNameEn : ind.optionNameVi;
    return {
      regions: out,
      without: missing,
      measure: locale === 'en' ? ind.unitEn : ind.unitVi,
      name: option ? `${label} — ${option}` : label,
    };
  }, [query.data, locale, noteLabels]);

  if (numeric.length === 0) {
    return <Alert type="info" showIcon title={t('statistics.analytics.chart.noNumbers')} />;
  }
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('statistics.analytics.map.why')} />
      <Flex gap="8px 16px" wrap align="center">
        <label>
          <Typography.Text type="secondary">
            {t('statistics.analytics.map.indicator')}{' '}
          </Typography.Text>
          <Select
            style={{ minWidth: 320 }}
            value={indicatorKey}
            onChange={setIndicator}
            aria-label={t('statistics.analytics.map.indicator')}
            options={numeric.map(({ ind }) => ({
              value: ind.key,
              label: indicatorLabel(ind, locale),
            }))}
          />
        </label>
        <label>
          <Typography.Text type="secondary">
            {t('statistics.analytics.map.period')}{' '}
          </Typography.Text>
          <Select
            style={{ minWidth: 140 }}
            value={periodCode}
            onChange={setPeriod}
            aria-label={t('statistics.analytics.map.period')}
            options={view.periods.map((p) => ({
              value: p.code,
              label: locale === 'en' ? p.labelEn : p.labelVi,
            }))}
          />
        </label>
      </Flex>
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <div data-testid="analytics-map">
            <VietnamMap
              regions={regions}
              valueLabel={measure ? `${name} (${measure})` : name}
              formatValue={format}
              noValueLabel={t('statistics.analytics.map.noValue')}
              height={520}
            />
          </div>
          {without > 0 && (
            <Typography.Text type="secondary">
              {t('statistics.analytics.map.provincesWithout', { n: without })}
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}

export function indicatorLabel(
  ind: AnalyticsView['indicators'][number],
  locale: 'vi' | 'en',
): string {
  const name = locale === 'en' ? ind.nameEn : ind.nameVi;
  const option = locale === 'en' ? ind.optionNameEn : ind.optionNameVi;
  return option ? `${name} — ${option}` : name;
}
