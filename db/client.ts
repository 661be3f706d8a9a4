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
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const migrationsFolder = path.join(projectRoot, "migrations");

export const defaultDatabasePath = path.join(projectRoot, "data", "fdi-crm.db");

export function databasePathFromEnv(): string {
  return process.env.DATABASE_PATH ? path.resolve(process.env.DATABASE_PATH) : defaultDatabasePath;
}

export function openDatabase(file: string, { migrations = true }: { migrations?: boolean } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("temp_store = MEMORY");
  const db = drizzle(sqlite, { schema });
  if (migrations) migrate(db, { migrationsFolder });
  return db as Db;
}
