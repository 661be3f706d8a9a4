import { wan, type AuditVocabulary } from "../audit/vocabulary";

/** How 变更记录 reads an FDI arrival, shown in its project's log (arrivals have no page of their own). */
export const ARRIVAL_AUDIT: AuditVocabulary = {
  part: "到账记录",
  parentField: "projectId",
  fields: {
    projectId: { label: "项目", ref: "project" },
    arrivedOn: { label: "到账日期" },
    amountUsd: { label: "到账金额（万美元）", format: wan },
    reference: { label: "凭证说明" },
    createdBy: { label: "登记人", ref: "user", hidden: true },
  },
};
