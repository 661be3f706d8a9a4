/** The dimensions figures break down by (DESIGN.md §4), shared by the server and the cockpit page. */

export const BREAKDOWNS = ["country", "unit", "owner", "channel", "park", "projectType", "chain"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  country: "国别/地区",
  unit: "负责单位",
  owner: "负责人",
  channel: "线索来源",
  park: "落地载体",
  projectType: "项目类型",
  chain: "产业链",
};
/** The project list's search param that filters by each breakdown's key. */
export const BREAKDOWN_LIST_PARAMS: Record<Breakdown, string> = {
  country: "country",
  unit: "unit",
  owner: "owner",
  channel: "channel",
  park: "park",
  projectType: "type",
  chain: "chain",
};
