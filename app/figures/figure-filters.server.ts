import { sql, type SQL } from "drizzle-orm";
import { t } from "../db.server";
import { STAGES, stageIndex } from "../projects/stages";
import type { FigureListFilter } from "./figure-filters";
import { BIG_PROJECT_USD } from "./indicators";
import { enteredIn, NEGOTIATING_ROWS, pipelineAt, pipelineRowIn, reachedBy, SIGNED_STAGES, verifiedSigningIn } from "./measures.server";

/**
 * SQL conditions on t.projects (and t.companies for 世界500强) selecting the projects a figure
 * counts, in the figures' own vocabulary (measures.server.ts), so a drill-down lists exactly what
 * its number counted.
 */
export function figureFilterConditions(filter: FigureListFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.cohort) {
    conditions.push(enteredIn(filter.cohort));
    if (filter.reached) {
      conditions.push(reachedBy(STAGES.slice(stageIndex(filter.reached)), filter.cohort.to));
      if (SIGNED_STAGES.includes(filter.reached)) conditions.push(sql`${t.projects.signingVerifiedAt} is not null`);
    }
  }
  if (filter.signed) conditions.push(verifiedSigningIn(filter.signed));
  if (filter.snapshot) {
    const rows = filter.snapshot.row === "negotiating_all" ? NEGOTIATING_ROWS : [filter.snapshot.row];
    conditions.push(sql`${t.projects.id} in (select id from ${pipelineAt(filter.snapshot.at)} pl where ${pipelineRowIn(sql`pl.row`, rows)})`);
  }
  if (filter.big) conditions.push(sql`${t.projects.totalInvestmentUsd} >= ${BIG_PROJECT_USD}`);
  if (filter.fortune500) conditions.push(sql`${t.companies.isFortune500} = 1`);
  return conditions;
}
