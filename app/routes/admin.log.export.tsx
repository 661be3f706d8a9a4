import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { listWorkbookResponse } from "../exports/list-workbook.server";
import { exportOperations, operationFiltersFrom } from "../operations/operation-log.server";

/** 导出Excel of 操作日志: every entry the filters select. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  return listWorkbookResponse(exportOperations(user, operationFiltersFrom(new URL(request.url).searchParams)), user);
}
