/**
 * The one way a versioned record changes (DESIGN.md §1): update where the version is the one the
 * user read, refuse a stale save with ConflictError, bump the version, and write the field-level
 * audit row — all inside the caller's synchronous transaction.
 */
import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { diffRecords, writeAudit, type AuditAction, type Changes, type EntityType } from "../audit/audit.server";
import type { Tx } from "../db.server";
import { ConflictError } from "./errors";

export type VersionedTable = SQLiteTable & {
  id: SQLiteColumn;
  version: SQLiteColumn;
  updatedAt?: SQLiteColumn;
  deletedAt?: SQLiteColumn;
};

export interface VersionedUpdate {
  table: VersionedTable;
  entityType: EntityType;
  id: number;
  /** the version the user read (for a change the server makes on its own: the one read in this transaction) */
  version: number;
  values: Record<string, unknown>;
  userId: number;
  /** the record as read, for the audit's old values */
  before: Record<string, unknown> | null;
  action?: AuditAction;
  /** audit changes when they are not the plain difference of `before` and `values`; null for none */
  changes?: Changes | null;
  /** soft delete: sets deletedAt; audited as "delete", with no field changes unless `changes` gives them */
  softDelete?: boolean;
  /** 回收站: the row must be deleted now; clears deletedAt; audited as "restore", as a soft delete is */
  restore?: boolean;
  /** a further condition the row must still meet, else ConflictError (e.g. the status a step starts from) */
  where?: SQL;
  /** the record whose 变更记录 shows the change when it is not this row (a clause's edit shows on its policy) */
  auditEntityId?: number;
}

/** Applies the update; returns the record's new version. */
export function updateVersioned(tx: Tx, update: VersionedUpdate): number {
  const { table } = update;
  const lifecycle = update.softDelete ? "delete" : update.restore ? "restore" : null;
  if (lifecycle && !table.deletedAt) throw new Error(`${update.entityType} has no deleted_at to ${lifecycle} by`);
  const now = Date.now();
  const set: Record<string, unknown> = { ...update.values, version: sql`${table.version} + 1` };
  if (table.updatedAt) set.updatedAt = now;
  if (lifecycle) set.deletedAt = lifecycle === "delete" ? now : null;
  const state = table.deletedAt ? (update.restore ? isNotNull(table.deletedAt) : isNull(table.deletedAt)) : undefined;
  const result = tx
    .update(table)
    .set(set)
    .where(and(eq(table.id, update.id), eq(table.version, update.version), state, update.where))
    .run();
  if (result.changes === 0) throw new ConflictError();
  const changes = update.changes === undefined ? (lifecycle ? null : diffRecords(update.before, update.values)) : update.changes;
  writeAudit(tx, {
    entityType: update.entityType,
    entityId: update.auditEntityId ?? update.id,
    action: update.action ?? lifecycle ?? "update",
    userId: update.userId,
    changes: changes ?? undefined,
  });
  return update.version + 1;
}
