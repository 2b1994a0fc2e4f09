import { useMemo } from 'react';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../../components/useEChart';

// Loaded with this chart only, when the audit shows a heat map.
echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** The correlation matrix of the indicators of one aggregate, −1 (red) to 1 (blue). */
export default function AuditHeatmap({
  codes,
  values,
  nameOf,
  format,
  aria,
}: {
  codes: string[];
  values: (number | null)[][];
  nameOf: (code: string) => string;
  format: (v: number) => string;
  aria: string;
}) {
  const height = Math.max(320, Math.min(760, codes.length * 34 + 120));

  const option = useMemo(() => {
    const data = values.flatMap((row, i) =>
      row.map((v, j) => [j, i, v === null ? '-' : Math.round(v * 100) / 100]),
    );
    return {
      tooltip: {
        confine: true,
        formatter: (p: { value: [number, number, number | string] }) => {
          const [j, i, v] = p.value;
          return `${nameOf(codes[i]!)}<br/>${nameOf(codes[j]!)}<br/><b>${
            typeof v === 'number' ? format(v) : '—'
          }</b>`;
        },
      },
      grid: { left: 8, right: 16, top: 8, bottom: 60, containLabel: true },
      xAxis: {
        type: 'category',
        data: codes,
        axisLabel: { rotate: 45, fontSize: 11, interval: 0 },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        data: codes,
        inverse: true,
        axisLabel: { fontSize: 11, interval: 0 },
        splitArea: { show: true },
      },
      visualMap: {
        min: -1,
        max: 1,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#cf1322', '#fff1f0', '#ffffff', '#e6f4ff', '#0b5cad'] },
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: {
            show: codes.length <= 12,
            fontSize: 10,
            formatter: (p: { value: [number, number, number | string] }) =>
              typeof p.value[2] === 'number' ? format(p.value[2]) : '',
          },
          emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        },
      ],
    };
  }, [codes, values, nameOf, format]);
  const element = useEChart(option);

  return (
    <div
      ref={element}
      role="img"
      aria-label={aria}
      data-testid="audit-heatmap"
      style={{ width: '100%', height }}
    />
  );
}
