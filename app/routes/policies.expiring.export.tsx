import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { listWorkbookResponse } from "../exports/list-workbook.server";
import { listPolicyFlags } from "../policies/policies.server";

/** 导出Excel of 政策依据预警: every pursued project resting on an expired or expiring policy. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, "view:cockpit") && !can(user.role, "admin:system")) throw new Response("Forbidden", { status: 403 });
  const flags = listPolicyFlags(user, { limit: 100_000 });
  return listWorkbookResponse(
    {
      title: "政策依据预警",
      filters: ["进行中、暂缓的项目中，政策依据所属政策已失效或将在90天内失效的"],
      columns: [
        { header: "项目名称", value: (row) => row.projectName, width: 36 },
        { header: "负责人", value: (row) => row.ownerName },
        { header: "政策", value: (row) => row.policyTitle, width: 48 },
        { header: "条款", value: (row) => row.clauseNumber },
        { header: "失效日期", type: "date", value: (row) => row.effectiveTo },
        { header: "状态", value: (row) => (row.state === "expired" ? "已失效" : "90天内失效") },
      ],
      chunks: [flags],
    },
    user,
  );
}
