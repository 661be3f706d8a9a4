/**
 * The header search (DESIGN.md §6): companies, projects and policies matching what was typed, each
 * group capped, projects only within the actor's scope. Companies and projects are found as their
 * lists find them (folded names, pinyin, initials: app/companies/name-folding.ts).
 */
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "../auth/permissions";
import { nameContains } from "../companies/companies.server";
import { db, t } from "../db.server";
import { listPolicies } from "../policies/policies.server";
import { projectTextMatches } from "../projects/projects.server";
import { visibleProjects } from "../projects/scope.server";

/** Results shown per group; "查看全部" leads to the list with the same search. */
export const SEARCH_GROUP_SIZE = 10;

export interface SearchGroup<T> {
  rows: T[];
  /** more match than are shown */
  more: boolean;
}

function capped<T>(rows: T[]): SearchGroup<T> {
  return { rows: rows.slice(0, SEARCH_GROUP_SIZE), more: rows.length > SEARCH_GROUP_SIZE };
}

export function searchEverything({ actor, q }: { actor: Actor; q: string }) {
  const text = q.trim();
  if (text === "") return null;
  // shortest names first: the closest match to a short query is usually the shortest name holding it
  const companies = db()
    .select({ id: t.companies.id, name: t.companies.name, foreignName: t.companies.foreignName, country: t.companies.country })
    .from(t.companies)
    .where(and(isNull(t.companies.deletedAt), nameContains(text)))
    .orderBy(asc(sql`length(${t.companies.name})`), asc(t.companies.id))
    .limit(SEARCH_GROUP_SIZE + 1)
    .all();
  const projects = db()
    .select({ id: t.projects.id, name: t.projects.name, companyName: t.companies.name, stage: t.projects.stage, status: t.projects.status })
    .from(t.projects)
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .where(and(visibleProjects(actor), projectTextMatches(text)))
    .orderBy(desc(t.projects.updatedAt), desc(t.projects.id))
    .limit(SEARCH_GROUP_SIZE + 1)
    .all();
  const policies = listPolicies({ q: text, page: 1 });
  return {
    companies: capped(companies),
    projects: capped(projects),
    policies: {
      rows: policies.rows.slice(0, SEARCH_GROUP_SIZE).map((row) => ({ id: row.id, title: row.title, docNumber: row.docNumber, expired: row.expired })),
      more: policies.rows.length > SEARCH_GROUP_SIZE || policies.hasNext,
    },
  };
}
