import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { dateOf, formatDateTime } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { narrativeSchema } from "../reports/report.schema";
import { ReportSections } from "../reports/report-view";
import { getReportWithCharts, updateReportNarrative } from "../reports/reports.server";
import { FormErrorBanner, TextAreaField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.snapshot.monthLabel ?? ""}月度报告 · 招商引资管理系统` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:report");
  const id = idParam(params.id);
  return load(() => json(getReportWithCharts(user, id)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:report");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    updateReportNarrative({ actor: user, id, data: parseForm(narrativeSchema, formData) });
    return json({ ok: true as const });
  }, formData);
}

type Report = ReturnType<typeof useLoaderData<typeof loader>>["report"];

function NarrativeForm({ report, feedback }: { report: Report; feedback: FormFeedback | null }) {
  const form = useValidatedForm(
    narrativeSchema,
    {
      addressedTo: report.addressedTo ?? "",
      issuedBy: report.issuedBy ?? "",
      issuedOn: report.issuedOn ?? dateOf(report.generatedAt),
      problems: report.problems ?? "",
      nextMonthPlan: report.nextMonthPlan ?? "",
      version: report.version,
    },
    feedback,
  );
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate aria-label="报告文字部分">
      <input type="hidden" name="version" value={report.version} />
      <FormErrorBanner form={form} />
      <h2>主送与落款</h2>
      <p className="muted">Word文件标题下第一行写主送，正文末尾右侧写落款单位和日期。</p>
      <div className="form-grid">
        <TextField form={form} name="addressedTo" label="主送" hint={report.addressedTo ? undefined : "尚未填写主送，如“市委、市政府”；不填则Word中不写主送"} />
        <TextField form={form} name="issuedBy" label="落款单位" hint="如“平湖市投资促进中心”" />
        <TextField form={form} name="issuedOn" label="落款日期" type="date" required />
      </div>
      <h2>七、存在问题</h2>
      <TextAreaField form={form} name="problems" label="存在问题" rows={6} />
      <h2>八、下月工作计划</h2>
      <TextAreaField form={form} name="nextMonthPlan" label="下月工作计划" rows={6} />
      <div className="form-actions">
        <button type="submit" className="primary">
          保存
        </button>
      </div>
    </Form>
  );
}

export default function ReportPage() {
  const { report, charts } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as FormFeedback | undefined;
  const s = report.snapshot;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/reports">月度报告</Link>
          </p>
          <h1>
            {s.monthLabel}招商引资工作进展报告 <span className="muted">第{report.edition}版</span>
          </h1>
          <p className="muted" style={{ margin: 0 }}>
            {report.generatedByName} 生成于 {formatDateTime(report.generatedAt)}
            {report.editedAt ? `；${report.editedByName ?? ""} 编辑于 ${formatDateTime(report.editedAt)}` : ""}
            {report.latest ? "" : "（已有更新版本）"}
          </p>
        </div>
        <nav aria-label="导出" className="form-actions" style={{ marginTop: 0 }}>
          <a href={`/reports/${report.id}/docx`} className="button secondary" download>
            下载Word
          </a>
          <a href={`/reports/${report.id}/xlsx`} className="button secondary" download>
            下载Excel
          </a>
          <a href={`/reports/${report.id}/print`} className="button secondary" target="_blank" rel="noreferrer">
            打印
          </a>
        </nav>
      </div>
      <div className="card">
        <ReportSections
          snapshot={s}
          charts={charts}
          problems={report.problems}
          nextMonthPlan={report.nextMonthPlan}
          narrative={
            <section>
              {feedback?.ok ? <p role="status">已保存</p> : null}
              <NarrativeForm key={report.version} report={report} feedback={feedback?.ok ? null : (feedback ?? null)} />
            </section>
          }
        />
      </div>
    </>
  );
}
