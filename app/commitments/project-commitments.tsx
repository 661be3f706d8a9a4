import { Form } from "@remix-run/react";
import { formatWan } from "../lib/money";
import { FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { CommitmentStatusBadge, OverdueBadge } from "./commitment-bits";
import type { CommitmentStatus } from "./commitment-rules";
import { commitmentSchema } from "./commitment.schema";

export interface ProjectCommitmentRow {
  id: number;
  item: string;
  clauseLabel: string;
  amountCny: number;
  paidCny: number;
  dueOn: string;
  status: CommitmentStatus;
  overdue: boolean;
}

/**
 * 政策承诺 on a project page: the project's commitments (each links to its 政策兑现 page) and, for
 * those who may propose, the 提出承诺 form, posted to /projects/:id/commitments. Give it a `key`
 * that changes after a successful post so the form empties.
 */
export function ProjectCommitments({
  projectId,
  commitments,
  clauseChoices,
  canPropose,
  feedback,
  open = false,
}: {
  projectId: number;
  commitments: readonly ProjectCommitmentRow[];
  clauseChoices: readonly { id: number; label: string }[];
  canPropose: boolean;
  feedback: FormFeedback | null;
  /** the form shown open (its own page) */
  open?: boolean;
}) {
  const form = useValidatedForm(commitmentSchema, { clauseId: "", item: "", amountCny: "", condition: "", dueOn: "" }, feedback);
  return (
    <section className="card" id="commitments" aria-labelledby="project-commitments-title">
      <h2 id="project-commitments-title">政策承诺</h2>
      {commitments.length === 0 ? (
        <p className="muted">暂无政策承诺</p>
      ) : (
        <table className="data" aria-label="政策承诺清单">
          <thead>
            <tr>
              <th>承诺事项</th>
              <th>政策条款</th>
              <th className="num">承诺金额（万元）</th>
              <th className="num">已兑现（万元）</th>
              <th>约定兑现日期</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {commitments.map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={`/commitments/${row.id}`}>{row.item}</a>
                </td>
                <td>{row.clauseLabel}</td>
                <td className="num">{formatWan(row.amountCny)}</td>
                <td className="num">{formatWan(row.paidCny)}</td>
                <td>{row.dueOn}</td>
                <td>
                  <CommitmentStatusBadge status={row.status} /> <OverdueBadge overdue={row.overdue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canPropose ? (
        <details open={open || Boolean(form.formError)}>
          <summary>新的政策承诺</summary>
          {clauseChoices.length === 0 ? <p className="notice">政策库中没有有效的政策条款，无法提出承诺。</p> : null}
          <Form method="post" action={`/projects/${projectId}/commitments`} onSubmit={form.onSubmit} noValidate>
            <FormErrorBanner form={form} />
            <div className="form-grid">
              <SelectField
                form={form}
                name="clauseId"
                label="政策条款"
                required
                placeholder="请选择"
                options={clauseChoices.map((clause) => ({ value: clause.id, label: clause.label }))}
              />
              <TextField form={form} name="item" label="承诺事项" required />
              <TextField form={form} name="amountCny" label="承诺金额（万元）" required inputMode="decimal" />
              <TextField form={form} name="dueOn" label="约定兑现日期" type="date" required />
              <TextAreaField form={form} name="condition" label="兑现条件" rows={2} />
            </div>
            <div className="form-actions">
              <button type="submit" className="primary">
                提出承诺
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
