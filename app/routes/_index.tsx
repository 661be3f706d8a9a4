import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { DueCommitmentsTable } from "../commitments/due-commitments";
import { listCommitmentsDueForOwner, listOverdueCommitments } from "../commitments/commitments.server";
import { listPolicyFlags } from "../policies/policies.server";
import { PolicyFlagsTable } from "../policies/policy-flags";
import { getWorkbench } from "../projects/projects.server";
import { StaffWorkbench } from "../reports/staff-workbench";
import { getStaffWorkbench } from "../reports/staff-workbench.server";
import { STALE_AFTER_DAYS } from "../projects/stages";
import { ProjectTable } from "../ui/project-bits";

export const meta: MetaFunction = () => [{ title: "工作台 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    user,
    canCreate: can(user.role, "create:project"),
    ...getWorkbench(user),
    policyFlags: listPolicyFlags(user, { mine: true, limit: 50 }),
    dueCommitments: listCommitmentsDueForOwner(user),
    overdueCommitments: can(user.role, "view:cockpit") ? listOverdueCommitments(user, 20) : [],
    staff: getStaffWorkbench(user),
  });
}

/** A section's count; "50+" when it shows only the first rows. */
function count(rows: readonly unknown[], more: boolean): string {
  return more ? `${rows.length}+` : String(rows.length);
}

export default function Workbench() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>工作台</h1>
        {data.canCreate ? (
          <Link to="/projects/new" className="button">
            新建项目
          </Link>
        ) : null}
      </div>
      {data.staff ? <StaffWorkbench {...data.staff} /> : null}
      {data.pendingVerification.length > 0 ? (
        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title">待甄别签约（{count(data.pendingVerification, data.more.pendingVerification)}）</h2>
          <ProjectTable rows={data.pendingVerification} columns={["company", "investment", "owner", "unit", "signedOn"]} />
        </section>
      ) : null}
      {data.returnedSignings.length > 0 ? (
        <section className="card danger-box" aria-labelledby="returned-title">
          <h2 id="returned-title">甄别退回的签约（{count(data.returnedSignings, data.more.returnedSignings)}）</h2>
          <p className="muted">补正材料或信息后，请领导再次甄别；通过前不计入任何统计。</p>
          <ProjectTable rows={data.returnedSignings} columns={["company", "signedOn", "returnReason"]} />
        </section>
      ) : null}
      {data.overdueCommitments.length > 0 ? (
        <section className="card" aria-labelledby="overdue-commitments-title">
          <h2 id="overdue-commitments-title">逾期未兑现的政策承诺</h2>
          <DueCommitmentsTable label="逾期未兑现的政策承诺" rows={data.overdueCommitments} />
          <Link to="/commitments?window=overdue">查看全部</Link>
        </section>
      ) : null}
      {data.dueCommitments.length > 0 ? (
        <section className="card" aria-labelledby="due-commitments-title">
          <h2 id="due-commitments-title">我的政策承诺：30天内到期及逾期（{data.dueCommitments.length}）</h2>
          <DueCommitmentsTable label="我的政策承诺" rows={data.dueCommitments} />
        </section>
      ) : null}
      {data.policyFlags.length > 0 ? (
        <section className="card" aria-labelledby="policy-flags-title">
          <h2 id="policy-flags-title">政策依据预警（{data.policyFlags.length}）</h2>
          <PolicyFlagsTable label="政策依据预警" rows={data.policyFlags} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">逾期未跟进（{count(data.overdue, data.more.overdue)}）</h2>
        <ProjectTable rows={data.overdue} columns={["company", "stage", "owner", "followUp"]} empty="没有逾期的跟进事项" />
      </section>
      <section className="card" aria-labelledby="due-title">
        <h2 id="due-title">7天内待跟进（{count(data.dueSoon, data.more.dueSoon)}）</h2>
        <ProjectTable rows={data.dueSoon} columns={["company", "stage", "owner", "followUp"]} empty="未来7天没有待跟进事项" />
      </section>
      <section className="card" aria-labelledby="stale-title">
        <h2 id="stale-title">
          久未跟进（{STALE_AFTER_DAYS}天无活动，{count(data.stale, data.more.stale)}）
        </h2>
        <ProjectTable rows={data.stale} columns={["company", "stage", "owner", "lastActivity"]} empty="没有久未跟进的项目" />
      </section>
      <section className="card" aria-labelledby="mine-title">
        <h2 id="mine-title">我的项目</h2>
        {data.more.projects ? <p className="muted">显示最近更新的 {data.projects.length} 个，全部项目见“招商项目”。</p> : null}
        <ProjectTable rows={data.projects} columns={["company", "country", "stage", "status", "investment", "followUp"]} empty="您还没有负责或参与的项目" />
      </section>
    </>
  );
}
