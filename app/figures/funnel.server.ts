import { sql } from "drizzle-orm";
import { db, t } from "../db.server";
import type { Period } from "../lib/dates";
import { STAGES, type Stage } from "../projects/stages";
import type { Breakdown } from "./breakdowns";
import { computeFunnel, type FunnelRow } from "./funnel";
import { breakdownColumns, chainServed, enteredIn, liveProject } from "./measures.server";

const stageRank = sql.raw(`case sc.to_stage ${STAGES.map((stage, i) => `when '${stage}' then ${i}`).join(" ")} end`);

interface CohortRow {
  key: string | number | null;
  name: string | null;
  furthest: number;
  verified: number;
  investment: number;
}

/**
 * The cohort of a period (live projects that entered as 线索 within it), each with the furthest stage
 * its log shows by the period's end, whether its signing is verified, its total investment and,
 * with a breakdown, the value it is grouped under (one row per chain it serves).
 */
function cohortRows(period: Period, by?: Breakdown): CohortRow[] {
  const furthest = sql`(select max(${stageRank}) from ${t.stageChanges} sc where sc.project_id = ${t.projects.id} and sc.occurred_on <= ${period.to})`;
  const columns = sql`${furthest} as furthest, ${t.projects.signingVerifiedAt} is not null as verified, ${t.projects.totalInvestmentUsd} as investment`;
  const where = sql`${liveProject} and ${enteredIn(period)}`;
  if (by === "chain") {
    return db().all<CohortRow>(sql`
      select chain.id as key, chain.name as name, ${columns}
      from ${t.projects} join ${chainServed} served on served.project_id = ${t.projects.id} join ${t.chainNodes} chain on chain.id = served.chain_id
      where ${where}
    `);
  }
  const group = by ? breakdownColumns(by) : { key: sql`null`, name: sql`null` };
  return db().all<CohortRow>(sql`
    select ${group.key} as key, ${group.name} as name, ${columns}
    from ${t.projects} join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
    where ${where}
  `);
}

function funnelOf(rows: readonly CohortRow[]): FunnelRow[] {
  return computeFunnel(
    rows.map((row) => ({ furthestStage: STAGES[row.furthest] as Stage, signingVerified: row.verified === 1, totalInvestmentUsd: row.investment })),
  );
}

/**
 * The cohort funnel for a period: projects that entered as 线索 within it, each at the furthest stage
 * its log shows by the period's end; stages from 签约 on only once verified. Deleted projects count nowhere.
 */
export function getFunnel(period: Period): FunnelRow[] {
  return funnelOf(cohortRows(period));
}

export interface FunnelBreakdownRow {
  key: string | null;
  name: string | null;
  funnel: FunnelRow[];
}

/** The cohort funnel of each value of a breakdown (a project serving two chains is in both), largest cohort first. */
export function getFunnelBreakdown(period: Period, by: Breakdown): FunnelBreakdownRow[] {
  const groups = new Map<string, { key: string | null; name: string | null; rows: CohortRow[] }>();
  for (const row of cohortRows(period, by)) {
    const id = row.key === null ? "" : String(row.key);
    const group = groups.get(id) ?? { key: row.key === null ? null : String(row.key), name: row.name, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return [...groups.values()]
    .map((group) => ({ key: group.key, name: group.name, funnel: funnelOf(group.rows) }))
    .sort((a, b) => b.funnel[0].projects - a.funnel[0].projects || (a.name ?? "").localeCompare(b.name ?? "", "zh"));
}
