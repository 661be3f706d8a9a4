import { Link, useSearchParams } from "@remix-run/react";
import { COUNT_CAP, CURSOR_PARAMS, formatTotal, lastPage, PAGE_SIZE, PAGE_SIZES } from "../lib/paging";

/**
 * The search of the link from `page` to the page before or after it, the other params kept: page 1
 * carries no page or cursor; on a keyset-paged list the others carry the row they start after or
 * end before.
 */
export function pageSearch(params: URLSearchParams, page: number, target: number, cursors?: { after?: string; before?: string }): string {
  const next = new URLSearchParams(params);
  for (const name of CURSOR_PARAMS) next.delete(name);
  if (target <= 1) next.delete("page");
  else next.set("page", String(target));
  const forward = target > page;
  const cursor = forward ? cursors?.after : cursors?.before;
  if (cursor && target > 1) next.set(forward ? "after" : "before", cursor);
  return `?${next}`;
}

/**
 * Previous/next links that keep every other search param; with `total`, the page count and the
 * page size choice (每页 20/50/100). The last page a capped list reaches says how to see the rest.
 * A keyset-paged list (`cursors`) passes the rows its links start after (下一页) and end before
 * (上一页), and reaches every row.
 */
export function Pager({
  page,
  hasNext,
  total,
  pageSize,
  cursors,
}: {
  page: number;
  hasNext: boolean;
  total?: number;
  pageSize?: number;
  cursors?: { after?: string; before?: string };
}) {
  const [params] = useSearchParams();
  const size = pageSize ?? PAGE_SIZE;
  const to = (target: number) => pageSearch(params, page, target, cursors);
  const sized = (choice: number) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    for (const name of CURSOR_PARAMS) next.delete(name);
    if (choice === PAGE_SIZE) next.delete("size");
    else next.set("size", String(choice));
    return `?${next}`;
  };
  const pages = total === undefined || total > COUNT_CAP ? null : Math.max(1, Math.ceil(total / size));
  const cappedEnd = !cursors && total !== undefined && total > COUNT_CAP && !hasNext && page >= lastPage(size);
  return (
    <nav className="pager" aria-label="分页">
      {page > 1 ? <Link to={to(page - 1)}>上一页</Link> : <span>上一页</span>}
      <span>{pages ? `第 ${page} / ${pages} 页` : `第 ${page} 页`}</span>
      {hasNext ? <Link to={to(page + 1)}>下一页</Link> : <span>下一页</span>}
      {total === undefined ? null : (
        <span className="page-sizes">
          每页
          {PAGE_SIZES.map((choice) =>
            choice === size ? (
              <strong key={choice} aria-current="true">
                {choice}
              </strong>
            ) : (
              <Link key={choice} to={sized(choice)} aria-label={`每页 ${choice} 项`}>
                {choice}
              </Link>
            ),
          )}
          项
        </span>
      )}
      {cappedEnd ? <span role="note">只列出前 {formatTotal(COUNT_CAP)} 项，请缩小查询条件，或导出Excel查看全部</span> : null}
    </nav>
  );
}

/** "共 N 项" above a list: the total, or "1,000+ 项" beyond the cap. */
export function ListTotal({ total, unit = "项" }: { total: number; unit?: string }) {
  return (
    <span className="muted" role="status">
      共 {formatTotal(total)} {unit}
    </span>
  );
}
