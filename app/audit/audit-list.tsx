import { Link } from "@remix-run/react";

/** One change of one field, ready to read: names and labels, never ids or codes. */
export interface AuditChangeView {
  label: string;
  /** null: not shown (a new record shows its values alone, a removed entry its old value) */
  before: string | null;
  after: string | null;
}

/** One step of a save: what it did to the record or to one of its parts, with the fields it changed. */
export interface AuditStepView {
  actionLabel: string;
  /** the part of the record this step is about (联系人「王明」, 活动记录); null for the record itself */
  partLabel: string | null;
  changes: AuditChangeView[];
}

/**
 * One entry of 变更记录: one save, by one person. Its first step is the entry's own; a save that
 * changed more (a new visit that also moved the project's 下次跟进) lists its further steps in `more`.
 */
export interface AuditRowView extends AuditStepView {
  id: number;
  at: number;
  /** 2026-06-30 14:05, Asia/Shanghai */
  when: string;
  who: string;
  more: AuditStepView[];
}

function stepLabel({ partLabel, actionLabel }: AuditStepView): string {
  return partLabel ? `${partLabel} · ${actionLabel}` : actionLabel;
}

function Changes({ changes }: { changes: readonly AuditChangeView[] }) {
  if (changes.length === 0) return null;
  return (
    <ul>
      {changes.map((change, index) => (
        <li key={index}>{changeText(change)}</li>
      ))}
    </ul>
  );
}

function changeText({ label, before, after }: AuditChangeView): string {
  if (before === null) return `${label}：${after ?? ""}`;
  if (after === null) return `${label}：${before}`;
  return `${label}：${before} → ${after}`;
}

/**
 * 变更记录: who did what, when, with the fields it changed, and 查看更早的变更记录 when there is more
 * (both from auditOnPage in app/audit/audit-view.server.ts).
 */
export function AuditList({ rows, olderHref = null }: { rows: readonly AuditRowView[]; olderHref?: string | null }) {
  if (rows.length === 0) return <p className="muted">暂无变更记录</p>;
  return (
    <>
      <AuditRows rows={rows} />
      {olderHref ? (
        <p>
          <Link to={olderHref} preventScrollReset>
            查看更早的变更记录
          </Link>
        </p>
      ) : null}
    </>
  );
}

function AuditRows({ rows }: { rows: readonly AuditRowView[] }) {
  return (
    <ul className="timeline">
      {rows.map((row) => (
        <li key={row.id} id={`change-${row.id}`}>
          <div className="meta">
            <time dateTime={new Date(row.at).toISOString()}>{row.when}</time>
            {` · ${row.who} · ${stepLabel(row)}`}
          </div>
          <Changes changes={row.changes} />
          {row.more.map((step, index) => (
            <div key={index}>
              <div className="meta">{stepLabel(step)}</div>
              <Changes changes={step.changes} />
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
