/** Forms of 政策库 and 政策依据, shared by the browser and the server. */
import { z } from "zod";
import { optionalDate, optionalText, requiredId, requiredText, versionField, wanAmount } from "../lib/form";
import { INCENTIVE_TYPES, POLICY_LEVELS } from "./labels";

const optionalUrl = z.preprocess(
  (value) => (value == null ? "" : String(value).trim()),
  z
    .string()
    .max(500, "链接不能超过500个字")
    .refine((text) => text === "" || /^https?:\/\/\S+$/.test(text), "链接应以 http:// 或 https:// 开头")
    .transform((text) => (text === "" ? null : text)),
);

export const policySchema = z
  .object({
    title: requiredText("请输入政策标题", 200, "标题"),
    docNumber: optionalText(100, "文号"),
    issuer: optionalText(100, "发文机关"),
    level: z.preprocess((value) => (value == null ? "" : value), z.enum(POLICY_LEVELS, { message: "请选择层级" })),
    issuedOn: optionalDate("发文日期"),
    effectiveFrom: optionalDate("生效日期"),
    effectiveTo: optionalDate("失效日期"),
    repealedOn: optionalDate("废止日期"),
    url: optionalUrl,
    summary: optionalText(2000, "摘要"),
  })
  .refine((policy) => !policy.effectiveFrom || !policy.effectiveTo || policy.effectiveTo >= policy.effectiveFrom, {
    message: "失效日期不能早于生效日期",
    path: ["effectiveTo"],
  });
export type PolicyInput = z.infer<typeof policySchema>;

/** 编辑政策: the form as the page read the policy (`version`). */
export const policyEditSchema = policySchema.extend({ version: versionField });

export const clauseSchema = z.object({
  number: requiredText("请输入条款编号，如 第五条", 30, "条款编号"),
  text: requiredText("请输入条款内容", 4000, "条款内容"),
  incentiveType: z.preprocess((value) => (value == null || value === "" ? null : value), z.enum(INCENTIVE_TYPES, { message: "奖励类型无效" }).nullable()),
  formula: optionalText(500, "计算方式"),
  capCny: wanAmount("上限（万元）"),
});
export type ClauseInput = z.infer<typeof clauseSchema>;

/** 修改 a clause as the page read it. */
export const clauseEditSchema = clauseSchema.extend({ clauseId: requiredId("条款无效"), version: versionField });

/** 删除 a clause. */
export const clauseRemovalSchema = z.object({ clauseId: requiredId("条款无效") });

/** 添加政策依据 on a project. */
export const policyBasisSchema = z.object({
  clauseId: requiredId("请选择政策条款"),
  note: optionalText(500, "说明"),
});
export type PolicyBasisInput = z.infer<typeof policyBasisSchema>;

/** 移除 a 政策依据 of a project. */
export const policyBasisRemovalSchema = z.object({ basisId: requiredId("政策依据无效") });
