/**
 * Builds the frozen content of a month's report (DESIGN.md §7) from the figures module's vocabulary
 * (app/figures/measures.server.ts): period figures from the logs, and every snapshot — 储备, 在谈 by
 * country, chain and park, the 附表, 下月到期 and 逾期 — as of the month's end, so a report
 * regenerated months later for an old month gives the same numbers. Lists hold every row; the
 * screen and Word show the first ones and say how many there are.
 */
import { sql, type SQL } from "drizzle-orm";
import { COMMITMENT_STATUS_LABELS, PAYABLE_STATUSES, type CommitmentStatus } from "../commitments/commitment-rules";
import { regionLabel } from "../companies/regions";
import { db, t } from "../db.server";
import { getIndicators, getMonthlyTrend, getRates, getTargets } from "../figures/figures.server";
import { getFunnel } from "../figures/funnel.server";
import {
  BIG_PROJECT_USD,
  completionRate,
  INDICATOR_LABELS,
  isMoneyIndicator,
  samePeriodLastYear,
  TARGET_INDICATORS,
  timeProgress,
  yearOnYear,
  yearToDate,
} from "../figures/indicators";
import {
  arrivalsIn,
  commitmentFulfilledIn,
  commitmentMadeIn,
  firstReachedIn,
  firstReachedOn,
  liveProject,
  openCommitmentAt,
  overdueCommitmentAt,
  paidBy,
  verifiedSigningIn,
} from "../figures/measures.server";
import { chainsServed, groupSnapshot, isNegotiating, pipelineLines, snapshotProjectsAt, type SnapshotProject } from "../figures/snapshot.server";
import { addDays, monthPeriod, type Period } from "../lib/dates";
import { STAGE_LABELS, type Stage } from "../projects/stages";
import type { AppendixLine, ChainLine, CommitmentLine, CountryLine, ParkLine, ProjectLine, ReportSnapshot } from "./report-snapshot";

function projectLines(where: SQL, date: SQL, order: SQL = sql`${t.projects.totalInvestmentUsd} desc`): ProjectLine[] {
  return db()
    .all<Omit<ProjectLine, "countryLabel" | "stageLabel"> & { country: string; stage: Stage }>(
      sql`
      select ${t.projects.id} as id, ${t.projects.name} as name, ${t.companies.name} as companyName, ${t.companies.country} as country,
             ${t.projects.totalInvestmentUsd} as totalInvestmentUsd, ${t.projects.contractedFdiUsd} as contractedFdiUsd,
             ${t.projects.stage} as stage, ${date} as date, ${t.users.displayName} as ownerName
      from ${t.projects}
      join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
      join ${t.users} on ${t.users.id} = ${t.projects.ownerId}
      where ${where}
      order by ${order}, ${t.projects.id}
    `,
    )
    .map(({ country, stage, ...row }) => ({ ...row, countryLabel: regionLabel(country), stageLabel: STAGE_LABELS[stage] }));
}

const STARTED: Stage[] = ["construction", "production"];

/** 1–N月 against the same months a year earlier (the one 同比 basis). */
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

/** Stage changes dated in the period, on live projects. */
function stageChanges(period: Period) {
  const rows = db().all<{ projectId: number; projectName: string; fromStage: Stage | null; toStage: Stage; occurredOn: string }>(sql`
    select sc.project_id as projectId, ${t.projects.name} as projectName, sc.from_stage as fromStage, sc.to_stage as toStage, sc.occurred_on as occurredOn
    from ${t.stageChanges} sc join ${t.projects} on ${t.projects.id} = sc.project_id
    where ${liveProject} and sc.occurred_on between ${period.from} and ${period.to}
    order by sc.occurred_on, sc.id
  `);
  return rows.map((row) => ({
    projectId: row.projectId,
    projectName: row.projectName,
    fromLabel: row.fromStage ? STAGE_LABELS[row.fromStage] : null,
    toLabel: STAGE_LABELS[row.toStage],
    occurredOn: row.occurredOn,
  }));
}

interface YearSigning {
  id: number;
  signedOn: string;
  contracted: number;
  country: string;
  parkId: number | null;
}

/** The verified signings of the year to the month's end, read once for the chain, country and park sections. */
function yearSignings(period: Period): YearSigning[] {
  return db().all<YearSigning>(sql`
    select ${t.projects.id} as id, ${t.projects.signedOn} as signedOn, ${t.projects.contractedFdiUsd} as contracted,
           ${t.companies.country} as country, ${t.projects.parkId} as parkId
    from ${t.projects} join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
    where ${verifiedSigningIn(yearToDate(period))}
  `);
}

/** 四、产业链招商: per chain, 在谈 at the month's end, signings of the month and year, gaps. */
function chainLines(
  period: Period,
  snapshot: readonly SnapshotProject[],
  negotiatingProjects: readonly SnapshotProject[],
  signings: readonly YearSigning[],
  chains: ReadonlyMap<number, readonly number[]>,
): ChainLine[] {
  const chainNodes = db().all<{ id: number; name: string; systemName: string; path: string }>(sql`
    select n.id, n.name, s.name as systemName, n.path from ${t.chainNodes} n join ${t.chainSystems} s on s.id = n.system_id
    where n.level = 'chain' and n.retired_at is null order by s.sort_order, s.id, n.path
  `);
  const negotiating = groupSnapshot(negotiatingProjects, "chain", chains);
  const signedByChain = new Map<number, { month: number; year: number }>();
  for (const signing of signings) {
    for (const chainId of chains.get(signing.id) ?? []) {
      const counts = signedByChain.get(chainId) ?? { month: 0, year: 0 };
      counts.year += 1;
      if (signing.signedOn >= period.from) counts.month += 1;
      signedByChain.set(chainId, counts);
    }
  }
  // 空白/薄弱 links and whether a project of the 储备 at the month's end serves them
  const inSnapshot = new Set(snapshot.map((project) => project.id));
  const gapLinks = db().all<{ nodeId: number; name: string; path: string; projectId: number | null }>(sql`
    select n.id as nodeId, n.name, n.path, l.project_id as projectId
    from ${t.chainNodes} n left join ${t.projectChainLinks} l on l.node_id = n.id and l.deleted_at is null
    where n.gap_status in ('gap', 'weak') and n.retired_at is null order by n.path
  `);
  const gapsById = new Map<number, { name: string; path: string; served: boolean }>();
  for (const link of gapLinks) {
    const gap = gapsById.get(link.nodeId) ?? { name: link.name, path: link.path, served: false };
    gap.served ||= link.projectId !== null && inSnapshot.has(link.projectId);
    gapsById.set(link.nodeId, gap);
  }
  const gaps = [...gapsById.values()];
  return chainNodes.map((chain) => {
    const chainGaps = gaps.filter((gap) => gap.path.startsWith(chain.path));
    return {
      nodeId: chain.id,
      name: `${chain.systemName} · ${chain.name}`,
      projects: negotiating.get(String(chain.id))?.length ?? 0,
      signingsMonth: signedByChain.get(chain.id)?.month ?? 0,
      signingsYear: signedByChain.get(chain.id)?.year ?? 0,
      gapsAddressed: chainGaps.filter((gap) => gap.served).length,
      gapsOpen: chainGaps.filter((gap) => !gap.served).map((gap) => gap.name),
    };
  });
}

/** 五、国别招商: per country/region, 在谈 at the month's end, and the year's signings and arrivals. */
function countryLines(period: Period, negotiatingProjects: readonly SnapshotProject[], signings: readonly YearSigning[]): CountryLine[] {
  const ytd = yearToDate(period);
  const negotiating = groupSnapshot(negotiatingProjects, "country");
  const signedBy = new Map<string, { signings: number; contracted: number }>();
  for (const signing of signings) {
    const counts = signedBy.get(signing.country) ?? { signings: 0, contracted: 0 };
    counts.signings += 1;
    counts.contracted += signing.contracted;
    signedBy.set(signing.country, counts);
  }
  const arrived = db().all<{ country: string; usd: number }>(sql`
    select ${t.companies.country} as country, sum(a.amount_usd) as usd
    from ${t.fdiArrivals} a join ${t.projects} on ${t.projects.id} = a.project_id join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
    where ${arrivalsIn(ytd)}
    group by ${t.companies.country}
  `);
  const countries = new Set([...negotiating.keys(), ...signedBy.keys(), ...arrived.map((row) => row.country)]);
  const arrivedBy = new Map(arrived.map((row) => [row.country, row.usd]));
  return [...countries]
    .filter((country): country is string => country !== null)
    .map((country) => ({
      label: regionLabel(country),
      projects: negotiating.get(country)?.length ?? 0,
      signingsYear: signedBy.get(country)?.signings ?? 0,
      contractedFdiUsdYear: signedBy.get(country)?.contracted ?? 0,
      actualFdiUsdYear: arrivedBy.get(country) ?? 0,
    }))
    .sort((a, b) => b.contractedFdiUsdYear - a.contractedFdiUsdYear || b.projects - a.projects || a.label.localeCompare(b.label, "zh"));
}

/** 五、载体: per park, 在谈 at the month's end (and, for country parks, those from their focus countries), and the year's signings. */
function parkLines(negotiatingProjects: readonly SnapshotProject[], signings: readonly YearSigning[]): ParkLine[] {
  const negotiating = groupSnapshot(negotiatingProjects, "park");
  const signed = new Map<number, number>();
  for (const signing of signings) if (signing.parkId !== null) signed.set(signing.parkId, (signed.get(signing.parkId) ?? 0) + 1);
  return db()
    .select({ id: t.parks.id, name: t.parks.name, kind: t.parks.kind, focusCountries: t.parks.focusCountries })
    .from(t.parks)
    .where(sql`${t.parks.deletedAt} is null`)
    .orderBy(t.parks.sortOrder, t.parks.id)
    .all()
    .map((park) => {
      const projects = negotiating.get(String(park.id)) ?? [];
      const focus = new Set<string | null>((park.focusCountries as string[] | null) ?? []);
      return {
        name: park.name,
        projects: projects.length,
        signingsYear: signed.get(park.id) ?? 0,
        focusProjects: park.kind === "country_park" ? projects.filter((project) => focus.has(project.country)).length : null,
      };
    });
}

/** Commitments matching `where`, with what was paid on them by `date` and their status as it stood then. */
function commitmentLines(where: SQL, date: string): CommitmentLine[] {
  return db()
    .all<Omit<CommitmentLine, "statusLabel"> & { status: CommitmentStatus }>(
      sql`
      select c.id, ${t.projects.name} as projectName, c.item, c.amount_cny as amountCny, c.due_on as dueOn, c.status,
             ${paidBy(date)} as paidCny
      from ${t.commitments} c join ${t.projects} on ${t.projects.id} = c.project_id
      where ${where}
      order by c.due_on, c.id
    `,
    )
    .map(({ status, ...row }) => ({
      ...row,
      // open at the date: still payable then, whatever became of it since
      statusLabel: COMMITMENT_STATUS_LABELS[(PAYABLE_STATUSES as readonly string[]).includes(status) ? status : "committed"],
    }));
}

/** 六、政策兑现: made and paid in full in the month, due next month and overdue, as of the month's end. */
function commitmentSummary(period: Period) {
  const total = (where: SQL) =>
    db().get<{ n: number; cny: number }>(sql`
      select count(*) as n, coalesce(sum(c.amount_cny), 0) as cny
      from ${t.commitments} c join ${t.projects} on ${t.projects.id} = c.project_id where ${where}
    `)!;
  const made = total(commitmentMadeIn(period));
  const fulfilled = total(commitmentFulfilledIn(period));
  const next = monthPeriod(addDays(period.to, 1).slice(0, 7));
  return {
    madeCount: made.n,
    madeCny: made.cny,
    fulfilledCount: fulfilled.n,
    fulfilledCny: fulfilled.cny,
    dueNextMonth: commitmentLines(sql`${openCommitmentAt(period.to)} and c.due_on between ${next.from} and ${next.to}`, period.to),
    overdue: commitmentLines(overdueCommitmentAt(period.to), period.to),
  };
}

/** 附表 在谈项目明细表: the 在谈 of the month's end (接洽 and 洽谈), biggest first, with the latest activity by then. */
function appendixLines(date: string, negotiating: readonly SnapshotProject[]): AppendixLine[] {
  const projectOf = new Map(negotiating.map((project) => [project.id, project]));
  return db()
    .all<{ id: number; name: string; total: number; contracted: number | null; owner: string; summary: string | null }>(
      sql`
      select ${t.projects.id} as id, ${t.projects.name} as name, ${t.projects.totalInvestmentUsd} as total, ${t.projects.contractedFdiUsd} as contracted,
             ${t.users.displayName} as owner,
             (select a.summary from ${t.activities} a where a.project_id = ${t.projects.id} and a.deleted_at is null and a.occurred_on <= ${date}
              order by a.occurred_on desc, a.id desc limit 1) as summary
      from ${t.projects}
      join ${t.users} on ${t.users.id} = ${t.projects.ownerId}
      where ${t.projects.id} in (select value from json_each(${JSON.stringify([...projectOf.keys()])}))
      order by ${t.projects.totalInvestmentUsd} desc, ${t.projects.id}
    `,
    )
    .map((row) => {
      const { row: snapshotRow, country } = projectOf.get(row.id)!;
      const stage = STAGE_LABELS[snapshotRow as Stage];
      return {
        name: row.name,
        totalInvestmentUsd: row.total,
        contractedFdiUsd: row.contracted,
        countryLabel: regionLabel(country),
        progress: row.summary ? `${stage}：${row.summary.length > 60 ? `${row.summary.slice(0, 60)}…` : row.summary}` : stage,
        ownerName: row.owner,
      };
    });
}

export function buildReportSnapshot(month: string): ReportSnapshot {
  const period = monthPeriod(month);
  const ytd = yearToDate(period);
  const [year, monthNumber] = month.split("-").map(Number);
  const rates = getRates(period);
  const snapshot = snapshotProjectsAt(period.to);
  const negotiating = snapshot.filter(isNegotiating);
  const signings = yearSignings(period);
  const chains = chainsServed();
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
      signed: projectLines(verifiedSigningIn(period), sql`${t.projects.signedOn}`),
      started: projectLines(firstReachedIn(STARTED, period), firstReachedOn(STARTED)),
      producing: projectLines(firstReachedIn(["production"], period), firstReachedOn(["production"])),
      big: projectLines(sql`${verifiedSigningIn(ytd)} and ${t.projects.totalInvestmentUsd} >= ${BIG_PROJECT_USD}`, sql`${t.projects.signedOn}`),
      fortune500: projectLines(sql`${verifiedSigningIn(ytd)} and ${t.companies.isFortune500} = 1`, sql`${t.projects.signedOn}`),
    },
    pipeline: {
      byStage: pipelineLines(snapshot).map((line) => ({ stageLabel: line.label, projects: line.projects, totalInvestmentUsd: line.totalInvestmentUsd })),
      changes,
      changesTotal: changes.length,
    },
    chains: chainLines(period, snapshot, negotiating, signings, chains),
    countries: countryLines(period, negotiating, signings),
    parks: parkLines(negotiating, signings),
    commitments: commitmentSummary(period),
    appendix: appendixLines(period.to, negotiating),
    notes: {
      indicators: `新签约按签约日期计入所在月份，经甄别后计数；同比为与上年同期（${monthNumber === 1 ? "1月" : `1–${monthNumber}月`}）相比`,
      pipeline: `上图为${year}年${monthNumber === 1 ? "1月" : `1–${monthNumber}月`}新增线索的推进情况（按登记批次统计）；下表为截至${monthNumber}月末的项目储备：进行中和暂缓的项目按当时所处阶段计数，签约尚未甄别的单列为「签约（待甄别）」`,
      negotiating: `在谈项目为截至${monthNumber}月末处于接洽、洽谈阶段的进行中和暂缓项目`,
    },
    charts: { funnel: getFunnel(ytd), trend: getMonthlyTrend(month) },
  };
}
