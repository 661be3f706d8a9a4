/**
 * 政策兑现 (DESIGN.md §1, §3) as pure rules: the statuses and their flow, who may take each step,
 * when a commitment is overdue or due soon, what is left to pay, and when a policy has expired.
 * The database layer and the screens call these; the SQL in commitments.server.ts mirrors them.
 */
import { can, type Actor, type Permission } from "../auth/permissions";
import { COMMITMENT_STATUSES, type CommitmentStatus } from "../domain/codes";
import { addDays, daysBetween } from "../lib/dates";
import { formatAmount } from "../lib/money";
import { enumParam, intParam } from "../lib/params";
import { pagingFrom } from "../lib/paging";
import { sortFrom, type Sort, type SortColumns } from "../lib/sorting";

export { COMMITMENT_STATUSES, type CommitmentStatus } from "../domain/codes";

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  proposed: "拟承诺",
  committed: "已承诺",
  conditions_met: "条件已达成",
  fulfilled: "已兑现",
  cancelled: "已取消",
};

/** Not yet fulfilled or cancelled. */
export const OPEN_STATUSES = ["proposed", "committed", "conditions_met"] as const satisfies readonly CommitmentStatus[];
/** The county owes the money: payouts are recorded against these, and a passed date is overdue. */
export const PAYABLE_STATUSES = ["committed", "conditions_met"] as const satisfies readonly CommitmentStatus[];
/** What the totals count as promised: a 拟承诺 is not yet a promise, a cancelled one no longer is. */
export const PROMISED_STATUSES = ["committed", "conditions_met", "fulfilled"] as const satisfies readonly CommitmentStatus[];

const includes = (list: readonly string[], value: string) => list.includes(value);

// ── the flow ──────────────────────────────────────────────────────────────

/**
 * The steps after a proposal: 承诺 (拟承诺 → 已承诺), 条件已达成 (已承诺 → 条件已达成), 取消 (any open
 * status → 已取消, with a reason) and 兑现 (a payout; the last one makes it 已兑现).
 */
export type CommitmentStep = "commit" | "meetConditions" | "cancel" | "pay";

const STEP_FROM: Record<CommitmentStep, readonly CommitmentStatus[]> = {
  commit: ["proposed"],
  meetConditions: ["committed"],
  cancel: OPEN_STATUSES,
  pay: PAYABLE_STATUSES,
};

/** The permission each step needs (DESIGN.md §3: commit / record payout). */
export const STEP_PERMISSIONS: Record<CommitmentStep, Permission> = {
  commit: "commit:commitment",
  meetConditions: "commit:commitment",
  cancel: "commit:commitment",
  pay: "record:payout",
};

/** Why a step is refused in the commitment's current status. */
export const STEP_REFUSALS: Record<CommitmentStep, string> = {
  commit: "只有拟承诺的事项可以承诺",
  meetConditions: "只有已承诺的事项可以标记条件已达成",
  cancel: "已兑现或已取消的承诺不能取消",
  pay: "只有已承诺或条件已达成的承诺可以登记兑现",
};

export function canTakeStep(status: CommitmentStatus, step: CommitmentStep): boolean {
  return includes(STEP_FROM[step], status);
}

/** May the actor take the step (role and status; scope is the query's business)? */
export function mayTakeStep(actor: Pick<Actor, "role">, status: CommitmentStatus, step: CommitmentStep): boolean {
  return can(actor.role, STEP_PERMISSIONS[step]) && canTakeStep(status, step);
}

// ── money ─────────────────────────────────────────────────────────────────

/** Amounts in yuan: what was promised and what has been paid so far. */
export interface Amounts {
  amountCny: number;
  paidCny: number;
}

export function outstandingOf({ amountCny, paidCny }: Amounts): number {
  return Math.max(amountCny - paidCny, 0);
}

export function isPaidInFull({ amountCny, paidCny }: Amounts): boolean {
  return paidCny >= amountCny;
}

/** A payout may not take the sum of payouts beyond the promised amount. */
export function payoutProblem(row: Amounts, amountCny: number): string | null {
  if (amountCny <= 0) return "兑现金额应大于0";
  const remaining = outstandingOf(row);
  if (amountCny > remaining) return `超出未兑现金额（剩余 ${formatAmount(remaining, "元")}）`;
  return null;
}

// ── dates ─────────────────────────────────────────────────────────────────

export interface DueRow extends Amounts {
  status: CommitmentStatus;
  /** 约定兑现日期 */
  dueOn: string;
}

/** Days from today to the agreed date: 0 on the day, negative once past. */
export function daysUntilDue(row: { dueOn: string }, today: string): number {
  return daysBetween(today, row.dueOn);
}

/** Still owed: 已承诺 or 条件已达成 and not paid in full. */
export function isOwed(row: DueRow): boolean {
  return includes(PAYABLE_STATUSES, row.status) && !isPaidInFull(row);
}

/** 逾期 (DESIGN.md §1): owed and its agreed date has passed. */
export function isOverdue(row: DueRow, today: string): boolean {
  return isOwed(row) && row.dueOn < today;
}

export const DUE_WINDOWS = ["overdue", "due30", "due90"] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

export const DUE_WINDOW_LABELS: Record<DueWindow, string> = {
  overdue: "逾期未兑现",
  due30: "30天内到期",
  due90: "90天内到期",
};

/** The forward windows, in days from today (today and the last day included). */
export const DUE_WINDOW_DAYS: Record<Exclude<DueWindow, "overdue">, number> = { due30: 30, due90: 90 };

/** The last date a forward window reaches. */
export function dueWindowEnd(window: Exclude<DueWindow, "overdue">, today: string): string {
  return addDays(today, DUE_WINDOW_DAYS[window]);
}

/** Is the commitment in the window: overdue, or owed and due from today to the window's end? */
export function isInDueWindow(row: DueRow, window: DueWindow, today: string): boolean {
  if (window === "overdue") return isOverdue(row, today);
  return isOwed(row) && row.dueOn >= today && row.dueOn <= dueWindowEnd(window, today);
}

/** "逾期 3 天", "今天到期", "还有 12 天" — for owed commitments; null otherwise. */
export function dueNote(row: DueRow, today: string): string | null {
  if (!isOwed(row)) return null;
  const days = daysUntilDue(row, today);
  if (days < 0) return `逾期 ${-days} 天`;
  if (days === 0) return "今天到期";
  return `还有 ${days} 天`;
}

// ── policies ──────────────────────────────────────────────────────────────

/** The policy rules live with the policy library; re-exported for the commitment screens. */
export { clauseLabel, isPolicyExpired } from "../policies/policy-status";

/**
 * The 政策兑现 list's sortable columns and the direction of a first click. `urgent`, the default,
 * has no header: overdue ones first, then by agreed date.
 */
export const COMMITMENT_SORT_COLUMNS = {
  urgent: "asc",
  dueOn: "asc",
  amount: "desc",
} as const satisfies SortColumns<string>;
export type CommitmentSort = Sort<keyof typeof COMMITMENT_SORT_COLUMNS>;
export const DEFAULT_COMMITMENT_SORT: CommitmentSort = { key: "urgent", dir: "asc" };

/** The 政策兑现 list's filters from its URL, shared by the list and its 导出Excel. */
export function commitmentFiltersFrom(params: URLSearchParams) {
  return {
    status: enumParam(params, "status", [...COMMITMENT_STATUSES, "open"] as const),
    window: enumParam(params, "window", DUE_WINDOWS),
    policyId: intParam(params, "policy"),
    unitId: intParam(params, "unit"),
    projectId: intParam(params, "project"),
    mine: params.get("mine") === "1" || undefined,
    sort: sortFrom(params, COMMITMENT_SORT_COLUMNS, DEFAULT_COMMITMENT_SORT),
    ...pagingFrom(params),
  };
}
