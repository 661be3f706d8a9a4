/**
 * Charts rendered on the server as SVG with Apache ECharts (only the parts used are imported), so
 * the cockpit and the print view show them without waiting for scripts. Every bar and point
 * carries its number as a label: the chart reads without colour.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { formatWan } from "../lib/money";
import { STAGE_LABELS } from "../projects/stages";
import type { FunnelRow } from "./funnel";
import type { TrendMonth } from "./figures.server";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The funnel as horizontal bars, 线索 on top, each labelled with its count. */
export function funnelChartSvg(rows: readonly FunnelRow[], width = 560, height = 260): string {
  const ordered = [...rows].reverse();
  return renderSvg(
    {
      grid: { left: 56, right: 56, top: 10, bottom: 24 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: ordered.map((row) => STAGE_LABELS[row.stage]) },
      series: [
        {
          type: "bar",
          data: ordered.map((row) => row.projects),
          barWidth: "60%",
          itemStyle: { color: "#1f5fa8" },
          label: { show: true, position: "right", formatter: "{c} 个" },
        },
      ],
    },
    width,
    height,
  );
}

/** A point's label in 万美元; none for an empty month, so the lines stay readable. */
const amountLabel = (point: { value: unknown }) => (Number(point.value) === 0 ? "" : formatWan(Number(point.value) * 10_000));

/** Twelve months: signings as bars (left axis), 合同外资 and 实到外资 in 万美元 as lines (right axis). */
export function trendChartSvg(months: readonly TrendMonth[], width = 900, height = 300): string {
  const wan = (usd: number) => Math.round(usd / 100) / 100;
  return renderSvg(
    {
      legend: { top: 0, data: ["新签约项目数", "合同外资（万美元）", "实到外资（万美元）"] },
      grid: { left: 48, right: 72, top: 36, bottom: 28 },
      xAxis: { type: "category", data: months.map((m) => `${Number(m.month.slice(5))}月`) },
      yAxis: [
        { type: "value", name: "个", minInterval: 1 },
        { type: "value", name: "万美元", splitLine: { show: false } },
      ],
      series: [
        { name: "新签约项目数", type: "bar", data: months.map((m) => m.signedProjects), itemStyle: { color: "#9db8dc" }, label: { show: true, position: "top", formatter: (p: { value: unknown }) => (Number(p.value) === 0 ? "" : String(p.value)) } },
        {
          name: "合同外资（万美元）",
          type: "line",
          yAxisIndex: 1,
          data: months.map((m) => wan(m.contractedFdiUsd)),
          itemStyle: { color: "#1f5fa8" },
          symbol: "circle",
          label: { show: true, position: "top", fontSize: 10, formatter: amountLabel },
        },
        {
          name: "实到外资（万美元）",
          type: "line",
          yAxisIndex: 1,
          data: months.map((m) => wan(m.actualFdiUsd)),
          itemStyle: { color: "#c2410c" },
          lineStyle: { type: "dashed" },
          symbol: "triangle",
          label: { show: true, position: "bottom", fontSize: 10, formatter: amountLabel },
        },
      ],
    },
    width,
    height,
  );
}
