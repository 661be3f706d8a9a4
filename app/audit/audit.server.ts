/**
 * The audit log: every create/update/delete/restore with field-level old/new values,
 * written inside the same transaction as the change it records.
 */
import { and, desc, eq, inArray, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { db, t, type Tx } from "../db.server";
import { preparedOnce } from "../lib/prepared.server";

export type { Tx };
export type Changes = Record<string, [unknown, unknown]>;

export type EntityType =
  | "company"
  | "contact"
  | "project"
  | "activity"
  | "user"
  | "unit"
  | "chain_node"
  | "target"
  | "report"
  | "commitment"
  | "park"
  | "policy"
  | "fdi_arrival"
  | "import_batch"
  | "attachment"
  | "channel";
export type AuditAction = "create" | "update" | "delete" | "restore" | "stage" | "status" | "verify" | "return" | "member" | "import" | "undo";

const IGNORED = new Set(["version", "updatedAt", "createdAt", "nameKey", "foreignNameKey", "searchText", "lastActivityOn"]);

/** Field-level differences between two versions of a record (only keys present in `after`). */
export function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(after)) {
    if (IGNORED.has(key) || value === undefined) continue;
    const old = before ? (before[key] ?? null) : null;
    if (old !== (value ?? null)) changes[key] = [old, value ?? null];
  }
  return changes;
}

/**
 * One moment per transaction: every audit row a save writes carries the same `at`, and no two
 * saves share one (this process is the only writer), so 变更记录 shows one save as one entry.
 */
const stamps = new WeakMap<Tx, number>();
let lastStamp = 0;

/** The `at` of the audit rows written in `tx` (for a set-based insert into audit_log). */
export function auditStamp(tx: Tx): number {
  const known = stamps.get(tx);
  if (known !== undefined) return known;
  const stamp = Math.max(Date.now(), lastStamp + 1);
  lastStamp = stamp;
  // outside a transaction each statement commits on its own: nothing to share
  if (db().$client.inTransaction) stamps.set(tx, stamp);
  return stamp;
}

/** Written with every change (50,000 times in a large import), so prepared once. */
const insertAuditStatement = preparedOnce(() =>
  db()
    .insert(t.auditLog)
    .values({
      at: sql.placeholder("at"),
      entityType: sql.placeholder("entityType"),
      entityId: sql.placeholder("entityId"),
      action: sql.placeholder("action"),
      userId: sql.placeholder("userId"),
      changes: sql.placeholder("changes"),
    })
    .prepare(),
);

/**
 * Writes one audit row. `tx` is the caller's transaction: the statement runs on the same
 * connection, inside it, so it commits or rolls back with the change it records.
 */
export function writeAudit(tx: Tx, entry: { entityType: EntityType; entityId: number; action: AuditAction; userId: number; changes?: Changes }): void {
  if (entry.action === "update" && entry.changes && Object.keys(entry.changes).length === 0) return;
  insertAuditStatement().run({
    at: auditStamp(tx),
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    userId: entry.userId,
    changes: entry.changes ?? null,
  });
}

export interface AuditEntry {
  id: number;
  entityType: string;
  entityId: number;
  action: string;
  at: number;
  userId: number | null;
  userName: string | null;
  changes: Changes | null;
}

/** 变更记录 of one record (and, optionally, of records that belong to it), newest first. */
export function listAudit(
  entityType: EntityType,
  entityId: number,
  options: { including?: Array<{ entityType: EntityType; /** a query selecting their ids */ ids: SQL }>; limit?: number } = {},
): AuditEntry[] {
  return selectAudit(entityType, entityId, options).all();
}

/** listAudit's query, unrun: a screen that reads it on every view prepares it once, the record's id a placeholder. */
export function selectAudit(
  entityType: EntityType,
  entityId: number | Placeholder,
  {
    including = [],
    limit = 100,
  }: { including?: Array<{ entityType: EntityType; /** a query selecting their ids */ ids: SQL }>; limit?: number | Placeholder } = {},
) {
  const own = and(eq(t.auditLog.entityType, entityType), eq(t.auditLog.entityId, entityId));
  const belonging = including.map((part) => and(eq(t.auditLog.entityType, part.entityType), sql`${t.auditLog.entityId} in (${part.ids})`));
  // the latest `limit` ids are picked from the entity index alone (it holds `at` and the id); only those rows are read
  const latest = db()
    .select({ id: t.auditLog.id })
    .from(t.auditLog)
    .where(or(own, ...belonging))
    .orderBy(desc(t.auditLog.at), desc(t.auditLog.id))
    .limit(limit);
  return db()
    .select({
      id: t.auditLog.id,
      entityType: t.auditLog.entityType,
      entityId: t.auditLog.entityId,
      action: t.auditLog.action,
      at: t.auditLog.at,
      userId: t.auditLog.userId,
      userName: t.users.displayName,
      changes: t.auditLog.changes,
    })
    .from(t.auditLog)
    .leftJoin(t.users, eq(t.users.id, t.auditLog.userId))
    .where(inArray(t.auditLog.id, latest))
    .orderBy(desc(t.auditLog.at), desc(t.auditLog.id));
}
