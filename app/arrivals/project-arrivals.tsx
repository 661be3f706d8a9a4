import { Form } from "@remix-run/react";
import { formatPercent } from "../figures/indicators";
import { formatWan } from "../lib/money";
import { FormErrorBanner, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { arrivalSchema } from "./arrival.schema";

interface Funding {
  arrivals: readonly { id: number; arrivedOn: string; amountUsd: number; reference: string | null; createdByName: string | null }[];
  totalArrivedUsd: number;
  contractedFdiUsd: number | null;
  fundingRate: number | null;
  refusal: string | null;
}

/** 实到外资 on a project page: arrivals, 资金到位率, and for staff 登记到账. */
export function ProjectArrivals({ funding, canRecord, today, feedback }: { funding: Funding; canRecord: boolean; today: string; feedback: FormFeedback | null }) {
  const form = useValidatedForm(arrivalSchema, { arrivedOn: today, amountUsd: "", reference: "" }, feedback);
  return (
    <section className="card" aria-labelledby="arrivals-title">
      <h2 id="arrivals-title">实到外资</h2>
      <dl className="facts">
        <div><dt>合同外资（万美元）</dt><dd>{formatWan(funding.contractedFdiUsd)}</dd></div>
        <div><dt>累计实到（万美元）</dt><dd>{formatWan(funding.totalArrivedUsd)}</dd></div>
        <div><dt>资金到位率</dt><dd>{formatPercent(funding.fundingRate)}</dd></div>
      </dl>
      {funding.arrivals.length > 0 ? (
        <table className="data" aria-label="到账记录">
          <thead>
            <tr>
              <th>到账日期</th>
              <th className="num">到账金额（万美元）</th>
              <th>凭证说明</th>
              <th>登记人</th>
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
                {canRecord ? (
                  <td>
                    <Form method="post" onSubmit={(event) => { if (!confirm("确定删除这条到账记录？")) event.preventDefault(); }}>
                      <input type="hidden" name="intent" value="deleteArrival" />
                      <input type="hidden" name="arrivalId" value={arrival.id} />
                      <button type="submit" className="secondary">删除</button>
                    </Form>
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
        funding.refusal ? (
          <p className="muted">{funding.refusal}。</p>
        ) : (
          <Form method="post" onSubmit={form.onSubmit} noValidate>
            <input type="hidden" name="intent" value="recordArrival" />
            <FormErrorBanner form={form} />
            <div className="form-grid">
              <TextField form={form} name="arrivedOn" label="到账日期" type="date" required />
              <TextField form={form} name="amountUsd" label="到账金额（万美元）" inputMode="decimal" required />
              <TextField form={form} name="reference" label="凭证说明" />
            </div>
            <div className="form-actions">
              <button type="submit" className="secondary">
                登记到账
              </button>
            </div>
          </Form>
        )
      ) : null}
    </section>
  );
}
