import { sortFrom, type Sort, type SortColumns } from "../lib/sorting";

/** The company list's sortable columns and the direction of a first click (shared by the list page and the query). */
export const COMPANY_SORT_COLUMNS = {
  updated: "desc",
  created: "desc",
  name: "asc",
  country: "asc",
} as const satisfies SortColumns<string>;
export type CompanySort = Sort<keyof typeof COMPANY_SORT_COLUMNS>;
export const DEFAULT_COMPANY_SORT: CompanySort = { key: "updated", dir: "desc" };

import { enumParam } from "../lib/params";
import { withoutControlCharacters } from "../lib/text";
import { pagingFrom } from "../lib/paging";
import { REGIONS, regionLabel } from "./regions";

/** The company list's filters from its URL, shared by the list and its 导出Excel. */
export function companyFiltersFrom(params: URLSearchParams) {
  return {
    // control characters (a NUL, say) would break the search index's query
    q: withoutControlCharacters(params.get("q") ?? "").slice(0, 100) || undefined,
    country: enumParam(
      params,
      "country",
      REGIONS.map(([code]) => code),
    ),
    fortune500: params.get("fortune500") === "1",
    chainLeader: params.get("chainLeader") === "1",
    existingInvestor: params.get("existing") === "1",
    sort: sortFrom(params, COMPANY_SORT_COLUMNS, DEFAULT_COMPANY_SORT),
    ...pagingFrom(params),
  };
}

/** The filters in force, as the export's title line says them. */
export function describeCompanyFilters(filters: {
  q?: string;
  country?: string;
  fortune500?: boolean;
  chainLeader?: boolean;
  existingInvestor?: boolean;
}): string[] {
  const parts: string[] = [];
  if (filters.q?.trim()) parts.push(`搜索：${filters.q.trim()}`);
  if (filters.country) parts.push(`国别/地区：${regionLabel(filters.country)}`);
  if (filters.fortune500) parts.push("世界500强");
  if (filters.chainLeader) parts.push("链主企业");
  if (filters.existingInvestor) parts.push("存量外资企业");
  return parts;
}
