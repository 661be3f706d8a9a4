import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, activitySchema } from "../activities/activity";
import { getProjectFunding, handleArrivalIntent } from "../arrivals/arrivals.server";
import { ProjectArrivals } from "../arrivals/project-arrivals";
import { AttachmentList } from "../attachments/attachment-list";
import { getArrivalEvidence, listAttachments, mayAttachTo } from "../attachments/attachments.server";
import { AuditList } from "../audit/audit-list";
import { can } from "../auth/permissions";
import { chainLinkSchema } from "../chains/chain.schema";
import { linkProjectToChainNode, listChainNodeChoices, listProjectChainLinks, unlinkProjectFromChainNode } from "../chains/chains.server";
import { ProjectChainLinks } from "../chains/project-chain-links";
import { canProposeCommitment } from "../commitments/commitment-rules";
import { commitmentSchema } from "../commitments/commitment.schema";
import { listProjectCommitments, proposeCommitment } from "../commitments/commitments.server";
import { ProjectCommitments } from "../commitments/project-commitments";
import { addPolicyBasis, listPolicyClauseChoices, listProjectPolicyBases, removePolicyBasis } from "../policies/policies.server";
import { policyBasisSchema } from "../policies/policy.schema";
import { ProjectPolicyBases } from "../policies/project-policy-bases";
import { requireUser } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { formatDateTime, today } from "../lib/dates";
import { requiredId, SUBMISSION_TOKEN_FIELD, versionField } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { formatAmount, formatWan } from "../lib/money";
import { idParam } from "../lib/params";
import { newSubmissionToken, submissionOf, submitOnce } from "../lib/submissions.server";
import { formatProjectValue, PROJECT_FIELD_LABELS } from "../projects/labels";
import { memberSchema, stageChangeSchema, statusChangeSchema } from "../projects/project.schema";
import {
  addActivity,
  addProjectMember,
  changeProjectStatus,
  deleteProject,
  getProject,
  listMemberCandidates,
  listProjectAudit,
  moveProjectToStage,
  removeProjectMember,
} from "../projects/projects.server";
import {
  PRIORITY_LABELS,
  PROJECT_TYPE_LABELS,
  signingState,
  STAGE_LABELS,
  STAGES,
  STATUS_LABELS,
  STATUSES,
  type Stage,
} from "../projects/stages";
import { FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback, feedbackFor, type IntentFeedback } from "../ui/form";
import { StageBadge, StatusBadge } from "../ui/project-bits";
import { SigningVerification } from "../projects/signing-verification";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.project.name ?? "项目"} · 招商项目` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    const project = getProject(user, id);
    const canPropose = canProposeCommitment(user, { ownerId: project.ownerId, memberIds: project.members.map((member) => member.id) });
    return json({
      project,
      audit: listProjectAudit(id),
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

const intentSchema = z.object({
  intent: z.enum(["stage", "status", "activity", "addMember", "removeMember", "linkChain", "unlinkChain", "addPolicyBasis", "removePolicyBasis", "proposeCommitment", "recordArrival", "deleteArrival", "delete"]),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    switch (intent) {
      case "stage": {
        const data = parseForm(stageChangeSchema, formData);
        moveProjectToStage({ actor: user, projectId, ...data });
        break;
      }
      case "status": {
        const data = parseForm(statusChangeSchema, formData);
        changeProjectStatus({ actor: user, projectId, ...data });
        break;
      }
        break;
      case "activity": {
        const data = parseForm(activitySchema, formData);
        submitOnce(submissionOf(formData, user.id), () => {
          addActivity({ actor: user, projectId, data });
          return `/projects/${projectId}`;
        });
        break;
      }
      case "addMember":
        addProjectMember({ actor: user, projectId, userId: parseForm(memberSchema, formData).userId });
        break;
      case "removeMember":
        removeProjectMember({ actor: user, projectId, userId: parseForm(z.object({ userId: requiredId("成员无效") }), formData).userId });
        break;
      case "linkChain":
        linkProjectToChainNode({ actor: user, projectId, data: parseForm(chainLinkSchema, formData) });
        break;
      case "unlinkChain":
        unlinkProjectFromChainNode({ actor: user, projectId, linkId: parseForm(z.object({ linkId: requiredId("关联无效") }), formData).linkId });
        break;
      case "addPolicyBasis":
        addPolicyBasis({ actor: user, projectId, data: parseForm(policyBasisSchema, formData) });
        break;
      case "removePolicyBasis":
        removePolicyBasis({ actor: user, projectId, basisId: parseForm(z.object({ basisId: requiredId("政策依据无效") }), formData).basisId });
        break;
      case "proposeCommitment":
        proposeCommitment({ actor: user, projectId, data: parseForm(commitmentSchema, formData) });
        break;
      case "recordArrival":
      case "deleteArrival":
        handleArrivalIntent({ actor: user, projectId, intent, formData });
        break;
      case "delete":
        deleteProject({ actor: user, projectId, version: parseForm(z.object({ version: versionField }), formData).version });
        return redirect("/projects");
    }
    return json({ ok: true as const, intent });
  }, formData);
}

function StageForm({ stage, version, today, feedback }: { stage: Stage; version: number; today: string; feedback: FormFeedback | null }) {
  const form = useValidatedForm(stageChangeSchema, { toStage: "", occurredOn: today, note: "", version }, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="stage" />
      <input type="hidden" name="version" value={version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <SelectField
          form={form}
          name="toStage"
          label="目标阶段"
          required
          placeholder="请选择"
          options={STAGES.filter((s) => s !== stage).map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
        />
        <TextField form={form} name="occurredOn" label="发生日期" type="date" required />
        <TextField form={form} name="note" label="说明" hint="退回之前的阶段时必填" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          变更阶段
        </button>
      </div>
    </Form>
  );
}

function StatusForm({ version, feedback }: { version: number; feedback: FormFeedback | null }) {
  const form = useValidatedForm(statusChangeSchema, { status: "", reason: "", lostTo: "", version }, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="version" value={version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <SelectField form={form} name="status" label="项目状态" required placeholder="请选择" options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <TextField form={form} name="reason" label="原因" hint="流失、放弃时必填" />
        <TextField form={form} name="lostTo" label="流失去向" hint="流失时必填：项目落户的竞争地区" />
      </div>
      <div className="form-actions">
        <button type="submit" className="secondary">
          变更状态
        </button>
      </div>
    </Form>
  );
}

function ActivityForm({ today, feedback, submissionToken }: { today: string; feedback: FormFeedback | null; submissionToken: string }) {
  const form = useValidatedForm(activitySchema, { type: "", occurredOn: today }, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="activity" />
      <input type="hidden" name={SUBMISSION_TOKEN_FIELD} value={submissionToken} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <SelectField form={form} name="type" label="活动类型" required placeholder="请选择" options={ACTIVITY_TYPES.map((type) => ({ value: type, label: ACTIVITY_TYPE_LABELS[type] }))} />
        <TextField form={form} name="occurredOn" label="活动日期" type="date" required />
        <TextField form={form} name="participants" label="参与人员" />
        <TextField form={form} name="place" label="地点" />
        <TextAreaField form={form} name="summary" label="纪要" required rows={3} />
        <TextField form={form} name="nextStep" label="下一步" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          添加记录
        </button>
      </div>
    </Form>
  );
}

export default function ProjectDetail() {
  const { project, audit, memberCandidates, chainLinks, chainChoices, policyBases, commitments, clauseChoices, canPropose, funding, today, canVerify, canDelete, submissionToken } =
    useLoaderData<typeof loader>();
  const { attachments, canAttach, arrivalEvidence } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as IntentFeedback;
  const successKey = feedback?.ok ? `${feedback.intent}-${project.version}-${project.activities.length}` : "initial";
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/projects">招商项目</Link> / <Link to={`/companies/${project.companyId}`}>{project.companyName}</Link>
          </p>
          <h1>{project.name}</h1>
          <p style={{ margin: 0 }}>
            <StageBadge stage={project.stage} signedOn={project.signedOn} signingVerifiedAt={project.signingVerifiedAt} signingReturnedAt={project.signingReturnedAt} /> <StatusBadge status={project.status} />
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
            <Form method="post" onSubmit={(event) => { if (!confirm("确定删除该项目？删除后可由管理员从回收站恢复。")) event.preventDefault(); }}>
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="version" value={project.version} />
              <button type="submit" className="danger">删除</button>
            </Form>
          ) : null}
        </div>
      </div>

      {feedback && !feedback.ok && !feedback.values?.intent ? <p className="form-error" role="alert">{feedback.formError}</p> : null}
      {feedback && !feedback.ok && feedback.values?.intent === "delete" ? (
        <p className="form-error" role="alert">{feedback.formError}</p>
      ) : null}

      <SigningVerification project={project} evidence={attachments} canVerify={canVerify} />

      <section className="card" aria-label="项目信息">
        <dl className="facts">
          <div><dt>投资方企业</dt><dd><Link to={`/companies/${project.companyId}`}>{project.companyName}</Link>{project.companyForeignName ? `（${project.companyForeignName}）` : ""}</dd></div>
          <div><dt>国别/地区</dt><dd>{regionLabel(project.country)}{project.isFortune500 ? " · 世界500强" : ""}</dd></div>
          <div><dt>项目类型</dt><dd>{PROJECT_TYPE_LABELS[project.projectType]}</dd></div>
          <div><dt>线索来源</dt><dd>{project.channelName ?? "—"}</dd></div>
          <div><dt>负责人</dt><dd>{project.ownerName}</dd></div>
          <div><dt>负责单位</dt><dd>{project.unitName}</dd></div>
          <div><dt>落地载体</dt><dd>{project.parkName ?? "—"}</dd></div>
          <div><dt>优先级</dt><dd>{PRIORITY_LABELS[project.priority]}</dd></div>
          <div><dt>总投资</dt><dd>{formatAmount(project.totalInvestmentUsd, "美元")}</dd></div>
          <div><dt>合同外资</dt><dd>{formatAmount(project.contractedFdiUsd, "美元")}</dd></div>
          <div><dt>固定资产投资</dt><dd>{project.fixedAssetInvestmentCny == null ? "—" : `${formatWan(project.fixedAssetInvestmentCny)} 万元`}</dd></div>
          <div><dt>用地（亩）</dt><dd>{project.landMu ?? "—"}</dd></div>
          <div><dt>预计就业人数</dt><dd>{project.expectedJobs ?? "—"}</dd></div>
          <div><dt>预计年税收</dt><dd>{project.expectedAnnualTaxCny == null ? "—" : `${formatWan(project.expectedAnnualTaxCny)} 万元`}</dd></div>
          <div><dt>下次跟进日期</dt><dd>{project.nextFollowUpOn ?? "—"}</dd></div>
          <div><dt>下次跟进事项</dt><dd>{project.nextFollowUpItem ?? "—"}</dd></div>
          <div><dt>最近活动</dt><dd>{project.lastActivityOn}</dd></div>
          <div><dt>更新时间</dt><dd>{formatDateTime(project.updatedAt)}</dd></div>
        </dl>
        {project.description ? <p style={{ whiteSpace: "pre-wrap" }}>{project.description}</p> : null}
      </section>

      <AttachmentList entityType="project" entityId={project.id} attachments={attachments} canAttach={canAttach} />

      <div className="columns">
        <div>
          {project.canEdit ? (
            <section className="card">
              <h2>阶段变更</h2>
              <StageForm key={`stage-${successKey}`} stage={project.stage} version={project.version} today={today} feedback={feedbackFor(feedback, "stage")} />
              <h2>项目状态</h2>
              <StatusForm key={`status-${successKey}`} version={project.version} feedback={feedbackFor(feedback, "status")} />
            </section>
          ) : null}
          <section className="card">
            <h2>活动记录</h2>
            {project.canEdit ? (
              <details open={Boolean(feedbackFor(feedback, "activity"))}>
                <summary>添加活动记录</summary>
                <ActivityForm key={`activity-${successKey}`} today={today} feedback={feedbackFor(feedback, "activity")} submissionToken={submissionToken} />
              </details>
            ) : null}
            {project.activities.length === 0 ? (
              <p className="muted">暂无活动记录</p>
            ) : (
              <ul className="timeline" aria-label="活动时间线">
                {project.activities.map((activity) => (
                  <li key={activity.id}>
                    <div className="meta">
                      {activity.occurredOn} · {ACTIVITY_TYPE_LABELS[activity.type]}
                      {activity.place ? ` · ${activity.place}` : ""}
                      {activity.participants ? ` · 参与：${activity.participants}` : ""} · 记录人 {activity.createdByName ?? ""}
                    </div>
                    <div style={{ whiteSpace: "pre-wrap" }}>{activity.summary}</div>
                    {activity.nextStep ? <div className="muted">下一步：{activity.nextStep}</div> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ProjectArrivals
            key={`arrivals-${successKey}-${funding.arrivals.length}`}
            funding={funding}
            evidence={arrivalEvidence}
            canRecord={funding.canRecord}
            canRecordReason={funding.canRecordReason}
            today={today}
            feedback={feedbackFor(feedback, "recordArrival") ?? feedbackFor(feedback, "deleteArrival")}
          />
          <ProjectPolicyBases
            key={`bases-${successKey}-${policyBases.length}`}
            bases={policyBases}
            clauseChoices={clauseChoices}
            canEdit={project.canEdit}
            feedback={feedbackFor(feedback, "addPolicyBasis")}
          />
          <ProjectCommitments
            key={`commitments-${successKey}-${commitments.length}`}
            commitments={commitments}
            clauseChoices={clauseChoices}
            canPropose={canPropose}
            feedback={feedbackFor(feedback, "proposeCommitment")}
          />
        </div>
        <div>
          <section className="card">
            <h2>阶段记录</h2>
            <ul className="timeline" aria-label="阶段时间线">
              {project.stageHistory.map((change) => (
                <li key={change.id}>
                  <div>
                    {change.fromStage ? `${STAGE_LABELS[change.fromStage as Stage]} → ` : "登记为 "}
                    <strong>{STAGE_LABELS[change.toStage as Stage]}</strong>
                  </div>
                  <div className="meta">
                    发生日期 {change.occurredOn} · {change.userName ?? ""} · 记录于 {formatDateTime(change.recordedAt)}
                  </div>
                  {change.note ? <div className="muted">说明：{change.note}</div> : null}
                </li>
              ))}
            </ul>
          </section>
          <ProjectChainLinks
            key={`chain-${successKey}-${chainLinks.length}`}
            links={chainLinks}
            choices={chainChoices}
            canEdit={project.canEdit}
            feedback={feedbackFor(feedback, "linkChain")}
          />
          <section className="card">
            <h2>项目成员</h2>
            {project.members.length === 0 ? <p className="muted">暂无其他成员</p> : null}
            <ul>
              {project.members.map((member) => (
                <li key={member.id}>
                  {member.displayName}（{member.unitName}）
                  {project.canEdit ? (
                    <Form method="post" style={{ display: "inline", marginLeft: "0.5rem" }}>
                      <input type="hidden" name="intent" value="removeMember" />
                      <input type="hidden" name="userId" value={member.id} />
                      <button type="submit" className="secondary">移除</button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            {project.canEdit && memberCandidates.length > 0 ? (
              <Form method="post" className="filters">
                <input type="hidden" name="intent" value="addMember" />
                <div className="field">
                  <label htmlFor="member-user">添加成员</label>
                  <select id="member-user" name="userId" defaultValue="">
                    <option value="">请选择</option>
                    {memberCandidates.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.displayName}（{candidate.unitName}）
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="secondary">添加</button>
              </Form>
            ) : null}
            {feedbackFor(feedback, "addMember") ? <p className="field-error">{feedbackFor(feedback, "addMember")?.fieldErrors?.userId}</p> : null}
          </section>
          <section className="card">
            <h2>变更记录</h2>
            <AuditList rows={audit} fieldLabels={PROJECT_FIELD_LABELS} formatValue={formatProjectValue} />
          </section>
        </div>
      </div>
    </>
  );
}
