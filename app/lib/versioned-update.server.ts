/**
 * The one way a versioned record changes (DESIGN.md §1): update where the version is the one the
 * user read, refuse a stale save with ConflictError, bump the version, and write the field-level
 * audit row — all inside the caller's synchronous transaction.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { diffRecords, writeAudit, type AuditAction, type Changes, type EntityType, type Tx } from "../audit/audit.server";
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
  /** the version the user read */
  version: number;
  values: Record<string, unknown>;
  userId: number;
  /** the record as read, for the audit's old values */
  before: Record<string, unknown> | null;
  action?: AuditAction;
  /** audit changes when they are not the plain difference of `before` and `values` */
  changes?: Changes;
}

/** Applies the update; returns the record's new version. */
export function updateVersioned(tx: Tx, update: VersionedUpdate): number {
  const { table } = update;
  const set: Record<string, unknown> = { ...update.values, version: sql`${table.version} + 1` };
  if (table.updatedAt) set.updatedAt = Date.now();
  const live = table.deletedAt ? isNull(table.deletedAt) : undefined;
  const result = tx
    .update(table)
    .set(set)
    .where(and(eq(table.id, update.id), eq(table.version, update.version), live))
    .run();
  if (result.changes === 0) throw new ConflictError();
  writeAudit(tx, {
    entityType: update.entityType,
    entityId: update.id,
    action: update.action ?? "update",
    userId: update.userId,
    changes: update.changes ?? diffRecords(update.before, update.values),
  });
  return update.version + 1;
}
