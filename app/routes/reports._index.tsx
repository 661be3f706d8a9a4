import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { addDays, formatDateTime, today } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";
import { generateReportSchema } from "../reports/report.schema";
import { generateReport, listReports } from "../reports/reports.server";
import { FormErrorBanner, TextField, useValidatedForm, type FormFeedback } from "../ui/form";

export const meta: MetaFunction = () => [{ title: "月度报告 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:report");
  const day = today();
  return json({ reports: listReports(user), lastMonth: addDays(`${day.slice(0, 7)}-01`, -1).slice(0, 7), thisMonth: day.slice(0, 7) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:report");
  const formData = await readFormData(request);
  return act(() => {
    const { month } = parseForm(generateReportSchema, formData);
    const id = generateReport({ actor: user, month, today: today() });
    return redirect(`/reports/${id}`);
  }, formData);
}

export default function Reports() {
  const { reports, lastMonth, thisMonth } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as FormFeedback | undefined;
  const form = useValidatedForm(generateReportSchema, { month: lastMonth }, feedback);
  return (
    <>
      <div className="page-head">
        <h1>月度报告</h1>
      </div>
      <section className="card" aria-labelledby="generate-title">
        <h2 id="generate-title">生成报告</h2>
        <p className="muted">按所选月份从阶段记录、实到外资、政策兑现和年度目标生成并冻结为一个版本；重新生成会产生新版本，旧版本仍可查阅。</p>
        <Form method="post" onSubmit={form.onSubmit} noValidate className="filters">
          <FormErrorBanner form={form} />
          <TextField form={form} name="month" label="报告月份" type="month" required max={thisMonth} />
          <button type="submit" className="primary">
            生成报告
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title">已生成的报告</h2>
        {reports.length === 0 ? (
          <p className="muted">还没有生成过报告</p>
        ) : (
          <table className="data cards" aria-label="已生成的报告">
            <thead>
              <tr>
                <th>报告月份</th>
                <th>版本</th>
                <th>生成人</th>
                <th>生成时间</th>
                <th>最后编辑</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <td>
                    <Link to={`/reports/${report.id}`}>
                      {report.month.slice(0, 4)}年{Number(report.month.slice(5))}月
                    </Link>
                  </td>
                  <td data-label="版本">第{report.edition}版</td>
                  <td data-label="生成人">{report.generatedByName ?? ""}</td>
                  <td data-label="生成时间">{formatDateTime(report.generatedAt)}</td>
                  <td data-label="最后编辑">{report.editedAt ? formatDateTime(report.editedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
