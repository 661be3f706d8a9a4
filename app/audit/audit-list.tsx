import { formatDateTime } from "../lib/dates";

const ACTION_LABELS: Record<string, string> = {
  create: "创建",
  update: "修改",
  delete: "删除",
  restore: "恢复",
  stage: "阶段变更",
  status: "状态变更",
  verify: "甄别通过",
  return: "甄别退回",
  member: "成员变更",
};

/** Records that appear in another record's 变更记录 (a company's contacts, a project's activities). */
const PART_LABELS: Record<string, string> = { contact: "联系人", activity: "活动记录", fdi_arrival: "到账记录", commitment: "政策承诺", attachment: "附件" };

export interface AuditRow {
  id: number;
  entityType: string;
  action: string;
  at: number;
  userName: string | null;
  changes: Record<string, [unknown, unknown]> | null;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  return String(value);
}

/**
 * 变更记录: who changed what, when, field by field. `fieldLabels` names the fields in Chinese;
 * `formatValue` may show a field's stored value as the user knows it (labels, 万 amounts).
 */
export function AuditList({
  rows,
  fieldLabels,
  formatValue,
}: {
  rows: readonly AuditRow[];
  fieldLabels: Record<string, string>;
  formatValue?: (field: string, value: unknown) => string | null;
}) {
  const shown = (field: string, value: unknown) => (value == null || value === "" ? show(value) : (formatValue?.(field, value) ?? show(value)));
  if (rows.length === 0) return <p className="muted">暂无变更记录</p>;
  return (
    <ul className="timeline">
      {rows.map((row) => (
        <li key={row.id}>
          <div className="meta">
            {formatDateTime(row.at)} · {row.userName ?? "系统"} · {ACTION_LABELS[row.action] ?? row.action}
            {PART_LABELS[row.entityType] ? PART_LABELS[row.entityType] : ""}
          </div>
          {row.changes && Object.keys(row.changes).length > 0 ? (
            <ul>
              {Object.entries(row.changes).map(([field, [before, after]]) => (
                <li key={field}>
                  {fieldLabels[field] ?? field}：{row.action === "create" ? shown(field, after) : `${shown(field, before)} → ${shown(field, after)}`}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
