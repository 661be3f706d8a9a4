/**
 * Fills the search text of rows that have none yet: every company and project when migration 0006
 * first runs (a SQL migration cannot compute pinyin), and any row a writer outside the app left
 * without one. For companies the duplicate guard's name keys are recomputed with it, as the same
 * migration changed how names are folded. Run once when the app opens its database; batches of
 * 2,000 rows each commit on their own, so an interrupted run resumes where it stopped.
 */
import type { Db } from "../../db/client";
import { companyNameColumns } from "./company-name";
import { searchTextOf } from "./name-folding";

const BATCH = 2000;

/** Computes what is missing; returns how many rows it filled. Nothing pending costs one index read per table. */
export function backfillSearchText(db: Db): number {
  const sqlite = db.$client;
  let filled = 0;

  const pendingCompanies = sqlite.prepare<[number], { id: number; name: string; foreignName: string | null }>(
    "select id, name, foreign_name as foreignName from companies where search_text = '' limit ?",
  );
  const setCompany = sqlite.prepare("update companies set name_key = ?, foreign_name_key = ?, search_text = ? where id = ?");
  const fillCompanies = sqlite.transaction((rows: { id: number; name: string; foreignName: string | null }[]) => {
    for (const row of rows) {
      const columns = companyNameColumns(row.name, row.foreignName);
      setCompany.run(columns.nameKey, columns.foreignNameKey, columns.searchText, row.id);
    }
  });
  for (let rows = pendingCompanies.all(BATCH); rows.length > 0; rows = pendingCompanies.all(BATCH)) {
    fillCompanies(rows);
    filled += rows.length;
  }

  const pendingProjects = sqlite.prepare<[number], { id: number; name: string }>("select id, name from projects where search_text = '' limit ?");
  const setProject = sqlite.prepare("update projects set search_text = ? where id = ?");
  const fillProjects = sqlite.transaction((rows: { id: number; name: string }[]) => {
    for (const row of rows) setProject.run(searchTextOf(row.name), row.id);
  });
  for (let rows = pendingProjects.all(BATCH); rows.length > 0; rows = pendingProjects.all(BATCH)) {
    fillProjects(rows);
    filled += rows.length;
  }
  return filled;
}
