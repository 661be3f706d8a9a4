import { regionLabel } from "../companies/regions";
import { formatWan } from "../lib/money";
import { signingState, STAGE_LABELS, STATUS_LABELS, type Stage, type Status } from "../projects/stages";
import { useClientLinks } from "./client-links";

export function StageBadge({ stage, signedOn, signingVerifiedAt, signingReturnedAt }: { stage: Stage; signedOn: string | null; signingVerifiedAt: number | null; signingReturnedAt?: number | null }) {
  const state = signingState({ signedOn, signingVerifiedAt, signingReturnedAt });
  return (
    <span className="stage">
      <span className="badge">{STAGE_LABELS[stage]}</span>
      {state === "pending" ? <span className="badge pending"> 待甄别</span> : null}
      {state === "returned" ? <span className="badge danger"> 甄别退回</span> : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const tone = status === "lost" || status === "abandoned" ? " danger" : "";
  return <span className={`badge${tone}`}>{STATUS_LABELS[status]}</span>;
}

export interface ProjectRow {
  id: number;
  name: string;
  companyName: string;
  country: string;
  stage: Stage;
  status: Status;
  totalInvestmentUsd: number;
  ownerName: string;
  unitName: string;
  signedOn: string | null;
  signingVerifiedAt: number | null;
  signingReturnedAt?: number | null;
  signingReturnReason?: string | null;
  nextFollowUpOn: string | null;
  nextFollowUpItem: string | null;
  lastActivityOn: string;
}

type Column = "company" | "country" | "stage" | "status" | "investment" | "owner" | "unit" | "followUp" | "lastActivity" | "signedOn" | "returnReason";

export function ProjectTable({ rows, columns, empty = "暂无项目" }: { rows: readonly ProjectRow[]; columns: readonly Column[]; empty?: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  const has = (column: Column) => columns.includes(column);
  const followLink = useClientLinks();
  return (
    <table className="data" onClick={followLink}>
      <thead>
        <tr>
          <th>项目名称</th>
          {has("company") ? <th>投资方企业</th> : null}
          {has("country") ? <th>国别/地区</th> : null}
          {has("stage") ? <th>阶段</th> : null}
          {has("status") ? <th>项目状态</th> : null}
          {has("investment") ? <th className="num">总投资（万美元）</th> : null}
          {has("owner") ? <th>负责人</th> : null}
          {has("unit") ? <th>负责单位</th> : null}
          {has("signedOn") ? <th>签约日期</th> : null}
          {has("followUp") ? <th>下次跟进</th> : null}
          {has("lastActivity") ? <th>最近活动</th> : null}
          {has("returnReason") ? <th>退回原因</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <a href={`/projects/${row.id}`}>{row.name}</a>
            </td>
            {has("company") ? <td>{row.companyName}</td> : null}
            {has("country") ? <td>{regionLabel(row.country)}</td> : null}
            {has("stage") ? (
              <td>
                <StageBadge stage={row.stage} signedOn={row.signedOn} signingVerifiedAt={row.signingVerifiedAt} signingReturnedAt={row.signingReturnedAt} />
              </td>
            ) : null}
            {has("status") ? (
              <td>
                <StatusBadge status={row.status} />
              </td>
            ) : null}
            {has("investment") ? <td className="num">{formatWan(row.totalInvestmentUsd)}</td> : null}
            {has("owner") ? <td>{row.ownerName}</td> : null}
            {has("unit") ? <td>{row.unitName}</td> : null}
            {has("signedOn") ? <td>{row.signedOn ?? "—"}</td> : null}
            {has("followUp") ? (
              <td>
                {row.nextFollowUpOn ?? "—"}
                {row.nextFollowUpItem ? <div className="muted">{row.nextFollowUpItem}</div> : null}
              </td>
            ) : null}
            {has("lastActivity") ? <td>{row.lastActivityOn}</td> : null}
            {has("returnReason") ? <td>{row.signingReturnReason ?? ""}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 项目储备 by stage: count and 总投资 per stage with a 合计 row; counts link to their list when `listOf` is given. */
export function StagePipelineTable({
  label,
  rows,
  listOf,
}: {
  label: string;
  rows: readonly { stage: Stage; projects: number; totalInvestmentUsd: number }[];
  listOf?: (stage: Stage) => string;
}) {
  const projects = rows.reduce((sum, row) => sum + row.projects, 0);
  const investment = rows.reduce((sum, row) => sum + row.totalInvestmentUsd, 0);
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th>阶段</th>
          <th className="num">项目数</th>
          <th className="num">总投资（万美元）</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.stage}>
            <th scope="row">{STAGE_LABELS[row.stage]}</th>
            <td className="num">{listOf && row.projects > 0 ? <a href={listOf(row.stage)}>{row.projects}</a> : row.projects}</td>
            <td className="num">{formatWan(row.totalInvestmentUsd)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">合计</th>
          <td className="num">{projects}</td>
          <td className="num">{formatWan(investment)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
