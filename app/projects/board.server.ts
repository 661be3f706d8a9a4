/**
 * 看板: 招商项目 by stage. Each column gives the count and 总投资 of every project the list's filters
 * select in the actor's scope, and its first cards by amount; the rest is counted, not shown
 * ("另有 N 项"), so the board stays the same size whatever the pipeline holds.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { can, canEditProject, type Actor } from "../auth/permissions";
import { db, t } from "../db.server";
import { cachedFigures } from "../figures/figure-cache.server";
import { projectConditions, projectRowsOf, projectsFrom, type ProjectFilters, type ProjectListRow } from "./projects.server";
import { STAGES, type Stage } from "./stages";

/** Cards shown per column. */
export const BOARD_CARDS = 10;

/** Columns of at least this many projects find their cards by walking the amount index. */
const WALK_AMOUNT_INDEX_FROM = 2000;

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
 * The board of the projects the filters select in the actor's scope. Column totals are one
 * GROUP BY, kept until anything is written (figure cache); each column's cards walk the amount index.
 */
export function getProjectBoard(actor: Actor, filters: BoardFilters, cardsPerColumn = BOARD_CARDS): BoardColumn[] {
  const where = projectConditions(actor, filters);
  const from = projectsFrom(filters);
  const key = `board:${actor.id}:${actor.role}:${actor.unitId}:${JSON.stringify(filters)}`;
  const totals = cachedFigures(key, () =>
    db().all<{ stage: Stage; projects: number; usd: number }>(
      sql`select ${t.projects.stage} as stage, count(*) as projects, coalesce(sum(${t.projects.totalInvestmentUsd}), 0) as usd
        from ${from} where ${where} group by ${t.projects.stage}`,
    ),
  );
  const byStage = new Map(totals.map((row) => [row.stage, row]));
  // per column: its largest projects. A big column walks the amount index (`+stage` keeps SQLite off
  // the stage index), finding its cards within a few hundred rows; a small one is read by the
  // stage/unit indexes and sorted, which costs less than walking past everybody else's projects.
  const idsOf = (stage: Stage) => {
    const count = byStage.get(stage)?.projects ?? 0;
    if (count === 0) return [];
    const stageIs = count >= WALK_AMOUNT_INDEX_FROM ? sql`+${t.projects.stage} = ${stage}` : sql`${t.projects.stage} = ${stage}`;
    return db()
      .all<{ id: number }>(
        sql`select ${t.projects.id} as id from ${from} where ${where} and ${stageIs}
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
  const memberships = anyProject || !ownProjects
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
