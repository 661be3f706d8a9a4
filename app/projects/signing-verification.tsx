import { Form, useSubmit } from "@remix-run/react";
import { AttachmentLinks, type AttachmentItem } from "../attachments/attachment-list";
import { formatDateTime } from "../lib/dates";
import { ConfirmButton } from "../ui/confirm";
import type { FormFeedback } from "../ui/form";
import { signingState } from "./stages";

export interface SigningFacts {
  id: number;
  version: number;
  signedOn: string | null;
  signingVerifiedAt: number | null;
  signingReturnedAt: number | null;
  signingReturnReason: string | null;
  verifiedByName: string | null;
  returnedByName: string | null;
}

/** What 甄别通过 and 退回 ask before they take effect (the dialog and the confirmation page). */
export const VERIFICATION_QUESTIONS = {
  verify: "确定甄别通过？通过后该签约计入各项统计。",
  return: "确定退回该签约？退回后不计入统计，负责人补正后可再次甄别。",
} as const;

/**
 * The 签约甄别 box: the state, the project's evidence, and for a verifier 甄别通过 beside 退回
 * (退回原因 required). Both ask first and post to the project's verification resource; without
 * JavaScript they open its confirmation page.
 */
export function SigningVerification({
  project,
  evidence,
  canVerify,
  feedback,
}: {
  project: SigningFacts;
  evidence: readonly AttachmentItem[];
  canVerify: boolean;
  feedback?: FormFeedback | null;
}) {
  const submit = useSubmit();
  const state = signingState(project);
  if (state === "none") return null;
  const action = `/projects/${project.id}/verification`;
  const tone = state === "verified" ? "success" : state === "returned" ? "danger-box" : "notice";
  return (
    <section className={`card ${tone}`} aria-labelledby={`signing-${project.id}`}>
      <h2 id={`signing-${project.id}`} className="card-title">
        签约甄别
      </h2>
      <p>
        签约日期 {project.signedOn}：
        {state === "verified" ? (
          <>
            <strong>已甄别</strong>（{project.verifiedByName ?? ""}，{project.signingVerifiedAt ? formatDateTime(project.signingVerifiedAt) : ""}）
          </>
        ) : state === "returned" ? (
          <>
            <strong>甄别退回</strong>（{project.returnedByName ?? ""}，{project.signingReturnedAt ? formatDateTime(project.signingReturnedAt) : ""}
            ）。退回原因：
            {project.signingReturnReason}。补正后可再次甄别；通过前不计入任何统计。
          </>
        ) : (
          <>
            <strong>待甄别</strong>，甄别通过后才计入各项统计。
          </>
        )}
      </p>
      {state !== "verified" ? (
        <div className="evidence">
          <strong>佐证材料：</strong>
          <AttachmentLinks attachments={evidence} empty="尚未上传附件（签约协议、营业执照等），请在下方“附件”中上传" />
        </div>
      ) : null}
      {feedback?.formError ? (
        <p className="form-error" role="alert">
          {feedback.fieldErrors?.reason ?? feedback.formError}
        </p>
      ) : null}
      {canVerify && state !== "verified" ? (
        <div className="verification-actions">
          <ConfirmButton
            action={action}
            fields={{ intent: "verify", version: project.version }}
            label="甄别通过"
            question={VERIFICATION_QUESTIONS.verify}
            className="primary"
          />
          <Form
            method="get"
            action={action}
            className="return-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (window.confirm(VERIFICATION_QUESTIONS.return)) submit(event.currentTarget, { method: "post", action });
            }}
          >
            <input type="hidden" name="intent" value="return" />
            <input type="hidden" name="version" value={project.version} />
            <label htmlFor={`return-reason-${project.id}`}>退回原因</label>
            <textarea id={`return-reason-${project.id}`} name="reason" rows={2} required maxLength={500} defaultValue={feedback?.values?.reason} />
            <button type="submit" className="danger">
              退回
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
