import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { commitmentFiltersFrom } from "../commitments/commitment-rules";
import { exportCommitments } from "../commitments/commitments.server";
import { listWorkbookResponse } from "../exports/list-workbook.server";

/** 导出Excel of 政策兑现: the list's filters, every row in the user's scope. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:list");
  return listWorkbookResponse(exportCommitments(user, commitmentFiltersFrom(new URL(request.url).searchParams)), user);
}
