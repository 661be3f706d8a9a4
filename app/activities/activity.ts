import { z } from "zod";
import { optionalText, requiredDate, requiredText } from "../lib/form";

export const ACTIVITY_TYPES = ["call", "visit", "inbound_visit", "outbound_trip", "video", "promotion", "signing_ceremony", "other"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

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

/** 活动记录 form. */
export const activitySchema = z.object({
  type: z.enum(ACTIVITY_TYPES, { error: "请选择活动类型" }),
  occurredOn: requiredDate("活动日期", { notAfterToday: true }),
  participants: optionalText(500, "参与人员"),
  place: optionalText(200, "地点"),
  summary: requiredText("请填写纪要", 4000, "纪要"),
  nextStep: optionalText(1000, "下一步"),
});
export type ActivityInput = z.output<typeof activitySchema>;
