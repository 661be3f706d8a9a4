/** Business dates are `YYYY-MM-DD` in Asia/Shanghai (DESIGN.md §1). */

const shanghaiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const shanghaiDateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/**
 * The business date in Asia/Shanghai of `now`; without it, today's — which `FDI_TODAY` fixes
 * (tests, demos: the clock README.md documents). A given instant is always dated as it is.
 */
export function today(now?: Date): string {
  if (now) return shanghaiDate.format(now);
  const fixed = typeof process !== "undefined" ? process.env?.FDI_TODAY : undefined;
  return fixed || shanghaiDate.format(new Date());
}

export function dateOf(epochMs: number): string {
  return shanghaiDate.format(new Date(epochMs));
}

export function formatDateTime(epochMs: number): string {
  return shanghaiDateTime.format(new Date(epochMs)).replace(/\//g, "-");
}

export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The earliest date the system takes (DESIGN.md §9): nothing it tracks happened before. */
export const EARLIEST_DATE = "1980-01-01";
/** How far ahead a date may lie (DESIGN.md §9): plans and deadlines, not a mistyped year. */
export const YEARS_AHEAD = 10;

/** 2036-06-30 → 2036年6月30日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export interface DateRule {
  /** the field's name in messages, e.g. 线索日期 */
  label?: string;
  /** a date of something that happened (线索/活动/到账): not after today */
  notAfterToday?: boolean;
}

/**
 * Why a date (a valid YYYY-MM-DD) is outside what the system takes, or null: never before
 * 1980-01-01, never more than ten years after today, and not after today for what has happened.
 * Forms and imports both ask this, so the bound is the same wherever a date comes in.
 */
export function dateRangeProblem(date: string, { label = "日期", notAfterToday = false }: DateRule = {}, day: string = today()): string | null {
  if (date < EARLIEST_DATE) return `${label}不能早于${chineseDate(EARLIEST_DATE)}`;
  if (notAfterToday && date > day) return `${label}不能晚于今天`;
  const latest = addYears(day, YEARS_AHEAD);
  if (date > latest) return `${label}不能晚于${chineseDate(latest)}`;
  return null;
}

/** Calendar arithmetic on business dates. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const result = new Date(Date.UTC(y, m - 1, d + days));
  return result.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number);
  const [y2, m2, d2] = to.split("-").map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export interface Period {
  from: string;
  to: string;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function monthPeriod(month: string): Period {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}
