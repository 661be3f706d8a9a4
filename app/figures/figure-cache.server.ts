/**
 * Figures depend only on the data and the question asked (period, breakdown). A result is kept
 * until something it may read is written: the stamp is this connection's count of changed rows plus
 * SQLite's data_version (which moves when another process — an import, a restore — commits). Two
 * kinds of rows are left out of the count: bookkeeping that no figure reads (a session's last-seen
 * time, a form's one-time token), and the rows of a follow-up (an activity with its project's
 * 最近活动, 下次跟进 and update time, and their audit rows), which only the entries that ask for them
 * (`{ followUps: true }`) count: the officers' daily visit log leaves the cockpit's figures valid.
 */
import { db } from "../db.server";
import { preparedOnce } from "../lib/prepared.server";

const changedRows = preparedOnce(() => db().$client.prepare("select total_changes()").pluck());
let bookkeepingChanges = 0;
let followUpChanges = 0;

/**
 * Rows written that no figure reads (a session's last-seen time, written as people click about; a
 * form's one-time token): they leave cached figures valid.
 */
export function countBookkeepingChanges(changes: number): void {
  bookkeepingChanges += changes;
}

/**
 * Runs a write that records a follow-up and nothing else (添加活动记录, 更正 of an activity): the
 * rows it changes leave valid every cached figure that did not ask for follow-ups.
 */
export function followUpWrite<T>(write: () => T): T {
  const before = Number(changedRows().get());
  try {
    return write();
  } finally {
    followUpChanges += Number(changedRows().get()) - before;
  }
}

function dataStamp(followUps: boolean): string {
  const counted = Number(changedRows().get()) - bookkeepingChanges - (followUps ? 0 : followUpChanges);
  return `${counted}:${db().$client.pragma("data_version", { simple: true })}`;
}

/**
 * A cache of at most `maxEntries` results, the least recently used dropped first. Its function
 * returns `compute()`'s result for `key`, kept until the data it may read changes. `followUps`: the
 * result reads activities or a project's follow-up fields or update time (the 工作台 filters, lists
 * ordered by update time), so a follow-up makes it compute afresh too.
 */
export function figureCache(maxEntries: number) {
  const entries = new Map<string, { stamp: string; value: unknown }>();
  return function cached<T>(key: string, compute: () => T, { followUps = false }: { followUps?: boolean } = {}): T {
    const stamp = dataStamp(followUps);
    const hit = entries.get(key);
    if (hit && hit.stamp === stamp) {
      entries.delete(key);
      entries.set(key, hit);
      return hit.value as T;
    }
    const value = compute();
    entries.delete(key);
    entries.set(key, { stamp, value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  };
}

/** The screens' figures, totals and filter choices. */
export const cachedFigures = figureCache(100);
