/**
 * The company search index (migration 0001: FTS5 trigram over name and foreign name, kept by
 * triggers). A bulk write — an import of thousands of companies — pauses the triggers and brings
 * the index up to date in one statement per kind of change at the end, inside the same
 * transaction, instead of row by row: new companies are added, renamed ones re-entered.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../audit/audit.server";

const TRIGGERS = ["companies_fts_insert", "companies_fts_update", "companies_fts_delete"];

/**
 * Runs `write` with the index triggers paused. `write` returns the ids of existing companies whose
 * names it changed (their old entries are replaced); companies it inserted are found by id.
 */
export function withCompanySearchPaused<T>(tx: Tx, write: () => { renamed: readonly { id: number; name: string; foreignName: string | null }[]; result: T }): T {
  const definitions = tx.all<{ name: string; sql: string }>(
    sql`select name, sql from sqlite_master where type = 'trigger' and name in (${sql.join(TRIGGERS.map((name) => sql`${name}`), sql`, `)})`,
  );
  const lastId = tx.get<{ id: number | null }>(sql`select max(id) as id from companies`)?.id ?? 0;
  for (const { name } of definitions) tx.run(sql.raw(`drop trigger "${name}"`));
  const { renamed, result } = write();
  for (const old of renamed) {
    tx.run(sql`insert into companies_fts (companies_fts, rowid, name, foreign_name) values ('delete', ${old.id}, ${old.name}, ${old.foreignName})`);
    tx.run(sql`insert into companies_fts (rowid, name, foreign_name) select id, name, foreign_name from companies where id = ${old.id}`);
  }
  tx.run(sql`insert into companies_fts (rowid, name, foreign_name) select id, name, foreign_name from companies where id > ${lastId}`);
  for (const definition of definitions) tx.run(sql.raw(definition.sql));
  return result;
}
