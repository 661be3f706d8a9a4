import { sql } from "drizzle-orm";
import { db, t } from "../db.server";
import type { Period } from "../lib/dates";
import { STAGES, type Stage } from "../projects/stages";
import type { Breakdown } from "./breakdowns";
import { computeFunnel, type FunnelRow } from "./funnel";
import { breakdownColumns, chainServed, enteredIn, liveProject } from "./measures.server";

const stageRank = sql.raw(`case sc.to_stage ${STAGES.map((stage, i) => `when '${stage}' then ${i}`).join(" ")} end`);

interface CohortGroup {
  key: string | number | null;
  name: string | null;
  furthest: number;
  verified: number;
  projects: number;
  investment: number;
}

/**
 * The cohort of a period (live projects that entered as 线索 within it), counted in SQL by the furthest
 * stage its log shows by the period's end and whether its signing is verified, with their total
 * investment, and with a breakdown by the value they are grouped under (a project under each chain it
 * serves).
 */
function cohortGroups(period: Period, by?: Breakdown): CohortGroup[] {
  const furthest = sql`(select max(${stageRank}) from ${t.stageChanges} sc where sc.project_id = ${t.projects.id} and sc.occurred_on <= ${period.to})`;
  const columns = sql`${furthest} as furthest, ${t.projects.signingVerifiedAt} is not null as verified,
    count(*) as projects, coalesce(sum(${t.projects.totalInvestmentUsd}), 0) as investment`;
  const where = sql`${liveProject} and ${enteredIn(period)}`;
  if (by === "chain") {
    return db().all<CohortGroup>(sql`
      select chain.id as key, max(chain.name) as name, ${columns}
      from ${t.projects} join ${chainServed} served on served.project_id = ${t.projects.id} join ${t.chainNodes} chain on chain.id = served.chain_id
      where ${where}
      group by chain.id, furthest, verified
    `);
  }
  const group = by ? breakdownColumns(by) : { key: sql`null`, name: sql`null` };
  // only the country is read from the company
  const from = by === "country" ? sql`${t.projects} join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}` : sql`${t.projects}`;
  return db().all<CohortGroup>(sql`
    select ${group.key} as key, max(${group.name}) as name, ${columns}
    from ${from}
    where ${where}
    group by ${group.key}, furthest, verified
  `);
}

function funnelOf(groups: readonly CohortGroup[]): FunnelRow[] {
  return computeFunnel(
    groups.map((group) => ({
      furthestStage: STAGES[group.furthest] as Stage,
      signingVerified: group.verified === 1,
      totalInvestmentUsd: group.investment,
      projects: group.projects,
    })),
  );
}

/**
 * The cohort funnel for a period: projects that entered as 线索 within it, each at the furthest stage
 * its log shows by the period's end; stages from 签约 on only once verified. Deleted projects count nowhere.
 */
export function getFunnel(period: Period): FunnelRow[] {
  return funnelOf(cohortGroups(period));
}

export interface FunnelBreakdownRow {
  key: string | null;
  name: string | null;
  funnel: FunnelRow[];
}

/** The cohort funnel of each value of a breakdown (a project serving two chains is in both), largest cohort first. */
export function getFunnelBreakdown(period: Period, by: Breakdown): FunnelBreakdownRow[] {
  return funnelBreakdownOf(cohortGroups(period, by));
}

/**
 * The cohort funnel and its breakdown by one dimension. Without chains each project has one value of
 * the breakdown, so one read of the cohort gives both.
 */
export function getFunnelWithBreakdown(period: Period, by: Breakdown): { funnel: FunnelRow[]; breakdown: FunnelBreakdownRow[] } {
  const cohort = cohortGroups(period, by);
  return { funnel: by === "chain" ? getFunnel(period) : funnelOf(cohort), breakdown: funnelBreakdownOf(cohort) };
}

function funnelBreakdownOf(cohort: readonly CohortGroup[]): FunnelBreakdownRow[] {
  const groups = new Map<string, { key: string | null; name: string | null; rows: CohortGroup[] }>();
  for (const row of cohort) {
    const id = row.key === null ? "" : String(row.key);
    const group = groups.get(id) ?? { key: row.key === null ? null : String(row.key), name: row.name, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return [...groups.values()]
    .map((group) => ({ key: group.key, name: group.name, funnel: funnelOf(group.rows) }))
    .sort((a, b) => b.funnel[0].projects - a.funnel[0].projects || (a.name ?? "").localeCompare(b.name ?? "", "zh"));
}
