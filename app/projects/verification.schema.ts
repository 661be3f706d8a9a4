/**
 * 甄别 (DESIGN.md §2): 甄别通过, or 退回 with a reason. Shared by the browser and the server.
 */
import { z } from "zod";
import { requiredText, UNKNOWN_INTENT, versionField } from "../lib/form";

export const verificationSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("verify"), version: versionField }),
    z.object({ intent: z.literal("return"), version: versionField, reason: requiredText("请填写退回原因", 500, "退回原因") }),
  ],
  { error: UNKNOWN_INTENT },
);

export type VerificationInput = z.infer<typeof verificationSchema>;
