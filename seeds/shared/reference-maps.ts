/**
 * What the demo and the large data set say the same way: the first activity a lead channel brings,
 * the next step and the paperwork at each stage, the note of a forward stage change, the closing
 * record of a project that stops, and the place of a trip abroad.
 */
import { regionLabel } from "../../app/companies/regions";
import type { ActivityType, Stage, Status } from "../../app/domain/codes";
import type { REFERENCE_CHANNELS } from "../reference";

const FIRST_ACTIVITY_BY_CHANNEL: Record<(typeof REFERENCE_CHANNELS)[number], ActivityType> = {
  驻点招商: "visit",
  以商招商: "visit",
  中介招商: "call",
  基金招商: "video",
  产业链精准推介: "promotion",
  "展会/进博会": "promotion",
  云招商: "video",
  外出招商: "outbound_trip",
  上级推送: "call",
  企业自荐: "inbound_visit",
  其他: "call",
};

/** The type of a project's first activity, on its lead date, by its lead channel (线索来源). */
export function firstActivityType(channel: string): ActivityType {
  return (FIRST_ACTIVITY_BY_CHANNEL as Record<string, ActivityType | undefined>)[channel] ?? "call";
}

/** The owner's next step (下一步) while a project is at a stage. */
export const NEXT_STEP_BY_STAGE: Record<Stage, string> = {
  lead: "电话联系企业，确认投资意向",
  contacted: "邀请企业来平湖实地考察",
  negotiating: "细化用地方案，推进投资协议谈判",
  signed: "协助办理外资企业设立登记",
  registered: "推进施工许可，争取尽早开工",
  construction: "跟踪设备进场，协调竣工验收",
  production: "跟踪投产达效，了解增资意向",
};

/** The note of a stage change forward into a stage from 签约 on. */
export const FORWARD_NOTES: Partial<Record<Stage, string>> = {
  signed: "签订投资协议",
  registered: "完成外资企业设立登记",
  construction: "项目开工建设",
  production: "项目竣工投产",
};

/** The formalities the county helps with after 签约, by stage. */
export const PAPERWORK_BY_STAGE: Partial<Record<Stage, string>> = {
  signed: "外资企业设立登记",
  registered: "项目备案、环评和施工许可",
  construction: "竣工验收和消防验收",
  production: "用工招聘和人才公寓",
};

/** The next follow-up of a paused project: days after today [min, max], and what to follow up. */
export const PAUSED_FOLLOW_UP: Record<"on_hold" | "dormant", { days: readonly [number, number]; item: string }> = {
  on_hold: { days: [30, 90], item: "了解企业投资计划是否重启" },
  dormant: { days: [60, 120], item: "季度回访，了解企业最新动向" },
};

/** The last record of a project that is no longer 进行中 (null for an active one). */
export function closingActivity(status: Status, reason: string | null, lostTo: string | null): { summary: string; nextStep: string | null } | null {
  switch (status) {
    case "on_hold":
      return { summary: `企业表示项目暂缓${reason ? `：${reason}` : ""}。`, nextStep: "保持联系，定期了解企业计划" };
    case "dormant":
      return { summary: `多次联系未有实质进展${reason ? `（${reason}）` : ""}，项目转入休眠。`, nextStep: "每季度回访一次" };
    case "lost":
      return { summary: `获悉企业最终选择落户${lostTo}，项目流失。原因：${reason}。`, nextStep: "总结流失原因，与企业保持联络" };
    case "abandoned":
      return { summary: `经研究决定放弃该项目：${reason}。`, nextStep: null };
    default:
      return null;
  }
}

/** Where a trip abroad to a company's headquarters goes: its country or region, then the city. */
export function abroadPlace(country: string, hq: string | null): string {
  const region = regionLabel(country);
  return hq && hq !== region && !region.endsWith(hq) ? `${region}${hq}` : region;
}
