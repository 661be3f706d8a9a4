import { labelOf, type AuditVocabulary } from "../audit/vocabulary";
import { ACTIVITY_TYPE_LABELS } from "./activity";

/** How 变更记录 reads an activity, shown in its project's log. */
export const ACTIVITY_AUDIT: AuditVocabulary = {
  part: "活动记录",
  parentField: "projectId",
  fields: {
    projectId: { label: "项目", ref: "project" },
    companyId: { label: "企业", ref: "company" },
    type: { label: "活动类型", format: labelOf(ACTIVITY_TYPE_LABELS) },
    occurredOn: { label: "活动日期" },
    participants: { label: "参与人员" },
    place: { label: "地点" },
    summary: { label: "纪要" },
    nextStep: { label: "下一步" },
    nextFollowUpOn: { label: "下次跟进日期" },
    nextFollowUpItem: { label: "下次跟进事项" },
    createdBy: { label: "记录人", ref: "user", hidden: true },
    isDemo: { label: "演示数据", hidden: true },
  },
};
