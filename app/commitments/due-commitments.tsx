import { Link } from "@remix-run/react";
import { formatWan } from "../lib/money";

export interface DueCommitment {
  id: number;
  projectId: number;
  projectName: string;
  item: string;
  outstandingCny: number;
  dueOn: string;
  daysUntilDue: number;
  ownerName: string;
}

/** The fields the table shows, all a loader sends of a row. */
export function dueCommitmentFor(row: DueCommitment): DueCommitment {
  const { id, projectId, projectName, item, outstandingCny, dueOn, daysUntilDue, ownerName } = row;
  return { id, projectId, projectName, item, outstandingCny, dueOn, daysUntilDue, ownerName };
}

/** Commitments to honour soon or overdue (工作台, 领导驾驶舱), the overdue ones saying by how long. */
export function DueCommitmentsTable({ label, rows }: { label: string; rows: readonly DueCommitment[] }) {
  return (
    <table className="data cards" aria-label={label}>
      <thead>
        <tr>
          <th>承诺事项</th>
          <th>项目</th>
          <th className="num">未兑现（万元）</th>
          <th>约定兑现日期</th>
          <th>负责人</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link to={`/commitments/${row.id}`}>{row.item}</Link>
            </td>
            <td data-label="项目">
              <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link>
            </td>
            <td data-label="未兑现（万元）" className="num">
              {formatWan(row.outstandingCny)}
            </td>
            <td data-label="约定兑现日期">
              {row.dueOn}{" "}
              {row.daysUntilDue < 0 ? (
                <span className="badge danger">逾期 {-row.daysUntilDue} 天</span>
              ) : (
                <span className="muted">还有 {row.daysUntilDue} 天</span>
              )}
            </td>
            <td data-label="负责人">{row.ownerName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
