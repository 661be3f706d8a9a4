/**
 * 看板: 招商项目 by stage. Each column gives the count and 总投资 of every project the list's filters
 * select in the actor's scope, and its first cards by amount; the rest is counted, not shown
 * ("另有 N 项"), so the board stays the same size whatever the pipeline holds.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { can, canEditProject, type Actor } from "../auth/permissions";
import { db, t } from "../db.server";
import { cachedFigures } from "../figures/figure-cache.server";
import { listReaders, projectConditions, projectRowsOf, projectsFrom, type ProjectFilters, type ProjectListRow } from "./projects.server";
import { STAGES, type Stage } from "./stages";

/** Cards shown per column. */
export const BOARD_CARDS = 10;

export type BoardFilters = Omit<ProjectFilters, "page" | "pageSize" | "sort">;

export interface BoardCard extends ProjectListRow {
  version: number;
  /** may the actor change this project's stage (owner, member, leader, admin) */
  canMove: boolean;
}

export interface BoardColumn {
  stage: Stage;
  projects: number;
  totalInvestmentUsd: number;
  cards: BoardCard[];
  /** projects in the column beyond its cards */
  more: number;
}

/**
 * FROM of the board's queries: projects read through projects_board_idx (stage, amount, deleted,
 * status, unit, owner; migration 0007), which holds every column the scope and the common filters
 * test. Named, as otherwise the planner picks by its statistics an index that needs a row lookup per
 * project (50,000 of them for an unfiltered board) or sorts a whole column for its first cards.
 */
function boardFrom(filters: BoardFilters): SQL {
  return projectsFrom(filters, "projects_board_idx");
}

/**
 * The board of the projects the filters select in the actor's scope. Column totals are one
 * GROUP BY, kept until anything is written (figure cache); each column's cards walk the board index
 * from the largest amount down.
 */
export function getProjectBoard(actor: Actor, filters: BoardFilters, cardsPerColumn = BOARD_CARDS): BoardColumn[] {
  const where = projectConditions(actor, filters);
  const from = boardFrom(filters);
  const key = `board:${listReaders(actor, filters)}:${JSON.stringify(filters)}`;
  // a follow-up counts: the 工作台 filters read 下次跟进 and 最近活动
  const totals = cachedFigures(
    key,
    () =>
      db().all<{ stage: Stage; projects: number; usd: number }>(
        sql`select ${t.projects.stage} as stage, count(*) as projects, coalesce(sum(${t.projects.totalInvestmentUsd}), 0) as usd
        from ${from} where ${where} group by ${t.projects.stage}`,
      ),
    { followUps: true },
  );
  const byStage = new Map(totals.map((row) => [row.stage, row]));
  // per column: its largest projects, walking the stage's part of the index down from the largest amount
  const idsOf = (stage: Stage) => {
    if ((byStage.get(stage)?.projects ?? 0) === 0) return [];
    return db()
      .all<{ id: number }>(
        sql`select ${t.projects.id} as id from ${from} where ${where} and ${t.projects.stage} = ${stage}
          order by ${t.projects.totalInvestmentUsd} desc, ${t.projects.id} desc limit ${cardsPerColumn}`,
      )
      .map((row) => row.id);
  };
  const columnIds = STAGES.map((stage) => idsOf(stage));
  const cards = new Map(withMoveRights(actor, projectRowsOf(columnIds.flat())).map((card) => [card.id, card]));
  return STAGES.map((stage, index) => {
    const total = byStage.get(stage);
    const shown = columnIds[index].map((id) => cards.get(id)!);
    return {
      stage,
      projects: total?.projects ?? 0,
      totalInvestmentUsd: total?.usd ?? 0,
      cards: shown,
      more: Math.max(0, (total?.projects ?? 0) - shown.length),
    };
  });
}

/** Each card's version (for the stage form) and whether the actor may move it (canEditProject; memberships read once for all cards). */
function withMoveRights(actor: Actor, rows: ProjectListRow[]): BoardCard[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const facts = new Map(
    db()
      .select({ id: t.projects.id, version: t.projects.version, ownerId: t.projects.ownerId })
      .from(t.projects)
      .where(inArray(t.projects.id, ids))
      .all()
      .map((row) => [row.id, row]),
  );
  const anyProject = can(actor.role, "update:project:any");
  const ownProjects = can(actor.role, "update:project:own");
  const memberships =
    anyProject || !ownProjects
      ? new Set<number>()
      : new Set(
          db()
            .select({ projectId: t.projectMembers.projectId })
            .from(t.projectMembers)
            .where(and(eq(t.projectMembers.userId, actor.id), inArray(t.projectMembers.projectId, ids)))
            .all()
            .map((row) => row.projectId),
        );
  return rows.map((row) => {
    const fact = facts.get(row.id)!;
    const canMove = canEditProject(actor, { ownerId: fact.ownerId, memberIds: memberships.has(row.id) ? [actor.id] : [] });
    return { ...row, version: fact.version, canMove };
  });
}
