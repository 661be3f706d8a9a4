/** Sort orders of the project list (shared by the list page and the query). */
export const PROJECT_SORTS = {
  updated: "最近更新",
  investment: "总投资",
  followUp: "下次跟进日期",
} as const;
export type ProjectSort = keyof typeof PROJECT_SORTS;
