import { useEffect, useRef, useState } from 'react';
import { Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type * as EchartsCore from 'echarts/core';
import { ErrorAlert } from './QueryState';

/** One province on the map: its official two-digit code and the value that colours it. */
export interface MapRegion {
  code: string;
  value: number;
  /** Name shown in the tooltip (default: the boundary file's name). */
  name?: string;
  /** Further tooltip lines. */
  details?: string[];
}

const GEO_URL = '/geo/vn34_provinces_s5.geojson';
const MAP_NAME = 'vn34';

interface Loaded {
  echarts: typeof EchartsCore;
  names: Record<string, string>;
}

let loading: Promise<Loaded> | undefined;

/** ECharts (only the parts a choropleth needs) and the boundaries, fetched once, on first use. */
function loadMap(): Promise<Loaded> {
  loading ??= (async () => {
    const [echarts, charts, components, features, renderers, response] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/features'),
      import('echarts/renderers'),
      fetch(GEO_URL),
    ]);
    if (!response.ok) throw new Error(`${GEO_URL}: ${response.status}`);
    const geo = (await response.json()) as {
      features: Array<{ properties: { code: string; name_vi: string } }>;
    };
    echarts.use([
      charts.MapChart,
      charts.ScatterChart,
      components.GeoComponent,
      components.TooltipComponent,
      components.VisualMapComponent,
      features.LabelLayout,
      renderers.CanvasRenderer,
    ]);
    echarts.registerMap(MAP_NAME, geo as never);
    const names = Object.fromEntries(
      geo.features.map((f) => [f.properties.code, f.properties.name_vi]),
    );
    return { echarts, names };
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The 34 provinces coloured by a value, with a legend and tooltips; clicking a province calls
 * `onSelect` with its code. The Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) archipelagos are
 * drawn with an outline, so that even the smallest islands show, and labelled.
 */
export function VietnamMap({
  regions,
  valueLabel,
  onSelect,
  height = 560,
  formatValue = String,
  noValueLabel,
}: {
  regions: MapRegion[];
  /** What the value counts, for the tooltip ("Số chương trình"). */
  valueLabel: string;
  onSelect?: (code: string) => void;
  height?: number;
  /** How a value is written in the tooltip (default: as is). */
  formatValue?: (value: number) => string;
  /** Said of a province missing from `regions` (default: its value is 0). */
  noValueLabel?: string;
}) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<Loaded['echarts']['init']> | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  });

  useEffect(() => {
    let cancelled = false;
    loadMap().then(
      (l) => !cancelled && setLoaded(l),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    if (!loaded || !element.current) return;
    const instance = loaded.echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (params) => {
      if (params.name && loaded.names[params.name]) select.current?.(params.name);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [loaded]);

  useEffect(() => {
    if (!loaded || !chart.current) return;
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const max = Math.max(1, ...regions.map((r) => r.value));
    const min = Math.min(0, ...regions.map((r) => r.value));
    chart.current.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; seriesType?: string }) => {
            const region = byCode.get(p.name);
            const name = region?.name ?? loaded.names[p.name];
            if (!name) return '';
            return [
              `<strong>${escapeHtml(name)}</strong>`,
              region
                ? `${escapeHtml(valueLabel)}: ${escapeHtml(formatValue(region.value))}`
                : noValueLabel === undefined
                  ? `${escapeHtml(valueLabel)}: 0`
                  : escapeHtml(noValueLabel),
              ...(region?.details ?? []).map(escapeHtml),
            ].join('<br/>');
          },
        },
        visualMap: {
          type: 'continuous',
          min,
          max,
          seriesIndex: 0,
          left: 12,
          bottom: 12,
          itemHeight: 120,
          text: [t('map.more'), t('map.less')],
          inRange: { color: ['#f0f5ff', '#85a5ff', '#1d39c4'] },
          calculable: false,
        },
        geo: {
          map: MAP_NAME,
          nameProperty: 'code',
          roam: true,
          scaleLimit: { min: 1, max: 20 },
          layoutCenter: ['50%', '50%'],
          layoutSize: '96%',
          // An outline on every shape keeps the smallest islands visible at any zoom.
          itemStyle: { areaColor: '#f5f5f5', borderColor: '#5b6b85', borderWidth: 0.7 },
          emphasis: { itemStyle: { areaColor: '#ffd666' }, label: { show: false } },
          select: { disabled: true },
          label: { show: false },
        },
        series: [
          {
            type: 'map',
            geoIndex: 0,
            data: regions.map((r) => ({ name: r.code, value: r.value })),
          },
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            silent: true,
            symbolSize: 0,
            tooltip: { show: false },
            // On a narrow screen, keep the archipelagos' names inside the chart (the label sits
            // 5 px right of its point, `rect`).
            labelLayout: (p: { rect: { x: number }; labelRect: { width: number } }) => {
              const over =
                p.rect.x + 5 + p.labelRect.width + 4 - (chart.current?.getWidth() ?? Infinity);
              return over > 0 ? { dx: -over } : {};
            },
            label: {
              show: true,
              formatter: '{b}',
              color: '#1f1f1f',
              fontSize: 11,
              fontStyle: 'italic',
              position: 'right',
            },
            data: [
              { name: t('map.hoangSa'), value: [112.75, 16.45] },
              { name: t('map.truongSa'), value: [115.2, 9.4] },
            ],
          },
        ],
      },
      { notMerge: true },
    );
  }, [loaded, regions, valueLabel, t, formatValue, noValueLabel]);

  if (error) {
    return (
      <ErrorAlert
        error={error}
        onRetry={() => {
          setError(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <figure style={{ margin: 0 }}>
      {!loaded && <Skeleton.Node active style={{ width: '100%', height }} />}
      <div
        ref={element}
        role="img"
        aria-label={t('map.ariaLabel', { what: valueLabel })}
        style={{ width: '100%', height, display: loaded ? 'block' : 'none' }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <figcaption>
          {t('map.attribution')}{' '}
          <a href="/geo/README.md" target="_blank" rel="noopener noreferrer">
            {t('map.source')}
          </a>
        </figcaption>
      </Typography.Text>
    </figure>
  );
}
