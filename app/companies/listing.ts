/** Sort orders of the company list (shared by the list page and the query). */
export const COMPANY_SORTS = {
  updated: "最近更新",
  name: "企业名称",
  created: "最近创建",
} as const;
export type CompanySort = keyof typeof COMPANY_SORTS;

import { enumParam } from "../lib/params";
import { withoutControlCharacters } from "../lib/text";
import { pageFrom } from "../lib/paging";
import { REGIONS, regionLabel } from "./regions";

/** The company list's filters from its URL, shared by the list and its 导出Excel. */
export function companyFiltersFrom(params: URLSearchParams) {
  return {
    // control characters (a NUL, say) would break the search index's query
    q: withoutControlCharacters(params.get("q") ?? "").slice(0, 100) || undefined,
    country: enumParam(params, "country", REGIONS.map(([code]) => code)),
    fortune500: params.get("fortune500") === "1",
    chainLeader: params.get("chainLeader") === "1",
    existingInvestor: params.get("existing") === "1",
    sort: enumParam(params, "sort", Object.keys(COMPANY_SORTS) as CompanySort[]),
    page: pageFrom(params),
  };
}

/** The filters in force, as the export's title line says them. */
export function describeCompanyFilters(filters: { q?: string; country?: string; fortune500?: boolean; chainLeader?: boolean; existingInvestor?: boolean }): string[] {
  const parts: string[] = [];
  if (filters.q?.trim()) parts.push(`搜索：${filters.q.trim()}`);
  if (filters.country) parts.push(`国别/地区：${regionLabel(filters.country)}`);
  if (filters.fortune500) parts.push("世界500强");
  if (filters.chainLeader) parts.push("链主企业");
  if (filters.existingInvestor) parts.push("存量外资企业");
  return parts;
}
