import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { listWorkbookResponse } from "../exports/list-workbook.server";
import { projectFiltersFrom } from "../projects/listing";
import { exportProjects } from "../projects/project-export.server";

/** 导出Excel of 招商项目 and of a cockpit drill-down: the list's filters, every row in the user's scope. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:list");
  return listWorkbookResponse(exportProjects(user, projectFiltersFrom(new URL(request.url).searchParams)), user);
}
