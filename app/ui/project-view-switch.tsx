import { Link, useSearchParams } from "@remix-run/react";
import { ProjectFilterForm, type ProjectFilterChoices } from "./project-filters";

/** Params that belong to one view only: the list's paging and sort, the board has neither. */
const LIST_ONLY = ["page", "after", "before", "size", "sort", "dir"];

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

/**
 * The top of both views of 招商项目: heading, 列表 | 看板, 新建项目, the drill-down's 统计口径 and the
 * filters.
 */
export function ProjectsHead({
  current,
  canCreate,
  figure,
  choices,
}: {
  current: "list" | "board";
  canCreate: boolean;
  figure: string | null;
  choices: ProjectFilterChoices;
}) {
  const base = current === "list" ? "/projects" : "/projects/board";
  return (
    <>
      <div className="page-head">
        <h1>招商项目</h1>
        <ProjectViewSwitch current={current} />
        {canCreate ? (
          <Link to="/projects/new" className="button">
            新建项目
          </Link>
        ) : null}
      </div>
      {figure ? (
        <p className="notice" role="note">
          统计口径：{figure}。<Link to={base}>查看全部项目</Link>
        </p>
      ) : null}
      <ProjectFilterForm choices={choices} clearTo={base} />
    </>
  );
}
