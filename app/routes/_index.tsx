import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { dueCommitmentFor, DueCommitmentsTable } from "../commitments/due-commitments";
import { listCommitmentsDueForOwner, listOverdueCommitments, summarizeOverdueCommitments } from "../commitments/commitments.server";
import { listPolicyFlags } from "../policies/policies.server";
import { PolicyFlagsTable } from "../policies/policy-flags";
import { getWorkbench, WORKBENCH_ROWS } from "../projects/projects.server";
import { workbenchListHref } from "../projects/workbench-lists";
import { StaffWorkbench } from "../reports/staff-workbench";
import { getStaffWorkbench } from "../reports/staff-workbench.server";
import { STALE_AFTER_DAYS } from "../projects/stages";
import { projectRowFor, ProjectTable, type ProjectColumn, type ProjectRow } from "../ui/project-bits";

export const meta: MetaFunction = () => [{ title: "工作台 · 招商引资管理系统" }];

/** The columns of each section; the loader sends only what they show. */
const COLUMNS = {
  pendingVerification: ["company", "investment", "owner", "unit", "signedOn"],
  returnedSignings: ["company", "signedOn", "returnReason"],
  overdue: ["company", "stage", "owner", "followUp"],
  dueSoon: ["company", "stage", "owner", "followUp"],
  stale: ["company", "stage", "owner", "lastActivity"],
  projects: ["company", "country", "stage", "status", "investment", "followUp"],
} as const satisfies Record<string, readonly ProjectColumn[]>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const desk = getWorkbench(user);
  const shown = <C extends ProjectColumn>(rows: readonly ProjectRow[], columns: readonly C[]) => rows.map((row) => projectRowFor(row, columns));
  const due = listCommitmentsDueForOwner(user, WORKBENCH_ROWS);
  const leads = can(user.role, "view:cockpit");
  return json({
    canCreate: can(user.role, "create:project"),
    pendingVerification: shown(desk.pendingVerification, COLUMNS.pendingVerification),
    returnedSignings: shown(desk.returnedSignings, COLUMNS.returnedSignings),
    overdue: shown(desk.overdue, COLUMNS.overdue),
    dueSoon: shown(desk.dueSoon, COLUMNS.dueSoon),
    stale: shown(desk.stale, COLUMNS.stale),
    projects: shown(desk.projects, COLUMNS.projects),
    totals: desk.totals,
    policyFlags: listPolicyFlags(user, { mine: true, limit: 50 }),
    dueCommitments: { rows: due.rows.map(dueCommitmentFor), overdue: due.overdue, due30: due.due30 },
    overdueCommitments: leads ? listOverdueCommitments(user, WORKBENCH_ROWS).map(dueCommitmentFor) : [],
    overdueCommitmentCount: leads ? summarizeOverdueCommitments(user).count : 0,
    staff: getStaffWorkbench(user),
  });
}

/** Under a section showing only its first rows: the link to all of them. */
function AllOf({ shown, total, to }: { shown: number; total: number; to: string }) {
  return total > shown ? (
    <p>
      <Link to={to}>查看全部 {total} 项</Link>
    </p>
  ) : null;
}

export default function Workbench() {
  const data = useLoaderData<typeof loader>();
  const { totals, dueCommitments } = data;
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
          <h2 id="pending-title">待甄别签约（{totals.pendingVerification}）</h2>
          <ProjectTable rows={data.pendingVerification} columns={COLUMNS.pendingVerification} />
          <AllOf shown={data.pendingVerification.length} total={totals.pendingVerification} to="/projects?signing=pending&sort=signedOn&dir=asc" />
        </section>
      ) : null}
      {data.returnedSignings.length > 0 ? (
        <section className="card danger-box" aria-labelledby="returned-title">
          <h2 id="returned-title">甄别退回的签约（{totals.returnedSignings}）</h2>
          <p className="muted">补正材料或信息后，请领导再次甄别；通过前不计入任何统计。</p>
          <ProjectTable rows={data.returnedSignings} columns={COLUMNS.returnedSignings} />
          <AllOf shown={data.returnedSignings.length} total={totals.returnedSignings} to={workbenchListHref("returned")} />
        </section>
      ) : null}
      {data.overdueCommitments.length > 0 ? (
        <section className="card" aria-labelledby="overdue-commitments-title">
          <h2 id="overdue-commitments-title">逾期未兑现的政策承诺（{data.overdueCommitmentCount}）</h2>
          <DueCommitmentsTable label="逾期未兑现的政策承诺" rows={data.overdueCommitments} />
          <AllOf shown={data.overdueCommitments.length} total={data.overdueCommitmentCount} to="/commitments?window=overdue" />
        </section>
      ) : null}
      {dueCommitments.rows.length > 0 ? (
        <section className="card" aria-labelledby="due-commitments-title">
          <h2 id="due-commitments-title">我的政策承诺：30天内到期及逾期（{dueCommitments.overdue + dueCommitments.due30}）</h2>
          <DueCommitmentsTable label="我的政策承诺" rows={dueCommitments.rows} />
          {dueCommitments.overdue + dueCommitments.due30 > dueCommitments.rows.length ? (
            <p>
              查看全部：<Link to="/commitments?mine=1&window=overdue">逾期未兑现 {dueCommitments.overdue} 项</Link>
              {"，"}
              <Link to="/commitments?mine=1&window=due30">30天内到期 {dueCommitments.due30} 项</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {data.policyFlags.length > 0 ? (
        <section className="card" aria-labelledby="policy-flags-title">
          <h2 id="policy-flags-title">政策依据预警（{data.policyFlags.length}）</h2>
          <PolicyFlagsTable label="政策依据预警" rows={data.policyFlags} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">逾期未跟进（{totals.overdue}）</h2>
        <ProjectTable rows={data.overdue} columns={COLUMNS.overdue} empty="没有逾期的跟进事项" />
        <AllOf shown={data.overdue.length} total={totals.overdue} to={workbenchListHref("overdue")} />
      </section>
      <section className="card" aria-labelledby="due-title">
        <h2 id="due-title">7天内待跟进（{totals.dueSoon}）</h2>
        <ProjectTable rows={data.dueSoon} columns={COLUMNS.dueSoon} empty="未来7天没有待跟进事项" />
        <AllOf shown={data.dueSoon.length} total={totals.dueSoon} to={workbenchListHref("dueSoon")} />
      </section>
      <section className="card" aria-labelledby="stale-title">
        <h2 id="stale-title">
          久未跟进（{STALE_AFTER_DAYS}天无活动，{totals.stale}）
        </h2>
        <ProjectTable rows={data.stale} columns={COLUMNS.stale} empty="没有久未跟进的项目" />
        <AllOf shown={data.stale.length} total={totals.stale} to={workbenchListHref("stale")} />
      </section>
      <section className="card" aria-labelledby="mine-title">
        <h2 id="mine-title">我的项目</h2>
        {totals.projects > data.projects.length ? <p className="muted">显示最近更新的 {data.projects.length} 个。</p> : null}
        <ProjectTable rows={data.projects} columns={COLUMNS.projects} empty="您还没有负责或参与的项目" />
        <AllOf shown={data.projects.length} total={totals.projects} to={workbenchListHref("mine")} />
      </section>
    </>
  );
}
