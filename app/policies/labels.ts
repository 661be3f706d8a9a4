import { labelOf, wan, type AuditVocabulary } from "../audit/vocabulary";
import type { PolicyLevel } from "../domain/codes";

export { POLICY_LEVELS, type PolicyLevel } from "../domain/codes";
export const POLICY_LEVEL_LABELS: Record<PolicyLevel, string> = { national: "国家", provincial: "省", municipal: "市", county: "县" };

/** Incentive types named in the county's material (DESIGN.md §5). */
export const INCENTIVE_TYPES = [
  "增资奖励",
  "招大引强项目奖励",
  "链主企业发展补助",
  "税收政策扶持",
  "地方经济补贴",
  "标准厂房/定制厂房",
  "人才/用工保障",
  "其他",
] as const;

export const CLAUSE_STATE_LABELS = { valid: "有效", expiring: "即将失效", expired: "已失效" } as const;

const CLAUSE_FIELDS = ["number", "text", "incentiveType", "formula", "capCny"];

/** How 变更记录 reads a policy; its clauses are logged on it. */
export const POLICY_AUDIT: AuditVocabulary = {
  part: "政策文件",
  fields: {
    title: { label: "标题" },
    docNumber: { label: "文号" },
    issuer: { label: "发文机关" },
    level: { label: "层级", format: labelOf(POLICY_LEVEL_LABELS) },
    issuedOn: { label: "发文日期" },
    effectiveFrom: { label: "生效日期" },
    effectiveTo: { label: "失效日期" },
    repealedOn: { label: "废止日期" },
    url: { label: "链接" },
    summary: { label: "摘要" },
    isSample: { label: "示例数据", hidden: true },
    // a clause's fields
    number: { label: "条款编号" },
    text: { label: "条款内容" },
    incentiveType: { label: "奖励类型" },
    formula: { label: "计算方式" },
    capCny: { label: "上限（万元）", format: wan },
    clauseAdded: { label: "条款", entry: { added: "条款", removed: "条款" } },
    clauseRemoved: { label: "条款", entry: { added: "条款", removed: "条款" } },
    // which clause an edit was about (its number before the edit): named in the action
    clause: { label: "条款", hidden: true },
  },
  actionLabel: (action, changes) => {
    if (action !== "update") return null;
    if (changes.clauseAdded) return "新增条款";
    if (changes.clauseRemoved) return "删除条款";
    if (CLAUSE_FIELDS.some((field) => field in changes)) {
      const number = changes.clause?.[0];
      return typeof number === "string" && number !== "" ? `修改条款「${number}」` : "修改条款";
    }
    return null;
  },
};
