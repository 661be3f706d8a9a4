import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from "../imports/kinds";
import { importTemplate, XLSX_TYPE } from "../imports/workbooks.server";

/** 下载模板 of an import kind. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "import:data");
  const kind = params.kind as ImportKind;
  if (!IMPORT_KINDS.includes(kind)) throw new Response("Not found", { status: 404 });
  const fileName = `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`;
  return new Response(new Uint8Array(await importTemplate(kind)), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
