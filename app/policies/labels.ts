export const POLICY_LEVELS = ["national", "provincial", "municipal", "county"] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];
export const POLICY_LEVEL_LABELS: Record<PolicyLevel, string> = { national: "国家", provincial: "省", municipal: "市", county: "县" };

/** Incentive types named in the county's material (DESIGN.md §5). */
export const INCENTIVE_TYPES = ["增资奖励", "招大引强项目奖励", "链主企业发展补助", "税收政策扶持", "地方经济补贴", "标准厂房/定制厂房", "人才/用工保障", "其他"] as const;

export const CLAUSE_STATE_LABELS = { valid: "有效", expiring: "即将失效", expired: "已失效" } as const;
