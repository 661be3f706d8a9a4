import type { LoaderFunctionArgs } from "@remix-run/node";
import { arrivalFiltersFrom } from "../arrivals/arrival-rules";
import { exportArrivals } from "../arrivals/arrivals.server";
import { requirePermission } from "../auth/session.server";
import { listWorkbookResponse } from "../exports/list-workbook.server";
import { today } from "../lib/dates";

/** 导出Excel of 实到外资: the year (or month) and filters on screen, every row in the user's scope. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:list");
  return listWorkbookResponse(exportArrivals(user, arrivalFiltersFrom(new URL(request.url).searchParams, today())), user);
}
