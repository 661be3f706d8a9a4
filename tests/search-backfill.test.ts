/**
 * The search-text backfill (app/companies/search-backfill.server.ts): rows left without search text
 * are filled — companies with their name keys, projects with their company's text — in batches with
 * the index triggers paused, the indexes rebuilt by the batch that leaves nothing pending, and an
 * interrupted run leaves the triggers in place and is finished by the next one.
 */
import { and, asc, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { getCompany, nameContains, updateCompany } from "../app/companies/companies.server";
import { companySchema } from "../app/companies/company.schema";
import { companyNameColumns } from "../app/companies/company-name";
import { projectSearchTextOf } from "../app/companies/name-folding";
import { backfillSearchText } from "../app/companies/search-backfill.server";
import { db, t } from "../app/db.server";
import { projectTextMatches } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

const COMPANIES = ["雪松精工株式会社", "澜舟传动有限公司", "星峰化学工業", "凛和精机（平湖）有限公司", "丰汐汽车部件", "朝凪电子", "Kleinwald GmbH"];
const SEARCH_TRIGGERS = [
  "companies_fts_insert",
  "companies_fts_update",
  "companies_fts_delete",
  "companies_search_to_projects",
  "projects_fts_insert",
  "projects_fts_update",
  "projects_fts_delete",
];

let actor: Actor;
const companyIds: number[] = [];
const projectIds: number[] = [];

beforeAll(() => {
  actor = makeUser("officer", makeUnit());
  COMPANIES.forEach((name, index) => {
    const companyId = makeCompany(actor, { name });
    companyIds.push(companyId);
    projectIds.push(makeProject(actor, { companyId, name: `回填测试项目${index}` }));
  });
});

/** What an older release left: no search text, and name keys folded the old way. */
function forgetSearchText(): void {
  const sqlite = db().$client;
  for (const id of companyIds) sqlite.prepare("update companies set search_text = '', name_key = 'old' where id = ?").run(id);
  for (const id of projectIds) sqlite.prepare("update projects set search_text = '' where id = ?").run(id);
}

const triggers = () =>
  db()
    .$client.prepare("select name from sqlite_master where type = 'trigger' and name like '%fts%' or name = 'companies_search_to_projects' order by name")
    .pluck()
    .all();

/** FTS5's own check that the index holds exactly the rows' text (throws when it does not). */
function checkIndexes(): void {
  db().$client.exec("insert into companies_fts (companies_fts, rank) values ('integrity-check', 1)");
  db().$client.exec("insert into projects_fts (projects_fts, rank) values ('integrity-check', 1)");
}

const companiesFound = (q: string) =>
  db()
    .select({ id: t.companies.id })
    .from(t.companies)
    .where(and(isNull(t.companies.deletedAt), nameContains(q)))
    .orderBy(asc(t.companies.id))
    .all()
    .map((row) => row.id);
const projectsFound = (q: string) =>
  db()
    .select({ id: t.projects.id })
    .from(t.projects)
    .where(and(isNull(t.projects.deletedAt), projectTextMatches(q)))
    .orderBy(asc(t.projects.id))
    .all()
    .map((row) => row.id);

describe("search text backfill", () => {
  it("fills companies and projects in batches, rebuilds the indexes once and puts the triggers back", () => {
    forgetSearchText();
    expect(companiesFound("xuesong")).toEqual([]);
    const messages: string[] = [];
    // 14 rows in batches of 4: the paused path
    expect(backfillSearchText(db(), (message) => messages.push(message), 4)).toBe(14);

    expect(messages[0]).toContain("正在补全搜索文本：企业 7 家、项目 7 个");
    expect(messages.filter((message) => message.startsWith("搜索文本补全："))).toHaveLength(4);
    expect(messages.at(-1)).toContain("搜索文本补全完成");
    expect(triggers()).toEqual([...SEARCH_TRIGGERS].sort());
    checkIndexes();

    const company = getCompany(companyIds[0]);
    expect(company.nameKey).toBe(companyNameColumns(company.name, null).nameKey);
    // 3+ characters go through the rebuilt trigram indexes
    expect(companiesFound("xuesong")).toEqual([companyIds[0]]);
    expect(companiesFound("星峰化学工业")).toEqual([companyIds[2]]);
    expect(projectsFound("xuesong")).toEqual([projectIds[0]]);
    expect(projectsFound("kleinwald")).toEqual([projectIds[6]]);
    expect(projectsFound("回填测试项目3")).toEqual([projectIds[3]]);
    const project = db().$client.prepare("select search_text from projects where id = ?").pluck().get(projectIds[1]);
    expect(project).toBe(projectSearchTextOf("回填测试项目1", companyNameColumns("澜舟传动有限公司", null).searchText));

    // the restored triggers keep projects in step with a later rename
    updateCompany({
      actor,
      id: companyIds[1],
      data: companySchema.parse({ name: "云杉传动有限公司", country: "JP" }),
      version: getCompany(companyIds[1]).version,
    });
    expect(projectsFound("lanzhou")).toEqual([]);
    expect(projectsFound("yunshan")).toEqual([projectIds[1]]);
    checkIndexes();
  });

  it("fills a handful of rows through the triggers, without a rebuild", () => {
    db().$client.prepare("update companies set search_text = '' where id = ?").run(companyIds[5]);
    db().$client.prepare("update projects set search_text = '' where id = ?").run(projectIds[5]);
    const messages: string[] = [];
    expect(backfillSearchText(db(), (message) => messages.push(message), 4)).toBe(2);
    expect(messages).toEqual([]);
    expect(projectsFound("朝凪电子")).toEqual([projectIds[5]]);
    checkIndexes();
  });

  it("leaves the triggers in place when interrupted, and the next start finishes the work", () => {
    forgetSearchText();
    let progress = 0;
    const interrupt = (message: string) => {
      if (message.startsWith("搜索文本补全：") && ++progress === 2) throw new Error("interrupted");
    };
    expect(() => backfillSearchText(db(), interrupt, 4)).toThrow("interrupted");

    // two batches committed, with their triggers; the rows they wrote await the rebuild
    expect(triggers()).toEqual([...SEARCH_TRIGGERS].sort());
    const pending = db()
      .$client.prepare("select (select count(*) from companies where search_text = '') + (select count(*) from projects where search_text = '')")
      .pluck()
      .get();
    expect(pending).toBe(6);
    expect(() => checkIndexes()).toThrow();

    expect(backfillSearchText(db(), () => {}, 4)).toBe(6);
    checkIndexes();
    expect(companiesFound("fengxi")).toEqual([companyIds[4]]);
    expect(projectsFound("xuesong")).toEqual([projectIds[0]]);
    expect(projectsFound("yunshan")).toEqual([projectIds[1]]);
  });

  it("costs nothing when nothing is pending", () => {
    expect(
      backfillSearchText(db(), () => {
        throw new Error("should not log");
      }),
    ).toBe(0);
  });
});
