import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { exportCompanies } from "../companies/companies.server";
import { companyFiltersFrom } from "../companies/listing";
import { listWorkbookResponse } from "../exports/list-workbook.server";

/** 导出Excel of 企业库: the list's filters, every row. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:list");
  return listWorkbookResponse(exportCompanies(companyFiltersFrom(new URL(request.url).searchParams)), user);
}
