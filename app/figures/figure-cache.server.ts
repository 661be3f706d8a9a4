/**
 * Figures depend only on the data and the question asked (period, breakdown). A result is kept
 * until anything is written: the stamp is this connection's count of changed rows plus SQLite's
 * data_version (which moves when another process — an import, a restore — commits). A write of
 * any kind, a sign-in included, makes the next view compute afresh.
 */
import { db } from "../db.server";
import { preparedOnce } from "../lib/prepared.server";

const MAX_ENTRIES = 100;
const entries = new Map<string, { stamp: string; value: unknown }>();

const changedRows = preparedOnce(() => db().$client.prepare("select total_changes()").pluck());
let bookkeepingChanges = 0;

/**
 * Rows written that no figure reads (a session's last-seen time, written as people click about):
 * they leave cached figures valid.
 */
export function countBookkeepingChanges(changes: number): void {
  bookkeepingChanges += changes;
}

function dataStamp(): string {
  return `${Number(changedRows().get()) - bookkeepingChanges}:${db().$client.pragma("data_version", { simple: true })}`;
}

export function cachedFigures<T>(key: string, compute: () => T): T {
  const stamp = dataStamp();
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = compute();
  entries.delete(key);
  entries.set(key, { stamp, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
