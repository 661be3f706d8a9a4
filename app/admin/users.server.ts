/**
 * 用户 (DESIGN.md §11): the administrator creates users with a one-time password, edits their role
 * and unit, deactivates and reactivates them, resets passwords and unlocks sign-in; every user
 * changes their own password. Nobody can remove the last active administrator.
 */
import crypto from "node:crypto";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { writeAudit } from "../audit/audit.server";
import { clearFailedAttempts, lockedUsernames } from "../auth/login.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import type { ChangePasswordInput } from "../auth/password-policy";
import { assertCan, ROLE_LABELS, type Actor, type Role } from "../auth/permissions";
import { endSessionsOf } from "../auth/session.server";
import { db, t } from "../db.server";
import { InvalidError, NotFoundError } from "../lib/errors";
import { updateVersioned } from "../lib/versioned-update.server";
import { recordOperation } from "../operations/operation-log.server";
import type { EditUserInput, NewUserInput } from "./user.schema";

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  active: boolean;
  lastSignInAt: number | null;
  mustChangePassword: boolean;
  locked: boolean;
  version: number;
}

export function listUsers(actor: Actor): UserRow[] {
  assertCan(actor, "admin:system");
  const rows = db()
    .select({
      id: t.users.id,
      username: t.users.username,
      displayName: t.users.displayName,
      role: t.users.role,
      unitId: t.users.unitId,
      unitName: t.units.name,
      active: t.users.active,
      lastSignInAt: t.users.lastSignInAt,
      mustChangePassword: t.users.mustChangePassword,
      version: t.users.version,
    })
    .from(t.users)
    .innerJoin(t.units, eq(t.units.id, t.users.unitId))
    .orderBy(sql`${t.users.active} desc`, asc(t.units.sortOrder), asc(t.users.username))
    .all();
  const locked = lockedUsernames(rows.map((row) => row.username));
  return rows.map((row) => ({ ...row, locked: locked.has(row.username) }));
}

export function getUser(actor: Actor, id: number): UserRow {
  const user = listUsers(actor).find((row) => row.id === id);
  if (!user) throw new NotFoundError("用户不存在");
  return user;
}

/** Twelve characters from an alphabet without look-alikes (0/O, 1/l/I), easy to read out. */
export function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(12);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

function assertActiveUnit(unitId: number): string {
  const unit = db()
    .select({ name: t.units.name })
    .from(t.units)
    .where(and(eq(t.units.id, unitId), eq(t.units.active, true)))
    .get();
  if (!unit) throw new InvalidError({ unitId: "请选择一个在用的单位" });
  return unit.name;
}

function activeAdministratorsOtherThan(userId: number): number {
  return db()
    .select({ n: sql<number>`count(*)` })
    .from(t.users)
    .where(and(eq(t.users.role, "admin"), eq(t.users.active, true), ne(t.users.id, userId)))
    .get()!.n;
}

function userRecord(id: number) {
  const user = db().select().from(t.users).where(eq(t.users.id, id)).get();
  if (!user) throw new NotFoundError("用户不存在");
  return user;
}

/** Creates the user; the answer carries the one-time password, shown once and never stored in clear. */
export async function createUser({ actor, data }: { actor: Actor; data: NewUserInput }): Promise<{ id: number; oneTimePassword: string }> {
  assertCan(actor, "admin:system");
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const id = db().transaction((tx) => {
    const unitName = assertActiveUnit(data.unitId);
    const taken = tx
      .select({ id: t.users.id })
      .from(t.users)
      .where(sql`lower(${t.users.username}) = lower(${data.username})`)
      .get();
    if (taken) throw new InvalidError({ username: "该用户名已被使用" });
    const row = tx
      .insert(t.users)
      .values({ ...data, passwordHash, mustChangePassword: true })
      .returning({ id: t.users.id })
      .get();
    writeAudit(tx, {
      entityType: "user",
      entityId: row.id,
      action: "create",
      userId: actor.id,
      changes: { username: [null, data.username], displayName: [null, data.displayName], role: [null, data.role], unitId: [null, data.unitId] },
    });
    recordOperation({
      kind: "user",
      summary: `新建用户 ${data.username}（${data.displayName}，${ROLE_LABELS[data.role]}，${unitName}）`,
      userId: actor.id,
      entityType: "user",
      entityId: row.id,
    });
    return row.id;
  });
  return { id, oneTimePassword: password };
}

/** 编辑: name, role and unit. A role change takes effect at the user's next request. */
export function updateUser({ actor, data }: { actor: Actor; data: EditUserInput }): void {
  assertCan(actor, "admin:system");
  db().transaction((tx) => {
    const before = userRecord(data.id);
    if (data.unitId !== before.unitId) assertActiveUnit(data.unitId);
    if (before.role === "admin" && data.role !== "admin" && before.active && activeAdministratorsOtherThan(data.id) === 0) {
      const message = "这是最后一个在用的系统管理员，不能改为其他角色";
      throw new InvalidError({ role: message }, message);
    }
    const values = { displayName: data.displayName, role: data.role, unitId: data.unitId };
    updateVersioned(tx, { table: t.users, entityType: "user", id: data.id, version: data.version, values, userId: actor.id, before });
    const changed = [
      before.role !== data.role ? `角色 ${ROLE_LABELS[before.role]} → ${ROLE_LABELS[data.role]}` : null,
      before.unitId !== data.unitId ? "所属单位变更" : null,
      before.displayName !== data.displayName ? `姓名 ${before.displayName} → ${data.displayName}` : null,
    ].filter(Boolean);
    if (changed.length > 0) {
      recordOperation({ kind: "user", summary: `修改用户 ${before.username}：${changed.join("；")}`, userId: actor.id, entityType: "user", entityId: data.id });
    }
  });
}

/** 停用 ends the user's sessions at once; 启用 lets them sign in again (old sessions stay ended). */
export function setUserActive({ actor, id, version, active }: { actor: Actor; id: number; version: number; active: boolean }): void {
  assertCan(actor, "admin:system");
  db().transaction((tx) => {
    const before = userRecord(id);
    if (!active) {
      if (id === actor.id) throw new InvalidError({}, "不能停用自己的账号");
      if (before.role === "admin" && activeAdministratorsOtherThan(id) === 0) throw new InvalidError({}, "这是最后一个在用的系统管理员，不能停用");
    }
    updateVersioned(tx, { table: t.users, entityType: "user", id, version, values: { active }, userId: actor.id, before });
    endSessionsOf(id);
    recordOperation({ kind: "user", summary: `${active ? "启用" : "停用"}用户 ${before.username}`, userId: actor.id, entityType: "user", entityId: id });
  });
}

/** 重置密码: a new one-time password, the user's sessions ended and sign-in unlocked. */
export async function resetPassword({ actor, id, version }: { actor: Actor; id: number; version: number }): Promise<string> {
  assertCan(actor, "admin:system");
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  db().transaction((tx) => {
    const before = userRecord(id);
    updateVersioned(tx, {
      table: t.users,
      entityType: "user",
      id,
      version,
      values: { passwordHash, mustChangePassword: true },
      userId: actor.id,
      before,
      changes: { password: ["（已隐藏）", "重置为一次性密码"] },
    });
    endSessionsOf(id);
    clearFailedAttempts(before.username);
    recordOperation({ kind: "user", summary: `重置用户 ${before.username} 的密码`, userId: actor.id, entityType: "user", entityId: id });
  });
  return password;
}

/** 解锁: failed sign-ins stop counting against the account. */
export function unlockUser({ actor, id }: { actor: Actor; id: number }): number {
  assertCan(actor, "admin:system");
  return db().transaction(() => {
    const user = userRecord(id);
    const cleared = clearFailedAttempts(user.username);
    recordOperation({ kind: "user", summary: `解锁用户 ${user.username}（清除 ${cleared} 次失败登录）`, userId: actor.id, entityType: "user", entityId: id });
    return cleared;
  });
}

/**
 * 修改密码: checks the current password, then stores the new one; the user's other sessions end
 * (a stolen session does not outlive the change), the one in use stays.
 */
export async function changeOwnPassword({ actor, data, sessionId }: { actor: Actor; data: ChangePasswordInput; sessionId: string | null }): Promise<void> {
  const user = userRecord(actor.id);
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) throw new InvalidError({ currentPassword: "当前密码不正确" });
  const passwordHash = await hashPassword(data.newPassword);
  db().transaction((tx) => {
    // hashing took a while outside the transaction: the row is read again, and its password must be the one checked
    const current = userRecord(actor.id);
    if (current.passwordHash !== user.passwordHash) throw new InvalidError({ currentPassword: "密码刚被修改过，请重新输入当前密码" });
    updateVersioned(tx, {
      table: t.users,
      entityType: "user",
      id: actor.id,
      version: current.version,
      values: { passwordHash, mustChangePassword: false },
      before: current,
      userId: actor.id,
      changes: { password: ["（已隐藏）", "已修改"] },
    });
    endSessionsOf(actor.id, { except: sessionId });
    recordOperation({ kind: "password", summary: `${user.username} 修改了自己的密码`, userId: actor.id, entityType: "user", entityId: actor.id });
  });
}

/** Units and roles the user forms offer. */
export function userFormOptions(actor: Actor) {
  assertCan(actor, "admin:system");
  return {
    units: db()
      .select({ id: t.units.id, name: t.units.name })
      .from(t.units)
      .where(eq(t.units.active, true))
      .orderBy(asc(t.units.sortOrder), asc(t.units.id))
      .all(),
    roles: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value: value as Role, label })),
  };
}
