import { sql } from "drizzle-orm";
import { db, t } from "../db.server";
import type { Period } from "../lib/dates";
import { STAGES, type Stage } from "../projects/stages";
import { computeFunnel, type FunnelRow } from "./funnel";

const stageRank = sql.raw(
  `case to_stage ${STAGES.map((stage, i) => `when '${stage}' then ${i}`).join(" ")} end`,
);

/**
 * The cohort funnel for a period: projects that entered as 线索 within it, each at the furthest stage
 * its log shows by the period's end; stages from 签约 on only once verified. Deleted projects count nowhere.
 */
export function getFunnel(period: Period): FunnelRow[] {
  const rows = db().all<{ furthest: number; verified: number; investment: number }>(sql`
    select (
             select max(${stageRank}) from ${t.stageChanges} sc
             where sc.project_id = p.id and sc.occurred_on <= ${period.to}
           ) as furthest,
           p.signing_verified_at is not null as verified,
           p.total_investment_usd as investment
    from ${t.stageChanges} entry
    join ${t.projects} p on p.id = entry.project_id
    where entry.from_stage is null
      and entry.occurred_on between ${period.from} and ${period.to}
      and p.deleted_at is null
  `);
  return computeFunnel(
    rows.map((row) => ({
      furthestStage: STAGES[row.furthest] as Stage,
      signingVerified: row.verified === 1,
      totalInvestmentUsd: row.investment,
    })),
  );
}
