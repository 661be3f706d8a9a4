/** One change of one field, ready to read: names and labels, never ids or codes. */
export interface AuditChangeView {
  label: string;
  /** null: not shown (a new record shows its values alone, a removed entry its old value) */
  before: string | null;
  after: string | null;
}

/** One entry of 变更记录: one action, by one person, with the fields it changed. */
export interface AuditRowView {
  id: number;
  at: number;
  /** 2026-06-30 14:05, Asia/Shanghai */
  when: string;
  who: string;
  actionLabel: string;
  /** the part of the record this entry is about (联系人「王明」, 活动记录); null for the record itself */
  partLabel: string | null;
  changes: AuditChangeView[];
}

function changeText({ label, before, after }: AuditChangeView): string {
  if (before === null) return `${label}：${after ?? ""}`;
  if (after === null) return `${label}：${before}`;
  return `${label}：${before} → ${after}`;
}

/** 变更记录: who did what, when, with the fields it changed (rows from app/audit/audit-view.server.ts). */
export function AuditList({ rows }: { rows: readonly AuditRowView[] }) {
  if (rows.length === 0) return <p className="muted">暂无变更记录</p>;
  return (
    <ul className="timeline">
      {rows.map((row) => (
        <li key={row.id}>
          <div className="meta">
            <time dateTime={new Date(row.at).toISOString()}>{row.when}</time> · {row.who} · {row.partLabel ? `${row.partLabel} · ` : ""}
            {row.actionLabel}
          </div>
          {row.changes.length > 0 ? (
            <ul>
              {row.changes.map((change, index) => (
                <li key={index}>{changeText(change)}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
