/** Forms of 月度报告, shared by the browser and the server. */
import { z } from "zod";
import { optionalText, requiredDate, versionField } from "../lib/form";

export const generateReportSchema = z.object({
  month: z.preprocess(
    (value) => (value == null ? "" : String(value).trim()),
    z
      .string()
      .min(1, "请选择报告月份")
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "报告月份格式应为 YYYY-MM"),
  ),
});

/**
 * The editable part of an edition, saved in one form: 主送, 落款单位, 落款日期 (the Word file's head and
 * foot) and 存在问题, 下月工作计划.
 */
export const narrativeSchema = z.object({
  addressedTo: optionalText(100, "主送"),
  issuedBy: optionalText(100, "落款单位"),
  issuedOn: requiredDate("落款日期"),
  problems: optionalText(5000, "存在问题"),
  nextMonthPlan: optionalText(5000, "下月工作计划"),
  version: versionField,
});
export type NarrativeInput = z.infer<typeof narrativeSchema>;
