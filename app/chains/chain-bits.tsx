import type { GapStatus } from "./labels";
import { GAP_STATUS_LABELS } from "./labels";

/** 优势/薄弱/空白 as a badge whose text carries the meaning (colour only repeats it). */
export function GapBadge({ status }: { status: GapStatus | null }) {
  if (!status) return null;
  const tone = status === "gap" ? " danger" : status === "weak" ? " pending" : " verified";
  return <span className={`badge${tone}`}>{GAP_STATUS_LABELS[status]}</span>;
}

export function RetiredBadge({ retired }: { retired: boolean }) {
  return retired ? <span className="badge">已停用</span> : null;
}
