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
