import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ARRIVAL_SORT_COLUMNS, arrivalFiltersFrom, DEFAULT_ARRIVAL_SORT, type ArrivalFilters } from "../arrivals/arrival-rules";
import { listArrivals } from "../arrivals/arrivals.server";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { formatPercent } from "../figures/indicators";
import { today } from "../lib/dates";
import { formatAmount, formatWan } from "../lib/money";
import { listProjectFilterChoices } from "../projects/projects.server";
import { useClientLinks } from "../ui/client-links";
import { FilterSelect } from "../ui/filter-select";
import { ExportLink } from "../ui/export-link";
import { ListTotal, Pager } from "../ui/pager";
import { SortChoices, SortHeader } from "../ui/sort-header";

export const meta: MetaFunction = () => [{ title: "实到外资 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = arrivalFiltersFrom(new URL(request.url).searchParams, today());
  return json({
    filters,
    ...listArrivals(user, filters),
    units: listProjectFilterChoices().units,
    canRecord: can(user.role, "record:arrival"),
  });
}

/** A link to this screen with some filters changed (page reset). */
function linkTo(filters: ArrivalFilters, change: Partial<ArrivalFilters>): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams({ year: String(next.year) });
  if (next.month) params.set("month", String(next.month));
  if (next.unitId) params.set("unit", String(next.unitId));
  if (next.projectId) params.set("project", String(next.projectId));
  return `/arrivals?${params}`;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export default function Arrivals() {
  const { filters, months, yearTotalUsd, comparison, page, project, years, units, canRecord } = useLoaderData<typeof loader>();
  const followLink = useClientLinks();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/cockpit">领导驾驶舱</Link>
          </p>
          <h1>实到外资</h1>
        </div>
        {canRecord ? (
          <p style={{ margin: 0 }}>
            <Link to="/projects?signing=verified" className="button secondary">
              去项目页登记到账
            </Link>
          </p>
        ) : null}
      </div>
      {canRecord ? <p className="muted">到账在已甄别签约项目的项目页登记（项目页「实到外资」一栏）。</p> : null}

      {filters.projectId ? (
        <p className="notice" role="note">
          项目：{project?.name ?? "不存在或无权查看"}。<Link to={linkTo(filters, { projectId: undefined })}>查看全部项目</Link>
        </p>
      ) : null}
      <Form method="get" className="filters card" role="search">
        {filters.projectId ? <input type="hidden" name="project" value={filters.projectId} /> : null}
        {filters.sort && (filters.sort.key !== DEFAULT_ARRIVAL_SORT.key || filters.sort.dir !== DEFAULT_ARRIVAL_SORT.dir) ? (
          <>
            <input type="hidden" name="sort" value={filters.sort.key} />
            <input type="hidden" name="dir" value={filters.sort.dir} />
          </>
        ) : null}
        {filters.pageSize && filters.pageSize !== 20 ? <input type="hidden" name="size" value={filters.pageSize} /> : null}
        <FilterSelect name="year" label="年份" value={filters.year} emptyLabel={null} options={years.map((year) => ({ value: year, label: `${year}年` }))} />
        <FilterSelect
          name="month"
          label="月份"
          value={filters.month}
          emptyLabel="全年"
          options={MONTHS.map((month) => ({ value: month, label: `${month}月` }))}
        />
        <FilterSelect name="unit" label="负责单位" value={filters.unitId} options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        <button type="submit" className="primary">
          查询
        </button>
        <Link to="/arrivals">清除条件</Link>
      </Form>

      <section className="card" aria-labelledby="months-title">
        <h2 id="months-title">{filters.year}年各月实到外资</h2>
        <dl className="facts" style={{ marginBottom: "0.75rem" }}>
          <div>
            <dt>全年合计</dt>
            <dd>
              <strong>{formatAmount(yearTotalUsd, "美元")}</strong>
            </dd>
          </div>
          {comparison.label !== "全年" ? (
            <div>
              <dt>
                {filters.year}年{comparison.label}
              </dt>
              <dd>{formatAmount(comparison.currentUsd, "美元")}</dd>
            </div>
          ) : null}
          <div>
            <dt>
              上年同期（{filters.year - 1}年{comparison.label}）
            </dt>
            <dd>{formatAmount(comparison.previousUsd, "美元")}</dd>
          </div>
          <div>
            <dt>{comparison.label}同比</dt>
            <dd title={`${comparison.period.from} 至 ${comparison.period.to} 对比 ${comparison.previousPeriod.from} 至 ${comparison.previousPeriod.to}`}>
              {comparison.rate !== null && comparison.rate > 0 ? "+" : ""}
              {formatPercent(comparison.rate)}
            </dd>
          </div>
        </dl>
        {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
        <table className="data" aria-label="各月实到外资" onClick={followLink}>
          <thead>
            <tr>
              <th>月份</th>
              <th className="num">实到外资（万美元）</th>
              <th className="num">累计（万美元）</th>
            </tr>
          </thead>
          <tbody>
            {months.map((row) => {
              const month = Number(row.month.slice(5));
              return (
                <tr key={row.month} aria-current={filters.month === month ? "true" : undefined}>
                  <th scope="row">
                    <a href={linkTo(filters, { month })}>{month}月</a>
                  </th>
                  <td className="num">{formatWan(row.usd)}</td>
                  <td className="num">{formatWan(row.cumulativeUsd)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">全年</th>
              <td className="num">{formatWan(yearTotalUsd)}</td>
              <td className="num">{formatWan(yearTotalUsd)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title">
          {filters.year}年{filters.month ? `${filters.month}月` : ""}到账记录
        </h2>
        <p className="list-summary">
          <ListTotal total={page.total} />
          <ExportLink to="/arrivals/export" />
        </p>
        {page.rows.length === 0 ? (
          <p className="muted">没有符合条件的到账记录</p>
        ) : (
          <>
            <SortChoices
              sort={filters.sort ?? DEFAULT_ARRIVAL_SORT}
              choices={[
                { name: "arrivedOn", label: "到账日期", firstDir: ARRIVAL_SORT_COLUMNS.arrivedOn },
                { name: "amount", label: "到账金额", firstDir: ARRIVAL_SORT_COLUMNS.amount },
              ]}
            />
            {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
            <table className="data cards" aria-label="到账记录" onClick={followLink}>
              <thead>
                <tr>
                  <SortHeader name="arrivedOn" label="到账日期" sort={filters.sort ?? DEFAULT_ARRIVAL_SORT} firstDir={ARRIVAL_SORT_COLUMNS.arrivedOn} />
                  <th>项目</th>
                  <th>外方国别</th>
                  <SortHeader
                    name="amount"
                    label="到账金额（万美元）"
                    sort={filters.sort ?? DEFAULT_ARRIVAL_SORT}
                    firstDir={ARRIVAL_SORT_COLUMNS.amount}
                    className="num"
                  />
                  <th>凭证说明</th>
                  <th>登记人</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr key={row.id}>
                    <td>{row.arrivedOn}</td>
                    <td data-label="项目">
                      <a href={`/projects/${row.projectId}`}>{row.projectName}</a>
                    </td>
                    <td data-label="外方国别">{regionLabel(row.country)}</td>
                    <td data-label="到账金额（万美元）" className="num">
                      {formatWan(row.amountUsd)}
                    </td>
                    <td data-label="凭证说明">{row.reference ?? ""}</td>
                    <td data-label="登记人">{row.createdByName ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <Pager page={page.page} hasNext={page.hasNext} total={page.total} pageSize={page.pageSize} />
      </section>
    </>
  );
}
