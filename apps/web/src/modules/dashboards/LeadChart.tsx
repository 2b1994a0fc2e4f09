import { useEffect, useRef } from 'react';
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { buildQuery } from '../../api/client';
import { formatNumber } from '../../lib/format';
import type { LeagueGroup, LeagueRow } from '../tasks/types';

// Loaded with this component only (the dashboard's own chunk stays small).
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The league counts, one stack per lead unit; the colours of the tasks' facet tags. */
const SERIES = [
  { key: 'doneOnTime', color: '#52c41a' },
  { key: 'doneLate', color: '#fa541c' },
  { key: 'openWithinDeadline', color: '#1677ff' },
  { key: 'openOverdue', color: '#f5222d' },
] as const;

const ROW_HEIGHT = 30;

/** Horizontal stacked bars of the league rows; a bar opens the unit's tasks. */
export default function LeadChart({ rows, group }: { rows: LeagueRow[]; group: LeagueGroup }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);
  const height = 40 + rows.length * ROW_HEIGHT;

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    // The first row on top.
    const shown = [...rows].reverse();
    chart.setOption({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => formatNumber(Number(v)),
      },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: shown.map((r) => r.name),
        axisLabel: { width: 150, overflow: 'truncate', fontSize: 11 },
      },
      series: SERIES.map(({ key, color }) => ({
        type: 'bar',
        stack: 'all',
        name: t(`dashboards.leads.series.${key}`),
        itemStyle: { color },
        barMaxWidth: 18,
        data: shown.map((r) => r[key]),
      })),
    });
    chart.on('click', (params) => {
      const row = shown[params.dataIndex];
      if (!row) return;
      const filter =
        group === 'province' && row.unit
          ? { leadUnitId: row.unit.id }
          : { leadOrganisationId: row.organisationId };
      void navigate(`/tasks${buildQuery(filter)}`);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [rows, group, t, navigate]);

  // The legend wraps on a narrow screen, where the chart's own would overlap the bars.
  return (
    <>
      <Flex gap="2px 12px" wrap style={{ fontSize: 12 }}>
        {SERIES.map(({ key, color }) => (
          <Flex key={key} gap={4} align="center">
            <span style={{ width: 10, height: 10, borderRadius: 2, background: color }} />
            {t(`dashboards.leads.series.${key}`)}
          </Flex>
        ))}
      </Flex>
      <div
        ref={element}
        role="img"
        aria-label={t('dashboards.leads.aria', {
          list: rows.map((r) => `${r.name}: ${r.openOverdue}`).join('; '),
        })}
        style={{ width: '100%', height }}
      />
    </>
  );
}
