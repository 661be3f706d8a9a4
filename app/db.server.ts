/**
 * The app's one database connection, opened (and migrated) on first use and kept across
 * dev rebuilds. The path comes from DATABASE_PATH (default data/fdi-crm.db).
 */
import { databasePathFromEnv, openDatabase, type Db, type Tx } from "../db/client";
import { backfillSearchText } from "./companies/search-backfill.server";

export * as t from "../db/schema";
export type { Db, Tx };

const holder = globalThis as unknown as { __fdiDb?: Db };

export function db(): Db {
  if (!holder.__fdiDb) {
    // the server syncs the WAL before each answer (server.ts, commitsOnDisk), off the event loop
    const opened = openDatabase(databasePathFromEnv(), { walSyncs: "deferred" });
    fillMissingSearchText(opened);
    holder.__fdiDb = opened;
  }
  return holder.__fdiDb;
}

/**
 * Search text the migrations could not compute (migration 0006). A database that cannot be written
 * (a full or read-only disk) still opens and serves: the rows wait for the next start.
 */
function fillMissingSearchText(opened: Db): void {
  try {
    const filled = backfillSearchText(opened, (message) => console.log(message));
    if (filled > 0) console.log(`已补全 ${filled} 条企业/项目的搜索文本 search text filled`);
  } catch (error) {
    console.error("搜索文本补全失败，下次启动时重试 search text backfill failed", error);
  }
}
