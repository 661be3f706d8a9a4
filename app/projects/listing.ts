/** Sort orders of the project list (shared by the list page and the query). */
export const PROJECT_SORTS = {
  updated: "最近更新",
  investment: "总投资",
  followUp: "下次跟进日期",
} as const;
export type ProjectSort = keyof typeof PROJECT_SORTS;

import { REGIONS } from "../companies/regions";
import { parseFigureFilter } from "../figures/figure-filters";
import { enumParam, intParam } from "../lib/params";
import { pageFrom } from "../lib/paging";
import { PROJECT_TYPES, STAGES, STATUSES } from "./stages";

/** The project list's filters from its URL (drill-downs included), shared by the list and its 导出Excel. */
export function projectFiltersFrom(params: URLSearchParams) {
  return {
    q: params.get("q")?.slice(0, 100) || undefined,
    stage: enumParam(params, "stage", STAGES),
    status: enumParam(params, "status", STATUSES),
    unitId: intParam(params, "unit"),
    ownerId: intParam(params, "owner"),
    country: enumParam(params, "country", REGIONS.map(([code]) => code)),
    channelId: intParam(params, "channel"),
    parkId: intParam(params, "park"),
    projectType: enumParam(params, "type", PROJECT_TYPES),
    chainNodeId: intParam(params, "chain"),
    figure: parseFigureFilter(params),
    signing: enumParam(params, "signing", ["pending", "verified"] as const),
    sort: enumParam(params, "sort", Object.keys(PROJECT_SORTS) as ProjectSort[]),
    page: pageFrom(params),
  };
}
