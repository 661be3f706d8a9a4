import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AttachmentList, CompactAttachments } from "../attachments/attachment-list";
import { getPayoutEvidence, listAttachments, mayAttachTo } from "../attachments/attachments.server";
import { AuditList } from "../audit/audit-list";
import { auditOnPage } from "../audit/audit-view.server";
import { requireUser } from "../auth/session.server";
import { CommitmentStatusBadge, OverdueBadge } from "../commitments/commitment-bits";
import { dueNote } from "../commitments/commitment-rules";
import { cancelCommitmentSchema, commitmentStepSchema, payoutSchema } from "../commitments/commitment.schema";
import {
  cancelCommitment,
  commitCommitment,
  getCommitment,
  listCommitmentAudit,
  markCommitmentConditionsMet,
  recordPayout,
} from "../commitments/commitments.server";
import { formatDateTime, today } from "../lib/dates";
import { UNKNOWN_INTENT } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { formatAmount, formatWan } from "../lib/money";
import { idParam } from "../lib/params";
import { ConfirmButton, ConfirmPage, confirmationQuery, type Confirmation } from "../ui/confirm";
import { FormErrorBanner, TextField, useValidatedForm, type FormFeedback, feedbackFor, type IntentFeedback } from "../ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.commitment.item ?? "承诺"} · 政策兑现` }];

/** What 承诺, 条件已达成 and 取消承诺 ask before they take effect (in the dialog and on the confirmation page). */
const STEP_QUESTIONS = {
  commit: "确定承诺？承诺后即纳入兑现跟踪，不能撤回为拟承诺。",
  conditionsMet: "确定兑现条件已达成？",
  cancel: "确定取消承诺？取消后不能恢复。",
} as const;

/**
 * The commitment's page; with `?intent=commit|conditionsMet|cancel&…` (the page's buttons without
 * JavaScript) the confirmation of that step.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const asked = confirmationQuery(request, ["commit", "conditionsMet", "cancel"] as const);
  return load(() => {
    const commitment = getCommitment(user, id);
    const allowed =
      asked && (asked.intent === "commit" ? commitment.can.commit : asked.intent === "conditionsMet" ? commitment.can.meetConditions : commitment.can.cancel);
    const confirmation: Confirmation | null =
      asked && allowed
        ? {
            question: STEP_QUESTIONS[asked.intent],
            detail: asked.intent === "cancel" ? `「${commitment.item}」取消原因：${asked.reason ?? ""}` : `「${commitment.item}」（${commitment.projectName}）`,
            action: `/commitments/${id}`,
            fields: {
              intent: asked.intent,
              version: asked.version ?? String(commitment.version),
              ...(asked.intent === "cancel" ? { reason: asked.reason ?? "" } : {}),
            },
            label: asked.intent === "commit" ? "承诺" : asked.intent === "conditionsMet" ? "条件已达成" : "取消承诺",
            back: `/commitments/${id}`,
            tone: asked.intent === "cancel" ? "danger" : "primary",
          }
        : null;
    return json({
      confirmation,
      commitment,
      audit: auditOnPage("commitment", new URL(request.url), (limit) => listCommitmentAudit(id, limit)),
      today: today(),
      /** 附件 of the commitment, and 凭证 of each payout (they hang on the payout) */
      attachments: listAttachments(user, "commitment", id),
      canAttach: mayAttachTo(user, "commitment", id),
      payoutEvidence: getPayoutEvidence(user, id),
    });
  });
}

const intentSchema = z.object({ intent: z.enum(["commit", "conditionsMet", "cancel", "payout"], { error: UNKNOWN_INTENT }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const commitmentId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    switch (intent) {
      case "commit":
        commitCommitment({ actor: user, commitmentId, version: parseForm(commitmentStepSchema, formData).version });
        break;
      case "conditionsMet":
        markCommitmentConditionsMet({ actor: user, commitmentId, version: parseForm(commitmentStepSchema, formData).version });
        break;
      case "cancel":
        cancelCommitment({ actor: user, commitmentId, data: parseForm(cancelCommitmentSchema, formData) });
        break;
      case "payout":
        recordPayout({ actor: user, commitmentId, data: parseForm(payoutSchema, formData) });
        break;
    }
    return json({ ok: true as const, intent });
  }, formData);
}

function PayoutForm({ version, today, outstandingCny, feedback }: { version: number; today: string; outstandingCny: number; feedback: FormFeedback | null }) {
  const form = useValidatedForm(payoutSchema, { amountCny: "", paidOn: today, reference: "", version }, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="payout" />
      <input type="hidden" name="version" value={version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="amountCny" label="兑现金额（万元）" required inputMode="decimal" hint={`未兑现 ${formatAmount(outstandingCny, "元")}`} />
        <TextField form={form} name="paidOn" label="兑现日期" type="date" required max={today} />
        <TextField form={form} name="reference" label="凭证说明" hint="拨付凭证、文号等" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          登记兑现
        </button>
      </div>
    </Form>
  );
}

/** 取消承诺 with its reason: asked first (a GET to the confirmation page without JavaScript). */
function CancelForm({ version, feedback }: { version: number; feedback: FormFeedback | null }) {
  const form = useValidatedForm(cancelCommitmentSchema, { reason: "", version }, feedback, { confirm: STEP_QUESTIONS.cancel });
  return (
    <Form method="get" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name="version" value={version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="reason" label="取消原因" required />
      </div>
      <div className="form-actions">
        <button type="submit" className="danger">
          取消承诺
        </button>
      </div>
    </Form>
  );
}

function StepButton({ commitmentId, intent, version, label }: { commitmentId: number; intent: "commit" | "conditionsMet"; version: number; label: string }) {
  return (
    <ConfirmButton action={`/commitments/${commitmentId}`} fields={{ intent, version }} label={label} question={STEP_QUESTIONS[intent]} className="primary" />
  );
}

export default function CommitmentDetail() {
  const { confirmation, commitment, audit, today, attachments, canAttach, payoutEvidence } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as IntentFeedback;
  if (confirmation) {
    return (
      <>
        <p className="muted">
          <Link to={`/commitments/${commitment.id}`}>← 返回：{commitment.item}</Link>
        </p>
        <ConfirmPage confirmation={confirmation} />
      </>
    );
  }
  const stepError = feedbackFor(feedback, "commit") ?? feedbackFor(feedback, "conditionsMet");
  const note = dueNote(commitment, today);
  const key = `${commitment.id}-${commitment.version}`;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/commitments">政策兑现</Link> / <Link to={`/projects/${commitment.projectId}`}>{commitment.projectName}</Link>
          </p>
          <h1>{commitment.item}</h1>
          <p style={{ margin: 0 }}>
            <CommitmentStatusBadge status={commitment.status} /> <OverdueBadge overdue={commitment.overdue} />
            {note ? <span className="muted"> {note}</span> : null}
          </p>
        </div>
        {commitment.can.commit || commitment.can.meetConditions ? (
          <div className="form-actions" style={{ marginTop: 0 }}>
            {commitment.can.commit ? <StepButton commitmentId={commitment.id} intent="commit" version={commitment.version} label="承诺" /> : null}
            {commitment.can.meetConditions ? (
              <StepButton commitmentId={commitment.id} intent="conditionsMet" version={commitment.version} label="条件已达成" />
            ) : null}
          </div>
        ) : null}
      </div>

      {stepError ? (
        <p className="form-error" role="alert">
          {stepError.formError}
        </p>
      ) : null}
      {feedback && !feedback.ok && !feedback.values?.intent ? (
        <p className="form-error" role="alert">
          {feedback.formError}
        </p>
      ) : null}
      {commitment.clauseExpired ? (
        <p className="notice" role="note">
          该承诺所依据的政策已失效。已作出的承诺仍应兑现，请核实兑现依据。
        </p>
      ) : null}

      <section className="card" aria-label="承诺信息">
        <dl className="facts">
          <div>
            <dt>项目</dt>
            <dd>
              <Link to={`/projects/${commitment.projectId}`}>{commitment.projectName}</Link>（{commitment.unitName} · {commitment.ownerName}）
            </dd>
          </div>
          <div>
            <dt>政策条款</dt>
            <dd>
              {commitment.clauseLabel}
              {commitment.policyDocNumber ? <span className="muted"> {commitment.policyDocNumber}</span> : null}
            </dd>
          </div>
          <div>
            <dt>承诺金额（万元）</dt>
            <dd>{formatWan(commitment.amountCny)}</dd>
          </div>
          <div>
            <dt>已兑现（万元）</dt>
            <dd>{formatWan(commitment.paidCny)}</dd>
          </div>
          <div>
            <dt>未兑现（万元）</dt>
            <dd>{commitment.status === "cancelled" ? "—" : formatWan(commitment.outstandingCny)}</dd>
          </div>
          <div>
            <dt>约定兑现日期</dt>
            <dd>{commitment.dueOn}</dd>
          </div>
          <div>
            <dt>兑现条件</dt>
            <dd>{commitment.condition ?? "—"}</dd>
          </div>
          <div>
            <dt>提出人</dt>
            <dd>{commitment.proposedByName ?? "—"}</dd>
          </div>
          <div>
            <dt>承诺人、承诺日期</dt>
            <dd>{commitment.committedOn ? `${commitment.committedByName ?? ""} ${commitment.committedOn}` : "—"}</dd>
          </div>
          {commitment.fulfilledOn ? (
            <div>
              <dt>兑现完成日期</dt>
              <dd>{commitment.fulfilledOn}</dd>
            </div>
          ) : null}
          {commitment.cancelReason ? (
            <div>
              <dt>取消原因</dt>
              <dd>{commitment.cancelReason}</dd>
            </div>
          ) : null}
        </dl>
        <details>
          <summary>条款内容</summary>
          <p style={{ whiteSpace: "pre-wrap" }}>{commitment.clauseText}</p>
        </details>
      </section>

      <div className="columns">
        <div>
          <section className="card" aria-labelledby="payouts-title">
            <h2 id="payouts-title">兑现记录</h2>
            {commitment.payouts.length === 0 ? (
              <p className="muted">尚无兑现记录</p>
            ) : (
              <table className="data" aria-label="兑现记录">
                <thead>
                  <tr>
                    <th>兑现日期</th>
                    <th className="num">兑现金额（万元）</th>
                    <th>凭证说明</th>
                    <th>登记人</th>
                    <th>登记时间</th>
                    <th>凭证</th>
                  </tr>
                </thead>
                <tbody>
                  {commitment.payouts.map((payout) => (
                    <tr key={payout.id}>
                      <td>{payout.paidOn}</td>
                      <td className="num">{formatWan(payout.amountCny)}</td>
                      <td>{payout.reference ?? "—"}</td>
                      <td>{payout.createdByName ?? "—"}</td>
                      <td>{formatDateTime(payout.createdAt)}</td>
                      <td>
                        <CompactAttachments
                          entityType="payout"
                          entityId={payout.id}
                          attachments={payoutEvidence.byRecord[payout.id] ?? []}
                          canAttach={payoutEvidence.canAttach}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {commitment.can.pay ? (
              <>
                <h3>新增兑现记录</h3>
                <PayoutForm
                  key={`payout-${key}`}
                  version={commitment.version}
                  today={today}
                  outstandingCny={commitment.outstandingCny}
                  feedback={feedbackFor(feedback, "payout")}
                />
              </>
            ) : null}
          </section>
          <AttachmentList entityType="commitment" entityId={commitment.id} attachments={attachments} canAttach={canAttach} />
          {commitment.can.cancel ? (
            <section className="card" aria-labelledby="cancel-title">
              <h2 id="cancel-title">取消承诺</h2>
              <CancelForm key={`cancel-${key}`} version={commitment.version} feedback={feedbackFor(feedback, "cancel")} />
            </section>
          ) : null}
        </div>
        <div>
          <section className="card">
            <h2>变更记录</h2>
            <AuditList rows={audit.rows} olderHref={audit.olderHref} />
          </section>
        </div>
      </div>
    </>
  );
}
