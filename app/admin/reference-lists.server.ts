/**
 * 单位 and 线索来源 upkeep (DESIGN.md §11): create, rename, order, retire (停用 hides an entry
 * from every choice while records keep it) and delete only what nothing uses.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { writeAudit } from "../audit/audit.server";
import { assertCan, type Actor } from "../auth/permissions";
import { db, t } from "../db.server";
import { ConflictError, InvalidError, NotFoundError } from "../lib/errors";
import { updateVersioned } from "../lib/versioned-update.server";
import { recordOperation } from "../operations/operation-log.server";
import type { ReferenceItemInput, ReferenceListName } from "./reference-list.schema";
import { REFERENCE_LISTS } from "./reference-list.schema";

/** Where each list's entries are used: a used entry can be retired but not deleted. */
const USES: Record<ReferenceListName, ReadonlyArray<{ column: SQLiteColumn; label: string }>> = {
  units: [
    { column: t.users.unitId, label: "用户" },
    { column: t.projects.unitId, label: "项目" },
    { column: t.targets.unitId, label: "目标" },
  ],
  channels: [{ column: t.projects.channelId, label: "项目" }],
};

const TABLES = { units: t.units, channels: t.channels } as const;
const ENTITY_TYPES = { units: "unit", channels: "channel" } as const;
const OPERATION_KINDS = { units: "unit", channels: "channel" } as const;

export interface ReferenceItem {
  id: number;
  name: string;
  kind: string | null;
  sortOrder: number;
  active: boolean;
  version: number;
  /** "用户 3，项目 120", empty when unused */
  usage: string;
}

function usageOf(list: ReferenceListName, id: number): string {
  return USES[list]
    .map(({ column, label }) => {
      const n = db().get<{ n: number }>(sql`select count(*) as n from ${column.table} where ${column} = ${id}`).n;
      return n > 0 ? `${label} ${n}` : null;
    })
    .filter(Boolean)
    .join("，");
}

export function listReferenceItems(actor: Actor, list: ReferenceListName): ReferenceItem[] {
  assertCan(actor, "admin:system");
  const table = TABLES[list];
  const rows = db()
    .select({
      id: table.id,
      name: table.name,
      kind: list === "units" ? t.units.kind : sql<null>`null`,
      sortOrder: table.sortOrder,
      active: table.active,
      version: table.version,
    })
    .from(table)
    .orderBy(sql`${table.active} desc`, asc(table.sortOrder), asc(table.id))
    .all() as Array<Omit<ReferenceItem, "usage">>;
  return rows.map((row) => ({ ...row, usage: usageOf(list, row.id) }));
}

function itemRecord(list: ReferenceListName, id: number) {
  const table = TABLES[list];
  const row = db().select().from(table).where(eq(table.id, id)).get();
  if (!row) throw new NotFoundError(`${REFERENCE_LISTS[list].label}不存在`);
  return row as typeof row & { name: string; active: boolean; sortOrder: number };
}

function assertNameFree(list: ReferenceListName, name: string, exceptId?: number): void {
  const table = TABLES[list];
  const clash = db()
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.name, name), exceptId ? sql`${table.id} <> ${exceptId}` : undefined))
    .get();
  if (clash) throw new InvalidError({ name: `已有同名的${REFERENCE_LISTS[list].label}` });
}

function valuesOf(list: ReferenceListName, data: ReferenceItemInput): Record<string, unknown> {
  const values: Record<string, unknown> = { name: data.name, sortOrder: data.sortOrder };
  if (list === "units") values.kind = data.kind ?? "other";
  return values;
}

/** New entries go last unless given a place. */
export function createReferenceItem({ actor, list, data }: { actor: Actor; list: ReferenceListName; data: ReferenceItemInput }): number {
  assertCan(actor, "admin:system");
  const table = TABLES[list];
  return db().transaction((tx) => {
    assertNameFree(list, data.name);
    const last = tx
      .select({ n: sql<number>`coalesce(max(${table.sortOrder}), 0)` })
      .from(table)
      .get()!.n;
    const values = valuesOf(list, { ...data, sortOrder: data.sortOrder ?? last + 1 });
    const id = (
      tx
        .insert(table)
        .values(values as never)
        .returning({ id: table.id })
        .get() as { id: number }
    ).id;
    writeAudit(tx, {
      entityType: ENTITY_TYPES[list],
      entityId: id,
      action: "create",
      userId: actor.id,
      changes: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, [null, value]])),
    });
    recordOperation({
      kind: OPERATION_KINDS[list],
      summary: `新增${REFERENCE_LISTS[list].label}「${data.name}」`,
      userId: actor.id,
      entityType: ENTITY_TYPES[list],
      entityId: id,
    });
    return id;
  });
}

export function updateReferenceItem({
  actor,
  list,
  id,
  version,
  data,
}: {
  actor: Actor;
  list: ReferenceListName;
  id: number;
  version: number;
  data: ReferenceItemInput;
}): void {
  assertCan(actor, "admin:system");
  db().transaction((tx) => {
    const before = itemRecord(list, id);
    if (before.name !== data.name) assertNameFree(list, data.name, id);
    const values = valuesOf(list, { ...data, sortOrder: data.sortOrder ?? before.sortOrder });
    updateVersioned(tx, { table: TABLES[list], entityType: ENTITY_TYPES[list], id, version, values, userId: actor.id, before });
    if (before.name !== data.name) {
      recordOperation({
        kind: OPERATION_KINDS[list],
        summary: `${REFERENCE_LISTS[list].label}「${before.name}」改名为「${data.name}」`,
        userId: actor.id,
        entityType: ENTITY_TYPES[list],
        entityId: id,
      });
    }
  });
}

/** 停用 hides the entry from every choice (records keep it); 启用 brings it back. */
export function setReferenceItemActive({
  actor,
  list,
  id,
  version,
  active,
}: {
  actor: Actor;
  list: ReferenceListName;
  id: number;
  version: number;
  active: boolean;
}): void {
  assertCan(actor, "admin:system");
  db().transaction((tx) => {
    const before = itemRecord(list, id);
    if (!active && list === "units") {
      const activeUsers = tx
        .select({ n: sql<number>`count(*)` })
        .from(t.users)
        .where(and(eq(t.users.unitId, id), eq(t.users.active, true)))
        .get()!.n;
      if (activeUsers > 0) throw new InvalidError({}, `还有 ${activeUsers} 个在用的用户属于该单位，请先把他们调到其他单位`);
    }
    updateVersioned(tx, { table: TABLES[list], entityType: ENTITY_TYPES[list], id, version, values: { active }, userId: actor.id, before });
    recordOperation({
      kind: OPERATION_KINDS[list],
      summary: `${active ? "启用" : "停用"}${REFERENCE_LISTS[list].label}「${before.name}」`,
      userId: actor.id,
      entityType: ENTITY_TYPES[list],
      entityId: id,
    });
  });
}

/** Deletes an entry nothing uses; a used one is refused, naming its uses. */
export function deleteReferenceItem({ actor, list, id, version }: { actor: Actor; list: ReferenceListName; id: number; version: number }): void {
  assertCan(actor, "admin:system");
  const table = TABLES[list];
  db().transaction((tx) => {
    const before = itemRecord(list, id);
    const usage = usageOf(list, id);
    if (usage) throw new InvalidError({}, `「${before.name}」正在使用（${usage}），不能删除；不再使用时可以停用`);
    const deleted = tx
      .delete(table)
      .where(and(eq(table.id, id), eq(table.version, version)))
      .run();
    if (deleted.changes === 0) throw new ConflictError();
    writeAudit(tx, { entityType: ENTITY_TYPES[list], entityId: id, action: "delete", userId: actor.id, changes: { name: [before.name, null] } });
    recordOperation({
      kind: OPERATION_KINDS[list],
      summary: `删除${REFERENCE_LISTS[list].label}「${before.name}」`,
      userId: actor.id,
      entityType: ENTITY_TYPES[list],
      entityId: id,
    });
  });
}
