import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ACTIVITY_TYPE_LABELS } from "../activities/activity";
import { getProjectFunding } from "../arrivals/arrivals.server";
import { ProjectArrivals } from "../arrivals/project-arrivals";
import { AttachmentList } from "../attachments/attachment-list";
import { getArrivalEvidence, listAttachments, mayAttachTo } from "../attachments/attachments.server";
import { AuditList } from "../audit/audit-list";
import { auditOnPage } from "../audit/audit-view.server";
import { can } from "../auth/permissions";
import { listChainNodeChoices, listProjectChainLinks } from "../chains/chains.server";
import { ProjectChainLinks } from "../chains/project-chain-links";
import { listProjectCommitments } from "../commitments/commitments.server";
import { ProjectCommitments } from "../commitments/project-commitments";
import { listPolicyClauseChoices, listProjectPolicyBases } from "../policies/policies.server";
import { ProjectPolicyBases } from "../policies/project-policy-bases";
import { requireUser } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { formatDateTime, today } from "../lib/dates";
import { load } from "../lib/http.server";
import { formatAmount } from "../lib/money";
import { idParam, shownInSteps } from "../lib/params";
import { newSubmissionToken } from "../lib/submissions.server";
import { ActivityForm, LeadDateForm, ProjectMembers, StageForm, StatusForm } from "../projects/project-forms";
import { getProject, getProjectTimeline, listMemberCandidates, listProjectAudit, TIMELINE_STEP } from "../projects/projects.server";
import { PRIORITY_LABELS, PROJECT_TYPE_LABELS, STAGE_LABELS, STATUS_LABELS, type Stage, type Status } from "../projects/stages";
import { useClientLinks } from "../ui/client-links";
import { ConfirmButton } from "../ui/confirm";
import { StageBadge, StatusBadge } from "../ui/project-bits";
import { SigningVerification } from "../projects/signing-verification";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.project.name ?? "项目"} · 招商项目` }];

/**
 * The project page, built for the visit loop: 添加活动记录 open at the top, the rest on demand.
 * Every form posts to its part's own route (/projects/:id/<part>), which comes back here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    const project = getProject(user, id);
    const url = new URL(request.url);
    const { shown, moreHref } = shownInSteps(url.searchParams, "activities", TIMELINE_STEP);
    const timeline = getProjectTimeline(user, project, shown);
    const lastShown = timeline.activities.at(-1);
    // proposing a commitment is an edit right on the project (DESIGN.md §3)
    const canPropose = project.canEdit;
    return json({
      project,
      activities: timeline.activities.map(activityShown),
      activityCount: timeline.activityCount,
      /** 查看更早的活动: as many again, landing on the last one shown */
      olderActivitiesHref: moreHref(timeline.activityCount > timeline.activities.length, lastShown && `activity-${lastShown.id}`),
      audit: auditOnPage("project", url, (limit) => listProjectAudit(id, limit)),
      memberCandidates: project.canEdit ? listMemberCandidates(id) : [],
      chainLinks: listProjectChainLinks(id),
      chainChoices: project.canEdit ? listChainNodeChoices() : [],
      policyBases: listProjectPolicyBases(id),
      commitments: listProjectCommitments(user, id),
      clauseChoices: project.canEdit || canPropose ? listPolicyClauseChoices() : [],
      canPropose,
      funding: getProjectFunding(user, id),
      /** 附件: the project's evidence (also what 甄别 looks at), and the files on its arrivals */
      attachments: listAttachments(user, "project", id),
      canAttach: mayAttachTo(user, "project", id),
      arrivalEvidence: getArrivalEvidence(user, id),
      today: today(),
      canVerify: can(user.role, "verify:signing"),
      canDelete: can(user.role, "delete:project"),
      /** the 添加活动记录 form's one-time token: a second submit of it adds nothing */
      submissionToken: newSubmissionToken(),
    });
  });
}

/**
 * What the timeline renders of an activity: each goes out twice (as HTML and as the page's data), so
 * only the fields shown, and no empty ones.
 */
function activityShown({ createdBy: _by, createdAt: _at, version: _version, participants, place, nextStep, ...shown }: Activity) {
  return { ...shown, participants: participants ?? undefined, place: place ?? undefined, nextStep: nextStep ?? undefined };
}
type Activity = ReturnType<typeof getProjectTimeline>["activities"][number];

interface LoggedChange {
  id: number;
  occurredOn: string;
  recordedAt: number;
}

/**
 * The 阶段记录 timeline: stage and status changes in one list, the latest 发生日期 first; on one
 * date, the one recorded later comes first.
 */
function stageTimeline<S extends LoggedChange, T extends LoggedChange>(stages: S[], statuses: T[]) {
  const entries = [...stages.map((change) => ({ kind: "stage" as const, change })), ...statuses.map((change) => ({ kind: "status" as const, change }))];
  return entries.sort(
    (a, b) => b.change.occurredOn.localeCompare(a.change.occurredOn) || b.change.recordedAt - a.change.recordedAt || b.change.id - a.change.id,
  );
}

export default function ProjectDetail() {
  const {
    project,
    activities,
    activityCount,
    olderActivitiesHref,
    audit,
    memberCandidates,
    chainLinks,
    chainChoices,
    policyBases,
    commitments,
    clauseChoices,
    canPropose,
    funding,
    today,
    canVerify,
    canDelete,
    submissionToken,
  } = useLoaderData<typeof loader>();
  const { attachments, canAttach, arrivalEvidence } = useLoaderData<typeof loader>();
  const followLink = useClientLinks();
  // a part saved comes back here with a new version or one more row: its form starts empty again
  const key = `${project.version}-${activityCount}`;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/projects">招商项目</Link> / <Link to={`/companies/${project.companyId}`}>{project.companyName}</Link>
          </p>
          <h1>{project.name}</h1>
          <p style={{ margin: 0 }}>
            <StageBadge
              stage={project.stage}
              signedOn={project.signedOn}
              signingVerifiedAt={project.signingVerifiedAt}
              signingReturnedAt={project.signingReturnedAt}
            />{" "}
            <StatusBadge status={project.status} />
            {project.statusReason ? <span className="muted"> 原因：{project.statusReason}</span> : null}
            {project.lostTo ? <span className="muted"> 流失去向：{project.lostTo}</span> : null}
          </p>
        </div>
        <div className="form-actions" style={{ marginTop: 0 }}>
          {project.canEdit ? (
            <Link to="edit" className="button secondary">
              编辑
            </Link>
          ) : null}
          {canDelete ? (
            <ConfirmButton
              action={`/projects/${project.id}/delete`}
              fields={{ version: project.version }}
              label="删除"
              question="确定删除该项目？删除后可由管理员从回收站恢复。"
              className="danger"
            />
          ) : null}
        </div>
      </div>

      <SigningVerification project={project} evidence={attachments} canVerify={canVerify} />

      {project.canEdit ? (
        <section className="card" id="add-activity" aria-labelledby="add-activity-title">
          <h2 id="add-activity-title">添加活动记录</h2>
          <ActivityForm key={`activity-${key}`} projectId={project.id} today={today} feedback={null} submissionToken={submissionToken} />
        </section>
      ) : null}

      <section className="card" aria-label="项目信息">
        <dl className="facts">
          <div>
            <dt>投资方企业</dt>
            <dd>
              <Link to={`/companies/${project.companyId}`}>{project.companyName}</Link>
              {project.companyForeignName ? `（${project.companyForeignName}）` : ""}
            </dd>
          </div>
          <div>
            <dt>国别/地区</dt>
            <dd>
              {regionLabel(project.country)}
              {project.isFortune500 ? " · 世界500强" : ""}
            </dd>
          </div>
          <div>
            <dt>项目类型</dt>
            <dd>{PROJECT_TYPE_LABELS[project.projectType]}</dd>
          </div>
          <div>
            <dt>线索来源</dt>
            <dd>{project.channelName ?? "—"}</dd>
          </div>
          <div>
            <dt>负责人</dt>
            <dd>{project.ownerName}</dd>
          </div>
          <div>
            <dt>负责单位</dt>
            <dd>{project.unitName}</dd>
          </div>
          <div>
            <dt>落地载体</dt>
            <dd>{project.parkName ?? "—"}</dd>
          </div>
          <div>
            <dt>优先级</dt>
            <dd>{PRIORITY_LABELS[project.priority]}</dd>
          </div>
          <div>
            <dt>总投资</dt>
            <dd>{formatAmount(project.totalInvestmentUsd, "美元")}</dd>
          </div>
          <div>
            <dt>合同外资</dt>
            <dd>{formatAmount(project.contractedFdiUsd, "美元")}</dd>
          </div>
          <div>
            <dt>固定资产投资</dt>
            <dd>{formatAmount(project.fixedAssetInvestmentCny, "元")}</dd>
          </div>
          <div>
            <dt>用地（亩）</dt>
            <dd>{project.landMu ?? "—"}</dd>
          </div>
          <div>
            <dt>预计就业人数</dt>
            <dd>{project.expectedJobs ?? "—"}</dd>
          </div>
          <div>
            <dt>预计年税收</dt>
            <dd>{formatAmount(project.expectedAnnualTaxCny, "元")}</dd>
          </div>
          <div>
            <dt>下次跟进日期</dt>
            <dd>{project.nextFollowUpOn ?? "—"}</dd>
          </div>
          <div>
            <dt>下次跟进事项</dt>
            <dd>{project.nextFollowUpItem ?? "—"}</dd>
          </div>
          <div>
            <dt>最近活动</dt>
            <dd>{activityCount > 0 ? project.lastActivityOn : "暂无活动"}</dd>
          </div>
          <div>
            <dt>线索日期</dt>
            <dd>{project.enteredOn}</dd>
          </div>
          <div>
            <dt>更新时间</dt>
            <dd>{formatDateTime(project.updatedAt)}</dd>
          </div>
        </dl>
        {project.description ? <p style={{ whiteSpace: "pre-wrap" }}>{project.description}</p> : null}
      </section>

      <div className="columns">
        <div>
          <section className="card" id="activities" aria-labelledby="activities-title">
            <h2 id="activities-title">活动记录</h2>
            {activities.length === 0 ? (
              <p className="muted">暂无活动记录</p>
            ) : (
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts)
              <ul className="timeline" aria-label="活动时间线" onClick={followLink}>
                {activities.map((activity) => (
                  <li key={activity.id} id={`activity-${activity.id}`}>
                    <div className="meta">
                      {/* one text node: each separate piece costs its own render step and marker */}
                      {`${activity.occurredOn} · ${ACTIVITY_TYPE_LABELS[activity.type]}${activity.place ? ` · ${activity.place}` : ""}${
                        activity.participants ? ` · 参与：${activity.participants}` : ""
                      } · 记录人 ${activity.createdByName ?? ""}${activity.canCorrect ? " · " : ""}`}
                      {activity.canCorrect ? (
                        <a href={`/projects/${project.id}/activities/${activity.id}`} aria-label={`更正 ${activity.occurredOn} 的活动记录`}>
                          更正
                        </a>
                      ) : null}
                    </div>
                    <div style={{ whiteSpace: "pre-wrap" }}>{activity.summary}</div>
                    {activity.nextStep ? <div className="muted">{`下一步：${activity.nextStep}`}</div> : null}
                  </li>
                ))}
              </ul>
            )}
            {olderActivitiesHref ? (
              <p>
                <Link to={olderActivitiesHref} preventScrollReset>{`查看更早的活动（已显示 ${activities.length} 条，共 ${activityCount} 条）`}</Link>
              </p>
            ) : null}
          </section>
          <ProjectArrivals
            key={`arrivals-${key}-${funding.arrivals.length}`}
            projectId={project.id}
            funding={funding}
            evidence={arrivalEvidence}
            canRecord={funding.canRecord}
            canRecordReason={funding.canRecordReason}
            today={today}
            feedback={null}
          />
          <ProjectPolicyBases
            key={`bases-${key}-${policyBases.length}`}
            projectId={project.id}
            bases={policyBases}
            clauseChoices={clauseChoices}
            canEdit={project.canEdit}
            feedback={null}
          />
          <ProjectCommitments
            key={`commitments-${key}-${commitments.length}`}
            projectId={project.id}
            commitments={commitments}
            clauseChoices={clauseChoices}
            canPropose={canPropose}
            feedback={null}
          />
        </div>
        <div>
          <section className="card" id="stages" aria-labelledby="stages-title">
            <h2 id="stages-title">阶段记录</h2>
            {project.canEdit ? (
              <>
                <details>
                  <summary>阶段变更</summary>
                  <StageForm key={`stage-${key}`} projectId={project.id} stage={project.stage} version={project.version} today={today} feedback={null} />
                </details>
                <details>
                  <summary>项目状态变更</summary>
                  <StatusForm key={`status-${key}`} projectId={project.id} version={project.version} today={today} feedback={null} />
                </details>
                {project.canChangeLeadDate ? (
                  <details>
                    <summary>修改线索日期</summary>
                    <LeadDateForm
                      key={`lead-${key}`}
                      projectId={project.id}
                      enteredOn={project.enteredOn}
                      version={project.version}
                      today={today}
                      feedback={null}
                    />
                  </details>
                ) : null}
              </>
            ) : null}
            <ul className="timeline" aria-label="阶段时间线">
              {stageTimeline(project.stageHistory, project.statusHistory).map((entry) =>
                entry.kind === "stage" ? (
                  <li key={`stage-${entry.change.id}`}>
                    <div>
                      {entry.change.fromStage ? `${STAGE_LABELS[entry.change.fromStage as Stage]} → ` : "登记为 "}
                      <strong>{STAGE_LABELS[entry.change.toStage as Stage]}</strong>
                    </div>
                    <div className="meta">
                      发生日期 {entry.change.occurredOn} · {entry.change.userName ?? ""} · 记录于 {formatDateTime(entry.change.recordedAt)}
                    </div>
                    {entry.change.note ? <div className="muted">说明：{entry.change.note}</div> : null}
                  </li>
                ) : (
                  <li key={`status-${entry.change.id}`}>
                    <div>
                      状态：{entry.change.fromStatus ? `${STATUS_LABELS[entry.change.fromStatus as Status]} → ` : ""}
                      <strong>{STATUS_LABELS[entry.change.toStatus as Status]}</strong>
                    </div>
                    <div className="meta">
                      发生日期 {entry.change.occurredOn} · {entry.change.userName ?? ""} · 记录于 {formatDateTime(entry.change.recordedAt)}
                    </div>
                    {entry.change.reason ? <div className="muted">原因：{entry.change.reason}</div> : null}
                    {entry.change.lostTo ? <div className="muted">流失去向：{entry.change.lostTo}</div> : null}
                  </li>
                ),
              )}
            </ul>
          </section>
          <ProjectChainLinks
            key={`chain-${key}-${chainLinks.length}`}
            projectId={project.id}
            links={chainLinks}
            choices={chainChoices}
            canEdit={project.canEdit}
            feedback={null}
          />
          <ProjectMembers
            key={`members-${key}-${project.members.length}`}
            projectId={project.id}
            members={project.members}
            candidates={memberCandidates}
            canEdit={project.canEdit}
            feedback={null}
          />
          <AttachmentList entityType="project" entityId={project.id} attachments={attachments} canAttach={canAttach} />
          <section className="card">
            <h2>变更记录</h2>
            <AuditList rows={audit.rows} olderHref={audit.olderHref} />
          </section>
        </div>
      </div>
    </>
  );
}
