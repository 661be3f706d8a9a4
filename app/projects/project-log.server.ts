/**
 * A project's two logs (DESIGN.md §2): the stage log and the status log, each a chronological list
 * of changes with their business date (发生日期). Every figure at a date reads them
 * (app/figures/measures.server.ts); these helpers keep them written the same way everywhere.
 */
import { and, asc, count, desc, eq, isNotNull, isNull, max, min, sql } from "drizzle-orm";
import type { Tx } from "../audit/audit.server";
import { db, t } from "../db.server";
import { preparedOnce } from "../lib/prepared.server";

/** The entry of a new project in both logs: 线索 and 进行中 on its 线索日期. */
export function recordProjectEntry(
  tx: Tx,
  { projectId, enteredOn, userId, note = null }: { projectId: number; enteredOn: string; userId: number; note?: string | null },
): void {
  tx.insert(t.stageChanges).values({ projectId, fromStage: null, toStage: "lead", occurredOn: enteredOn, userId, note }).run();
  tx.insert(t.statusChanges).values({ projectId, fromStatus: null, toStatus: "active", occurredOn: enteredOn, userId }).run();
}

/** Moves the entry rows of both logs to a corrected 线索日期. */
export function moveProjectEntry(tx: Tx, projectId: number, enteredOn: string): void {
  tx.update(t.stageChanges)
    .set({ occurredOn: enteredOn })
    .where(and(eq(t.stageChanges.projectId, projectId), isNull(t.stageChanges.fromStage)))
    .run();
  tx.update(t.statusChanges)
    .set({ occurredOn: enteredOn })
    .where(and(eq(t.statusChanges.projectId, projectId), isNull(t.statusChanges.fromStatus)))
    .run();
}

/**
 * The stage log's dates: the 线索日期 (its entry row), how many transitions followed, and the latest
 * 发生日期 among them (null before the first).
 */
export function stageLogDates(projectId: number): { enteredOn: string; transitions: number; lastChangedOn: string | null } {
  const entry = stageEntryStatement().get({ projectId });
  const moves = stageMovesStatement().get({ projectId });
  return { enteredOn: entry?.occurredOn ?? "0000-01-01", transitions: moves?.n ?? 0, lastChangedOn: moves?.latest ?? null };
}

/** The status log's dates: the first and the latest 发生日期 of its changes (null before the first). */
export function statusLogDates(projectId: number): { firstChangedOn: string | null; lastChangedOn: string | null } {
  const row = db()
    .select({ first: min(t.statusChanges.occurredOn), latest: max(t.statusChanges.occurredOn) })
    .from(t.statusChanges)
    .where(and(eq(t.statusChanges.projectId, projectId), isNotNull(t.statusChanges.fromStatus)))
    .get();
  return { firstChangedOn: row?.first ?? null, lastChangedOn: row?.latest ?? null };
}

/** The status changes of a project (not its entry), latest first, for its 阶段记录. */
export function listStatusHistory(projectId: number) {
  return statusHistoryStatement().all({ projectId });
}

// Read on every view of a project page: built and prepared once.
const projectIdParam = sql.placeholder("projectId");
const stageEntryStatement = preparedOnce(() =>
  db()
    .select({ occurredOn: t.stageChanges.occurredOn })
    .from(t.stageChanges)
    .where(and(eq(t.stageChanges.projectId, projectIdParam), isNull(t.stageChanges.fromStage)))
    .orderBy(asc(t.stageChanges.id))
    .prepare(),
);
const stageMovesStatement = preparedOnce(() =>
  db()
    .select({ n: count(), latest: max(t.stageChanges.occurredOn) })
    .from(t.stageChanges)
    .where(and(eq(t.stageChanges.projectId, projectIdParam), isNotNull(t.stageChanges.fromStage)))
    .prepare(),
);
const statusHistoryStatement = preparedOnce(() =>
  db()
    .select({
      id: t.statusChanges.id,
      fromStatus: t.statusChanges.fromStatus,
      toStatus: t.statusChanges.toStatus,
      occurredOn: t.statusChanges.occurredOn,
      recordedAt: t.statusChanges.recordedAt,
      reason: t.statusChanges.reason,
      lostTo: t.statusChanges.lostTo,
      userName: t.users.displayName,
    })
    .from(t.statusChanges)
    .leftJoin(t.users, eq(t.users.id, t.statusChanges.userId))
    .where(and(eq(t.statusChanges.projectId, projectIdParam), isNotNull(t.statusChanges.fromStatus)))
    .orderBy(desc(t.statusChanges.occurredOn), desc(t.statusChanges.id))
    .prepare(),
);
