import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartKind, Cube } from './model';

// Loaded with this chart only, when the analytics page shows a chart.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface ChartSpec {
  kind: ChartKind;
  /** The indicator charted (bar, line, multiples per unit). */
  indicator: number;
  /** The period of a bar chart. */
  period: number;
  /** The rows charted, in order. */
  rows: number[];
  /** Small multiples: one chart per row, or per indicator (of the first row). */
  multiplesBy: 'row' | 'indicator';
}

export interface ChartText {
  row: (r: number) => string;
  indicator: (i: number) => string;
  period: (p: number) => string;
  format: (n: number) => string;
  aria: string;
}

const COLUMNS = 4;
const CELL_HEIGHT = 170;

/** The height a chart needs for its spec. */
export function chartHeight(cube: Cube, spec: ChartSpec): number {
  if (spec.kind === 'bar') return Math.max(320, Math.min(900, spec.rows.length * 18 + 80));
  if (spec.kind === 'line') return 420;
  const n = spec.multiplesBy === 'row' ? spec.rows.length : cube.view.size[0];
  return Math.ceil(Math.max(n, 1) / COLUMNS) * CELL_HEIGHT + 8;
}

function optionOf(cube: Cube, spec: ChartSpec, text: ChartText) {
  const [, , nPeriods] = cube.view.size;
  const periods = Array.from({ length: nPeriods }, (_, p) => text.period(p));
  const value = (v: unknown) =>
    typeof v === 'number' ? text.format(v) : v === null || v === undefined ? '—' : String(v);
  const tooltip = { trigger: 'axis' as const, valueFormatter: value, confine: true };
  if (spec.kind === 'bar') {
    // Provinces down the side, largest first: names stay readable at any count.
    const items = spec.rows
      .map((r) => ({ name: text.row(r), value: cube.number(spec.indicator, r, spec.period) }))
      .sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
    return {
      tooltip,
      grid: { left: 8, right: 24, top: 12, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => text.format(v) } },
      yAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { fontSize: 11 } },
      series: [
        {
          type: 'bar',
          name: text.indicator(spec.indicator),
          data: items.map((i) => i.value),
          itemStyle: { color: '#0b5cad' },
          barMaxWidth: 18,
        },
      ],
    };
  }
  if (spec.kind === 'line') {
    return {
      tooltip,
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => text.format(v) } },
      series: spec.rows.map((r) => ({
        type: 'line',
        name: text.row(r),
        connectNulls: false,
        data: periods.map((_, p) => cube.number(spec.indicator, r, p)),
      })),
    };
  }
  // Small multiples: one grid per row (or indicator), each with its own scale.
  const panels =
    spec.multiplesBy === 'row'
      ? spec.rows.map((r) => ({ title: text.row(r), i: spec.indicator, r }))
      : Array.from({ length: cube.view.size[0] }, (_, i) => ({
          title: text.indicator(i),
          i,
          r: spec.rows[0] ?? 0,
        }));
  const width = 100 / COLUMNS;
  return {
    tooltip,
    title: panels.map((panel, k) => ({
      text: panel.title,
      left: `${(k % COLUMNS) * width + 1}%`,
      top: Math.floor(k / COLUMNS) * CELL_HEIGHT,
      textStyle: { fontSize: 12, fontWeight: 500, width: 200, overflow: 'truncate' },
    })),
    grid: panels.map((_, k) => ({
      left: `${(k % COLUMNS) * width + 1}%`,
      width: `${width - 3}%`,
      top: Math.floor(k / COLUMNS) * CELL_HEIGHT + 28,
      height: CELL_HEIGHT - 60,
      containLabel: true,
    })),
    xAxis: panels.map((_, k) => ({
      type: 'category',
      gridIndex: k,
      data: periods,
      axisLabel: { fontSize: 10 },
    })),
    yAxis: panels.map((_, k) => ({
      type: 'value',
      gridIndex: k,
      splitNumber: 3,
      axisLabel: { fontSize: 10, formatter: (v: number) => text.format(v) },
    })),
    series: panels.map((panel, k) => ({
      type: 'line',
      name: panel.title,
      xAxisIndex: k,
      yAxisIndex: k,
      symbolSize: 4,
      itemStyle: { color: '#0b5cad' },
      data: periods.map((_, p) => cube.number(panel.i, panel.r, p)),
    })),
  };
}

/** Bars (one period across units), lines (periods, a few units) or small multiples. */
export default function AnalyticsChart({
  cube,
  spec,
  text,
}: {
  cube: Cube;
  spec: ChartSpec;
  text: ChartText;
}) {
  const element = useRef<HTMLDivElement>(null);
  const height = chartHeight(cube, spec);

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption(optionOf(cube, spec, text) as echarts.EChartsCoreOption);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [cube, spec, text]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={text.aria}
      data-testid="analytics-chart"
      style={{ width: '100%', height }}
    />
  );
}
