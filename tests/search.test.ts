/**
 * The header search (/search) and the project list's search: companies and projects found by
 * folded names, pinyin and initials, projects only within the actor's scope, each group capped
 * with a "查看全部" signal; and project search text kept on create and edit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { backfillSearchText } from "../app/companies/search-backfill.server";
import { db } from "../app/db.server";
import { policySchema } from "../app/policies/policy.schema";
import { createPolicy } from "../app/policies/policies.server";
import { projectSchema } from "../app/projects/project.schema";
import { getProject, listProjects, updateProject } from "../app/projects/projects.server";
import { SEARCH_GROUP_SIZE, searchEverything } from "../app/search/search.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

let officer: Actor;
let outsider: Actor;
let leader: Actor;
let ownProject: number;
let otherUnitProject: number;

beforeAll(() => {
  const unitId = makeUnit("搜索测试单位");
  const otherUnit = makeUnit("搜索外单位");
  officer = makeUser("officer", unitId);
  outsider = makeUser("officer", otherUnit);
  leader = makeUser("leader", unitId);
  const admin = makeUser("admin", unitId);
  const kleinwald = makeCompany(officer, { name: "克莱因瓦尔德传动有限公司", foreignName: "Kleinwald GmbH", country: "DE" });
  const sakurano = makeCompany(officer, { name: "樱野工業（株）", country: "JP" });
  ownProject = makeProject(officer, { companyId: kleinwald, name: "星峰园区扩产项目" });
  otherUnitProject = makeProject(outsider, { companyId: sakurano, name: "樱野新设工厂项目" });
  createPolicy({ actor: admin, data: policySchema.parse({ title: "平湖市招商引资若干政策（搜索测试）", docNumber: "平政发〔2026〕9号", level: "county" }) });
  for (let i = 0; i < SEARCH_GROUP_SIZE + 2; i++) makeCompany(officer, { name: `批量搜索澜舟企业${i}`, country: "JP" });
});

const projectIds = (actor: Actor, q: string) => listProjects(actor, { q, page: 1 }).rows.map((row) => row.id);

describe("project list search", () => {
  it("finds a project by its name's pinyin and initials", () => {
    expect(projectIds(officer, "xingfeng")).toEqual([ownProject]);
    expect(projectIds(officer, "xfyq")).toEqual([ownProject]);
    expect(projectIds(officer, "星峰")).toEqual([ownProject]);
  });

  it("finds a project by its company's folded or foreign name", () => {
    expect(projectIds(officer, "Ｋｌｅｉｎｗａｌｄ")).toEqual([ownProject]);
    expect(projectIds(leader, "樱野工业")).toEqual([otherUnitProject]);
    expect(projectIds(leader, "yingye")).toEqual([otherUnitProject]);
  });

  it("keeps the search text right when a project is renamed", () => {
    const project = getProject(officer, ownProject);
    const row = projectRow(ownProject);
    const data = projectSchema.parse({
      name: "云杉园区扩产项目",
      companyName: "克莱因瓦尔德传动有限公司",
      projectType: row.projectType,
      ownerId: row.ownerId,
      unitId: row.unitId,
      priority: row.priority,
      totalInvestmentUsd: String(row.totalInvestmentUsd),
      contractedFdiUsd: String(row.contractedFdiUsd),
    });
    updateProject({ actor: officer, id: ownProject, data, version: project.version });
    expect(projectIds(officer, "xingfeng")).toEqual([]);
    expect(projectIds(officer, "yunshan")).toEqual([ownProject]);
  });

  it("fills a project's search text left empty by an older release", () => {
    db().$client.prepare("update projects set search_text = '' where id = ?").run(otherUnitProject);
    expect(projectIds(leader, "xinshe")).toEqual([]);
    backfillSearchText(db());
    expect(projectIds(leader, "xinshe")).toEqual([otherUnitProject]);
  });
});

describe("header search", () => {
  it("returns nothing to show for a blank query", () => {
    expect(searchEverything({ actor: officer, q: "  " })).toBeNull();
  });

  it("finds companies, projects and policies in three groups", () => {
    const byPolicy = searchEverything({ actor: leader, q: "平湖市招商" })!;
    expect(byPolicy.policies.rows.map((row) => row.title)).toEqual(["平湖市招商引资若干政策（搜索测试）"]);
    const byCompany = searchEverything({ actor: leader, q: "kleinwald" })!;
    expect(byCompany.companies.rows.map((row) => row.name)).toEqual(["克莱因瓦尔德传动有限公司"]);
    expect(byCompany.projects.rows.map((row) => row.id)).toEqual([ownProject]);
  });

  it("shows only projects in the user's scope", () => {
    expect(searchEverything({ actor: officer, q: "樱野" })!.projects.rows).toEqual([]);
    expect(searchEverything({ actor: outsider, q: "樱野" })!.projects.rows.map((row) => row.id)).toEqual([otherUnitProject]);
    // companies are shared by everyone
    expect(searchEverything({ actor: officer, q: "樱野" })!.companies.rows.map((row) => row.name)).toEqual(["樱野工業（株）"]);
  });

  it("caps each group and says there are more", () => {
    const results = searchEverything({ actor: officer, q: "lanzhou" })!;
    expect(results.companies.rows).toHaveLength(SEARCH_GROUP_SIZE);
    expect(results.companies.more).toBe(true);
    expect(results.projects.more).toBe(false);
  });
});
