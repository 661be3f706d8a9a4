import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from "./commitment-rules";

export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  const tone = status === "fulfilled" ? " verified" : status === "cancelled" ? " danger" : status === "proposed" ? " pending" : "";
  return <span className={`badge${tone}`}>{COMMITMENT_STATUS_LABELS[status]}</span>;
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  return overdue ? <span className="badge danger">逾期</span> : null;
}
