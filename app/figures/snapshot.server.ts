/**
 * The 储备 snapshot at a date (DESIGN.md §4), on pipelineAt. The report, which lists projects, reads
 * it once as one row per project and counts by snapshot row and breaks it down (by chain,
 * country/region, park) in memory; the cockpit, which shows counts only, has them counted in SQL
 * (snapshotCountsAt).
 */
import { sql, type SQL } from "drizzle-orm";
import { db, t } from "../db.server";
import type { Breakdown } from "./breakdowns";
import { chainServed, PIPELINE_ROW_LABELS, PIPELINE_ROWS, pipelineAt, pipelineRowIn, NEGOTIATING_ROWS, type PipelineRow } from "./measures.server";

export interface SnapshotProject {
  id: number;
  row: PipelineRow;
  totalInvestmentUsd: number;
  parkId: number | null;
  /** the country/region of the project's company, for the 在谈 (接洽, 洽谈) only: the report breaks those down by it */
  country: string | null;
}

/**
 * The projects of the 储备 snapshot at `date`, each with its row, 总投资 and park, and the 在谈 ones
 * with their company's country/region: one read of the snapshot for all of the report's tables.
 */
export function snapshotProjectsAt(date: string): SnapshotProject[] {
  const carry = sql`, p.total_investment_usd as totalInvestmentUsd, p.park_id as parkId, p.company_id as companyId`;
  return db().all<SnapshotProject>(sql`
    select pl.id, pl.row, pl.totalInvestmentUsd, pl.parkId,
           case when ${pipelineRowIn(sql`pl.row`, NEGOTIATING_ROWS)} then (select ${t.companies.country} from ${t.companies} where ${t.companies.id} = pl.companyId) end as country
    from ${pipelineAt(date, carry)} pl
  `);
}

/** Projects and 总投资 of the snapshot in one row, under one value of a breakdown (null: 未填 or no breakdown). */
export interface SnapshotCount {
  key: string | null;
  row: PipelineRow;
  projects: number;
  totalInvestmentUsd: number;
}

/**
 * The 储备 snapshot at `date` counted in SQL, for screens that show counts and no project: projects and
 * 总投资 per snapshot row, and with a breakdown per value of it too (a project serving two chains
 * counts under each; 未填 is null; a project serving no chain is in no chain's count).
 */
export function snapshotCountsAt(date: string, by?: Breakdown): SnapshotCount[] {
  const { carry, from, key } = snapshotGrouping(by);
  return db()
    .all<{ key: string | number | null; row: PipelineRow; projects: number; totalInvestmentUsd: number }>(
      sql`
      select ${key} as key, pl.row as row, count(*) as projects, coalesce(sum(pl.totalInvestmentUsd), 0) as totalInvestmentUsd
      from ${pipelineAt(date, sql`, p.total_investment_usd as totalInvestmentUsd ${carry}`)} pl ${from}
      group by 1, 2
    `,
    )
    .map((count) => ({ ...count, key: count.key === null ? null : String(count.key) }));
}

/** What snapshotCountsAt carries from each project, joins and groups by for a breakdown. */
function snapshotGrouping(by: Breakdown | undefined): { carry: SQL; from: SQL; key: SQL } {
  switch (by) {
    case undefined:
      return { carry: sql``, from: sql``, key: sql`null` };
    case "country":
      // a cross join looks each project's company up by id; left to itself, SQLite scans every company
      return {
        carry: sql`, p.company_id as companyId`,
        from: sql`cross join ${t.companies} on ${t.companies.id} = pl.companyId`,
        key: sql`${t.companies.country}`,
      };
    case "chain":
      return { carry: sql``, from: sql`join ${chainServed} served on served.project_id = pl.id`, key: sql`served.chain_id` };
    case "unit":
      return { carry: sql`, p.unit_id as breakdownKey`, from: sql``, key: sql`pl.breakdownKey` };
    case "owner":
      return { carry: sql`, p.owner_id as breakdownKey`, from: sql``, key: sql`pl.breakdownKey` };
    case "channel":
      return { carry: sql`, p.channel_id as breakdownKey`, from: sql``, key: sql`pl.breakdownKey` };
    case "park":
      return { carry: sql`, p.park_id as breakdownKey`, from: sql``, key: sql`pl.breakdownKey` };
    case "projectType":
      return { carry: sql`, p.project_type as breakdownKey`, from: sql``, key: sql`pl.breakdownKey` };
  }
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

/** Count and total investment per snapshot row, every row present, in display order, from counts in SQL. */
export function pipelineLinesOf(counts: readonly Pick<SnapshotCount, "row" | "projects" | "totalInvestmentUsd">[]): PipelineLine[] {
  const lines = new Map(PIPELINE_ROWS.map((row) => [row, { row, label: PIPELINE_ROW_LABELS[row], projects: 0, totalInvestmentUsd: 0 }]));
  for (const count of counts) {
    const line = lines.get(count.row)!;
    line.projects += count.projects;
    line.totalInvestmentUsd += count.totalInvestmentUsd;
  }
  return [...lines.values()];
}

export function isNegotiating(project: Pick<SnapshotProject, "row">): boolean {
  return (NEGOTIATING_ROWS as readonly string[]).includes(project.row);
}

/** The dimensions the report breaks its 在谈 projects down by. */
export type ReportBreakdown = Extract<Breakdown, "chain" | "country" | "park">;

/** The value a project is grouped under in a breakdown (several for chains; none for 未填). */
export function breakdownKeys(project: SnapshotProject, by: ReportBreakdown, chains: ReadonlyMap<number, readonly number[]>): Array<string | null> {
  switch (by) {
    case "chain":
      return (chains.get(project.id) ?? []).map(String);
    case "country":
      return [project.country];
    case "park":
      return [project.parkId === null ? null : String(project.parkId)];
  }
}

/** Groups the snapshot's projects by a breakdown: key → the projects under it. */
export function groupSnapshot(projects: readonly SnapshotProject[], by: ReportBreakdown, chains: ReadonlyMap<number, readonly number[]> = new Map()) {
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
