import type { LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission, type SessionUser } from "../auth/session.server";
import { listOverdueCommitments, summarizeOverdueCommitments } from "../commitments/commitments.server";
import { dueCommitmentFor, DueCommitmentsTable } from "../commitments/due-commitments";
import { regionLabel } from "../companies/regions";
import { Chart } from "../figures/chart";
import { getCockpit } from "../figures/cockpit.server";
import { figureFilterParams, type FigureListFilter, type SnapshotFilterRow } from "../figures/figure-filters";
import { BREAKDOWN_LABELS, BREAKDOWN_LIST_PARAMS, BREAKDOWNS, type Breakdown } from "../figures/breakdowns";
import { cachedFigures } from "../figures/figure-cache.server";
import type { KpiCard } from "../figures/figures.server";
import { formatIndicatorValue, formatPercent, indicatorName, isBehindSchedule } from "../figures/indicators";
import { RatesList } from "../figures/rates-list";
import { UnitTargetsTable } from "../figures/unit-targets-table";
import { addDays, isValidDate, monthPeriod, today, yearPeriod, type Period } from "../lib/dates";
import { formatAmount, formatWan } from "../lib/money";
import { enumParam } from "../lib/params";
import { STAGE_LABELS, STAGES, type Stage } from "../projects/stages";
import { useClientLinks } from "../ui/client-links";
import { StagePipelineTable } from "../ui/project-bits";

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
  const period = periodFrom(params);
  const day = today();
  // the answer serialized once until the next write (figure-cache.server.ts): its ~110 KB of JSON,
  // two charts drawn twice each, would otherwise be stringified and encoded on every view
  const key = `cockpit-page:${day}:${user.id}:${user.role}:${user.unitId}:${period.from}:${period.to}:${by}`;
  const body = cachedFigures(key, () => Buffer.from(JSON.stringify(cockpitPage(user, period, by, day))));
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } }) as TypedResponse<ReturnType<typeof cockpitPage>>;
}

function cockpitPage(user: SessionUser, period: Period, by: Breakdown, day: string) {
  const { breakdown, ...cockpit } = getCockpit(period, by);
  return {
    ...cockpit,
    // the funnel breakdown's cells show counts only
    breakdown: {
      ...breakdown,
      funnel: {
        ...breakdown.funnel,
        rows: breakdown.funnel.rows.map((row) => ({ ...row, funnel: row.funnel.map(({ stage, projects }) => ({ stage, projects })) })),
      },
    },
    quick: quickPeriods(day),
    overdue: { rows: listOverdueCommitments(user, 10).map(dueCommitmentFor), ...summarizeOverdueCommitments(user) },
  };
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

/** "共 N 项，列出前 M 项" under a table cut to its first rows; nothing when it shows them all. */
function CutNote({ total, shown }: { total: number; shown: number }) {
  return total > shown ? (
    <p className="muted">
      共 {total} 项，列出前 {shown} 项。
    </p>
  ) : null;
}

/**
 * A count that opens the list of the projects it counts (a 0 or a 未填 value opens nothing). A plain
 * anchor: the breakdown tables hold hundreds (decision 0008); its section follows it in the app.
 */
function CountLink({ count, to }: { count: number; to: string | null }) {
  return count > 0 && to ? <a href={to}>{count}</a> : <>{count}</>;
}

export default function Cockpit() {
  const {
    period,
    quick,
    kpis,
    rates,
    funnel,
    funnelSvg,
    funnelPhoneSvg,
    snapshot,
    breakdown,
    trend,
    trendSvg,
    trendPhoneSvg,
    bigSignings,
    unitTargets,
    overdue,
  } = useLoaderData<typeof loader>();
  const by = breakdown.by;
  const byLabel = BREAKDOWN_LABELS[by];
  /** the drill-down of a figure narrowed to one value of the breakdown (none for 未填) */
  const breakdownList = (filter: FigureListFilter, key: string | null) => (key === null ? null : listOf(filter, { [BREAKDOWN_LIST_PARAMS[by]]: key }));
  const snapshotList = (row: SnapshotFilterRow) => listOf({ snapshot: { at: snapshot.at, row } });
  const followLink = useClientLinks();
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
            <Link
              key={q.label}
              to={`/cockpit?${periodQuery(q.period)}&by=${breakdown.by}`}
              aria-current={q.period.from === period.from && q.period.to === period.to ? "true" : undefined}
            >
              {q.label}
            </Link>
          ))}
        </span>
      </Form>

      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
      <section aria-labelledby="kpi-title" onClick={followLink}>
        <h2 id="kpi-title" className="sr-only">
          主要指标
        </h2>
        <div className="kpi-grid">
          {kpis.map((card) => (
            <article key={card.indicator} className="card kpi" aria-label={indicatorName(card.indicator)}>
              <h3>{indicatorName(card.indicator)}</h3>
              <p className="kpi-value">
                <a href={kpiLink(card, period)}>{formatValue(card, card.actual)}</a>
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
                    {card.yearOnYear === null ? "—" : `${card.yearOnYear >= 0 ? "增长" : "下降"} ${formatPercent(Math.abs(card.yearOnYear))}`}（去年同期{" "}
                    {formatValue(card, card.previous)}）
                  </dd>
                </div>
              </dl>
            </article>
          ))}
        </div>
        <p className="muted caption">新签约按签约日期统计已甄别项目，在签约日期所在期间计一次；漏斗按本期新增线索统计（队列口径），两者口径不同。</p>
        <div className="card">
          <RatesList rates={rates} />
          <p className="muted">开工率、投产率、资金到位率按截止日期所在年度计算。只计已甄别的签约，每个项目在其签约日期计一次。</p>
        </div>
      </section>

      <section className="card" aria-labelledby="unit-targets-title">
        <h2 id="unit-targets-title">各单位目标完成情况（截至 {period.to}）</h2>
        <UnitTargetsTable units={unitTargets} year={Number(period.to.slice(0, 4))} to={period.to} />
      </section>

      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
      <section className="card" aria-labelledby="funnel-title" onClick={followLink}>
        <h2 id="funnel-title">
          招商漏斗（{period.from} 至 {period.to} 新增线索）
        </h2>
        <p className="muted">
          统计期内登记为线索的项目，截至期末达到各阶段（或更后阶段）的数量；签约及以后阶段仅计已甄别的签约。流失、放弃的项目按其到达的最远阶段计入。
        </p>
        <p className="muted caption">漏斗按本期新增线索统计（队列口径）；新签约按签约日期统计已甄别项目。</p>
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
                <td className="num">{row.projects > 0 ? <a href={listOf({ cohort: period, reached: row.stage as Stage })}>{row.projects}</a> : "0"}</td>
                <td className="num">{formatWan(row.totalInvestmentUsd)}</td>
                <td className="num">{formatPercent(row.conversion)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
      <section className="card" aria-labelledby="pipeline-title" onClick={followLink}>
        <h2 id="pipeline-title">项目储备（截至 {snapshot.at}）</h2>
        <p className="muted caption">储备为期末时点状态：截至 {snapshot.at} 处于进行中或暂缓的项目按其当日阶段统计，不限于本期新增线索。</p>
        <p className="muted caption">签约按签约日期计入，甄别通过后计数；期末尚未甄别的签约列入 签约（待甄别）。</p>
        <StagePipelineTable label="项目储备" rows={snapshot.lines} listOf={snapshotList} />
        <p>
          其中在谈项目（接洽、洽谈）
          <CountLink count={snapshot.negotiating.projects} to={snapshotList("negotiating_all")} /> 个，总投资{" "}
          {formatAmount(snapshot.negotiating.totalInvestmentUsd, "美元")}。
        </p>
      </section>

      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
      <section className="card" aria-labelledby="breakdown-title" onClick={followLink}>
        <h2 id="breakdown-title">分类统计（{byLabel}）</h2>
        <nav aria-label="分类维度" className="tabs">
          {BREAKDOWNS.map((value) => (
            <Link key={value} to={`/cockpit?${periodQuery(period)}&by=${value}`} aria-current={value === by ? "page" : undefined}>
              {BREAKDOWN_LABELS[value]}
            </Link>
          ))}
        </nav>
        {by === "chain" ? <p className="muted caption">服务多条产业链的项目在每条链中各计一次；未关联产业链的项目不在此列。</p> : null}

        <h3 id="breakdown-signed-title">
          新签约与实到外资（{period.from} 至 {period.to}）
        </h3>
        <p className="muted caption">新签约按签约日期统计已甄别项目；实到外资按到账日期统计。</p>
        {breakdown.signings.total === 0 ? (
          <p className="muted">统计期内没有签约或到账</p>
        ) : (
          <div className="table-wrap">
            <table className="data cards" aria-label={`按${byLabel}统计`}>
              <thead>
                <tr>
                  <th>{byLabel}</th>
                  <th className="num">新签约项目数</th>
                  <th className="num">合同外资（万美元）</th>
                  <th className="num">总投资（万美元）</th>
                  <th className="num">实到外资（万美元）</th>
                </tr>
              </thead>
              <tbody>
                {breakdown.signings.rows.map((row) => (
                  <tr key={row.key ?? "none"}>
                    <th scope="row">{row.label}</th>
                    <td className="num" data-label="新签约项目数">
                      <CountLink count={row.projects} to={breakdownList({ signed: period }, row.key)} />
                    </td>
                    <td className="num" data-label="合同外资（万美元）">
                      {formatWan(row.contractedFdiUsd)}
                    </td>
                    <td className="num" data-label="总投资（万美元）">
                      {formatWan(row.totalInvestmentUsd)}
                    </td>
                    <td className="num" data-label="实到外资（万美元）">
                      {formatWan(row.actualFdiUsd)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CutNote total={breakdown.signings.total} shown={breakdown.signings.rows.length} />

        <h3 id="breakdown-funnel-title">招商漏斗分组（本期新增线索）</h3>
        <p className="muted caption">漏斗按本期新增线索统计（队列口径）：各阶段为截至 {period.to} 达到该阶段或更后阶段的项目数。</p>
        {breakdown.funnel.total === 0 ? (
          <p className="muted">统计期内没有新增线索</p>
        ) : (
          <div className="table-wrap">
            <table className="data cards" aria-label={`漏斗分组（${byLabel}）`}>
              <thead>
                <tr>
                  <th>{byLabel}</th>
                  {STAGES.map((stage) => (
                    <th key={stage} className="num">
                      {STAGE_LABELS[stage]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {breakdown.funnel.rows.map((row) => (
                  <tr key={row.key ?? "none"}>
                    <th scope="row">{row.label}</th>
                    {row.funnel.map((step) => (
                      <td key={step.stage} className="num" data-label={STAGE_LABELS[step.stage as Stage]}>
                        <CountLink count={step.projects} to={breakdownList({ cohort: period, reached: step.stage as Stage }, row.key)} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CutNote total={breakdown.funnel.total} shown={breakdown.funnel.rows.length} />

        <h3 id="breakdown-pipeline-title">项目储备分组（截至 {breakdown.at}）</h3>
        <p className="muted caption">储备为期末时点状态；各格为项目数及其总投资（万美元）。</p>
        {breakdown.snapshot.total === 0 ? (
          <p className="muted">期末没有储备项目</p>
        ) : (
          <div className="table-wrap">
            <table className="data cards" aria-label={`储备分组（${byLabel}）`}>
              <thead>
                <tr>
                  <th>{byLabel}</th>
                  {breakdown.snapshot.rows[0].lines.map((line) => (
                    <th key={line.row} className="num">
                      {line.label}
                    </th>
                  ))}
                  <th className="num">合计</th>
                </tr>
              </thead>
              <tbody>
                {breakdown.snapshot.rows.map((row) => (
                  <tr key={row.key ?? "none"}>
                    <th scope="row">{row.label}</th>
                    {row.lines.map((line) => (
                      <td key={line.row} className="num" data-label={line.label}>
                        <CountLink count={line.projects} to={breakdownList({ snapshot: { at: breakdown.at, row: line.row } }, row.key)} />
                        {line.projects > 0 ? <span className="cell-amount">{formatWan(line.totalInvestmentUsd)}</span> : null}
                      </td>
                    ))}
                    <td className="num" data-label="合计">
                      {row.projects}
                      <span className="cell-amount">{formatWan(row.totalInvestmentUsd)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CutNote total={breakdown.snapshot.total} shown={breakdown.snapshot.rows.length} />
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

      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
      <section className="card" aria-labelledby="big-title" onClick={followLink}>
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
                    <a href={`/projects/${project.id}`}>{project.name}</a>
                  </td>
                  <td data-label="投资方企业" className="card-sub">
                    {project.companyName}
                    {project.isFortune500 ? <span className="badge"> 世界500强</span> : null}
                  </td>
                  <td data-label="国别/地区">{regionLabel(project.country)}</td>
                  <td data-label="总投资（万美元）" className="num">
                    {formatWan(project.totalInvestmentUsd)}
                  </td>
                  <td data-label="合同外资（万美元）" className="num">
                    {formatWan(project.contractedFdiUsd)}
                  </td>
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
