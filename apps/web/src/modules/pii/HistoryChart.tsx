import { useMemo } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { PiiHistoryPoint } from '@caunoi/shared';
import { useEChart } from '../../components/useEChart';

// Loaded with this chart only, when a province's history is shown.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COMPUTED = ['#0b5cad', '#13a8a8', '#2f54eb', '#1677ff'];
const PUBLISHED = ['#722ed1', '#c41d7f', '#d46b08', '#531dab'];

export interface HistoryText {
  seriesName: (p: PiiHistoryPoint) => string;
  tooltip: (p: PiiHistoryPoint) => string;
  rankAxis: string;
}

/**
 * The rank of a province (and of its predecessors) across editions, rank 1 at the top: one line
 * per province and source, computed solid, published dashed; a predecessor's points carry its
 * name.
 */
export default function HistoryChart({
  points,
  text,
  aria,
}: {
  points: PiiHistoryPoint[];
  text: HistoryText;
  aria: string;
}) {
  const option = useMemo(() => {
    const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
    const groups = new Map<string, PiiHistoryPoint[]>();
    for (const p of points) {
      if (p.rank === null) continue;
      const key = `${p.source}|${p.unitId}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    let computed = 0;
    let published = 0;
    const series = [...groups.values()].map((group) => {
      const first = group[0]!;
      const isPublished = first.source === 'published';
      const palette = isPublished ? PUBLISHED : COMPUTED;
      const color = palette[(isPublished ? published++ : computed++) % palette.length];
      const byYear = new Map(group.map((p) => [p.year, p]));
      return {
        type: 'line' as const,
        name: text.seriesName(first),
        color,
        connectNulls: true,
        symbol: isPublished ? 'diamond' : 'circle',
        symbolSize: 9,
        lineStyle: { type: isPublished ? ('dashed' as const) : ('solid' as const), width: 2 },
        data: years.map((y) => {
          const p = byYear.get(y);
          if (!p) return null;
          return {
            value: p.rank,
            point: p,
            label: {
              show: true,
              position: 'top' as const,
              fontSize: 10,
              formatter: p.predecessor ? `${p.unitName}: ${p.rank}` : String(p.rank),
            },
          };
        }),
      };
    });
    return {
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: { data?: { point?: PiiHistoryPoint } }) =>
          p.data?.point ? text.tooltip(p.data.point) : '',
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years.map(String), boundaryGap: true },
      yAxis: {
        type: 'value',
        inverse: true,
        min: 1,
        // A round bound above the lowest rank shown (the number of provinces is in the tooltip).
        max: ({ max }: { max: number }) => Math.max(10, Math.ceil(max / 10) * 10),
        minInterval: 1,
        name: text.rankAxis,
        nameLocation: 'start',
      },
      series,
    };
  }, [points, text]);
  const element = useEChart(option);

  return (
    <div
      ref={element}
      role="img"
      aria-label={aria}
      data-testid="history-chart"
      style={{ width: '100%', height: 320 }}
    />
  );
}
