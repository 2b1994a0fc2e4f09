import { useMemo } from 'react';
import { RadarChart as EchartsRadar } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../components/useEChart';
import { wrapLabel } from './model';

// Loaded with this chart only, when a profile or a comparison shows it.
echarts.use([EchartsRadar, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS = ['#0b5cad', '#fa8c16', '#52c41a', '#eb2f96', '#8c8c8c'];

export interface RadarSeries {
  name: string;
  values: (number | null)[];
  /** Drawn dashed, without fill (a reference such as the median). */
  reference?: boolean;
}

/** Scores 0–100 on each axis (the 7 pillars), one polygon per series. */
export default function RadarChart({
  axes,
  series,
  label,
  formatValue,
  height = 380,
}: {
  axes: string[];
  series: RadarSeries[];
  /** What the chart shows, for screen readers. */
  label: string;
  formatValue: (value: number | null) => string;
  height?: number;
}) {
  const option = useMemo(
    () => ({
      color: COLORS,
      tooltip: { trigger: 'item', confine: true },
      legend: { bottom: 0, type: 'scroll' },
      radar: {
        indicator: axes.map((name) => ({ name, max: 100, min: 0 })),
        radius: '55%',
        center: ['50%', '46%'],
        axisName: {
          color: '#434343',
          fontSize: 11,
          lineHeight: 14,
          formatter: (name?: string) => wrapLabel(name ?? '', 18),
        },
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          tooltip: {
            formatter: (p: { name: string; value: (number | string)[] }) =>
              [
                `<strong>${escapeHtml(p.name)}</strong>`,
                ...axes.map(
                  (a, i) =>
                    `${escapeHtml(a)}: ${escapeHtml(formatValue(numberOrNull(p.value[i])))}`,
                ),
              ].join('<br/>'),
          },
          data: series.map((s, i) => ({
            name: s.name,
            value: s.values.map((v) => v ?? '-'),
            symbolSize: 4,
            lineStyle: s.reference
              ? { type: 'dashed', width: 1.5, color: COLORS[4] }
              : { width: 2, color: COLORS[i % 4] },
            itemStyle: { color: s.reference ? COLORS[4] : COLORS[i % 4] },
            areaStyle: s.reference || series.length > 2 ? undefined : { opacity: 0.15 },
          })),
        },
      ],
    }),
    [axes, series, formatValue],
  );
  const element = useEChart(option);

  return (
    <div ref={element} role="img" aria-label={label} data-testid="pii-radar" style={{ height }} />
  );
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
