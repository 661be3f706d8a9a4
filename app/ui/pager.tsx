import { Link, useSearchParams } from "@remix-run/react";

/** Previous/next links that keep every other search param. */
export function Pager({ page, hasNext }: { page: number; hasNext: boolean }) {
  const [params] = useSearchParams();
  const to = (target: number) => {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete("page");
    else next.set("page", String(target));
    return `?${next}`;
  };
  return (
    <nav className="pager" aria-label="分页">
      {page > 1 ? <Link to={to(page - 1)}>上一页</Link> : <span>上一页</span>}
      <span>第 {page} 页</span>
      {hasNext ? <Link to={to(page + 1)}>下一页</Link> : <span>下一页</span>}
    </nav>
  );
}
