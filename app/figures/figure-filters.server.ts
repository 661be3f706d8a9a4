import { sql, type SQL } from "drizzle-orm";
import { t } from "../db.server";
import { STAGES, stageIndex } from "../projects/stages";
import type { FigureListFilter } from "./figure-filters";
import { BIG_PROJECT_USD } from "./indicators";

/**
 * SQL conditions on t.projects (and t.companies for 世界500强) selecting the projects a figure
 * counts, by the same rules as the funnel (funnel.server.ts) and the indicators (figures.server.ts).
 */
export function figureFilterConditions(filter: FigureListFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.cohort) {
    conditions.push(sql`${t.projects.id} in (
      select entry.project_id from ${t.stageChanges} entry
      where entry.from_stage is null and entry.occurred_on between ${filter.cohort.from} and ${filter.cohort.to}
    )`);
    if (filter.reached) {
      const atOrPast = STAGES.slice(stageIndex(filter.reached));
      conditions.push(sql`exists (
        select 1 from ${t.stageChanges} sc
        where sc.project_id = ${t.projects.id} and sc.occurred_on <= ${filter.cohort.to}
          and sc.to_stage in (${sql.join(atOrPast.map((stage) => sql`${stage}`), sql`, `)})
      )`);
      if (stageIndex(filter.reached) >= stageIndex("signed")) conditions.push(sql`${t.projects.signingVerifiedAt} is not null`);
    }
  }
  if (filter.signed) {
    conditions.push(
      sql`${t.projects.signingVerifiedAt} is not null and ${t.projects.signedOn} between ${filter.signed.from} and ${filter.signed.to}`,
    );
  }
  if (filter.big) conditions.push(sql`${t.projects.totalInvestmentUsd} >= ${BIG_PROJECT_USD}`);
  if (filter.fortune500) conditions.push(sql`${t.companies.isFortune500} = 1`);
  return conditions;
}
