import { Link, useSearchParams } from "@remix-run/react";
import { sortSearch, type Sort, type SortDirection } from "../lib/sorting";

/**
 * A column header that sorts the list: a link keeping the other search params, aria-sort on the
 * sorted column, and an arrow saying the direction. Clicking the sorted column turns it around.
 */
export function SortHeader({
  name,
  label,
  sort,
  firstDir,
  className,
}: {
  name: string;
  label: string;
  sort: Sort<string>;
  firstDir: SortDirection;
  className?: string;
}) {
  const [params] = useSearchParams();
  const active = sort.key === name;
  const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined;
  const hint = active ? (sort.dir === "asc" ? "升序，点击改为降序" : "降序，点击改为升序") : `点击按${label}排序`;
  return (
    <th className={className} aria-sort={ariaSort} scope="col">
      <Link to={sortSearch(params, name, sort, firstDir)} className="sort" title={hint}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (sort.dir === "asc" ? " ▲" : " ▼") : " ↕"}
        </span>
      </Link>
    </th>
  );
}

export interface SortChoice {
  name: string;
  label: string;
  firstDir: SortDirection;
}

/**
 * The same sorts as the column headers, as links above a list: on a phone the list is cards and
 * its header row is hidden (app.css shows this only there). Same URLs, so no script is needed.
 */
export function SortChoices({ choices, sort }: { choices: readonly SortChoice[]; sort: Sort<string> }) {
  const [params] = useSearchParams();
  return (
    <nav className="sort-choices" aria-label="排序">
      <span className="muted">排序</span>
      {choices.map(({ name, label, firstDir }) => {
        const active = sort.key === name;
        return (
          <Link key={name} to={sortSearch(params, name, sort, firstDir)} aria-current={active ? "true" : undefined}>
            {label}
            {active ? (sort.dir === "asc" ? " ▲" : " ▼") : null}
            {active ? <span className="sr-only">{sort.dir === "asc" ? "（升序）" : "（降序）"}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
