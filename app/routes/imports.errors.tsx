import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { importStepSchema } from "../imports/import.schema";
import { refusedRows } from "../imports/imports.server";
import { IMPORT_KIND_LABELS } from "../imports/kinds";
import { refusedRowsWorkbook, XLSX_TYPE } from "../imports/workbooks.server";
import { load } from "../lib/http.server";

/** The refused rows of a preview as an .xlsx with 错误说明 (the preview's file, kind, mode and mapping). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:data");
  const params = new URL(request.url).searchParams;
  const parsed = importStepSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new Response("请重新预览后再下载错误行", { status: 400 });
  const columns = params.get("columns");
  return load(async () => {
    const refused = await refusedRows({ actor: user, ...parsed.data, columnFields: columns === null ? undefined : columns.split(",") });
    const fileName = `${IMPORT_KIND_LABELS[parsed.data.kind]}导入-错误行.xlsx`;
    return new Response(new Uint8Array(await refusedRowsWorkbook(parsed.data.kind, refused)), {
      headers: {
        "Content-Type": XLSX_TYPE,
        "Content-Disposition": `attachment; filename="errors.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  });
}
