/**
 * 实到外资 rules as pure functions (DESIGN.md §1, §2, §4): which projects take arrivals, which
 * dates an arrival may carry, 资金到位率, the months of a year and the span compared for 同比.
 * The database side is arrivals.server.ts; the browser uses the same functions.
 */
import { samePeriodLastYear } from "../figures/indicators";
import { monthPeriod, type Period } from "../lib/dates";
import { pageSizeFrom } from "../lib/paging";
import { sortFrom, type Sort, type SortColumns } from "../lib/sorting";
import { signingState } from "../projects/stages";

/** Form-level refusal on a project whose signing has not been verified (甄别) yet. */
export const NOT_VERIFIED_REFUSAL = "项目签约经甄别后才能登记实到外资";
export const AFTER_TODAY = "到账日期不能晚于今天";
export const BEFORE_SIGNING = "到账日期不能早于签约日期";

/** Why a project cannot take arrivals, or null when it can: only verified signings do. */
export function arrivalRefusal(project: { signedOn: string | null; signingVerifiedAt: number | null }): string | null {
  return signingState(project) === "verified" ? null : NOT_VERIFIED_REFUSAL;
}

/** An arrival is dated between the signing date and today (both included). */
export function arrivalDateProblem(arrivedOn: string, { signedOn, today }: { signedOn: string | null; today: string }): string | null {
  if (arrivedOn > today) return AFTER_TODAY;
  if (signedOn && arrivedOn < signedOn) return BEFORE_SIGNING;
  return null;
}

/** 资金到位率: 实到外资 ÷ 合同外资; null without a (positive) 合同外资. */
export function fundingRate(arrivedUsd: number, contractedUsd: number | null | undefined): number | null {
  return contractedUsd && contractedUsd > 0 ? arrivedUsd / contractedUsd : null;
}

export interface MonthRow {
  /** `YYYY-MM` */
  month: string;
  usd: number;
  /** 累计: January to this month */
  cumulativeUsd: number;
}

/** The twelve months of a year with their totals (missing months are 0) and the running sum. */
export function monthRows(year: number, totals: ReadonlyMap<string, number>): MonthRow[] {
  let running = 0;
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, "0")}`;
    const usd = totals.get(month) ?? 0;
    running += usd;
    return { month, usd, cumulativeUsd: running };
  });
}

/**
 * The span the /arrivals screen compares for 同比, on the one basis of DESIGN.md §4 (a period
 * against the same period a year earlier, indicators.ts samePeriodLastYear): a chosen month against
 * that month; the current year 1–N月 (N the month of `today`) against 1–N月; a past (or future)
 * year whole against the year before. `label` names the span on screen: 6月, 1–6月, 1月, 全年.
 */
export function comparisonBasis(filters: { year: number; month?: number }, today: string): { current: Period; previous: Period; label: string } {
  const { year, month } = filters;
  const monthOf = (m: number) => monthPeriod(`${year}-${String(m).padStart(2, "0")}`);
  let current: Period;
  let label: string;
  if (month) {
    current = monthOf(month);
    label = `${month}月`;
  } else if (year === Number(today.slice(0, 4))) {
    const through = Number(today.slice(5, 7));
    current = { from: `${year}-01-01`, to: monthOf(through).to };
    label = through === 1 ? "1月" : through === 12 ? "全年" : `1–${through}月`;
  } else {
    current = { from: `${year}-01-01`, to: `${year}-12-31` };
    label = "全年";
  }
  return { current, previous: samePeriodLastYear(current), label };
}

/** The arrivals list's sortable columns and the direction of a first click. */
export const ARRIVAL_SORT_COLUMNS = { arrivedOn: "desc", amount: "desc" } as const satisfies SortColumns<string>;
export type ArrivalSort = Sort<keyof typeof ARRIVAL_SORT_COLUMNS>;
export const DEFAULT_ARRIVAL_SORT: ArrivalSort = { key: "arrivedOn", dir: "desc" };

export interface ArrivalFilters {
  year: number;
  /** 1–12: the list shows that month only (the month table always shows the whole year) */
  month?: number;
  /** the project's 负责单位 */
  unitId?: number;
  projectId?: number;
  sort?: ArrivalSort;
  page: number;
  /** 20, 50 or 100 (20 when not given) */
  pageSize?: number;
}

const positiveInt = (value: string | null, max: number): number | undefined =>
  value && /^\d{1,12}$/.test(value) && Number(value) >= 1 && Number(value) <= max ? Number(value) : undefined;

/** The /arrivals filters from the URL (`year`, `month`, `unit`, `project`, `page`); the year defaults to today's. */
export function arrivalFiltersFrom(params: URLSearchParams, today: string): ArrivalFilters {
  const year = positiveInt(params.get("year"), 2100);
  const page = positiveInt(params.get("page"), 10_000);
  return {
    year: year && year >= 2000 ? year : Number(today.slice(0, 4)),
    month: positiveInt(params.get("month"), 12),
    unitId: positiveInt(params.get("unit"), Number.MAX_SAFE_INTEGER),
    projectId: positiveInt(params.get("project"), Number.MAX_SAFE_INTEGER),
    sort: sortFrom(params, ARRIVAL_SORT_COLUMNS, DEFAULT_ARRIVAL_SORT),
    page: page ?? 1,
    pageSize: pageSizeFrom(params),
  };
}

/** The period the arrivals list covers: the chosen month, or the whole year. */
export function listPeriod(filters: Pick<ArrivalFilters, "year" | "month">): Period {
  if (filters.month) return monthPeriod(`${filters.year}-${String(filters.month).padStart(2, "0")}`);
  return { from: `${filters.year}-01-01`, to: `${filters.year}-12-31` };
}
