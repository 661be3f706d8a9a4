/**
 * The figures of DESIGN.md §4, computed in one place from the stage log, the projects' verified
 * signings, the FDI arrivals and the targets. The cockpit, the targets screen, the monthly report
 * and its exports all read them from here, so a number cannot differ between screen and Word.
 *
 * Rules: only verified signings count, each project once, at its signing date (the 发生日期 of its
 * first transition reaching 签约, kept in projects.signed_on); 合同外资 of 增资/利润再投资 projects is
 * the increment recorded on the project; soft-deleted projects count nowhere; 实到外资 comes only
 * from arrival records.
 */
import { sql, type SQL } from "drizzle-orm";
import { db, t } from "../db.server";
import { monthPeriod, type Period } from "../lib/dates";
import {
  BIG_PROJECT_USD,
  completionRate,
  samePeriodLastYear,
  TARGET_INDICATORS,
  timeProgress,
  yearOnYear,
  yearToDate,
  type TargetIndicator,
} from "./indicators";
import type { Breakdown } from "./breakdowns";
import { arrivalsIn, breakdownColumns, chainServed, liveProject, reachedBy, verifiedSigningIn } from "./measures.server";

/** Narrows every figure to one unit's projects (targets can be per unit). */
export interface FigureFilter {
  unitId?: number;
}

export type IndicatorValues = Record<TargetIndicator, number>;

function projectFilter(filter: FigureFilter): SQL {
  return filter.unitId === undefined ? sql`1 = 1` : sql`${t.projects.unitId} = ${filter.unitId}`;
}

/** Verified signings in the period, narrowed by the filter. */
function signedIn(period: Period, filter: FigureFilter): SQL {
  return sql`${verifiedSigningIn(period)} and ${projectFilter(filter)}`;
}

const NO_INDICATORS: IndicatorValues = {
  signed_projects: 0,
  contracted_fdi_usd: 0,
  total_investment_usd: 0,
  actual_fdi_usd: 0,
  big_projects: 0,
  fortune500_projects: 0,
};

/** The six target indicators for a period, per value of `groupBy` (a column of projects; 0 for none). */
function indicatorsGrouped(period: Period, filter: FigureFilter, groupBy?: SQL): Map<number, IndicatorValues> {
  // arrivals are read without their projects unless grouped or narrowed by a project's column
  const arrivalsFrom =
    groupBy === undefined && filter.unitId === undefined
      ? sql`${t.fdiArrivals} a`
      : sql`${t.fdiArrivals} a join ${t.projects} on ${t.projects.id} = a.project_id`;
  groupBy ??= sql`0`;
  const signed = db().all<{ key: number; projects: number; contracted: number; total: number; big: number; fortune500: number }>(sql`
    select ${groupBy} as key, count(*) as projects,
           coalesce(sum(${t.projects.contractedFdiUsd}), 0) as contracted,
           coalesce(sum(${t.projects.totalInvestmentUsd}), 0) as total,
           coalesce(sum(${t.projects.totalInvestmentUsd} >= ${BIG_PROJECT_USD}), 0) as big,
           coalesce(sum(${t.companies.isFortune500}), 0) as fortune500
    from ${t.projects} join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
    where ${signedIn(period, filter)}
    group by 1
  `);
  const arrived = db().all<{ key: number; usd: number }>(sql`
    select ${groupBy} as key, coalesce(sum(a.amount_usd), 0) as usd
    from ${arrivalsFrom}
    where ${arrivalsIn(period)} and ${projectFilter(filter)}
    group by 1
  `);
  const values = new Map<number, IndicatorValues>();
  const of = (key: number) => values.get(key) ?? values.set(key, { ...NO_INDICATORS }).get(key)!;
  for (const row of signed) {
    Object.assign(of(row.key), {
      signed_projects: row.projects,
      contracted_fdi_usd: row.contracted,
      total_investment_usd: row.total,
      big_projects: row.big,
      fortune500_projects: row.fortune500,
    });
  }
  for (const row of arrived) of(row.key).actual_fdi_usd = row.usd;
  return values;
}

/** The six target indicators for a period. */
export function getIndicators(period: Period, filter: FigureFilter = {}): IndicatorValues {
  return indicatorsGrouped(period, filter).get(0) ?? { ...NO_INDICATORS };
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0 */
  rate: number | null;
}

const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

/**
 * 开工率, 投产率 and 资金到位率 for the year of the period's end, as of that end:
 * - 开工率: of the projects signed in the year, the share that reached 开工 by then;
 * - 投产率: of the projects that reached 开工 in the year, the share that reached 投产 by then;
 * - 资金到位率: 实到外资 (arrivals up to then) ÷ 合同外资 of the projects signed in the year.
 * Stages from 签约 on count only for verified signings.
 */
export function getRates(period: Period, filter: FigureFilter = {}) {
  const year = yearToDate(period);
  const signed = db().get<{ projects: number; started: number; contracted: number; arrived: number }>(sql`
    select count(*) as projects,
           coalesce(sum(${reachedBy(["construction", "production"], year.to)}), 0) as started,
           coalesce(sum(${t.projects.contractedFdiUsd}), 0) as contracted,
           coalesce(sum((
             select sum(a.amount_usd) from ${t.fdiArrivals} a
             where a.project_id = ${t.projects.id} and a.deleted_at is null and a.arrived_on <= ${year.to}
           )), 0) as arrived
    from ${t.projects} where ${signedIn(year, filter)}
  `)!;
  // projects whose log first reaches 开工 (or jumps past it) within the year
  const started = db().get<{ projects: number; producing: number }>(sql`
    select count(*) as projects, coalesce(sum(${reachedBy(["production"], year.to)}), 0) as producing
    from (
      select project_id from ${t.stageChanges}
      where to_stage in ('construction', 'production') and occurred_on <= ${year.to}
      group by project_id
      having min(occurred_on) >= ${year.from}
    ) first_start
    join ${t.projects} on ${t.projects.id} = first_start.project_id
    where ${liveProject} and ${t.projects.signingVerifiedAt} is not null and ${projectFilter(filter)}
  `)!;
  return {
    startRate: rate(signed.started, signed.projects),
    productionRate: rate(started.producing, started.projects),
    fundingRate: rate(signed.arrived, signed.contracted),
  };
}

/** The annual targets of a year (county-wide, or one unit's). */
export function getTargets(year: number, filter: FigureFilter = {}): Partial<IndicatorValues> {
  const rows = db().all<{ indicator: TargetIndicator; value: number }>(sql`
    select indicator, value from ${t.targets}
    where year = ${year} and ${filter.unitId === undefined ? sql`unit_id is null` : sql`unit_id = ${filter.unitId}`}
  `);
  return Object.fromEntries(rows.map((row) => [row.indicator, row.value]));
}

export interface KpiCard {
  indicator: TargetIndicator;
  /** the indicator over the period itself */
  actual: number;
  /** from 1 January to the period's end: what 完成率 compares with the annual target */
  yearToDate: number;
  target: number | null;
  /** yearToDate ÷ target */
  completion: number | null;
  /** elapsed share of the year at the period's end */
  timeProgress: number;
  /** the period against the same period a year earlier */
  previous: number;
  yearOnYear: number | null;
}

/** KPI cards (DESIGN.md §4): each target indicator with its target, 完成率, 时序进度 and 同比. */
export function getKpiCards(period: Period, filter: FigureFilter = {}): KpiCard[] {
  const actual = getIndicators(period, filter);
  const ytd = period.from === yearToDate(period).from ? actual : getIndicators(yearToDate(period), filter);
  const previous = getIndicators(samePeriodLastYear(period), filter);
  return kpiCards(period, actual, ytd, previous, getTargets(Number(period.to.slice(0, 4)), filter));
}

/** The KPI cards of every unit, from one grouped read per period (getKpiCards narrowed to each unit). */
export function getKpiCardsByUnit(period: Period, unitIds: readonly number[]): Map<number, KpiCard[]> {
  const byUnit = sql`${t.projects.unitId}`;
  const actual = indicatorsGrouped(period, {}, byUnit);
  const ytd = period.from === yearToDate(period).from ? actual : indicatorsGrouped(yearToDate(period), {}, byUnit);
  const previous = indicatorsGrouped(samePeriodLastYear(period), {}, byUnit);
  const year = Number(period.to.slice(0, 4));
  const of = (values: Map<number, IndicatorValues>, unitId: number) => values.get(unitId) ?? NO_INDICATORS;
  return new Map(unitIds.map((unitId) => [unitId, kpiCards(period, of(actual, unitId), of(ytd, unitId), of(previous, unitId), getTargets(year, { unitId }))]));
}

function kpiCards(period: Period, actual: IndicatorValues, ytd: IndicatorValues, previous: IndicatorValues, targets: Partial<IndicatorValues>): KpiCard[] {
  const progress = timeProgress(period.to);
  return TARGET_INDICATORS.map((indicator) => ({
    indicator,
    actual: actual[indicator],
    yearToDate: ytd[indicator],
    target: targets[indicator] ?? null,
    completion: completionRate(ytd[indicator], targets[indicator]),
    timeProgress: progress,
    previous: previous[indicator],
    yearOnYear: yearOnYear(actual[indicator], previous[indicator]),
  }));
}

// ── breakdowns, trend and the big projects ────────────────────────────────

export interface BreakdownRow {
  /** the value the list filters by; null for 未填 */
  key: string | null;
  /** display name; for countries and project types the code (labelled by the caller) */
  name: string | null;
  projects: number;
  contractedFdiUsd: number;
  totalInvestmentUsd: number;
  actualFdiUsd: number;
}

/** Rows of the projects in `where`, one per breakdown value (for chains, each chain a project serves). */
function groupedProjects(by: Breakdown, select: SQL, where: SQL, extraFrom: SQL = sql``) {
  if (by === "chain") {
    // each (project, chain) pair once, however many links of the chain the project serves
    return db().all<{ key: number; name: string } & Record<string, number>>(sql`
      select chain.id as key, chain.name as name, ${select}
      from ${chainServed} served
      join ${t.projects} on ${t.projects.id} = served.project_id ${extraFrom}
      join ${t.chainNodes} chain on chain.id = served.chain_id
      where ${where}
      group by chain.id
    `);
  }
  const { key, name } = breakdownColumns(by);
  // only the country is read from the company
  const companies = by === "country" ? sql`join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}` : sql``;
  return db().all<{ key: string | number | null; name: string | null } & Record<string, number>>(sql`
    select ${key} as key, max(${name}) as name, ${select}
    from ${t.projects} ${companies} ${extraFrom}
    where ${where}
    group by ${key}
  `);
}

/**
 * Signings (with their 合同外资 and 总投资) and 实到外资 of a period by one breakdown. A project
 * serving two chains counts in each chain's row.
 */
export function getBreakdown(period: Period, by: Breakdown): BreakdownRow[] {
  const signed = groupedProjects(
    by,
    sql`count(distinct ${t.projects.id}) as projects, coalesce(sum(${t.projects.contractedFdiUsd}), 0) as contracted, coalesce(sum(${t.projects.totalInvestmentUsd}), 0) as total`,
    signedIn(period, {}),
  );
  const arrived = groupedProjects(
    by,
    sql`coalesce(sum(a.amount_usd), 0) as usd`,
    arrivalsIn(period),
    sql`join ${t.fdiArrivals} a on a.project_id = ${t.projects.id}`,
  );
  const rows = new Map<string, BreakdownRow>();
  const rowFor = (key: string | number | null, name: string | null) => {
    const id = key === null ? "" : String(key);
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { key: key === null ? null : String(key), name, projects: 0, contractedFdiUsd: 0, totalInvestmentUsd: 0, actualFdiUsd: 0 }));
    return row;
  };
  for (const r of signed) Object.assign(rowFor(r.key, r.name), { projects: r.projects, contractedFdiUsd: r.contracted, totalInvestmentUsd: r.total });
  for (const r of arrived) rowFor(r.key, r.name).actualFdiUsd = r.usd;
  return [...rows.values()].sort((a, b) => b.contractedFdiUsd - a.contractedFdiUsd || b.actualFdiUsd - a.actualFdiUsd || b.projects - a.projects);
}

export interface TrendMonth {
  /** YYYY-MM */
  month: string;
  signedProjects: number;
  contractedFdiUsd: number;
  actualFdiUsd: number;
}

function monthsEndingAt(lastMonth: string, count: number): string[] {
  const [y, m] = lastMonth.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
}

/** Signings, 合同外资 and 实到外资 per month for the `count` months ending with `lastMonth`. */
export function getMonthlyTrend(lastMonth: string, count = 12): TrendMonth[] {
  const months = monthsEndingAt(lastMonth, count);
  const from = `${months[0]}-01`;
  const { to } = monthPeriod(lastMonth);
  const signed = new Map(
    db()
      .all<{ month: string; projects: number; contracted: number }>(
        sql`
        select substr(${t.projects.signedOn}, 1, 7) as month, count(*) as projects, coalesce(sum(${t.projects.contractedFdiUsd}), 0) as contracted
        from ${t.projects} where ${signedIn({ from, to }, {})} group by 1
      `,
      )
      .map((row) => [row.month, row]),
  );
  const arrived = new Map(
    db()
      .all<{ month: string; usd: number }>(
        sql`
        select substr(a.arrived_on, 1, 7) as month, sum(a.amount_usd) as usd
        from ${t.fdiArrivals} a
        where ${arrivalsIn({ from, to })}
        group by 1
      `,
      )
      .map((row) => [row.month, row.usd]),
  );
  return months.map((month) => ({
    month,
    signedProjects: signed.get(month)?.projects ?? 0,
    contractedFdiUsd: signed.get(month)?.contracted ?? 0,
    actualFdiUsd: arrived.get(month) ?? 0,
  }));
}

/** 超亿美元 and 世界500强 projects signed (verified) in the period, biggest first. */
export function listBigSignings(period: Period, limit = 50) {
  return db().all<{
    id: number;
    name: string;
    companyName: string;
    country: string;
    isFortune500: number;
    totalInvestmentUsd: number;
    contractedFdiUsd: number | null;
    signedOn: string;
    stage: string;
  }>(sql`
    select ${t.projects.id} as id, ${t.projects.name} as name, ${t.companies.name} as companyName, ${t.companies.country} as country,
           ${t.companies.isFortune500} as isFortune500, ${t.projects.totalInvestmentUsd} as totalInvestmentUsd,
           ${t.projects.contractedFdiUsd} as contractedFdiUsd, ${t.projects.signedOn} as signedOn, ${t.projects.stage} as stage
    from ${t.projects} join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
    where ${signedIn(period, {})} and (${t.projects.totalInvestmentUsd} >= ${BIG_PROJECT_USD} or ${t.companies.isFortune500} = 1)
    order by ${t.projects.totalInvestmentUsd} desc, ${t.projects.id}
    limit ${limit}
  `);
}
