/**
 * DESIGN.md §3 as data. The server checks with `can`/`requirePermission`; the client uses the same
 * table to hide what a role cannot do (a courtesy, never the control).
 */
import type { Role } from "../domain/codes";
import { ForbiddenError } from "../lib/errors";

export { ROLES, type Role } from "../domain/codes";

export const ROLE_LABELS: Record<Role, string> = {
  officer: "招商员",
  leader: "领导",
  staff: "综合/统计员",
  admin: "系统管理员",
};

export const PERMISSIONS = {
  /** read every project; officers read their unit's and those they are a member of */
  "read:project:any": ["leader", "staff", "admin"],
  "create:company": ["officer", "leader", "staff", "admin"],
  "update:company": ["officer", "leader", "staff", "admin"],
  "delete:company": ["leader", "admin"],
  "create:project": ["officer", "leader", "admin"],
  /** edit a project they own or are a member of (and add activities to it) */
  "update:project:own": ["officer", "leader", "admin"],
  "update:project:any": ["leader", "admin"],
  "delete:project": ["leader", "admin"],
  "verify:signing": ["leader", "admin"],
  "propose:commitment:own": ["officer", "leader", "admin"],
  "propose:commitment:any": ["leader", "admin"],
  "commit:commitment": ["leader", "staff", "admin"],
  "record:payout": ["leader", "staff", "admin"],
  "record:arrival": ["staff", "admin"],
  /** 附件 on a project: officers only on those they may edit (app/attachments/attachment-rules.ts) */
  "attach:project": ["officer", "leader", "admin"],
  /** 附件 on a commitment: officers only on the projects they may propose on */
  "attach:commitment": ["officer", "leader", "staff", "admin"],
  "attach:payout": ["leader", "staff", "admin"],
  "attach:arrival": ["leader", "staff", "admin"],
  "manage:targets": ["staff", "admin"],
  "import:data": ["staff", "admin"],
  /** 导出Excel of a list the user can see (rows are scoped by the list's own query) */
  "export:list": ["officer", "leader", "staff", "admin"],
  "view:cockpit": ["leader", "staff", "admin"],
  "manage:report": ["leader", "staff", "admin"],
  "admin:system": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Domain use cases call this first: ForbiddenError unless the actor's role has the permission. */
export function assertCan(actor: Pick<Actor, "role">, permission: Permission): void {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

/** The fields of a user that permission checks need; the session user carries them. */
export interface Actor {
  id: number;
  role: Role;
  unitId: number;
}

/** May the actor edit this project (fields, stage, status, activities)? */
export function canEditProject(actor: Actor, project: { ownerId: number; memberIds: readonly number[] }): boolean {
  if (can(actor.role, "update:project:any")) return true;
  if (!can(actor.role, "update:project:own")) return false;
  return project.ownerId === actor.id || project.memberIds.includes(actor.id);
}

/**
 * May the actor change the project's 负责人/负责单位 (DESIGN.md §3)? Leaders and administrators yes;
 * an officer only on a project of their own unit that they may edit. A member from another unit
 * edits the project but never moves it out of its owner's unit or takes it over.
 */
export function canReassignProject(actor: Actor, project: { ownerId: number; unitId: number; memberIds: readonly number[] }): boolean {
  if (can(actor.role, "update:project:any")) return true;
  return canEditProject(actor, project) && project.unitId === actor.unitId;
}
