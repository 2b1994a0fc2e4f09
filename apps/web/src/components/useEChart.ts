import { useEffect, useRef } from 'react';
import { init, type EChartsCoreOption } from 'echarts/core';

/**
 * Draws `option` with ECharts in the element the returned ref is put on, resizes the chart with
 * its element and disposes of it on unmount; a new `option` (memoise it) draws the chart again.
 * The chart's own module registers the chart types and components it needs (`echarts.use`), so
 * that ECharts is loaded with the chart, not with the page.
 */
export function useEChart(option: EChartsCoreOption) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current);
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return element;
}
