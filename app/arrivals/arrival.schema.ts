/** 登记到账 (实到外资), shared by the browser and the server. */
import { z } from "zod";
import { optionalText, requiredDate, requiredId, requiredWanAmount, versionField } from "../lib/form";

export const arrivalSchema = z.object({
  arrivedOn: requiredDate("到账日期", { notAfterToday: true }),
  amountUsd: requiredWanAmount("到账金额（万美元）").refine((usd) => usd > 0, "到账金额（万美元）应大于0"),
  reference: optionalText(200, "凭证说明"),
});
export type ArrivalInput = z.infer<typeof arrivalSchema>;

/** 更正 an arrival (its date, amount, reference) as the page read it. */
export const arrivalCorrectionSchema = arrivalSchema.extend({ arrivalId: requiredId("到账记录无效"), version: versionField });

/** 删除 an arrival as the page showed it (the confirmation page and the browser's dialog ask first). */
export const arrivalDeletionSchema = z.object({ arrivalId: requiredId("到账记录无效"), version: versionField });
