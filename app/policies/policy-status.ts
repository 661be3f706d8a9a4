/**
 * Policy status is derived, never stored (DESIGN.md §1): a policy is 失效 once its end date has
 * passed or it has been repealed; a clause relied on is 即将失效 when its policy ends within 90 days.
 */
import { addDays } from "../lib/dates";

export const EXPIRY_WARNING_DAYS = 90;

export interface PolicyDates {
  effectiveTo: string | null;
  repealedOn: string | null;
}

export function isPolicyExpired(policy: PolicyDates, today: string): boolean {
  return (policy.effectiveTo !== null && policy.effectiveTo < today) || (policy.repealedOn !== null && policy.repealedOn <= today);
}

export type ClauseState = "valid" | "expiring" | "expired";

export function clauseState(policy: PolicyDates, today: string): ClauseState {
  if (isPolicyExpired(policy, today)) return "expired";
  if (policy.effectiveTo !== null && policy.effectiveTo <= addDays(today, EXPIRY_WARNING_DAYS)) return "expiring";
  return "valid";
}

/** "《标题》第X条（奖励类型）" */
export function clauseLabel(clause: { policyTitle: string; number: string; incentiveType: string | null }): string {
  return `《${clause.policyTitle}》${clause.number}${clause.incentiveType ? `（${clause.incentiveType}）` : ""}`;
}
