/**
 * Builds the frozen content of a month's report (DESIGN.md §7) from the figures module and the
 * records as they stood at the month's end. Called once per generated edition.
 */
import { sql, type SQL } from "drizzle-orm";
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from "../commitments/commitment-rules";
import { regionLabel } from "../companies/regions";
import { db, t } from "../db.server";
import { getIndicators, getMonthlyTrend, getRates, getTargets } from "../figures/figures.server";
import { getFunnel } from "../figures/funnel.server";
import { BIG_PROJECT_USD, completionRate, INDICATOR_LABELS, isMoneyIndicator, samePeriodLastYear, TARGET_INDICATORS, timeProgress, yearOnYear, yearToDate } from "../figures/indicators";
import { addDays, monthPeriod, type Period } from "../lib/dates";
import { STAGE_LABELS, STAGES, type Stage } from "../projects/stages";
import type { AppendixLine, ChainLine, CommitmentLine, CountryLine, ParkLine, ProjectLine, ReportSnapshot, StageLine } from "./report-snapshot";


/** Lists in the report body stay readable; the appendix is complete. */
const LIST_LIMIT = 50;

/** The stage a project stood at on `date` by its log (the latest change dated on or before it). */
function stageOn(date: string): SQL {
  return sql`(select sc.to_stage from ${t.stageChanges} sc where sc.project_id = ${t.projects.id} and sc.occurred_on <= ${date}
    order by sc.occurred_on desc, sc.id desc limit 1)`;
}

const pursued = sql`${t.projects.deletedAt} is null and ${t.projects.status} in ('active', 'on_hold')`;

function projectLines(where: SQL, date: SQL, order: SQL = sql`${t.projects.totalInvestmentUsd} desc`): ProjectLine[] {
  return db()
    .all<Omit<ProjectLine, "countryLabel" | "stageLabel"> & { country: string; stage: Stage }>(sql`
      select ${t.projects.id} as id, ${t.projects.name} as name, ${t.companies.name} as companyName, ${t.companies.country} as country,
             ${t.projects.totalInvestmentUsd} as totalInvestmentUsd, ${t.projects.contractedFdiUsd} as contractedFdiUsd,
             ${t.projects.stage} as stage, ${date} as date, ${t.users.displayName} as ownerName
      from ${t.projects}
      join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
      join ${t.users} on ${t.users.id} = ${t.projects.ownerId}
      where ${where}
      order by ${order}, ${t.projects.id}
      limit ${LIST_LIMIT}
    `)
    .map(({ country, stage, ...row }) => ({ ...row, countryLabel: regionLabel(country), stageLabel: STAGE_LABELS[stage] }));
}

/** Verified projects whose log first reaches one of `stages` within the period. */
function firstReachedIn(stages: readonly Stage[], period: Period): SQL {
  return sql`${t.projects.deletedAt} is null and ${t.projects.signingVerifiedAt} is not null and ${t.projects.id} in (
    select project_id from ${t.stageChanges} where to_stage in (${sql.join(stages.map((s) => sql`${s}`), sql`, `)})
    group by project_id having min(occurred_on) between ${period.from} and ${period.to}
  )`;
}

function firstReachedOn(stages: readonly Stage[]): SQL {
  return sql`(select min(occurred_on) from ${t.stageChanges} sc where sc.project_id = ${t.projects.id}
    and sc.to_stage in (${sql.join(stages.map((s) => sql`${s}`), sql`, `)}))`;
}

const verifiedSigning = (period: Period) =>
  sql`${t.projects.deletedAt} is null and ${t.projects.signingVerifiedAt} is not null and ${t.projects.signedOn} between ${period.from} and ${period.to}`;

function indicatorLines(period: Period) {
  const ytd = yearToDate(period);
  const month = getIndicators(period);
  const cumulative = getIndicators(ytd);
  const previous = getIndicators(samePeriodLastYear(ytd));
  const targets = getTargets(Number(period.to.slice(0, 4)));
  const progress = timeProgress(period.to);
  return TARGET_INDICATORS.map((indicator) => ({
    indicator,
    label: INDICATOR_LABELS[indicator],
    money: isMoneyIndicator(indicator),
    month: month[indicator],
    yearToDate: cumulative[indicator],
    target: targets[indicator] ?? null,
    completion: completionRate(cumulative[indicator], targets[indicator]),
    timeProgress: progress,
    yearOnYear: yearOnYear(cumulative[indicator], previous[indicator]),
  }));
}

/**
 * Pursued projects with the stage they stood at on `date`: their current stage, except for the few
 * whose log changed after that date, which are looked up in the log (absent if they entered later).
 */
function stagesOn(date: string) {
  const current = db().all<{ stage: Stage; projects: number; total: number }>(sql`
    select ${t.projects.stage} as stage, count(*) as projects, coalesce(sum(${t.projects.totalInvestmentUsd}), 0) as total
    from ${t.projects} where ${pursued} group by ${t.projects.stage}
  `);
  const changedSince = db().all<{ id: number; stage: Stage; stageThen: Stage | null; total: number }>(sql`
    select ${t.projects.id} as id, ${t.projects.stage} as stage, ${stageOn(date)} as stageThen, ${t.projects.totalInvestmentUsd} as total
    from ${t.projects}
    where ${pursued} and ${t.projects.id} in (select project_id from ${t.stageChanges} where occurred_on > ${date})
  `);
  const byStage = new Map(STAGES.map((stage) => [stage, { projects: 0, total: 0 }]));
  for (const row of current) Object.assign(byStage.get(row.stage)!, { projects: row.projects, total: row.total });
  for (const row of changedSince) {
    byStage.get(row.stage)!.projects -= 1;
    byStage.get(row.stage)!.total -= row.total;
    if (row.stageThen) {
      byStage.get(row.stageThen)!.projects += 1;
      byStage.get(row.stageThen)!.total += row.total;
    }
  }
  return { byStage, changedSince };
}

function stageChanges(period: Period) {
  const rows = db().all<{ projectId: number; projectName: string; fromStage: Stage | null; toStage: Stage; occurredOn: string }>(sql`
    select sc.project_id as projectId, ${t.projects.name} as projectName, sc.from_stage as fromStage, sc.to_stage as toStage, sc.occurred_on as occurredOn
    from ${t.stageChanges} sc join ${t.projects} on ${t.projects.id} = sc.project_id
    where ${t.projects.deletedAt} is null and sc.occurred_on between ${period.from} and ${period.to}
    order by sc.occurred_on, sc.id
    limit ${LIST_LIMIT}
  `);
  const total = db().get<{ n: number }>(sql`
    select count(*) as n from ${t.stageChanges} sc join ${t.projects} on ${t.projects.id} = sc.project_id
    where ${t.projects.deletedAt} is null and sc.occurred_on between ${period.from} and ${period.to}
  `)!.n;
  return {
    changes: rows.map((row) => ({
      projectId: row.projectId,
      projectName: row.projectName,
      fromLabel: row.fromStage ? STAGE_LABELS[row.fromStage] : null,
      toLabel: STAGE_LABELS[row.toStage],
      occurredOn: row.occurredOn,
    })),
    total,
  };
}

function chainLines(period: Period): ChainLine[] {
  const ytd = yearToDate(period);
  const chains = db().all<{ id: number; name: string; systemName: string; path: string }>(sql`
    select n.id, n.name, s.name as systemName, n.path from ${t.chainNodes} n join ${t.chainSystems} s on s.id = n.system_id
    where n.level = 'chain' and n.retired_at is null order by s.sort_order, s.id, n.path
  `);
  const served = db().all<{ chainId: number; projects: number; month: number; year: number }>(sql`
    select served.chain_id as chainId, count(*) as projects,
           coalesce(sum(${verifiedSigning(period)}), 0) as month, coalesce(sum(${verifiedSigning(ytd)}), 0) as year
    from (
      select distinct l.project_id, chain.id as chain_id
      from ${t.projectChainLinks} l join ${t.chainNodes} n on n.id = l.node_id
      join ${t.chainNodes} chain on chain.level = 'chain' and substr(n.path, 1, length(chain.path)) = chain.path
      where l.deleted_at is null
    ) served join ${t.projects} on ${t.projects.id} = served.project_id
    where ${pursued} or ${verifiedSigning(ytd)}
    group by served.chain_id
  `);
  const gaps = db().all<{ name: string; path: string; projects: number }>(sql`
    select n.name, n.path, (
      select count(*) from ${t.projectChainLinks} l join ${t.projects} on ${t.projects.id} = l.project_id
      where l.node_id = n.id and l.deleted_at is null and ${pursued}
    ) as projects
    from ${t.chainNodes} n where n.gap_status in ('gap', 'weak') and n.retired_at is null order by n.path
  `);
  const byChain = new Map(served.map((row) => [row.chainId, row]));
  return chains.map((chain) => {
    const chainGaps = gaps.filter((gap) => gap.path.startsWith(chain.path));
    const row = byChain.get(chain.id);
    return {
      nodeId: chain.id,
      name: `${chain.systemName} · ${chain.name}`,
      projects: row?.projects ?? 0,
      signingsMonth: row?.month ?? 0,
      signingsYear: row?.year ?? 0,
      gapsAddressed: chainGaps.filter((gap) => gap.projects > 0).length,
      gapsOpen: chainGaps.filter((gap) => gap.projects === 0).map((gap) => gap.name),
    };
  });
}

function countryLines(period: Period): CountryLine[] {
  const ytd = yearToDate(period);
  const rows = db().all<{ country: string; projects: number; signings: number; contracted: number }>(sql`
    select ${t.companies.country} as country, coalesce(sum(${pursued}), 0) as projects,
           coalesce(sum(${verifiedSigning(ytd)}), 0) as signings,
           coalesce(sum(case when ${verifiedSigning(ytd)} then ${t.projects.contractedFdiUsd} end), 0) as contracted
    from ${t.projects} join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
    where ${t.projects.deletedAt} is null
    group by ${t.companies.country}
  `);
  const arrived = new Map(
    db()
      .all<{ country: string; usd: number }>(sql`
        select ${t.companies.country} as country, sum(a.amount_usd) as usd
        from ${t.fdiArrivals} a join ${t.projects} on ${t.projects.id} = a.project_id join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
        where a.deleted_at is null and ${t.projects.deletedAt} is null and a.arrived_on between ${ytd.from} and ${ytd.to}
        group by ${t.companies.country}
      `)
      .map((row) => [row.country, row.usd]),
  );
  return rows
    .map((row) => ({
      label: regionLabel(row.country),
      projects: row.projects,
      signingsYear: row.signings,
      contractedFdiUsdYear: row.contracted,
      actualFdiUsdYear: arrived.get(row.country) ?? 0,
    }))
    .filter((row) => row.projects > 0 || row.signingsYear > 0 || row.actualFdiUsdYear > 0)
    .sort((a, b) => b.contractedFdiUsdYear - a.contractedFdiUsdYear || b.projects - a.projects);
}

function parkLines(period: Period): ParkLine[] {
  const ytd = yearToDate(period);
  const counts = new Map(
    db()
      .all<{ parkId: number; projects: number; signings: number; focus: number }>(sql`
        select ${t.projects.parkId} as parkId, coalesce(sum(${pursued}), 0) as projects, coalesce(sum(${verifiedSigning(ytd)}), 0) as signings,
          coalesce(sum(${pursued} and ${t.companies.country} in (select value from json_each(${t.parks.focusCountries}))), 0) as focus
        from ${t.projects}
        join ${t.parks} on ${t.parks.id} = ${t.projects.parkId}
        join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
        where ${t.projects.deletedAt} is null
        group by ${t.projects.parkId}
      `)
      .map((row) => [row.parkId, row]),
  );
  return db()
    .select({ id: t.parks.id, name: t.parks.name, kind: t.parks.kind })
    .from(t.parks)
    .where(sql`${t.parks.deletedAt} is null`)
    .orderBy(t.parks.sortOrder, t.parks.id)
    .all()
    .map((park) => {
      const row = counts.get(park.id);
      return { name: park.name, projects: row?.projects ?? 0, signingsYear: row?.signings ?? 0, focusProjects: park.kind === "country_park" ? (row?.focus ?? 0) : null };
    });
}

function commitmentLines(where: SQL, paidBy: string): CommitmentLine[] {
  return db()
    .all<Omit<CommitmentLine, "statusLabel"> & { status: string }>(sql`
      select c.id, ${t.projects.name} as projectName, c.item, c.amount_cny as amountCny, c.due_on as dueOn, c.status,
        coalesce((select sum(amount_cny) from ${t.payouts} po where po.commitment_id = c.id and po.deleted_at is null and po.paid_on <= ${paidBy}), 0) as paidCny
      from ${t.commitments} c join ${t.projects} on ${t.projects.id} = c.project_id
      where c.deleted_at is null and ${t.projects.deletedAt} is null and ${where}
      order by c.due_on, c.id
      limit ${LIST_LIMIT}
    `)
    .map(({ status, ...row }) => ({ ...row, statusLabel: COMMITMENT_STATUS_LABELS[status as CommitmentStatus] ?? status }));
}

function commitmentSummary(period: Period) {
  const made = db().get<{ n: number; cny: number }>(sql`
    select count(*) as n, coalesce(sum(amount_cny), 0) as cny from ${t.commitments}
    where deleted_at is null and committed_on between ${period.from} and ${period.to}
  `)!;
  const fulfilled = db().get<{ n: number; cny: number }>(sql`
    select count(*) as n, coalesce(sum(amount_cny), 0) as cny from ${t.commitments}
    where deleted_at is null and status = 'fulfilled' and fulfilled_on between ${period.from} and ${period.to}
  `)!;
  const next = monthPeriod(addDays(period.to, 1).slice(0, 7));
  const open = sql`c.status in ('committed', 'conditions_met')`;
  return {
    madeCount: made.n,
    madeCny: made.cny,
    fulfilledCount: fulfilled.n,
    fulfilledCny: fulfilled.cny,
    dueNextMonth: commitmentLines(sql`${open} and c.due_on between ${next.from} and ${next.to}`, period.to),
    overdue: commitmentLines(sql`${open} and c.due_on < ${period.to}`, period.to),
  };
}

/** 附表 在谈项目明细表: pursued projects standing at 洽谈 at the month's end, biggest first. */
function appendixLines(date: string, changedSince: ReadonlyArray<{ id: number; stage: Stage; stageThen: Stage | null }>): AppendixLine[] {
  const changed = JSON.stringify(changedSince.map((row) => row.id));
  const negotiatingThen = JSON.stringify(changedSince.filter((row) => row.stageThen === "negotiating").map((row) => row.id));
  return db()
    .all<{ name: string; total: number; contracted: number | null; country: string; owner: string; summary: string | null }>(sql`
      select ${t.projects.name} as name, ${t.projects.totalInvestmentUsd} as total, ${t.projects.contractedFdiUsd} as contracted,
             ${t.companies.country} as country, ${t.users.displayName} as owner,
             (select a.summary from ${t.activities} a where a.project_id = ${t.projects.id} and a.deleted_at is null and a.occurred_on <= ${date}
              order by a.occurred_on desc, a.id desc limit 1) as summary
      from ${t.projects}
      join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
      join ${t.users} on ${t.users.id} = ${t.projects.ownerId}
      where ${pursued} and (
        (${t.projects.stage} = 'negotiating' and ${t.projects.id} not in (select value from json_each(${changed})))
        or ${t.projects.id} in (select value from json_each(${negotiatingThen}))
      )
      order by ${t.projects.totalInvestmentUsd} desc, ${t.projects.id}
    `)
    .map((row) => ({
      name: row.name,
      totalInvestmentUsd: row.total,
      contractedFdiUsd: row.contracted,
      countryLabel: regionLabel(row.country),
      progress: row.summary ? `洽谈：${row.summary.length > 60 ? `${row.summary.slice(0, 60)}…` : row.summary}` : "洽谈",
      ownerName: row.owner,
    }));
}

export function buildReportSnapshot(month: string): ReportSnapshot {
  const period = monthPeriod(month);
  const ytd = yearToDate(period);
  const [year, monthNumber] = month.split("-").map(Number);
  const rates = getRates(period);
  const stages = stagesOn(period.to);
  const byStage: StageLine[] = STAGES.map((stage) => ({
    stageLabel: STAGE_LABELS[stage],
    projects: stages.byStage.get(stage)!.projects,
    totalInvestmentUsd: stages.byStage.get(stage)!.total,
  }));
  const changes = stageChanges(period);
  return {
    month,
    monthLabel: `${year}年${monthNumber}月`,
    cumulativeLabel: monthNumber === 1 ? "1月" : `1–${monthNumber}月`,
    period,
    indicators: indicatorLines(period),
    rates: [
      { label: "开工率", ...rates.startRate },
      { label: "投产率", ...rates.productionRate },
      { label: "资金到位率", ...rates.fundingRate },
    ],
    keyProjects: {
      signed: projectLines(verifiedSigning(period), sql`${t.projects.signedOn}`),
      started: projectLines(firstReachedIn(["construction", "production"], period), firstReachedOn(["construction", "production"])),
      producing: projectLines(firstReachedIn(["production"], period), firstReachedOn(["production"])),
      big: projectLines(sql`${verifiedSigning(ytd)} and ${t.projects.totalInvestmentUsd} >= ${BIG_PROJECT_USD}`, sql`${t.projects.signedOn}`),
      fortune500: projectLines(sql`${verifiedSigning(ytd)} and ${t.companies.isFortune500} = 1`, sql`${t.projects.signedOn}`),
    },
    pipeline: { byStage, changes: changes.changes, changesTotal: changes.total },
    chains: chainLines(period),
    countries: countryLines(period),
    parks: parkLines(period),
    commitments: commitmentSummary(period),
    appendix: appendixLines(period.to, stages.changedSince),
    charts: { funnel: getFunnel(ytd), trend: getMonthlyTrend(month) },
  };
}
