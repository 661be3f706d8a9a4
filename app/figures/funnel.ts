/**
 * 漏斗 (cohort funnel, DESIGN.md §4) as a pure computation: given each cohort project's furthest
 * stage reached by the period's end, whether its signing is verified, and its total investment,
 * count per stage the projects at or past it and the conversion between consecutive stages.
 */
import { countedStage, STAGES, stageIndex, type Stage } from "../projects/stages";

export interface CohortProject {
  furthestStage: Stage;
  signingVerified: boolean;
  totalInvestmentUsd: number;
  /** how many projects alike the entry stands for (1 when absent), totalInvestmentUsd being their sum */
  projects?: number;
}

export interface FunnelRow {
  stage: Stage;
  projects: number;
  totalInvestmentUsd: number;
  /** share of the previous stage's projects that reached this one; null for the first or when the previous is 0 */
  conversion: number | null;
}

export function computeFunnel(cohort: readonly CohortProject[]): FunnelRow[] {
  const projects = STAGES.map(() => 0);
  const investment = STAGES.map(() => 0);
  for (const project of cohort) {
    const reached = stageIndex(countedStage(project.furthestStage, project.signingVerified));
    for (let i = 0; i <= reached; i++) {
      projects[i] += project.projects ?? 1;
      investment[i] += project.totalInvestmentUsd;
    }
  }
  return STAGES.map((stage, i) => ({
    stage,
    projects: projects[i],
    totalInvestmentUsd: investment[i],
    conversion: i === 0 || projects[i - 1] === 0 ? null : projects[i] / projects[i - 1],
  }));
}
