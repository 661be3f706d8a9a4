/**
 * Charts rendered on the server as SVG with Apache ECharts (only the parts used are imported), so
 * the cockpit and the print view show them without waiting for scripts. Every bar and point
 * carries its number as a label: the chart reads without colour.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkAreaComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";
import { formatWan, wanNumber } from "../lib/money";
import { STAGE_LABELS } from "../projects/stages";
import type { FunnelRow } from "./funnel";
import type { TrendMonth } from "./figures.server";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, LabelLayout, SVGRenderer]);

/**
 * Each chart is drawn twice: for a desktop or printed page, and narrower for a phone, where the
 * wide drawing shrunk to 340 px would leave its text at 5 px. The page shows one by CSS.
 */
export type ChartLayout = "wide" | "phone";

/** Labels that would overlap another label are left out rather than drawn over each other. */
const NO_OVERLAP = { hideOverlap: true } as const;

const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return compact(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * A page sends each drawing twice (in the markup and in the loader data). Most of its bytes are the
 * font family repeated on every label, here set once for the drawing's text, and ECharts' marks for
 * its browser-side hydration, which these static drawings never use.
 */
function compact(svg: string): string {
  return svg
    .replaceAll(`font-family:${FONT};`, "")
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/^<svg[^>]*>/, (open) => `${open}<style>text{font-family:${FONT}}</style>`);
}

const MAX_DRAWINGS = 32;
const drawings = new Map<string, string>();

/**
 * A drawing depends only on its figures: kept by them, so a cockpit computed afresh after a write
 * that changed none of them draws nothing again.
 */
function drawnOnce(key: string, draw: () => string): string {
  const kept = drawings.get(key);
  if (kept !== undefined) return kept;
  const svg = draw();
  drawings.set(key, svg);
  if (drawings.size > MAX_DRAWINGS) drawings.delete(drawings.keys().next().value!);
  return svg;
}

/** The funnel as horizontal bars, 线索 on top, each labelled with its count. */
export function funnelChartSvg(rows: readonly FunnelRow[], layout: ChartLayout = "wide"): string {
  return drawnOnce(`funnel:${layout}:${JSON.stringify(rows)}`, () => drawFunnel(rows, layout));
}

function drawFunnel(rows: readonly FunnelRow[], layout: ChartLayout): string {
  const ordered = [...rows].reverse();
  const phone = layout === "phone";
  return renderSvg(
    {
      grid: phone ? { left: 44, right: 48, top: 10, bottom: 24 } : { left: 56, right: 56, top: 10, bottom: 24 },
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
    phone ? 340 : 560,
    phone ? 240 : 260,
  );
}

/** A point's label in 万美元; none for an empty month, so the lines stay readable. */
const amountLabel = (point: { value: unknown }) => (Number(point.value) === 0 ? "" : formatWan(Number(point.value) * 10_000));

/**
 * The month axis: the months before the last month's year in grey under a shaded band, and the year
 * under each January and under the first month (on a phone only when no January follows close
 * by, where the two years would collide), so "12月" of last year is not read as this year's.
 */
function monthAxis(months: readonly TrendMonth[], layout: ChartLayout) {
  const lastYear = months.length > 0 ? months[months.length - 1].month.slice(0, 4) : "";
  const earlier = months.filter((m) => m.month.slice(0, 4) < lastYear).length;
  const januaries = months.flatMap((m, index) => (m.month.endsWith("-01") ? [index] : []));
  const labels = months.map((m, index) => {
    const month = `${Number(m.month.slice(5))}月`;
    const firstWithRoom = index === 0 && (layout === "wide" || !januaries.some((january) => january > 0 && january <= 2));
    const year = m.month.endsWith("-01") || firstWithRoom ? `\n${m.month.slice(0, 4)}年` : "";
    return m.month.slice(0, 4) < lastYear ? `{earlier|${month}${year}}` : `${month}${year}`;
  });
  const band =
    earlier === 0
      ? undefined
      : { silent: true, itemStyle: { color: "rgba(97, 110, 124, 0.1)" }, label: { show: false }, data: [[{ xAxis: 0 }, { xAxis: earlier - 1 }]] };
  return { labels, band };
}

/** Twelve months: signings as bars (left axis), 合同外资 and 实到外资 in 万美元 as lines (right axis). */
export function trendChartSvg(months: readonly TrendMonth[], layout: ChartLayout = "wide"): string {
  return drawnOnce(`trend:${layout}:${JSON.stringify(months)}`, () => drawTrend(months, layout));
}

function drawTrend(months: readonly TrendMonth[], layout: ChartLayout): string {
  const wan = wanNumber;
  const phone = layout === "phone";
  const { labels, band } = monthAxis(months, layout);
  // on a phone the legend drops the unit, which the right axis names, and the lines their point
  // labels: twenty-four amounts cannot be set in 340 px without colliding (the data table has them)
  const names = phone ? ["签约项目数", "合同外资", "实到外资"] : ["新签约项目数", "合同外资（万美元）", "实到外资（万美元）"];
  return renderSvg(
    {
      legend: { top: 0, data: names, itemGap: phone ? 8 : 10 },
      grid: phone ? { left: 28, right: 48, top: 52, bottom: 40 } : { left: 48, right: 72, top: 52, bottom: 44 },
      xAxis: {
        type: "category",
        data: labels,
        axisLabel: {
          interval: 0,
          fontSize: phone ? 10 : 12,
          lineHeight: phone ? 13 : 15,
          rich: { earlier: { color: "#8a96a3", fontSize: phone ? 10 : 12, lineHeight: phone ? 13 : 15 } },
        },
      },
      yAxis: [
        { type: "value", name: "个", minInterval: 1 },
        { type: "value", name: "万美元", splitLine: { show: false } },
      ],
      series: [
        {
          name: names[0],
          type: "bar",
          data: months.map((m) => m.signedProjects),
          itemStyle: { color: "#9db8dc" },
          label: { show: true, position: "top", formatter: (p: { value: unknown }) => (Number(p.value) === 0 ? "" : String(p.value)) },
          labelLayout: NO_OVERLAP,
          markArea: band,
        },
        {
          name: names[1],
          type: "line",
          yAxisIndex: 1,
          data: months.map((m) => wan(m.contractedFdiUsd)),
          itemStyle: { color: "#1f5fa8" },
          symbol: "circle",
          label: { show: !phone, position: "top", fontSize: 10, formatter: amountLabel },
          labelLayout: NO_OVERLAP,
        },
        {
          name: names[2],
          type: "line",
          yAxisIndex: 1,
          data: months.map((m) => wan(m.actualFdiUsd)),
          itemStyle: { color: "#c2410c" },
          lineStyle: { type: "dashed" },
          symbol: "triangle",
          label: { show: !phone, position: "bottom", fontSize: 10, formatter: amountLabel },
          labelLayout: NO_OVERLAP,
        },
      ],
    },
    phone ? 340 : 900,
    320,
  );
}
