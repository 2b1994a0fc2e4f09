import { useEffect, useRef } from 'react';
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLocale } from '../../i18n/locale';
import { formatStatNumber } from './grid/model';
import type { TrendPoint } from './types';

// Loaded with this chart only, when the completeness page shows it.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

const SERIES = [
  { key: 'reportingRate', color: '#0b5cad' },
  { key: 'timelyRate', color: '#52c41a' },
] as const;

/** The reporting rate (bars) and the timely rate (line) of each period, oldest first. */
export default function CompletenessChart({ items }: { items: TrendPoint[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) =>
          v === null || v === undefined || v === '-' ? '—' : `${formatStatNumber(Number(v), 1)}%`,
      },
      grid: { left: 8, right: 12, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: items.map((i) => (locale === 'en' ? i.labelEn : i.labelVi)),
        axisLabel: { fontSize: 11, interval: 0, rotate: items.length > 5 ? 30 : 0 },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
      },
      series: SERIES.map(({ key, color }) => ({
        type: key === 'reportingRate' ? 'bar' : 'line',
        name: t(`statistics.completeness.summary.${key}`),
        itemStyle: { color },
        barMaxWidth: 28,
        data: items.map((i) => i[key]),
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [items, t, locale]);

  return (
    <>
      <Flex gap="2px 12px" wrap style={{ fontSize: 12 }}>
        {SERIES.map(({ key, color }) => (
          <Flex key={key} gap={4} align="center">
            <span style={{ width: 10, height: 10, borderRadius: 2, background: color }} />
            {t(`statistics.completeness.summary.${key}`)}
          </Flex>
        ))}
      </Flex>
      <div
        ref={element}
        role="img"
        data-testid="completeness-chart"
        aria-label={t('statistics.completeness.chartAria', {
          list: items
            .map(
              (i) =>
                `${locale === 'en' ? i.labelEn : i.labelVi}: ${
                  i.reportingRate === null ? '—' : `${formatStatNumber(i.reportingRate, 1)}%`
                }`,
            )
            .join('; '),
        })}
        style={{ width: '100%', height: 240 }}
      />
    </>
  );
}
