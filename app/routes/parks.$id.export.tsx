import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { listWorkbookResponse } from "../exports/list-workbook.server";
import { load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { listParkPipelineProjectIds } from "../parks/parks.server";
import { exportProjectList } from "../projects/project-export.server";

/** 导出Excel of a park's pipeline: its pursued projects and those of the parks below it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:list");
  const id = idParam(params.id);
  const { parkName, ids } = await load(() => listParkPipelineProjectIds(user, id));
  return listWorkbookResponse(exportProjectList(`${parkName}项目储备`, [`载体：${parkName}（含下属载体）`, "进行中、暂缓的项目"], ids), user);
}
