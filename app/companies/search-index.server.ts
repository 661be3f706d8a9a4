/**
 * The search indexes (migrations 0001, 0006 and 0007): FTS5 trigram over companies.search_text and
 * projects.search_text (folded names, pinyin, initials: name-folding.ts), kept by triggers. A
 * project's search text ends with its company's, so the project search is one lookup on projects.
 * A query is folded as names are and looked for as a substring of the search text; for 3+
 * characters the index narrows the candidates and LIKE confirms them, so the result is exactly
 * what a LIKE scan of the search text returns. Shorter terms use LIKE alone (trigram finds nothing).
 *
 * A bulk write — an import of thousands of companies — pauses the company triggers and brings the
 * index up to date in one statement per kind of change at the end, inside the same transaction,
 * instead of row by row: new companies are added, renamed ones re-entered.
 */
import { and, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Tx } from "../audit/audit.server";
import { db, t } from "../db.server";
import { withoutControlCharacters } from "../lib/text";
import { projectSearchTextOf, searchTerms } from "./name-folding";

/** FTS5 trigram matches need at least three characters; shorter terms fall back to LIKE alone. */
export const TRIGRAM_MIN_LENGTH = 3;

interface SearchTarget {
  id: AnySQLiteColumn;
  searchText: AnySQLiteColumn;
  index: "companies_fts" | "projects_fts";
}

export const COMPANY_SEARCH: SearchTarget = { id: t.companies.id, searchText: t.companies.searchText, index: "companies_fts" };
export const PROJECT_SEARCH: SearchTarget = { id: t.projects.id, searchText: t.projects.searchText, index: "projects_fts" };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Rows whose search text holds what was typed (folded), by any of its terms (searchTerms). */
export function searchTextMatches(target: SearchTarget, typed: string): SQL {
  // a NUL or another control character would break the index's query: searched for as typed without it
  const terms = searchTerms(withoutControlCharacters(typed));
  if (terms.length === 0) return sql`1 = 1`;
  return or(
    ...terms.map((term) => {
      const like = sql`${target.searchText} like ${`%${escapeLike(term)}%`} escape '\\'`;
      if ([...term].length < TRIGRAM_MIN_LENGTH) return like;
      const phrase = `"${term.replace(/"/g, '""')}"`;
      return and(sql`${target.id} in (select rowid from ${sql.identifier(target.index)} where ${sql.identifier(target.index)} match ${phrase})`, like);
    }),
  ) as SQL;
}

/**
 * A project's search text with its company's current one (projectSearchTextOf). Inside a write, pass
 * its transaction so a company written in it is seen.
 */
export function projectSearchText(name: string, companyId: number, reader: Pick<Tx, "get"> = db()): string {
  const company = reader.get<{ searchText: string } | undefined>(sql`select search_text as searchText from companies where id = ${companyId}`);
  return projectSearchTextOf(name, company?.searchText ?? "");
}

const TRIGGERS = ["companies_fts_insert", "companies_fts_update", "companies_fts_delete"];

/**
 * Runs `write` with the company index triggers paused. `write` returns the companies whose search
 * text it changed, with their old search text (their entries are replaced); companies it inserted
 * are found by id.
 */
export function withCompanySearchPaused<T>(tx: Tx, write: () => { renamed: readonly { id: number; searchText: string }[]; result: T }): T {
  const definitions = tx.all<{ name: string; sql: string }>(
    sql`select name, sql from sqlite_master where type = 'trigger' and name in (${sql.join(
      TRIGGERS.map((name) => sql`${name}`),
      sql`, `,
    )})`,
  );
  const lastId = tx.get<{ id: number | null }>(sql`select max(id) as id from companies`)?.id ?? 0;
  for (const { name } of definitions) tx.run(sql.raw(`drop trigger "${name}"`));
  const { renamed, result } = write();
  for (const old of renamed) {
    tx.run(sql`insert into companies_fts (companies_fts, rowid, search_text) values ('delete', ${old.id}, ${old.searchText})`);
    tx.run(sql`insert into companies_fts (rowid, search_text) select id, search_text from companies where id = ${old.id}`);
  }
  tx.run(sql`insert into companies_fts (rowid, search_text) select id, search_text from companies where id > ${lastId}`);
  for (const definition of definitions) tx.run(sql.raw(definition.sql));
  return result;
}
