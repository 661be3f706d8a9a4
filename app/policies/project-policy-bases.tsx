import { Form, Link } from "@remix-run/react";
import { ConfirmButton } from "../ui/confirm";
import { FormErrorBanner, SelectField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { ClauseStateBadge } from "./policy-bits";
import { policyBasisSchema } from "./policy.schema";
import type { ClauseState } from "./policy-status";

interface BasisRow {
  id: number;
  clauseNumber: string;
  policyId: number;
  policyTitle: string;
  effectiveTo: string | null;
  state: ClauseState;
  note: string | null;
}

/**
 * 政策依据 on a project page: the clauses it rests on, flagged when expired or expiring, and for its
 * editors 添加 and 移除 (asked first), posted to /projects/:id/policy-bases.
 */
export function ProjectPolicyBases({
  projectId,
  bases,
  clauseChoices,
  canEdit,
  feedback,
  open = false,
}: {
  projectId: number;
  bases: readonly BasisRow[];
  clauseChoices: readonly { id: number; label: string }[];
  canEdit: boolean;
  feedback: FormFeedback | null;
  /** the 添加 form shown open (its own page) */
  open?: boolean;
}) {
  const removeFailure = feedback?.values?.intent === "remove" ? feedback : null;
  const form = useValidatedForm(policyBasisSchema, { clauseId: "", note: "" }, removeFailure ? null : feedback);
  const flagged = bases.some((basis) => basis.state !== "valid");
  const action = `/projects/${projectId}/policy-bases`;
  return (
    <section className="card" id="policy-bases" aria-labelledby="policy-bases-title">
      <h2 id="policy-bases-title">政策依据</h2>
      {flagged ? (
        <p className="notice" role="note">
          本项目有政策依据已失效或即将失效（90天内），请核实并补充有效依据。
        </p>
      ) : null}
      {removeFailure?.formError ? (
        <p className="form-error" role="alert">
          {removeFailure.formError}
        </p>
      ) : null}
      {bases.length === 0 ? (
        <p className="muted">尚未添加政策依据</p>
      ) : (
        <table className="data" aria-label="政策依据">
          <thead>
            <tr>
              <th>政策</th>
              <th>条款</th>
              <th>有效期至</th>
              <th>状态</th>
              <th>说明</th>
              {canEdit ? <th></th> : null}
            </tr>
          </thead>
          <tbody>
            {bases.map((basis) => (
              <tr key={basis.id}>
                <td>
                  <Link to={`/policies/${basis.policyId}`}>{basis.policyTitle}</Link>
                </td>
                <td>{basis.clauseNumber}</td>
                <td>{basis.effectiveTo ?? "长期"}</td>
                <td>
                  <ClauseStateBadge state={basis.state} />
                </td>
                <td>{basis.note ?? ""}</td>
                {canEdit ? (
                  <td>
                    <ConfirmButton
                      action={action}
                      fields={{ intent: "remove", basisId: basis.id }}
                      label="移除"
                      question={`确定移除政策依据《${basis.policyTitle}》${basis.clauseNumber}？`}
                      ariaLabel={`移除 ${basis.policyTitle}${basis.clauseNumber}`}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <details open={open || Boolean(form.formError)}>
          <summary>添加政策条款</summary>
          <Form method="post" action={action} onSubmit={form.onSubmit} noValidate>
            <input type="hidden" name="intent" value="add" />
            <FormErrorBanner form={form} />
            <div className="form-grid">
              <SelectField
                form={form}
                name="clauseId"
                label="政策条款"
                required
                placeholder="请选择"
                options={clauseChoices.map((choice) => ({ value: choice.id, label: choice.label }))}
              />
              <TextField form={form} name="note" label="说明" />
            </div>
            <div className="form-actions">
              <button type="submit" className="secondary">
                添加政策依据
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
