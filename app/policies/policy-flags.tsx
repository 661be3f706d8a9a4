import { Link } from "@remix-run/react";
import { ClauseStateBadge } from "./policy-bits";

export interface PolicyFlag {
  projectId: number;
  projectName: string;
  ownerName: string;
  policyId: number;
  policyTitle: string;
  clauseNumber: string;
  effectiveTo: string | null;
  state: "expiring" | "expired";
}

/** Projects resting on a clause that has expired or expires within 90 days (工作台, the leaders' list). */
export function PolicyFlagsTable({ label, rows }: { label: string; rows: readonly PolicyFlag[] }) {
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th>项目</th>
          <th>负责人</th>
          <th>政策依据</th>
          <th>有效期至</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.projectId}-${row.policyId}-${row.clauseNumber}`}>
            <td>
              <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link>
            </td>
            <td>{row.ownerName}</td>
            <td>
              <Link to={`/policies/${row.policyId}`}>《{row.policyTitle}》</Link>
              {row.clauseNumber}
            </td>
            <td>{row.effectiveTo ?? "—"}</td>
            <td>
              <ClauseStateBadge state={row.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
