/** The 年度目标 form: one value per indicator for a year (and optionally a unit), with the versions it was loaded at. */
import { z } from "zod";
import { optionalCount, optionalId, VERSION_MESSAGE, wanAmount } from "../lib/form";
import { INDICATOR_LABELS, type TargetIndicator } from "./indicators";

const year = z.preprocess((value) => Number(value), z.number({ message: "年份无效" }).int("年份无效").min(2000, "年份无效").max(2100, "年份无效"));
const version = z.preprocess(
  (value) => (value == null || value === "" ? 0 : Number(value)),
  z.number({ error: VERSION_MESSAGE }).int(VERSION_MESSAGE).min(0, VERSION_MESSAGE),
);

const count = (indicator: TargetIndicator) => optionalCount(INDICATOR_LABELS[indicator], 100_000);
const money = (indicator: TargetIndicator) => wanAmount(INDICATOR_LABELS[indicator]);

/** Field names are the indicator codes; amounts are typed in 万美元 and stored in dollars. */
export const targetsSchema = z.object({
  year,
  unitId: optionalId("单位"),
  signed_projects: count("signed_projects"),
  contracted_fdi_usd: money("contracted_fdi_usd"),
  total_investment_usd: money("total_investment_usd"),
  actual_fdi_usd: money("actual_fdi_usd"),
  big_projects: count("big_projects"),
  fortune500_projects: count("fortune500_projects"),
  version_signed_projects: version,
  version_contracted_fdi_usd: version,
  version_total_investment_usd: version,
  version_actual_fdi_usd: version,
  version_big_projects: version,
  version_fortune500_projects: version,
});
export type TargetsInput = z.infer<typeof targetsSchema>;
