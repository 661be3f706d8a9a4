import { CLAUSE_STATE_LABELS } from "./labels";
import type { ClauseState } from "./policy-status";

/** 有效 / 即将失效 / 已失效 as a badge whose words carry the meaning. */
export function ClauseStateBadge({ state }: { state: ClauseState }) {
  const tone = state === "expired" ? " danger" : state === "expiring" ? " pending" : " verified";
  return <span className={`badge${tone}`}>{CLAUSE_STATE_LABELS[state]}</span>;
}
