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
import { parseFigureFilter } from "../figures/figure-filters";
import { enumParam, intParam } from "../lib/params";
import { pagingFrom } from "../lib/paging";
import { PROJECT_TYPES, STAGES, STATUSES } from "./stages";

/** The project list's filters from its URL (drill-downs included), shared by the list and its 导出Excel. */
export function projectFiltersFrom(params: URLSearchParams) {
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
    sort: sortFrom(params, PROJECT_SORT_COLUMNS, DEFAULT_PROJECT_SORT),
    ...pagingFrom(params),
  };
}
