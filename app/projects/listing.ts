import { sortFrom, type Sort, type SortColumns } from "../lib/sorting";

/** The project list's sortable columns and the direction of a first click (shared by the list page and the query). */
export const PROJECT_SORT_COLUMNS = {
  updated: "desc",
  name: "asc",
  stage: "asc",
  investment: "desc",
  contractedFdi: "desc",
  followUp: "asc",
  signedOn: "desc",
} as const satisfies SortColumns<string>;
export type ProjectSort = Sort<keyof typeof PROJECT_SORT_COLUMNS>;
export const DEFAULT_PROJECT_SORT: ProjectSort = { key: "updated", dir: "desc" };

import { REGIONS } from "../companies/regions";
import { describeFigureFilter, parseFigureFilter, type FigureListFilter } from "../figures/figure-filters";
import { enumParam, intParam } from "../lib/params";
import { pagingFrom } from "../lib/paging";
import { PROJECT_TYPES, STAGES, STATUSES } from "./stages";
import { WORKBENCH_LIST_LABELS, WORKBENCH_LISTS, type WorkbenchList } from "./workbench-lists";

/** The project list's filters from its URL (drill-downs included), shared by the list and its 导出Excel. */
export function projectFiltersFrom(params: URLSearchParams) {
  const sort = sortFrom(params, PROJECT_SORT_COLUMNS, DEFAULT_PROJECT_SORT);
  return {
    q: params.get("q")?.slice(0, 100) || undefined,
    stage: enumParam(params, "stage", STAGES),
    status: enumParam(params, "status", STATUSES),
    unitId: intParam(params, "unit"),
    ownerId: intParam(params, "owner"),
    country: enumParam(
      params,
      "country",
      REGIONS.map(([code]) => code),
    ),
    channelId: intParam(params, "channel"),
    parkId: intParam(params, "park"),
    projectType: enumParam(params, "type", PROJECT_TYPES),
    chainNodeId: intParam(params, "chain"),
    figure: parseFigureFilter(params),
    signing: enumParam(params, "signing", ["pending", "verified"] as const),
    desk: enumParam(params, "desk", WORKBENCH_LISTS),
    sort,
    ...keysetPagingFrom(params, sort),
  };
}

/**
 * Where a page of the project list starts (keyset paging, docs/decisions/0010-project-list-keyset-paging.md):
 * after the row the 下一页 link names, or before the row the 上一页 link names, by the row's value of
 * the sort column and its id. Page N+1 is then an index seek from page N's last row, as cheap as
 * page 1 however deep.
 */
export interface ProjectCursor {
  direction: "after" | "before";
  id: number;
  /** the row's value of the sort column: a date or name as text, an amount or time as a number; null for no date */
  value: string | number | null;
}

/** Sort columns whose rows may have no value (no date): those rows sort last either way. */
export const NULLABLE_SORT_KEYS: ReadonlySet<ProjectSort["key"]> = new Set(["followUp", "signedOn"]);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A cursor's value as the sort column holds it, or undefined when it cannot be one. */
function cursorValue(key: ProjectSort["key"], text: string | undefined): string | number | null | undefined {
  if (text === undefined) return NULLABLE_SORT_KEYS.has(key) ? null : undefined;
  switch (key) {
    case "updated":
    case "investment":
    case "contractedFdi":
      return /^-?\d{1,16}$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
    case "stage":
      return (STAGES as readonly string[]).includes(text) ? text : undefined;
    case "followUp":
    case "signedOn":
      return DATE.test(text) ? text : undefined;
    case "name":
      return text;
  }
}

/** The URL form of a cursor: `<id>~<value>`, or `<id>` alone for a row with no date. */
export function cursorParam(id: number, value: string | number | null): string {
  return value === null ? String(id) : `${id}~${value}`;
}

/** The cursor in `after` or `before`; null when one is given but is not a cursor of this sort. */
export function cursorFrom(params: URLSearchParams, sort: ProjectSort): ProjectCursor | null | undefined {
  const direction = params.has("after") ? "after" : params.has("before") ? "before" : undefined;
  if (!direction) return undefined;
  const text = params.get(direction) ?? "";
  const split = text.indexOf("~");
  const idText = split < 0 ? text : text.slice(0, split);
  if (!/^\d{1,12}$/.test(idText)) return null;
  const value = cursorValue(sort.key, split < 0 ? undefined : text.slice(split + 1));
  return value === undefined ? null : { direction, id: Number(idText), value };
}

/**
 * Page, page size and cursor. The page number only labels a page reached by a cursor; without one
 * it is read by offset (a typed or older link, within the first COUNT_CAP rows). A cursor that is
 * not one of this sort (edited, or left from another sort) shows page 1.
 */
function keysetPagingFrom(params: URLSearchParams, sort: ProjectSort) {
  const paging = pagingFrom(params);
  const cursor = cursorFrom(params, sort);
  if (cursor === null) return { ...paging, page: 1 };
  if (cursor === undefined) return paging;
  const page = Number(params.get("page"));
  return { ...paging, page: Number.isInteger(page) && page >= 2 ? Math.min(page, 1_000_000) : 2, cursor };
}

/** What a drill-down (a cockpit figure, a 工作台 list) shows, in words for the list's heading; null when there is none. */
export function describeDrillDown(filters: { figure?: FigureListFilter; desk?: WorkbenchList }): string | null {
  const parts = [filters.figure ? describeFigureFilter(filters.figure) : null, filters.desk ? WORKBENCH_LIST_LABELS[filters.desk] : null];
  return parts.filter(Boolean).join("，") || null;
}
