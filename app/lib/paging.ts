/**
 * Bounded paging: lists never run an exact COUNT(*) over a whole table. A page fetches one row
 * more than it shows (to know whether there is a next page) and the total is counted up to a cap,
 * shown as "1,000+" beyond it.
 *
 * Pages reach no further than the cap either: the rows past the first COUNT_CAP are not listed
 * (narrow the filters, change the sort, or 导出Excel takes every row). Every page is then an OFFSET
 * of at most COUNT_CAP rows, cheap whatever the sort, where page 1,500 of an unbounded list would
 * walk 30,000 rows (see docs/decisions/0002-bounded-list-pages.md). The project list alone goes on
 * past the cap, by keyset (docs/decisions/0010-project-list-keyset-paging.md).
 */
export const PAGE_SIZE = 20;
export const PAGE_SIZES = [20, 50, 100] as const;
export const COUNT_CAP = 1000;
/** A keyset-paged list's cursor params (the project list): 下一页 starts after a row, 上一页 ends before one. */
export const CURSOR_PARAMS = ["after", "before"] as const;

export interface Paging {
  page: number;
  pageSize: number;
}

/** The page size from `size` (20, 50 or 100; 20 otherwise). */
export function pageSizeFrom(params: URLSearchParams): number {
  const size = Number(params.get("size"));
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZE;
}

/** The last page a list reaches at this page size. */
export function lastPage(pageSize: number): number {
  return Math.ceil(COUNT_CAP / pageSize);
}

export function pageFrom(params: URLSearchParams, pageSize = PAGE_SIZE): number {
  const page = Number(params.get("page") ?? "1");
  return Number.isInteger(page) && page >= 1 ? Math.min(page, lastPage(pageSize)) : 1;
}

/** Page and page size from the URL (`page`, `size`). */
export function pagingFrom(params: URLSearchParams): Paging {
  const pageSize = pageSizeFrom(params);
  return { page: pageFrom(params, pageSize), pageSize };
}

/** The OFFSET of a page (never past the cap) and the LIMIT that tells whether another follows. */
export function pageWindow({ page, pageSize = PAGE_SIZE }: { page: number; pageSize?: number }) {
  const bounded = Math.min(page, lastPage(pageSize));
  return { offset: (bounded - 1) * pageSize, limit: pageSize + 1 };
}

export interface Page<T> {
  rows: T[];
  page: number;
  pageSize?: number;
  hasNext: boolean;
  /** total, or COUNT_CAP + 1 when there are more than COUNT_CAP */
  total: number;
}

/** A page from the rows fetched with pageWindow (one more than shown) and the capped total. */
export function pageOf<T>(rows: T[], paging: { page: number; pageSize?: number }, total: number): Page<T> {
  const pageSize = paging.pageSize ?? PAGE_SIZE;
  const page = Math.min(paging.page, lastPage(pageSize));
  return { rows: rows.slice(0, pageSize), page, pageSize, hasNext: rows.length > pageSize && page < lastPage(pageSize), total };
}

export function formatTotal(total: number): string {
  return total > COUNT_CAP ? `${COUNT_CAP.toLocaleString("en-US")}+` : total.toLocaleString("en-US");
}
