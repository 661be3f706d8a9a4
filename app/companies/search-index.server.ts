/**
 * The company search index (migration 0001: FTS5 trigram over name and foreign name, kept by
 * triggers). A bulk write — an import of thousands of companies — pauses the triggers and
 * rebuilds the index once at the end, inside the same transaction, instead of row by row.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../audit/audit.server";

const TRIGGERS = ["companies_fts_insert", "companies_fts_update", "companies_fts_delete"];

export function withCompanySearchRebuilt<T>(tx: Tx, write: () => T): T {
  const definitions = tx.all<{ name: string; sql: string }>(
    sql`select name, sql from sqlite_master where type = 'trigger' and name in (${sql.join(TRIGGERS.map((name) => sql`${name}`), sql`, `)})`,
  );
  for (const { name } of definitions) tx.run(sql.raw(`drop trigger "${name}"`));
  const result = write();
  tx.run(sql`insert into companies_fts (companies_fts) values ('rebuild')`);
  for (const definition of definitions) tx.run(sql.raw(definition.sql));
  return result;
}
