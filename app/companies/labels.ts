import { type AuditVocabulary } from "../audit/vocabulary";
import { regionLabel } from "./regions";

const region = (value: unknown) => (typeof value === "string" ? regionLabel(value) : null);

/** How 变更记录 reads a company. */
export const COMPANY_AUDIT: AuditVocabulary = {
  part: "企业",
  fields: {
    name: { label: "企业名称" },
    foreignName: { label: "外文名称" },
    uscc: { label: "统一社会信用代码" },
    country: { label: "国别/地区", format: region },
    city: { label: "所在城市" },
    industry: { label: "所属行业" },
    isFortune500: { label: "世界500强" },
    isChainLeader: { label: "链主企业" },
    isExistingInvestor: { label: "存量外资企业" },
    description: { label: "企业简介" },
    nameKey: { label: "名称检索键", hidden: true },
    foreignNameKey: { label: "外文名称检索键", hidden: true },
    searchText: { label: "检索文本", hidden: true },
    isDemo: { label: "演示数据", hidden: true },
    createdBy: { label: "登记人", ref: "user", hidden: true },
  },
};

/** How 变更记录 reads a contact, shown in its company's log. */
export const CONTACT_AUDIT: AuditVocabulary = {
  part: "联系人",
  parentField: "companyId",
  partName: "contact",
  fields: {
    companyId: { label: "企业", ref: "company" },
    name: { label: "姓名" },
    title: { label: "职务" },
    phone: { label: "电话" },
    email: { label: "邮箱" },
    language: { label: "沟通语言" },
    note: { label: "备注" },
  },
};
