import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { listOverdueCommitments, summarizeOverdueCommitments } from "../commitments/commitments.server";
import { DueCommitmentsTable } from "../commitments/due-commitments";
import { regionLabel } from "../companies/regions";
import { Chart } from "../figures/chart";
import { getCockpit } from "../figures/cockpit.server";
import { figureFilterParams, type FigureListFilter } from "../figures/figure-filters";
import { BREAKDOWN_LABELS, BREAKDOWN_LIST_PARAMS, BREAKDOWNS, type Breakdown } from "../figures/breakdowns";
import type { KpiCard } from "../figures/figures.server";
import { formatIndicatorValue, formatPercent, indicatorName, isBehindSchedule } from "../figures/indicators";
import { RatesList } from "../figures/rates-list";
import { addDays, isValidDate, monthPeriod, today, yearPeriod, type Period } from "../lib/dates";
import { formatAmount, formatWan } from "../lib/money";
import { enumParam } from "../lib/params";
import { PROJECT_TYPE_LABELS, STAGE_LABELS, type ProjectType, type Stage } from "../projects/stages";

export const meta: MetaFunction = () => [{ title: "领导驾驶舱 · 招商引资管理系统" }];

/** The period from the URL: `from`/`to` dates, or a `year`; default this year to date. */
function periodFrom(params: URLSearchParams): Period {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  if (isValidDate(from) && isValidDate(to) && from <= to) return { from, to };
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) return yearPeriod(year);
  const day = today();
  return { from: `${day.slice(0, 4)}-01-01`, to: day };
}

/** The usual periods a leader asks for, as links. */
function quickPeriods(day: string): { label: string; period: Period }[] {
  const month = monthPeriod(day.slice(0, 7));
  const lastMonth = monthPeriod(addDays(month.from, -1).slice(0, 7));
  const year = Number(day.slice(0, 4));
  return [
    { label: "本月", period: month },
    { label: "上月", period: lastMonth },
    { label: "本年累计", period: { from: `${year}-01-01`, to: day } },
    { label: "本年", period: yearPeriod(year) },
    { label: "去年", period: yearPeriod(year - 1) },
  ];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:cockpit");
  const params = new URL(request.url).searchParams;
  const by = enumParam(params, "by", BREAKDOWNS) ?? "country";
  return json({
    ...getCockpit(periodFrom(params), by),
    quick: quickPeriods(today()),
    overdue: { rows: listOverdueCommitments(user, 10), ...summarizeOverdueCommitments(user) },
  });
}

const periodQuery = (period: Period) => `from=${period.from}&to=${period.to}`;
const listOf = (filter: FigureListFilter, extra?: Record<string, string>) => {
  const params = figureFilterParams(filter);
  for (const [key, value] of Object.entries(extra ?? {})) params.set(key, value);
  return `/projects?${params}`;
};

function formatValue(card: KpiCard, value: number | null): string {
  return formatIndicatorValue(card.indicator, value);
}

function kpiLink(card: KpiCard, period: Period): string {
  if (card.indicator === "actual_fdi_usd") return `/arrivals?year=${period.to.slice(0, 4)}`;
  return listOf({ signed: period, big: card.indicator === "big_projects" || undefined, fortune500: card.indicator === "fortune500_projects" || undefined });
}

function breakdownName(by: Breakdown, row: { key: string | null; name: string | null }): string {
  if (row.key === null) return "未填";
  if (by === "country") return regionLabel(row.key);
  if (by === "projectType") return PROJECT_TYPE_LABELS[row.key as ProjectType] ?? row.key;
  return row.name ?? row.key;
}

export default function Cockpit() {
  const { period, quick, kpis, rates, funnel, funnelSvg, funnelPhoneSvg, breakdown, trend, trendSvg, trendPhoneSvg, bigSignings, overdue } = useLoaderData<typeof loader>();
  const signedList = (extra?: Record<string, string>) => listOf({ signed: period }, extra);
  return (
    <>
      <div className="page-head">
        <h1>领导驾驶舱</h1>
        <nav aria-label="相关台账" className="form-actions" style={{ marginTop: 0 }}>
          <Link to="/targets" className="button secondary">
            年度目标
          </Link>
          <Link to="/arrivals" className="button secondary">
            实到外资
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
        <input type="hidden" name="by" value={breakdown.by} />
        <button type="submit" className="primary">
          查询
        </button>
        <span className="quick-periods">
          {quick.map((q) => (
            <Link key={q.label} to={`/cockpit?${periodQuery(q.period)}&by=${breakdown.by}`} aria-current={q.period.from === period.from && q.period.to === period.to ? "true" : undefined}>
              {q.label}
            </Link>
          ))}
        </span>
      </Form>

      <section aria-labelledby="kpi-title">
        <h2 id="kpi-title" className="sr-only">
          主要指标
        </h2>
        <div className="kpi-grid">
          {kpis.map((card) => (
            <article key={card.indicator} className="card kpi" aria-label={indicatorName(card.indicator)}>
              <h3>{indicatorName(card.indicator)}</h3>
              <p className="kpi-value">
                <Link to={kpiLink(card, period)}>{formatValue(card, card.actual)}</Link>
              </p>
              <dl>
                <div>
                  <dt>1月至期末累计</dt>
                  <dd>{formatValue(card, card.yearToDate)}</dd>
                </div>
                <div>
                  <dt>年度目标</dt>
                  <dd>{formatValue(card, card.target)}</dd>
                </div>
                <div>
                  <dt>完成率</dt>
                  <dd>
                    {formatPercent(card.completion)}
                    {isBehindSchedule(card) ? "（落后于时序）" : ""}
                  </dd>
                </div>
                <div>
                  <dt>时序进度</dt>
                  <dd>{formatPercent(card.timeProgress)}</dd>
                </div>
                <div>
                  <dt>同比</dt>
                  <dd>
                    {card.yearOnYear === null ? "—" : `${card.yearOnYear >= 0 ? "增长" : "下降"} ${formatPercent(Math.abs(card.yearOnYear))}`}（去年同期 {formatValue(card, card.previous)}）
                  </dd>
                </div>
              </dl>
            </article>
          ))}
        </div>
        <div className="card">
          <RatesList rates={rates} />
          <p className="muted">开工率、投产率、资金到位率按截止日期所在年度计算。只计已甄别的签约，每个项目在其签约日期计一次。</p>
        </div>
      </section>

      <section className="card" aria-labelledby="funnel-title">
        <h2 id="funnel-title">
          招商漏斗（{period.from} 至 {period.to} 新增线索）
        </h2>
        <p className="muted">
          统计期内登记为线索的项目，截至期末达到各阶段（或更后阶段）的数量；签约及以后阶段仅计已甄别的签约。流失、放弃的项目按其到达的最远阶段计入。
        </p>
        <Chart label="招商漏斗图" wide={funnelSvg} phone={funnelPhoneSvg} />
        <table className="data" aria-label="招商漏斗">
          <thead>
            <tr>
              <th>阶段</th>
              <th className="num">项目数</th>
              <th className="num">总投资（万美元）</th>
              <th className="num">阶段转化率</th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((row) => (
              <tr key={row.stage}>
                <th scope="row">{STAGE_LABELS[row.stage as Stage]}</th>
                <td className="num">
                  {row.projects > 0 ? <Link to={listOf({ cohort: period, reached: row.stage as Stage })}>{row.projects}</Link> : "0"}
                </td>
                <td className="num">{formatWan(row.totalInvestmentUsd)}</td>
                <td className="num">{formatPercent(row.conversion)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">分类统计（{BREAKDOWN_LABELS[breakdown.by]}）</h2>
        <nav aria-label="分类维度" className="tabs">
          {BREAKDOWNS.map((by) => (
            <Link key={by} to={`/cockpit?${periodQuery(period)}&by=${by}`} aria-current={by === breakdown.by ? "page" : undefined}>
              {BREAKDOWN_LABELS[by]}
            </Link>
          ))}
        </nav>
        {breakdown.rows.length === 0 ? (
          <p className="muted">统计期内没有签约或到账</p>
        ) : (
          <table className="data cards" aria-label={`按${BREAKDOWN_LABELS[breakdown.by]}统计`}>
            <thead>
              <tr>
                <th>{BREAKDOWN_LABELS[breakdown.by]}</th>
                <th className="num">新签约项目数</th>
                <th className="num">合同外资（万美元）</th>
                <th className="num">总投资（万美元）</th>
                <th className="num">实到外资（万美元）</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.rows.map((row) => (
                <tr key={row.key ?? "none"}>
                  <th scope="row">{breakdownName(breakdown.by, row)}</th>
                  <td className="num" data-label="新签约项目数">
                    {row.projects > 0 && row.key !== null ? <Link to={signedList({ [BREAKDOWN_LIST_PARAMS[breakdown.by]]: row.key })}>{row.projects}</Link> : row.projects}
                  </td>
                  <td className="num" data-label="合同外资（万美元）">{formatWan(row.contractedFdiUsd)}</td>
                  <td className="num" data-label="总投资（万美元）">{formatWan(row.totalInvestmentUsd)}</td>
                  <td className="num" data-label="实到外资（万美元）">{formatWan(row.actualFdiUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {breakdown.by === "chain" ? <p className="muted">服务多条产业链的项目在每条链中各计一次。</p> : null}
      </section>

      <section className="card" aria-labelledby="trend-title">
        <h2 id="trend-title">近12个月趋势</h2>
        <Chart label="近12个月新签约项目数、合同外资和实到外资" wide={trendSvg} phone={trendPhoneSvg} />
        <details>
          <summary>数据表</summary>
          <table className="data" aria-label="近12个月趋势">
            <thead>
              <tr>
                <th>月份</th>
                <th className="num">新签约项目数</th>
                <th className="num">合同外资（万美元）</th>
                <th className="num">实到外资（万美元）</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{month.month}</th>
                  <td className="num">{month.signedProjects}</td>
                  <td className="num">{formatWan(month.contractedFdiUsd)}</td>
                  <td className="num">{formatWan(month.actualFdiUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section className="card" aria-labelledby="big-title">
        <h2 id="big-title">超亿美元及世界500强项目（统计期内签约）</h2>
        {bigSignings.length === 0 ? (
          <p className="muted">统计期内没有超亿美元或世界500强项目签约</p>
        ) : (
          <table className="data cards" aria-label="超亿美元及世界500强项目">
            <thead>
              <tr>
                <th>项目名称</th>
                <th>投资方企业</th>
                <th>国别/地区</th>
                <th className="num">总投资（万美元）</th>
                <th className="num">合同外资（万美元）</th>
                <th>签约日期</th>
                <th>当前阶段</th>
              </tr>
            </thead>
            <tbody>
              {bigSignings.map((project) => (
                <tr key={project.id}>
                  <td>
                    <Link to={`/projects/${project.id}`}>{project.name}</Link>
                  </td>
                  <td data-label="投资方企业" className="card-sub">
                    {project.companyName}
                    {project.isFortune500 ? <span className="badge"> 世界500强</span> : null}
                  </td>
                  <td data-label="国别/地区">{regionLabel(project.country)}</td>
                  <td data-label="总投资（万美元）" className="num">{formatWan(project.totalInvestmentUsd)}</td>
                  <td data-label="合同外资（万美元）" className="num">{formatWan(project.contractedFdiUsd)}</td>
                  <td data-label="签约日期">{project.signedOn}</td>
                  <td data-label="当前阶段">{STAGE_LABELS[project.stage as Stage]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">逾期未兑现的政策承诺</h2>
        {overdue.count === 0 ? (
          <p className="muted">没有逾期未兑现的承诺</p>
        ) : (
          <>
            <p>
              共 <Link to="/commitments?window=overdue">{overdue.count} 项</Link>，未兑现 {formatAmount(overdue.outstandingCny, "元")}。
            </p>
            <DueCommitmentsTable label="逾期未兑现的政策承诺" rows={overdue.rows} />
          </>
        )}
      </section>
    </>
  );
}
