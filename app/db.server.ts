/**
 * The app's one database connection, opened (and migrated) on first use and kept across
 * dev rebuilds. The path comes from DATABASE_PATH (default data/fdi-crm.db).
 */
import { databasePathFromEnv, openDatabase, type Db } from "../db/client";

export * as t from "../db/schema";
export type { Db };

const holder = globalThis as unknown as { __fdiDb?: Db };

export function db(): Db {
  holder.__fdiDb ??= openDatabase(databasePathFromEnv());
  return holder.__fdiDb;
}
