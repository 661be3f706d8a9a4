import { labelOf, wan, type AuditVocabulary } from "../audit/vocabulary";
import { COMMITMENT_STATUS_LABELS } from "./commitment-rules";

/** The step a status change took, named as its button is. */
const STEP_LABELS: Record<string, string> = { committed: "承诺", conditions_met: "条件已达成", cancelled: "取消承诺" };

/** How 变更记录 reads a commitment and its payouts, on its page and in its project's log. */
export const COMMITMENT_AUDIT: AuditVocabulary = {
  part: "政策承诺",
  parentField: "projectId",
  partName: "commitment",
  fields: {
    projectId: { label: "项目", ref: "project" },
    clauseId: { label: "政策条款", ref: "clause" },
    item: { label: "承诺事项" },
    amountCny: { label: "承诺金额（万元）", format: wan },
    condition: { label: "兑现条件" },
    dueOn: { label: "约定兑现日期" },
    status: { label: "状态", format: labelOf(COMMITMENT_STATUS_LABELS) },
    cancelReason: { label: "取消原因" },
    proposedBy: { label: "提出人", ref: "user" },
    committedBy: { label: "承诺人", ref: "user" },
    committedOn: { label: "承诺日期" },
    fulfilledOn: { label: "兑现完成日期" },
    cancelledOn: { label: "取消日期" },
    // a payout: written as details of the commitment's update
    payoutCny: { label: "兑现金额（万元）", format: wan, detail: true },
    paidOn: { label: "兑现日期", detail: true },
    reference: { label: "凭证说明", detail: true },
    paidCny: { label: "累计已兑现（万元）", format: wan },
  },
  actionLabel: (action, changes) => {
    if (changes.payoutCny) return "登记兑现";
    const to = changes.status?.[1];
    if (action === "status" && typeof to === "string") return STEP_LABELS[to] ?? null;
    return null;
  },
};
