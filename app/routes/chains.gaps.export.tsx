import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { listChainGaps } from "../chains/chains.server";
import { GAP_STATUS_LABELS, LINK_ROLE_LABELS } from "../chains/labels";
import { listWorkbookResponse } from "../exports/list-workbook.server";

/** 导出Excel of 缺链补链: every 空白/薄弱 link, each with all the pursued projects aimed at it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:list");
  const gaps = listChainGaps(user, { projectLimit: 100_000 });
  return listWorkbookResponse(
    {
      title: "缺链补链",
      filters: [`空白和薄弱环节共 ${gaps.length} 个，其中 ${gaps.filter((gap) => gap.projects === 0).length} 个尚无储备项目（进行中、暂缓的项目）`],
      columns: [
        { header: "产业链体系", value: (gap) => gap.systemName, width: 16 },
        { header: "所属产业链", value: (gap) => gap.chainName, width: 18 },
        { header: "环节", value: (gap) => gap.name, width: 20 },
        { header: "状态", value: (gap) => GAP_STATUS_LABELS[gap.gapStatus] },
        { header: "储备项目数", type: "count", value: (gap) => gap.projects },
        {
          header: "项目（阶段 · 作用 · 负责人）",
          width: 80,
          value: (gap) =>
            gap.projectList.map((project) => `${project.name}（${project.rowLabel} · ${LINK_ROLE_LABELS[project.role]} · ${project.ownerName}）`).join("；"),
        },
      ],
      chunks: [gaps],
    },
    user,
  );
}
