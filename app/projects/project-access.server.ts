/**
 * The project a use case acts on, if the actor may (DESIGN.md §3): outside their scope, or deleted,
 * it answers NotFound — so ids cannot be probed — and in scope but not theirs to edit, Forbidden.
 */
import { and, eq, sql } from "drizzle-orm";
import { canEditProject, type Actor, type Role } from "../auth/permissions";
import { db, t } from "../db.server";
import { ForbiddenError, NotFoundError } from "../lib/errors";
import { preparedOnce } from "../lib/prepared.server";
import { visibleProjects } from "./scope.server";

export type ProjectAccess = "read" | "edit";

/** The project's row; NotFound outside the actor's scope, Forbidden for "edit" when canEditProject says no. */
export function requireProjectAccess(actor: Actor, projectId: number, mode: ProjectAccess) {
  let lookup = projectLookups.get(actor.role);
  if (!lookup) projectLookups.set(actor.role, (lookup = prepareProjectLookup(actor.role)));
  const project = lookup.get({ id: projectId, actorId: actor.id, unitId: actor.unitId });
  if (!project) throw new NotFoundError();
  if (mode === "edit" && !canEditProject(actor, { ownerId: project.ownerId, memberIds: projectMemberIds(projectId) })) throw new ForbiddenError();
  return project;
}

/** Run on every project page and part: prepared once per role, the actor's id and unit bound when it runs. */
function prepareProjectLookup(role: Role) {
  return db()
    .select()
    .from(t.projects)
    .where(and(eq(t.projects.id, sql.placeholder("id")), visibleProjects({ role, id: sql.placeholder("actorId"), unitId: sql.placeholder("unitId") })))
    .prepare();
}
const projectLookups = new Map<Role, ReturnType<typeof prepareProjectLookup>>();

/** The ids of the project's members (the owner is not one unless added). */
export function projectMemberIds(projectId: number): number[] {
  return memberIdsStatement()
    .all({ projectId })
    .map((row) => row.userId);
}

const memberIdsStatement = preparedOnce(() =>
  db()
    .select({ userId: t.projectMembers.userId })
    .from(t.projectMembers)
    .where(eq(t.projectMembers.projectId, sql.placeholder("projectId")))
    .prepare(),
);
