/**
 * Fills the search text of rows that have none yet: every company and project when migration 0006
 * first runs (a SQL migration cannot compute pinyin), and any row a writer outside the app left
 * without one. For companies the duplicate guard's name keys are recomputed with it, as the same
 * migration changed how names are folded. A project's text ends with its company's
 * (projectSearchTextOf), so companies are filled first.
 *
 * Run once when the app opens its database. A few rows are written with the index triggers in
 * place. A large backfill (an upgrade: 150,000 rows) instead writes batches with the search
 * triggers paused, and the transaction of the last batch rebuilds both indexes once: re-entering
 * each row in the index as it is written cost most of the time. Every batch commits on its own with
 * its triggers restored, so an interrupted run resumes where it stopped (rows still without search
 * text are what is left) and the rebuild runs with the batch that leaves none.
 */
import type Database from "better-sqlite3";
import type { Db } from "../../db/client";
import { companyNameColumns } from "./company-name";
import { projectSearchTextOf } from "./name-folding";

export const BACKFILL_BATCH = 5000;

/** The triggers a paused batch drops and puts back (migrations 0006 and 0007). */
const PAUSED_TRIGGERS = ["companies_fts_update", "companies_search_to_projects", "projects_fts_update"];

interface PendingCompany {
  id: number;
  name: string;
  foreignName: string | null;
}

interface PendingProject {
  id: number;
  name: string;
  companySearchText: string;
}

/** Computes what is missing; returns how many rows it filled. Nothing pending costs one index read per table. */
export function backfillSearchText(db: Db, log: (message: string) => void = () => {}, batchSize = BACKFILL_BATCH): number {
  const sqlite = db.$client;
  const pendingCount = (table: "companies" | "projects") =>
    sqlite.prepare<[], number>(`select count(*) from ${table} where search_text = ''`).pluck().get() ?? 0;
  const companies = pendingCount("companies");
  const projects = pendingCount("projects");
  if (companies + projects === 0) return 0;

  const pendingCompanies = sqlite.prepare<[number], PendingCompany>(
    "select id, name, foreign_name as foreignName from companies where search_text = '' limit ?",
  );
  // the company's text as stored now: companies are filled before projects
  const pendingProjects = sqlite.prepare<[number], PendingProject>(
    `select p.id, p.name, c.search_text as companySearchText from projects p join companies c on c.id = p.company_id
      where p.search_text = '' limit ?`,
  );
  const setCompany = sqlite.prepare("update companies set name_key = ?, foreign_name_key = ?, search_text = ? where id = ?");
  const setProject = sqlite.prepare("update projects set search_text = ? where id = ?");
  const writeCompanies = (rows: PendingCompany[]) => {
    for (const row of rows) {
      const columns = companyNameColumns(row.name, row.foreignName);
      setCompany.run(columns.nameKey, columns.foreignNameKey, columns.searchText, row.id);
    }
  };
  const writeProjects = (rows: PendingProject[]) => {
    for (const row of rows) setProject.run(projectSearchTextOf(row.name, row.companySearchText), row.id);
  };

  if (companies + projects <= batchSize) {
    // a handful of rows: the triggers keep the indexes, no rebuild
    sqlite.transaction(() => {
      writeCompanies(pendingCompanies.all(batchSize));
      writeProjects(pendingProjects.all(batchSize));
    })();
    return companies + projects;
  }

  log(`正在补全搜索文本：企业 ${companies} 家、项目 ${projects} 个（每批 ${batchSize} 条，中断后下次启动继续）`);
  const started = Date.now();
  let filled = 0;
  const batch = sqlite.transaction(() => {
    const definitions = dropTriggers(sqlite);
    let rows = 0;
    const companyRows = pendingCompanies.all(batchSize);
    writeCompanies(companyRows);
    rows += companyRows.length;
    if (rows < batchSize) {
      const projectRows = pendingProjects.all(batchSize - rows);
      writeProjects(projectRows);
      rows += projectRows.length;
    }
    const done = pendingCompanies.all(1).length === 0 && pendingProjects.all(1).length === 0;
    // the rows written while paused are in neither index yet: the last batch re-reads them all
    if (done) {
      sqlite.exec("insert into companies_fts (companies_fts) values ('rebuild')");
      sqlite.exec("insert into projects_fts (projects_fts) values ('rebuild')");
    }
    for (const definition of definitions) sqlite.exec(definition);
    return { rows, done };
  });
  for (;;) {
    const { rows, done } = batch();
    filled += rows;
    log(`搜索文本补全：${filled}/${companies + projects}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    if (done || rows === 0) break;
  }
  log(`搜索文本补全完成，已重建检索索引，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
  return filled;
}

/** Drops the search triggers that exist, returning their definitions to put back in the same transaction. */
function dropTriggers(sqlite: Database.Database): string[] {
  const definitions = PAUSED_TRIGGERS.flatMap((name) => {
    const row = sqlite.prepare<[string], { sql: string }>("select sql from sqlite_master where type = 'trigger' and name = ?").get(name);
    return row ? [row.sql] : [];
  });
  for (const name of PAUSED_TRIGGERS) sqlite.exec(`drop trigger if exists "${name}"`);
  return definitions;
}
