import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { getFunnel } from "../figures/funnel.server";
import { isValidDate, today, yearPeriod, type Period } from "../lib/dates";
import { formatWan } from "../lib/money";
import { STAGE_LABELS } from "../projects/stages";

export const meta: MetaFunction = () => [{ title: "领导驾驶舱 · 招商引资管理系统" }];

/** The period from the URL: `from`/`to` dates, or a `year`; default this year. */
function periodFrom(params: URLSearchParams): Period {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  if (isValidDate(from) && isValidDate(to) && from <= to) return { from, to };
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) return yearPeriod(year);
  return yearPeriod(Number(today().slice(0, 4)));
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "view:cockpit");
  const period = periodFrom(new URL(request.url).searchParams);
  return json({ period, funnel: getFunnel(period) });
}

function percent(value: number | null): string {
  return value == null ? "—" : `${(value * 100).toFixed(1)}%`;
}

export default function Cockpit() {
  const { period, funnel } = useLoaderData<typeof loader>();
  const top = funnel[0]?.projects ?? 0;
  return (
    <>
      <div className="page-head">
        <h1>领导驾驶舱</h1>
        <nav aria-label="相关台账" className="form-actions" style={{ marginTop: 0 }}>
          <Link to="/targets" className="button secondary">
            年度目标
          </Link>
        </nav>
      </div>
      <Form method="get" className="filters card">
        <div className="field">
          <label htmlFor="from">起始日期</label>
          <input id="from" name="from" type="date" defaultValue={period.from} />
        </div>
        <div className="field">
          <label htmlFor="to">截止日期</label>
          <input id="to" name="to" type="date" defaultValue={period.to} />
        </div>
        <button type="submit" className="primary">
          查询
        </button>
      </Form>
      <section className="card" aria-labelledby="funnel-title">
        <h2 id="funnel-title">
          招商漏斗（{period.from} 至 {period.to} 新增线索）
        </h2>
        <p className="muted">
          统计期内登记为线索的项目，截至期末达到各阶段（或更后阶段）的数量；签约及以后阶段仅计已甄别的签约。流失、放弃的项目按其到达的最远阶段计入。
        </p>
        <table className="data" aria-label="招商漏斗">
          <thead>
            <tr>
              <th>阶段</th>
              <th className="num">项目数</th>
              <th className="num">总投资（万美元）</th>
              <th className="num">阶段转化率</th>
              <th style={{ width: "35%" }}>
                <span className="sr-only">比例</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((row) => (
              <tr key={row.stage}>
                <th scope="row">{STAGE_LABELS[row.stage]}</th>
                <td className="num">{row.projects}</td>
                <td className="num">{formatWan(row.totalInvestmentUsd)}</td>
                <td className="num">{percent(row.conversion)}</td>
                <td>
                  <div className="bar" style={{ width: `${top === 0 ? 0 : (row.projects / top) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
