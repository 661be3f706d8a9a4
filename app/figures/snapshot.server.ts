/**
 * The 储备 snapshot at a date (DESIGN.md §4) read once as one row per project, then counted by
 * snapshot row and broken down (by chain, country/region, park, unit, officer, channel) in memory:
 * the report's 储备, 在谈 by country, chain and park, and the cockpit's snapshot all come from one
 * read of pipelineAt.
 */
import { sql } from "drizzle-orm";
import { db, t } from "../db.server";
import type { Breakdown } from "./breakdowns";
import { chainServed, PIPELINE_ROW_LABELS, PIPELINE_ROWS, pipelineAt, NEGOTIATING_ROWS, type PipelineRow } from "./measures.server";

export interface SnapshotProject {
  id: number;
  row: PipelineRow;
  totalInvestmentUsd: number;
  contractedFdiUsd: number;
  companyId: number;
  country: string;
  unitId: number;
  ownerId: number;
  channelId: number | null;
  parkId: number | null;
  projectType: string;
}

/** The projects of the 储备 snapshot at `date`, each with its row and what the breakdowns group by. */
export function snapshotProjectsAt(date: string): SnapshotProject[] {
  const carry = sql`, p.total_investment_usd as totalInvestmentUsd, p.contracted_fdi_usd as contractedFdiUsd, p.company_id as companyId,
    p.unit_id as unitId, p.owner_id as ownerId, p.channel_id as channelId, p.park_id as parkId, p.project_type as projectType`;
  return db().all<SnapshotProject>(sql`
    select pl.*, ${t.companies.country} as country
    from ${pipelineAt(date, carry)} pl join ${t.companies} on ${t.companies.id} = pl.companyId
  `);
}

/** The chains each project serves (chain served: each pair once). */
export function chainsServed(): Map<number, number[]> {
  const byProject = new Map<number, number[]>();
  for (const { projectId, chainId } of db().all<{ projectId: number; chainId: number }>(sql`
    select project_id as projectId, chain_id as chainId from ${chainServed}
  `)) {
    const chains = byProject.get(projectId);
    if (chains) chains.push(chainId);
    else byProject.set(projectId, [chainId]);
  }
  return byProject;
}

export interface PipelineLine {
  row: PipelineRow;
  label: string;
  projects: number;
  totalInvestmentUsd: number;
}

/** Count and total investment per snapshot row, every row present, in display order. */
export function pipelineLines(projects: readonly Pick<SnapshotProject, "row" | "totalInvestmentUsd">[]): PipelineLine[] {
  const lines = new Map(PIPELINE_ROWS.map((row) => [row, { row, label: PIPELINE_ROW_LABELS[row], projects: 0, totalInvestmentUsd: 0 }]));
  for (const project of projects) {
    const line = lines.get(project.row)!;
    line.projects += 1;
    line.totalInvestmentUsd += project.totalInvestmentUsd;
  }
  return [...lines.values()];
}

export function isNegotiating(project: Pick<SnapshotProject, "row">): boolean {
  return (NEGOTIATING_ROWS as readonly string[]).includes(project.row);
}

/** The value a project is grouped under in a breakdown (several for chains; none for 未填). */
export function breakdownKeys(project: SnapshotProject, by: Breakdown, chains: ReadonlyMap<number, readonly number[]>): Array<string | null> {
  switch (by) {
    case "chain":
      return (chains.get(project.id) ?? []).map(String);
    case "country":
      return [project.country];
    case "unit":
      return [String(project.unitId)];
    case "owner":
      return [String(project.ownerId)];
    case "channel":
      return [project.channelId === null ? null : String(project.channelId)];
    case "park":
      return [project.parkId === null ? null : String(project.parkId)];
    case "projectType":
      return [project.projectType];
  }
}

/** Groups the snapshot's projects by a breakdown: key → the projects under it. */
export function groupSnapshot(projects: readonly SnapshotProject[], by: Breakdown, chains: ReadonlyMap<number, readonly number[]> = new Map()) {
  const groups = new Map<string | null, SnapshotProject[]>();
  for (const project of projects) {
    for (const key of breakdownKeys(project, by, chains)) {
      const group = groups.get(key);
      if (group) group.push(project);
      else groups.set(key, [project]);
    }
  }
  return groups;
}
