/**
 * Bounded paging: lists never run an exact COUNT(*) over a whole table. A page fetches one row
 * more than it shows (to know whether there is a next page) and the total is counted up to a cap,
 * shown as "1,000+" beyond it.
 */
export const PAGE_SIZE = 20;
export const COUNT_CAP = 1000;

export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get("page") ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

export interface Page<T> {
  rows: T[];
  page: number;
  hasNext: boolean;
  /** total, or COUNT_CAP + 1 when there are more than COUNT_CAP */
  total: number;
}

export function formatTotal(total: number): string {
  return total > COUNT_CAP ? `${COUNT_CAP.toLocaleString("en-US")}+` : total.toLocaleString("en-US");
}
