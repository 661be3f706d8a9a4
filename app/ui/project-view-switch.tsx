import { Link, useSearchParams } from "@remix-run/react";

/** Params that belong to one view only: the list's paging and sort, the board has neither. */
const LIST_ONLY = ["page", "size", "sort", "dir"];

/** 列表 | 看板: the two views of 招商项目, carrying the filters across. */
export function ProjectViewSwitch({ current }: { current: "list" | "board" }) {
  const [params] = useSearchParams();
  const filters = new URLSearchParams(params);
  for (const name of LIST_ONLY) filters.delete(name);
  const query = filters.toString() ? `?${filters}` : "";
  return (
    <nav className="view-switch" aria-label="视图">
      <Link to={current === "list" ? `?${params}` : `/projects${query}`} aria-current={current === "list" ? "page" : undefined}>
        列表
      </Link>
      <Link to={current === "board" ? `?${params}` : `/projects/board${query}`} aria-current={current === "board" ? "page" : undefined}>
        看板
      </Link>
    </nav>
  );
}
