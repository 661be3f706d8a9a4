/** Forms of 政策兑现, shared by the browser (react-hook-form) and the server. */
import { z } from "zod";
import { optionalText, requiredDate, requiredId, requiredText, requiredWanAmount, versionField } from "../lib/form";

const positiveWan = (label: string) => requiredWanAmount(label).refine((units) => units > 0, `${label}应大于0`);

/** 提出承诺: no commitment without a policy clause as its basis. */
export const commitmentSchema = z.object({
  clauseId: requiredId("请选择政策条款"),
  item: requiredText("请输入承诺事项", 200, "承诺事项"),
  amountCny: positiveWan("承诺金额"),
  condition: optionalText(500, "兑现条件"),
  dueOn: requiredDate("约定兑现日期"),
});
export type CommitmentInput = z.infer<typeof commitmentSchema>;

/** 登记兑现: one payout against the commitment as the form saw it (`version`). */
export const payoutSchema = z.object({
  amountCny: positiveWan("兑现金额"),
  paidOn: requiredDate("兑现日期"),
  reference: optionalText(200, "凭证说明"),
  version: versionField,
});
export type PayoutInput = z.infer<typeof payoutSchema>;

/** 承诺 and 条件已达成: a step on the commitment as the page showed it. */
export const commitmentStepSchema = z.object({ version: versionField });

/** 取消: a reason is required. */
export const cancelCommitmentSchema = z.object({
  reason: requiredText("请填写取消原因", 500, "取消原因"),
  version: versionField,
});
export type CancelCommitmentInput = z.infer<typeof cancelCommitmentSchema>;
