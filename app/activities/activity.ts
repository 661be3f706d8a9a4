import { z } from "zod";
import { ACTIVITY_TYPES, type ActivityType } from "../domain/codes";
import { optionalDate, optionalText, requiredDate, requiredText, versionField } from "../lib/form";

export { ACTIVITY_TYPES, type ActivityType } from "../domain/codes";

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  call: "电话",
  visit: "拜访",
  inbound_visit: "来访考察",
  outbound_trip: "外出招商",
  video: "视频洽谈",
  promotion: "推介会",
  signing_ceremony: "签约仪式",
  other: "其他",
};

/** What an activity records (imports and corrections use these fields as they are). */
export const activitySchema = z.object({
  type: z.enum(ACTIVITY_TYPES, { error: "请选择活动类型" }),
  occurredOn: requiredDate("活动日期", { notAfterToday: true }),
  participants: optionalText(500, "参与人员"),
  place: optionalText(200, "地点"),
  summary: requiredText("请填写纪要", 4000, "纪要"),
  nextStep: optionalText(1000, "下一步"),
});
export type ActivityInput = z.output<typeof activitySchema>;

/**
 * 添加活动记录 on the project page: the activity, and 下次跟进日期 which, with 下一步, becomes the
 * project's next follow-up — a visit is logged and the next one planned in one step.
 */
export const newActivitySchema = activitySchema.extend({ nextFollowUpOn: optionalDate("下次跟进日期") }).superRefine((data, ctx) => {
  if (data.nextFollowUpOn && data.occurredOn && data.nextFollowUpOn < data.occurredOn) {
    ctx.addIssue({ code: "custom", path: ["nextFollowUpOn"], message: "下次跟进日期不能早于活动日期" });
  }
});
export type NewActivityInput = z.output<typeof newActivitySchema>;

/** 更正活动记录: the activity's fields, as the author read them (`version`). */
export const activityCorrectionSchema = activitySchema.extend({ version: versionField });
export type ActivityCorrectionInput = z.output<typeof activityCorrectionSchema>;

/** An author may correct an activity for this long after recording it. */
export const CORRECTION_WINDOW_DAYS = 7;
const CORRECTION_WINDOW_MS = CORRECTION_WINDOW_DAYS * 24 * 3_600_000;

/**
 * May `actorId` correct an activity recorded by `authorId` at `createdAt` (ms)? Only its author, and
 * only within 7 days: a record others have relied on for longer stays as it was. Returns the reason
 * it may not, or null.
 */
export function activityCorrectionProblem({
  authorId,
  createdAt,
  actorId,
  now,
}: {
  authorId: number | null;
  createdAt: number;
  actorId: number;
  now: number;
}): string | null {
  if (authorId !== actorId) return "只能更正本人添加的活动记录";
  if (now - createdAt > CORRECTION_WINDOW_MS) return `活动记录添加已超过${CORRECTION_WINDOW_DAYS}天，不能再更正`;
  return null;
}
