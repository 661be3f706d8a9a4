/**
 * Which projects an actor may read (DESIGN.md §3): officers their own unit's and those they own
 * or are a member of; everyone else all. Every project query applies this inside the SQL.
 */
import { and, eq, isNull, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { can, type Actor } from "../auth/permissions";
import { t } from "../db.server";

/** An actor, or for a statement prepared once, their id and unit as placeholders bound when it runs. */
type ScopedActor = Pick<Actor, "role"> & { id: number | Placeholder; unitId: number | Placeholder };

export function projectScope(actor: ScopedActor): SQL | undefined {
  if (can(actor.role, "read:project:any")) return undefined;
  return or(eq(t.projects.unitId, actor.unitId), eq(t.projects.ownerId, actor.id), memberOf(actor));
}

/**
 * Names the projects the actor may read, for keys of cached results: "all" for everyone who reads
 * every project, the officer's id and unit otherwise.
 */
export function scopeKey(actor: Actor): string {
  return can(actor.role, "read:project:any") ? "all" : `${actor.id}:${actor.unitId}`;
}

/** Projects the actor is a member of, as an `id in (…)` the planner can answer from an index. */
export function memberOf(actor: Pick<ScopedActor, "id">): SQL {
  return sql`${t.projects.id} in (select ${t.projectMembers.projectId} from ${t.projectMembers} where ${t.projectMembers.userId} = ${actor.id})`;
}

/** Live (not deleted) projects the actor may read. */
export function visibleProjects(actor: ScopedActor): SQL {
  return and(isNull(t.projects.deletedAt), projectScope(actor)) as SQL;
}
