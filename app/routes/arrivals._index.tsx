import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listArrivals } from "../arrivals/arrivals.server";
import { requireUser } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { formatPercent, yearOnYear } from "../figures/indicators";
import { today } from "../lib/dates";
import { formatWan } from "../lib/money";
import { intParam } from "../lib/params";
import { formatTotal, pageFrom } from "../lib/paging";
import { listProjectFilterChoices } from "../projects/projects.server";
import { Pager } from "../ui/pager";

export const meta: MetaFunction = () => [{ title: "实到外资 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const year = intParam(params, "year");
  const filters = {
    year: year && year >= 2000 && year <= 2100 ? year : Number(today().slice(0, 4)),
    unitId: intParam(params, "unit"),
    page: pageFrom(params),
  };
  return json({ filters, units: listProjectFilterChoices().units, ...listArrivals(user, filters) });
}

export default function Arrivals() {
  const { filters, units, months, yearTotalUsd, sameSpanLastYearUsd, comparedTo, page } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/cockpit">领导驾驶舱</Link>
          </p>
          <h1>实到外资</h1>
        </div>
      </div>
      <Form method="get" className="filters card">
        <div className="field">
          <label htmlFor="arrivals-year">年份</label>
          <input id="arrivals-year" name="year" type="number" min={2000} max={2100} defaultValue={filters.year} />
        </div>
        <div className="field">
          <label htmlFor="arrivals-unit">负责单位</label>
          <select id="arrivals-unit" name="unit" defaultValue={filters.unitId ?? ""}>
            <option value="">全部</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          查询
        </button>
      </Form>
      <section className="card" aria-labelledby="months-title">
        <h2 id="months-title">{filters.year}年各月实到外资</h2>
        <p>
          全年累计 <strong>{formatWan(yearTotalUsd)}</strong> 万美元；去年同期（至{comparedTo.slice(5)}）{formatWan(sameSpanLastYearUsd)} 万美元，同比{" "}
          {formatPercent(yearOnYear(yearTotalUsd, sameSpanLastYearUsd))}。
        </p>
        <table className="data" aria-label="各月实到外资">
          <thead>
            <tr>
              <th>月份</th>
              <th className="num">实到外资（万美元）</th>
              <th className="num">累计（万美元）</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{Number(month.month.slice(5))}月</th>
                <td className="num">{formatWan(month.usd)}</td>
                <td className="num">{formatWan(month.cumulativeUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title">到账记录（共 {formatTotal(page.total)} 笔）</h2>
        {page.rows.length === 0 ? (
          <p className="muted">该年度没有到账记录</p>
        ) : (
          <table className="data" aria-label="到账记录">
            <thead>
              <tr>
                <th>到账日期</th>
                <th>项目</th>
                <th>外方国别</th>
                <th className="num">到账金额（万美元）</th>
                <th>凭证说明</th>
                <th>登记人</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.arrivedOn}</td>
                  <td>
                    <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link>
                  </td>
                  <td>{regionLabel(row.country)}</td>
                  <td className="num">{formatWan(row.amountUsd)}</td>
                  <td>{row.reference ?? ""}</td>
                  <td>{row.createdByName ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager page={page.page} hasNext={page.hasNext} />
      </section>
    </>
  );
}
