/**
 * Opens the SQLite database with the project's pragmas and applies pending migrations.
 * The one place a connection is made; app code reaches it through app/db.server.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { deferWalSyncs } from "./durable-commits";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction((tx) => …)`; better-sqlite3 transactions are synchronous. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const migrationsFolder = path.join(projectRoot, "migrations");

export const defaultDatabasePath = path.join(projectRoot, "data", "fdi-crm.db");

export function databasePathFromEnv(): string {
  return process.env.DATABASE_PATH ? path.resolve(process.env.DATABASE_PATH) : defaultDatabasePath;
}

/**
 * How long a write waits for another connection's write lock before failing with SQLITE_BUSY
 * (shown as 「数据库正忙，请稍后重试」). The driver is synchronous, so the wait blocks the event loop
 * and every request, reads included, stalls with it. 200 ms outlasts the short write of another
 * process (a backup's log row, a command-line fix: a few ms) while capping what a long writer
 * (an import run from the command line) can freeze; 5 s stalled the whole office.
 */
export const BUSY_TIMEOUT_MS = 200;

/**
 * `walSyncs`: "at-commit" (synchronous = FULL) for scripts and tests; "deferred" for the server's
 * connection, which syncs the WAL off the event loop before it answers (db/durable-commits.ts).
 */
export function openDatabase(
  file: string,
  { migrations = true, walSyncs = "at-commit" }: { migrations?: boolean; walSyncs?: "at-commit" | "deferred" } = {},
): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL syncs the WAL at every commit: an acknowledged save survives a power cut, not only a crash
  // (tests/bench/reliability.ts measures the cost). A "deferred" connection syncs before it answers instead.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");
  const db = drizzle(sqlite, { schema });
  if (migrations) migrate(db, { migrationsFolder });
  if (walSyncs === "deferred") deferWalSyncs(sqlite, file);
  return db as Db;
}
