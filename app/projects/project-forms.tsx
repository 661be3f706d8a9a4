/**
 * The project page's own forms, each posting to its sub-resource route (/projects/:id/<part>). A
 * sub-route shows the same form on a page of its own when a submission needs correcting, so these
 * render on both; `feedback` is the sub-route's answer.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, activityCorrectionSchema, newActivitySchema } from "../activities/activity";
import { SUBMISSION_TOKEN_FIELD } from "../lib/form";
import { ConfirmButton } from "../ui/confirm";
import { FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { leadDateSchema, memberSchema, stageChangeSchema, statusChangeSchema } from "./project.schema";
import { STAGE_LABELS, STAGES, STATUS_LABELS, STATUSES, type Stage } from "./stages";

/** Where a part of a project is posted: /projects/:id/<part>. */
export function projectPartPath(projectId: number, part: string): string {
  return `/projects/${projectId}/${part}`;
}

/** The answer of a sub-route's action when the submission needs correcting, or null. */
export function failureOf(feedback: unknown): FormFeedback | null {
  const answer = feedback as FormFeedback | undefined;
  return answer && answer.ok === false ? answer : null;
}

/** A sub-route's page: the way back to the project and the part's heading. */
export function ProjectPartPage({ project, title, children }: { project: { id: number; name: string }; title: string; children: ReactNode }) {
  return (
    <>
      <p className="muted">
        <Link to={`/projects/${project.id}`}>← 返回项目：{project.name}</Link>
      </p>
      <h1>{title}</h1>
      {children}
    </>
  );
}

/**
 * 添加活动记录: the visit, and the next one planned with it (下次跟进日期 and 下一步 become the project's
 * 下次跟进). Carries a one-time token so a second submit adds nothing.
 */
export function ActivityForm({
  projectId,
  today,
  feedback,
  submissionToken,
}: {
  projectId: number;
  today: string;
  feedback: FormFeedback | null;
  submissionToken: string;
}) {
  const form = useValidatedForm(newActivitySchema, { type: "", occurredOn: today }, feedback);
  return (
    <Form method="post" action={projectPartPath(projectId, "activities")} onSubmit={form.onSubmit} noValidate>
      {/* a corrected resubmit keeps the first token: a refused submit recorded none */}
      <input type="hidden" name={SUBMISSION_TOKEN_FIELD} value={feedback?.values?.[SUBMISSION_TOKEN_FIELD] ?? submissionToken} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <SelectField
          form={form}
          name="type"
          label="活动类型"
          required
          placeholder="请选择"
          options={ACTIVITY_TYPES.map((type) => ({ value: type, label: ACTIVITY_TYPE_LABELS[type] }))}
        />
        <TextField form={form} name="occurredOn" label="活动日期" type="date" required max={today} />
        <TextField form={form} name="participants" label="参与人员" />
        <TextField form={form} name="place" label="地点" />
        <TextAreaField form={form} name="summary" label="纪要" required rows={3} />
        <TextField form={form} name="nextStep" label="下一步" hint="填写后成为项目的下次跟进事项" />
        <TextField form={form} name="nextFollowUpOn" label="下次跟进日期" type="date" hint="填写后更新项目的下次跟进日期" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          添加记录
        </button>
      </div>
    </Form>
  );
}

export interface CorrectableActivity {
  id: number;
  type: string;
  occurredOn: string;
  participants: string | null;
  place: string | null;
  summary: string;
  nextStep: string | null;
  version: number;
}

/** 更正活动记录 (its author, within 7 days). */
export function ActivityCorrectionForm({
  projectId,
  activity,
  today,
  feedback,
}: {
  projectId: number;
  activity: CorrectableActivity;
  today: string;
  feedback: FormFeedback | null;
}) {
  const form = useValidatedForm(
    activityCorrectionSchema,
    {
      type: activity.type,
      occurredOn: activity.occurredOn,
      participants: activity.participants,
      place: activity.place,
      summary: activity.summary,
      nextStep: activity.nextStep,
      version: activity.version,
    },
    feedback,
  );
  return (
    <Form method="post" action={projectPartPath(projectId, `activities/${activity.id}`)} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="version" value={activity.version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <SelectField
          form={form}
          name="type"
          label="活动类型"
          required
          options={ACTIVITY_TYPES.map((type) => ({ value: type, label: ACTIVITY_TYPE_LABELS[type] }))}
        />
        <TextField form={form} name="occurredOn" label="活动日期" type="date" required max={today} />
        <TextField form={form} name="participants" label="参与人员" />
        <TextField form={form} name="place" label="地点" />
        <TextAreaField form={form} name="summary" label="纪要" required rows={4} />
        <TextField form={form} name="nextStep" label="下一步" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          保存更正
        </button>
      </div>
    </Form>
  );
}

export function StageForm({
  projectId,
  stage,
  version,
  today,
  feedback,
  returnTo,
}: {
  projectId: number;
  stage: Stage;
  version: number;
  today: string;
  feedback: FormFeedback | null;
  /** where a successful change leads (the 看板 posts its own URL); the project page otherwise */
  returnTo?: string;
}) {
  const form = useValidatedForm(stageChangeSchema, { toStage: "", occurredOn: today, note: "", version }, feedback);
  return (
    <Form method="post" action={projectPartPath(projectId, "stage")} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="version" value={version} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
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
        <TextField form={form} name="occurredOn" label="发生日期" type="date" required max={today} hint="不早于上一次阶段变更的日期" />
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

export function StatusForm({ projectId, version, today, feedback }: { projectId: number; version: number; today: string; feedback: FormFeedback | null }) {
  const form = useValidatedForm(statusChangeSchema, { status: "", occurredOn: today, reason: "", lostTo: "", version }, feedback);
  return (
    <Form method="post" action={projectPartPath(projectId, "status")} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="version" value={version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <SelectField
          form={form}
          name="status"
          label="项目状态"
          required
          placeholder="请选择"
          options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <TextField form={form} name="occurredOn" label="发生日期" type="date" required max={today} hint="不早于上一次状态变更的日期" />
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

/** 修改线索日期, offered until the first stage change. */
export function LeadDateForm({
  projectId,
  enteredOn,
  version,
  today,
  feedback,
}: {
  projectId: number;
  enteredOn: string;
  version: number;
  today: string;
  feedback: FormFeedback | null;
}) {
  const form = useValidatedForm(leadDateSchema, { enteredOn, version }, feedback);
  return (
    <Form method="post" action={projectPartPath(projectId, "lead-date")} onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="version" value={version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="enteredOn" label="线索日期" type="date" required max={today} hint="第一次阶段变更之前可以修改" />
      </div>
      <div className="form-actions">
        <button type="submit" className="secondary">
          保存线索日期
        </button>
      </div>
    </Form>
  );
}

interface MemberView {
  id: number;
  displayName: string;
  unitName: string;
}

/** 项目成员: the members, 移除 (confirmed first) and 添加成员 for the project's editors. */
export function ProjectMembers({
  projectId,
  members,
  candidates,
  canEdit,
  feedback,
  open = false,
}: {
  projectId: number;
  members: readonly MemberView[];
  candidates: readonly MemberView[];
  canEdit: boolean;
  feedback: FormFeedback | null;
  /** the add form shown open (its own page) */
  open?: boolean;
}) {
  const form = useValidatedForm(memberSchema, { userId: "" }, feedback?.values?.intent === "remove" ? null : feedback);
  const action = projectPartPath(projectId, "members");
  return (
    <section className="card" id="members" aria-labelledby="members-title">
      <h2 id="members-title">项目成员</h2>
      {feedback?.values?.intent === "remove" && feedback.formError ? (
        <p className="form-error" role="alert">
          {feedback.fieldErrors?.userId ?? feedback.formError}
        </p>
      ) : null}
      {members.length === 0 ? <p className="muted">暂无其他成员</p> : null}
      <ul>
        {members.map((member) => (
          <li key={member.id}>
            {member.displayName}（{member.unitName}）
            {canEdit ? (
              <ConfirmButton
                action={action}
                fields={{ intent: "remove", userId: member.id }}
                label="移除"
                question={`确定将「${member.displayName}」移出项目成员？`}
                ariaLabel={`移除成员 ${member.displayName}`}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && candidates.length > 0 ? (
        <details open={open || Boolean(form.formError)}>
          <summary>添加项目成员</summary>
          <Form method="post" action={action} onSubmit={form.onSubmit} noValidate>
            <input type="hidden" name="intent" value="add" />
            <FormErrorBanner form={form} />
            <div className="form-grid">
              <SelectField
                form={form}
                name="userId"
                label="添加成员"
                required
                placeholder="请选择"
                options={candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.displayName}（${candidate.unitName}）` }))}
              />
            </div>
            <div className="form-actions">
              <button type="submit" className="secondary">
                添加
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
