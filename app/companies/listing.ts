/** Sort orders of the company list (shared by the list page and the query). */
export const COMPANY_SORTS = {
  updated: "最近更新",
  name: "企业名称",
  created: "最近创建",
} as const;
export type CompanySort = keyof typeof COMPANY_SORTS;
