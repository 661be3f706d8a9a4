/**
 * 操作日志: one row per sign-in, user or permission change, import, export, backup, restore and
 * verification. Written inside the caller's transaction when there is one, so an operation that
 * rolls back leaves no entry.
 */
import { sql } from "drizzle-orm";
import { db, t } from "../db.server";
import { preparedOnce } from "../lib/prepared.server";
import type { OperationKind } from "./operation-kinds";

export interface OperationEntry {
  kind: OperationKind;
  /** one line in Chinese: what was done, to what */
  summary: string;
  /** the acting user; absent for a failed sign-in or a command run on the server */
  userId?: number | null;
  /** the username as typed (sign-in) or the acting user's */
  username?: string | null;
  /** the client address, for sign-ins */
  address?: string | null;
  entityType?: string | null;
  entityId?: number | null;
}

const insertOperationStatement = preparedOnce(() =>
  db()
    .insert(t.operationLog)
    .values({
      kind: sql.placeholder("kind"),
      summary: sql.placeholder("summary"),
      userId: sql.placeholder("userId"),
      username: sql.placeholder("username"),
      address: sql.placeholder("address"),
      entityType: sql.placeholder("entityType"),
      entityId: sql.placeholder("entityId"),
    })
    .prepare(),
);

/** Records one operation on the app's connection (inside the caller's transaction, if any). */
export function recordOperation(entry: OperationEntry): void {
  insertOperationStatement().run({
    kind: entry.kind,
    summary: entry.summary,
    userId: entry.userId ?? null,
    username: entry.username ?? null,
    address: entry.address ?? null,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
  });
}
