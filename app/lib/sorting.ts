/**
 * Sortable lists: the URL says the column (`sort`) and the direction (`dir`), so every sorted view
 * is a shareable link. Each list names its sortable columns and the direction of a first click
 * (amounts and dates of record start with the largest or newest, names and due dates with the first).
 */
import { CURSOR_PARAMS } from "./paging";

export type SortDirection = "asc" | "desc";

export interface Sort<Key extends string> {
  key: Key;
  dir: SortDirection;
}

/** A list's sortable columns: the direction each takes when first clicked. */
export type SortColumns<Key extends string> = Record<Key, SortDirection>;

/** The sort of a list from its URL; an unknown column or direction falls back to the list's default. */
export function sortFrom<Key extends string>(params: URLSearchParams, columns: SortColumns<Key>, fallback: Sort<Key>): Sort<Key> {
  const key = params.get("sort");
  if (!key || !Object.hasOwn(columns, key)) return fallback;
  const dir = params.get("dir");
  return { key: key as Key, dir: dir === "asc" || dir === "desc" ? dir : columns[key as Key] };
}

/** Where a column header leads: that column, the other direction when it is already the sort; back to page 1. */
export function sortSearch(params: URLSearchParams, key: string, current: Sort<string>, firstDir: SortDirection): string {
  const next = new URLSearchParams(params);
  // a keyset cursor names a row in the old order
  for (const name of ["page", ...CURSOR_PARAMS]) next.delete(name);
  next.set("sort", key);
  next.set("dir", current.key === key ? (current.dir === "asc" ? "desc" : "asc") : firstDir);
  return `?${next}`;
}
