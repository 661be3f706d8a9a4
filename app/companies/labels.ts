import { regionLabel } from "./regions";

/** Chinese names of company and contact fields, for 变更记录. */
export const COMPANY_FIELD_LABELS: Record<string, string> = {
  name: "企业名称",
  foreignName: "外文名称",
  uscc: "统一社会信用代码",
  country: "国别/地区",
  city: "所在城市",
  industry: "所属行业",
  isFortune500: "世界500强",
  isChainLeader: "链主企业",
  isExistingInvestor: "存量外资企业",
  description: "企业简介",
  companyId: "企业",
  title: "职务",
  phone: "电话",
  email: "邮箱",
  language: "沟通语言",
  note: "备注",
};

/** A stored company value as the user knows it, for 变更记录; null when shown as stored. */
export function formatCompanyValue(field: string, value: unknown): string | null {
  if (field === "country" && typeof value === "string") return regionLabel(value);
  return null;
}
