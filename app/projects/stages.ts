/**
 * Stages and statuses (DESIGN.md §2) as pure rules. The database layer calls these; they read
 * like the design so a change to the rules is a change here. The code lists themselves are in
 * app/domain/codes.ts (the schema uses them too); their labels are here.
 */
import { STAGES, type Priority, type ProjectType, type Stage, type Status } from "../domain/codes";

export { PRIORITIES, PROJECT_TYPES, STAGES, STATUSES, type Priority, type ProjectType, type Stage, type Status } from "../domain/codes";

export const STAGE_LABELS: Record<Stage, string> = {
  lead: "线索",
  contacted: "接洽",
  negotiating: "洽谈",
  signed: "签约",
  registered: "注册",
  construction: "开工",
  production: "投产",
};

export const STATUS_LABELS: Record<Status, string> = {
  active: "进行中",
  on_hold: "暂缓",
  dormant: "休眠",
  lost: "流失",
  abandoned: "放弃",
};

export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  new: "新设",
  capital_increase: "增资",
  profit_reinvestment: "利润再投资",
  merger: "并购",
};

export const PRIORITY_LABELS: Record<Priority, string> = { high: "重点", normal: "一般", low: "较低" };

/** A project with no activity for this many days is 久未跟进. */
export const STALE_AFTER_DAYS = 60;

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export const SIGNED_INDEX = stageIndex("signed");

export function isAtOrPastSigning(stage: Stage): boolean {
  return stageIndex(stage) >= SIGNED_INDEX;
}

export interface StageChangeRequest {
  from: Stage;
  to: Stage;
  occurredOn: string;
  note: string | null;
  /** the project's signing date, if it has reached 签约 before */
  signedOn: string | null;
  /** the date the project entered as 线索 */
  enteredOn: string;
  /** the latest 发生日期 among the project's transitions so far, null before the first */
  lastChangedOn?: string | null;
  today: string;
}

export type StageChangeOutcome =
  | { ok: true; direction: "forward" | "backward"; skipped: Stage[]; setsSignedOn: string | null }
  | { ok: false; field: "toStage" | "occurredOn" | "note"; message: string };

/**
 * May the project move from `from` to `to` on `occurredOn`?
 * Forward skips are allowed (the skipped stages are reported for the log); going back needs 说明;
 * the first transition that reaches or passes 签约 sets the signing date.
 */
export function checkStageChange(request: StageChangeRequest): StageChangeOutcome {
  const { from, to, occurredOn, note, signedOn, enteredOn, lastChangedOn, today } = request;
  if (from === to) return { ok: false, field: "toStage", message: "目标阶段与当前阶段相同" };
  if (occurredOn > today) return { ok: false, field: "occurredOn", message: "发生日期不能晚于今天" };
  if (occurredOn < enteredOn) {
    return { ok: false, field: "occurredOn", message: `发生日期不能早于线索登记日期（${enteredOn}）` };
  }
  // the log stays chronological: a transition never predates the one before it
  if (lastChangedOn && occurredOn < lastChangedOn) {
    return { ok: false, field: "occurredOn", message: `发生日期不能早于上一次阶段变更的发生日期（${lastChangedOn}）` };
  }
  const fromIndex = stageIndex(from);
  const toIndex = stageIndex(to);
  if (toIndex < fromIndex) {
    if (!note || note.trim() === "") return { ok: false, field: "note", message: "退回到之前的阶段需要填写说明" };
    return { ok: true, direction: "backward", skipped: [], setsSignedOn: null };
  }
  const skipped = STAGES.slice(fromIndex + 1, toIndex) as Stage[];
  const setsSignedOn = signedOn == null && toIndex >= SIGNED_INDEX ? occurredOn : null;
  return { ok: true, direction: "forward", skipped, setsSignedOn };
}

/**
 * May the 线索日期 (the log's entry row) be set to `enteredOn`? Only until the first transition:
 * after that the later dates rest on it (DESIGN.md §2). Returns the problem, or null.
 */
export function leadDateProblem({
  enteredOn,
  transitions,
  firstStatusChangeOn = null,
  today,
}: {
  enteredOn: string;
  transitions: number;
  /** the 发生日期 of the project's first status change, if any: the 线索日期 may not pass it */
  firstStatusChangeOn?: string | null;
  today: string;
}): string | null {
  if (transitions > 0) return "项目已有阶段变更，线索日期不能再修改";
  if (enteredOn > today) return "线索日期不能晚于今天";
  if (firstStatusChangeOn && enteredOn > firstStatusChangeOn) return `线索日期不能晚于首次状态变更的发生日期（${firstStatusChangeOn}）`;
  return null;
}

export interface StatusChangeRequest {
  from: Status;
  to: Status;
  reason: string | null;
  lostTo: string | null;
  /** 发生日期 of the change */
  occurredOn: string;
  /** the date the project entered as 线索 */
  enteredOn: string;
  /** the latest 发生日期 among the project's status changes so far, null before the first */
  lastChangedOn: string | null;
  today: string;
}

/**
 * May the status change? 流失 needs 原因 and 流失去向; 放弃 needs 原因; the status log stays
 * chronological like the stage log (DESIGN.md §2). Returns field errors, empty when allowed.
 */
export function statusChangeProblems({ from, to, reason, lostTo, occurredOn, enteredOn, lastChangedOn, today }: StatusChangeRequest): Record<string, string> {
  const problems: Record<string, string> = {};
  if (from === to) problems.status = "项目已是该状态";
  const needsReason = to === "lost" || to === "abandoned";
  if (needsReason && !reason?.trim()) problems.reason = to === "lost" ? "流失需要填写原因" : "放弃需要填写原因";
  if (to === "lost" && !lostTo?.trim()) problems.lostTo = "流失需要填写流失去向（落户的竞争地区）";
  if (occurredOn > today) problems.occurredOn = "发生日期不能晚于今天";
  else if (occurredOn < enteredOn) problems.occurredOn = `发生日期不能早于线索登记日期（${enteredOn}）`;
  else if (lastChangedOn && occurredOn < lastChangedOn) problems.occurredOn = `发生日期不能早于上一次状态变更的发生日期（${lastChangedOn}）`;
  return problems;
}

/** What a project shows about its signing: none, 待甄别, 甄别退回 or 已甄别. */
export function signingState(project: {
  signedOn: string | null;
  signingVerifiedAt: number | null;
  signingReturnedAt?: number | null;
}): "none" | "pending" | "returned" | "verified" {
  if (!project.signedOn) return "none";
  if (project.signingVerifiedAt) return "verified";
  return project.signingReturnedAt ? "returned" : "pending";
}

export const SIGNING_STATE_LABELS = { none: "", pending: "待甄别", returned: "甄别退回", verified: "已甄别" } as const;

/**
 * The furthest stage a project counts as having reached, given the furthest it reached in the log:
 * stages from 签约 on count only once the signing is verified (DESIGN.md §2, §4).
 */
export function countedStage(furthestReached: Stage, signingVerified: boolean): Stage {
  if (isAtOrPastSigning(furthestReached) && !signingVerified) return "negotiating";
  return furthestReached;
}
