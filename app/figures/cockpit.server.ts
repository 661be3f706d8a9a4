/** 领导驾驶舱: everything the cockpit shows for a period, from the figures module. */
import type { Period } from "../lib/dates";
import { funnelChartSvg, trendChartSvg } from "./charts.server";
import { cachedFigures } from "./figure-cache.server";
import type { Breakdown } from "./breakdowns";
import { getBreakdown, getKpiCards, getMonthlyTrend, getRates, listBigSignings } from "./figures.server";
import { getFunnel } from "./funnel.server";

export function getCockpit(period: Period, by: Breakdown) {
  return cachedFigures(`cockpit:${period.from}:${period.to}:${by}`, () => computeCockpit(period, by));
}

function computeCockpit(period: Period, by: Breakdown) {
  const funnel = getFunnel(period);
  const trend = getMonthlyTrend(period.to.slice(0, 7));
  return {
    period,
    kpis: getKpiCards(period),
    rates: getRates(period),
    funnel,
    funnelSvg: funnelChartSvg(funnel),
    funnelPhoneSvg: funnelChartSvg(funnel, "phone"),
    breakdown: { by, rows: getBreakdown(period, by) },
    trend,
    trendSvg: trendChartSvg(trend),
    trendPhoneSvg: trendChartSvg(trend, "phone"),
    bigSignings: listBigSignings(period),
  };
}
