import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { addressLine, signatureLines } from "../reports/report-text";
import { ReportSections } from "../reports/report-view";
import { getReportWithCharts } from "../reports/reports.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.report.snapshot.monthLabel ?? ""}招商引资工作进展报告（打印）` }];

/** 打印: the report alone on A4, charts included; the browser's print dialog does the rest. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:report");
  const id = idParam(params.id);
  return load(() => json(getReportWithCharts(user, id, { forPhone: false })));
}

export const handle = { printView: true };

export default function ReportPrint() {
  const { report, charts } = useLoaderData<typeof loader>();
  return (
    <article className="print-sheet">
      <h1 className="print-title">{report.snapshot.monthLabel}招商引资工作进展报告</h1>
      <p className="print-meta">第{report.edition}版</p>
      <ReportSections
        snapshot={report.snapshot}
        charts={charts}
        problems={report.problems}
        nextMonthPlan={report.nextMonthPlan}
        addressLine={addressLine(report.addressedTo)}
        signature={signatureLines(report)}
      />
    </article>
  );
}
