/**
 * The indicators of DESIGN.md §4 and the pure arithmetic around them: 完成率, 时序进度, 同比 and the
 * same period a year earlier. The database side is figures.server.ts.
 */
import type { Period } from "../lib/dates";
import { formatAmount } from "../lib/money";

/** Indicators with an annual target; money in US dollars (shown in 万美元), the rest counts. */
export const TARGET_INDICATORS = [
  "signed_projects",
  "contracted_fdi_usd",
  "total_investment_usd",
  "actual_fdi_usd",
  "big_projects",
  "fortune500_projects",
] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];

export const RATE_INDICATORS = ["start_rate", "production_rate", "funding_rate"] as const;
export type RateIndicator = (typeof RATE_INDICATORS)[number];

export const INDICATOR_LABELS: Record<TargetIndicator | RateIndicator, string> = {
  signed_projects: "新签约项目数",
  contracted_fdi_usd: "合同外资（万美元）",
  total_investment_usd: "总投资（万美元）",
  actual_fdi_usd: "实到外资（万美元）",
  big_projects: "超亿美元项目数",
  fortune500_projects: "世界500强项目数",
  start_rate: "开工率",
  production_rate: "投产率",
  funding_rate: "资金到位率",
};

export function isMoneyIndicator(indicator: TargetIndicator): boolean {
  return indicator.endsWith("_usd");
}

/** The indicator without the unit its form field and report column name: 合同外资, not 合同外资（万美元）. */
export function indicatorName(indicator: TargetIndicator | RateIndicator): string {
  return INDICATOR_LABELS[indicator].replace(/（[^）]*）$/, "");
}

/**
 * An indicator's value shown on its own (cockpit cards, 年度目标, 工作台): money with its unit,
 * in 亿美元 from 1亿 (DESIGN.md §1), counts as they are — one way on every screen.
 */
export function formatIndicatorValue(indicator: TargetIndicator, value: number | null | undefined): string {
  if (value == null) return "—";
  return isMoneyIndicator(indicator) ? formatAmount(value, "美元") : String(value);
}

/** 超亿美元: 总投资 of at least 10,000 万美元 (one hundred million dollars). */
export const BIG_PROJECT_USD = 100_000_000;

/** Behind 时序进度: 完成率 below the elapsed share of the year; an indicator without a target never is. */
export function isBehindSchedule(card: { completion: number | null; timeProgress: number }): boolean {
  return card.completion !== null && card.completion < card.timeProgress;
}

/** actual ÷ target; null without a (positive) target. */
export function completionRate(actual: number, target: number | null | undefined): number | null {
  return target ? actual / target : null;
}

function isLastDayOfMonth(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
}

/**
 * 时序进度: the elapsed share of the year at `date`. A month end counts whole months (October →
 * 10/12); any other day counts days (a leap year has 366).
 */
export function timeProgress(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  if (isLastDayOfMonth(date)) return m / 12;
  const dayOfYear = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 0)) / 86_400_000;
  const daysInYear = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
  return dayOfYear / daysInYear;
}

/** 同比: the change against the same period a year earlier; null when there was nothing then. */
export function yearOnYear(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}

function previousYearDate(date: string, monthEnd: boolean): string {
  const [y, m, d] = date.split("-").map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const day = monthEnd ? last : Math.min(d, last);
  return `${y - 1}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The same period a year earlier; a period ending on a month's last day ends on that month's last day (29 Feb ↔ 28 Feb). */
export function samePeriodLastYear(period: Period): Period {
  return { from: previousYearDate(period.from, false), to: previousYearDate(period.to, isLastDayOfMonth(period.to)) };
}

/** The year-to-date period that ends where `period` ends. */
export function yearToDate(period: Period): Period {
  return { from: `${period.to.slice(0, 4)}-01-01`, to: period.to };
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value == null ? "—" : `${(value * 100).toFixed(digits)}%`;
}
