import { Form } from "@remix-run/react";
import { CompactAttachments, type AttachmentItem } from "../attachments/attachment-list";
import { formatPercent } from "../figures/indicators";
import { formatAmount, formatWan, wanInputValue } from "../lib/money";
import { ConfirmButton } from "../ui/confirm";
import { FormErrorBanner, HiddenField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { arrivalCorrectionSchema, arrivalSchema } from "./arrival.schema";

/** What the project page shows of a project's funding (getProjectFunding's answer). */
export interface ProjectFundingView {
  arrivals: readonly { id: number; arrivedOn: string; amountUsd: number; reference: string | null; createdByName: string | null; version: number }[];
  totalArrivedUsd: number;
  contractedFdiUsd: number | null;
  fundingRate: number | null;
  /** why the project cannot take arrivals yet (signing not verified), or null */
  /** the default 到账日期 */
  today?: string;
}

type ArrivalView = ProjectFundingView["arrivals"][number];

/** 更正 of one arrival (a mistaken date, amount or reference), opened with its errors when refused. */
function ArrivalCorrection({ action, arrival, feedback, max }: { action: string; arrival: ArrivalView; feedback: FormFeedback | null; max?: string }) {
  const form = useValidatedForm(
    arrivalCorrectionSchema,
    {
      arrivalId: arrival.id,
      version: arrival.version,
      arrivedOn: arrival.arrivedOn,
      amountUsd: wanInputValue(arrival.amountUsd),
      reference: arrival.reference ?? "",
    },
    feedback,
  );
  return (
    <details open={Boolean(feedback)}>
      <summary aria-label={`更正 ${arrival.arrivedOn} 到账 ${formatAmount(arrival.amountUsd, "美元")}`}>更正</summary>
      <Form method="post" action={action} onSubmit={form.onSubmit} noValidate>
        <input type="hidden" name="intent" value="update" />
        <HiddenField form={form} name="arrivalId" value={arrival.id} />
        <HiddenField form={form} name="version" value={arrival.version} />
        <FormErrorBanner form={form} />
        <TextField form={form} name="arrivedOn" label="到账日期" type="date" required max={max} />
        <TextField form={form} name="amountUsd" label="到账金额（万美元）" inputMode="decimal" required />
        <TextField form={form} name="reference" label="凭证说明" />
        <div className="form-actions">
          <button type="submit" className="secondary">
            保存更正
          </button>
        </div>
      </Form>
    </details>
  );
}

/**
 * 实到外资 on a project page: 合同外资, 累计实到, 资金到位率 and the arrivals; for staff and
 * administrators (`canRecord`) 登记到账, 更正 and 删除, or — while the signing awaits 甄别 — the reason
 * (`canRecordReason`, by default the funding's own). `feedback` is the action's answer to
 * recordArrival (updateArrival: on its arrival's 更正; deleteArrival: above the table).
 */
export function ProjectArrivals({
  projectId,
  open = false,
  funding,
  canRecord,
  canRecordReason,
  feedback,
  today,
  evidence,
}: {
  projectId: number;
  /** the 登记到账 form shown open (its own page) */
  open?: boolean;
  funding: ProjectFundingView;
  /** 凭证 per arrival (getArrivalEvidence); the column shows only when given */
  evidence?: { byRecord: Readonly<Record<number, readonly AttachmentItem[]>>; canAttach: boolean };
  canRecord: boolean;
  canRecordReason?: string | null;
  feedback: FormFeedback | null;
  /** the default 到账日期 when the funding does not carry it */
  today?: string;
}) {
  const reason = canRecordReason ?? null;
  const deleteFeedback = feedback && !feedback.ok && feedback.values?.intent === "delete" ? feedback : null;
  const updateFeedback = feedback && !feedback.ok && feedback.values?.intent === "update" ? feedback : null;
  const recordFeedback = deleteFeedback || updateFeedback ? null : feedback;
  const action = `/projects/${projectId}/arrivals`;
  const form = useValidatedForm(arrivalSchema, { arrivedOn: today ?? funding.today ?? "", amountUsd: "", reference: "" }, recordFeedback);
  return (
    <section className="card" id="arrivals" aria-labelledby="arrivals-title">
      <h2 id="arrivals-title">实到外资</h2>
      <dl className="facts">
        <div>
          <dt>合同外资</dt>
          <dd>{formatAmount(funding.contractedFdiUsd, "美元")}</dd>
        </div>
        <div>
          <dt>累计实到</dt>
          <dd>{formatAmount(funding.totalArrivedUsd, "美元")}</dd>
        </div>
        <div>
          <dt>资金到位率</dt>
          <dd>{formatPercent(funding.fundingRate, 1)}</dd>
        </div>
      </dl>
      {deleteFeedback?.formError ? (
        <p className="form-error" role="alert">
          {deleteFeedback.formError}
        </p>
      ) : null}
      {funding.arrivals.length > 0 ? (
        <table className="data" aria-label="到账记录">
          <thead>
            <tr>
              <th>到账日期</th>
              <th className="num">到账金额（万美元）</th>
              <th>凭证说明</th>
              <th>登记人</th>
              {evidence ? <th>凭证</th> : null}
              {canRecord ? <th></th> : null}
            </tr>
          </thead>
          <tbody>
            {funding.arrivals.map((arrival) => (
              <tr key={arrival.id}>
                <td>{arrival.arrivedOn}</td>
                <td className="num">{formatWan(arrival.amountUsd)}</td>
                <td>{arrival.reference ?? ""}</td>
                <td>{arrival.createdByName ?? ""}</td>
                {evidence ? (
                  <td>
                    <CompactAttachments
                      entityType="fdi_arrival"
                      entityId={arrival.id}
                      attachments={evidence.byRecord[arrival.id] ?? []}
                      canAttach={evidence.canAttach}
                    />
                  </td>
                ) : null}
                {canRecord ? (
                  <td>
                    <ArrivalCorrection
                      action={action}
                      arrival={arrival}
                      feedback={updateFeedback?.values?.arrivalId === String(arrival.id) ? updateFeedback : null}
                      max={today ?? funding.today}
                    />
                    <ConfirmButton
                      action={action}
                      fields={{ intent: "delete", arrivalId: arrival.id, version: arrival.version }}
                      label="删除"
                      question={`确定删除 ${arrival.arrivedOn} 到账 ${formatAmount(arrival.amountUsd, "美元")} 的记录？`}
                      ariaLabel={`删除 ${arrival.arrivedOn} 到账 ${formatAmount(arrival.amountUsd, "美元")}`}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">暂无到账记录</p>
      )}
      {canRecord ? (
        reason ? (
          <p className="muted">{reason}。</p>
        ) : (
          <details open={open || Boolean(form.formError)}>
            <summary>登记一笔到账</summary>
            <Form method="post" action={action} onSubmit={form.onSubmit} noValidate>
              <input type="hidden" name="intent" value="record" />
              <FormErrorBanner form={form} />
              <div className="form-grid">
                <TextField form={form} name="arrivedOn" label="到账日期" type="date" required max={today ?? funding.today} />
                <TextField form={form} name="amountUsd" label="到账金额（万美元）" inputMode="decimal" required />
                <TextField form={form} name="reference" label="凭证说明" />
              </div>
              <div className="form-actions">
                <button type="submit" className="secondary">
                  登记到账
                </button>
              </div>
            </Form>
          </details>
        )
      ) : null}
    </section>
  );
}
