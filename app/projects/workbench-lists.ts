/**
 * The project lists of 工作台 (DESIGN.md §2): follow-ups overdue and due within 7 days, 久未跟进,
 * signings sent back, and the user's projects — all among the projects they own or are a member
 * of. 工作台 shows the first rows of each; the project list filtered by `desk` shows a whole list
 * (its 查看全部).
 */
import { STALE_AFTER_DAYS } from "./stages";

export const WORKBENCH_LISTS = ["overdue", "dueSoon", "stale", "mine", "returned"] as const;
export type WorkbenchList = (typeof WORKBENCH_LISTS)[number];

/** Days ahead that 待跟进 looks, today included. */
export const DUE_SOON_DAYS = 7;

/** What a list holds, in words for the project list's heading and its export. */
export const WORKBENCH_LIST_LABELS: Record<WorkbenchList, string> = {
  overdue: "我负责或参与的进行中、暂缓项目中下次跟进日期已过的（逾期未跟进）",
  dueSoon: `我负责或参与的进行中、暂缓项目中${DUE_SOON_DAYS}天内待跟进的`,
  stale: `我负责或参与的进行中项目中${STALE_AFTER_DAYS}天无活动的（久未跟进）`,
  mine: "我负责或参与的项目",
  returned: "我负责或参与的项目中甄别退回、尚未通过的签约",
};

/** The project list showing the whole list; follow-ups sorted by their date, as on 工作台. */
export function workbenchListHref(list: WorkbenchList): string {
  const params = new URLSearchParams({ desk: list });
  if (list === "overdue" || list === "dueSoon") {
    params.set("sort", "followUp");
    params.set("dir", "asc");
  }
  return `/projects?${params}`;
}
