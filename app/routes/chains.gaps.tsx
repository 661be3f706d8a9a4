import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/session.server";
import { GapBadge } from "../chains/chain-bits";
import { listChainGaps } from "../chains/chains.server";
import { LINK_ROLE_LABELS } from "../chains/labels";
import { ExportLink } from "../ui/export-link";

export const meta: MetaFunction = () => [{ title: "缺链补链 · 产业链" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ gaps: listChainGaps(user) });
}

export default function ChainGaps() {
  const { gaps } = useLoaderData<typeof loader>();
  const uncovered = gaps.filter((gap) => gap.projects === 0).length;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/chains">产业链</Link>
          </p>
          <h1>缺链补链视图</h1>
        </div>
      </div>
      <p>
        空白和薄弱环节共 {gaps.length} 个，其中 <strong>{uncovered} 个尚无储备项目</strong>（排在最前）。储备项目：进行中、暂缓的项目。{" "}
        <ExportLink to="/chains/gaps/export" />
      </p>
      {gaps.length === 0 ? (
        <p className="muted">没有空白或薄弱环节</p>
      ) : (
        <table className="data" aria-label="空白和薄弱环节">
          <thead>
            <tr>
              <th>环节</th>
              <th>所属产业链</th>
              <th>链环状态</th>
              <th className="num">储备项目</th>
              <th>项目（作用 · 阶段 · 负责人）</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((gap) => (
              <tr key={gap.id} className={gap.projects === 0 ? "uncovered" : undefined}>
                <td>
                  <Link to={`/chains/${gap.id}`}>{gap.name}</Link>
                </td>
                <td>
                  {gap.systemName}
                  {gap.chainName ? ` · ${gap.chainName}` : ""}
                </td>
                <td>
                  <GapBadge status={gap.gapStatus} />
                </td>
                <td className="num">{gap.projects === 0 ? <strong>无项目</strong> : <Link to={`/projects?chain=${gap.id}`}>{gap.projects}</Link>}</td>
                <td>
                  {gap.projectList.map((project) => (
                    <div key={project.id}>
                      <Link to={`/projects/${project.id}`}>{project.name}</Link>{" "}
                      <span className="muted">
                        {LINK_ROLE_LABELS[project.role]} · {project.rowLabel} · {project.ownerName}
                      </span>
                    </div>
                  ))}
                  {gap.projects > gap.projectList.length ? <Link to={`/projects?chain=${gap.id}`}>查看全部 {gap.projects} 个</Link> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
