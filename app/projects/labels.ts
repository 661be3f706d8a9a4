import { categoryLabel } from "../attachments/attachment-kinds";
import { ACTIVITY_TYPE_LABELS, type ActivityType } from "../activities/activity";
import { formatDateTime } from "../lib/dates";
import { formatWan } from "../lib/money";
import {
  PRIORITY_LABELS,
  PROJECT_TYPE_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  type Priority,
  type ProjectType,
  type Stage,
  type Status,
} from "./stages";

/** Chinese names of project fields, for 变更记录. */
export const PROJECT_FIELD_LABELS: Record<string, string> = {
  name: "项目名称",
  companyId: "投资方企业",
  projectType: "项目类型",
  channelId: "线索来源",
  ownerId: "负责人",
  unitId: "负责单位",
  parkId: "落地载体",
  totalInvestmentUsd: "总投资（万美元）",
  contractedFdiUsd: "合同外资（万美元）",
  fixedAssetInvestmentCny: "固定资产投资（万元）",
  landMu: "用地（亩）",
  expectedJobs: "预计就业人数",
  expectedAnnualTaxCny: "预计年税收（万元）",
  priority: "优先级",
  nextFollowUpOn: "下次跟进日期",
  nextFollowUpItem: "下次跟进事项",
  description: "项目简介",
  enteredOn: "线索日期",
  stage: "阶段",
  occurredOn: "发生日期",
  note: "说明",
  skipped: "跳过阶段",
  signedOn: "签约日期",
  signingVerifiedAt: "甄别时间",
  signingReturnReason: "退回原因",
  fileName: "文件名",
  category: "附件类型",
  status: "项目状态",
  statusReason: "原因",
  lostTo: "流失去向",
  memberAdded: "新增成员",
  memberRemoved: "移除成员",
  chainLink: "产业链环节",
  policyBasis: "政策依据",
  arrival: "实到外资",
  arrivedOn: "到账日期",
  amountUsd: "到账金额（万美元）",
  reference: "凭证说明",
  item: "承诺事项",
  amountCny: "承诺金额（万元）",
  dueOn: "约定兑现日期",
  condition: "兑现条件",
  projectId: "项目",
  type: "活动类型",
  participants: "参与人员",
  place: "地点",
  summary: "纪要",
  nextStep: "下一步",
};

/** A stored project value as the user knows it, for 变更记录; null when shown as stored. */
export function formatProjectValue(field: string, value: unknown): string | null {
  if (typeof value === "number" && /(Usd|Cny)$/.test(field)) return formatWan(value);
  if (field === "signingVerifiedAt" && typeof value === "number") return formatDateTime(value);
  if (typeof value !== "string") return null;
  if (field === "stage") return STAGE_LABELS[value as Stage] ?? value;
  if (field === "skipped") return value.split(",").map((stage) => STAGE_LABELS[stage as Stage] ?? stage).join("、");
  if (field === "status") return STATUS_LABELS[value as Status] ?? value;
  if (field === "projectType") return PROJECT_TYPE_LABELS[value as ProjectType] ?? value;
  if (field === "priority") return PRIORITY_LABELS[value as Priority] ?? value;
  if (field === "type") return ACTIVITY_TYPE_LABELS[value as ActivityType] ?? value;
  if (field === "category") return categoryLabel(value);
  return null;
}
