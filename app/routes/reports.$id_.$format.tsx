import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { recordOperation } from "../operations/operation-log.server";
import { renderReportDocx } from "../reports/report-docx.server";
import { renderReportXlsx } from "../reports/report-xlsx.server";
import { getReport, reportFileName } from "../reports/reports.server";

/** 下载Word (.docx, A4 official-document style) and 下载Excel (.xlsx, one sheet per table) of an edition. */
const FORMATS = {
  docx: { render: renderReportDocx, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { render: renderReportXlsx, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:report");
  const format = params.format === "docx" || params.format === "xlsx" ? params.format : null;
  if (!format) throw new Response("Not found", { status: 404 });
  const report = await load(() => getReport(user, idParam(params.id)));
  const body = await FORMATS[format].render(report);
  recordOperation({
    kind: "export",
    summary: `下载月度报告 ${report.month} 第${report.edition}版（${format === "docx" ? "Word" : "Excel"}）`,
    userId: user.id,
    username: user.username,
    entityType: "report",
    entityId: report.id,
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": FORMATS[format].type,
      "Content-Disposition": reportFileName(report, format),
      "Cache-Control": "private, no-store",
    },
  });
}
