/**
 * Lists and the 看板 on a real migrated SQLite file: sortable columns both ways, the capped total and
 * the project list's pages past it, page sizes, the project search finding a company's name, the board's columns
 * (counts, sums, first cards by amount, "另有 N 项") against a hand-made fixture, and scope.
 */
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { listCompanies } from "../app/companies/companies.server";
import { companyFiltersFrom } from "../app/companies/listing";
import { db, t } from "../app/db.server";
import { COUNT_CAP, formatTotal } from "../app/lib/paging";
import { getProjectBoard } from "../app/projects/board.server";
import { projectFiltersFrom } from "../app/projects/listing";
import { listProjects } from "../app/projects/projects.server";
import type { Stage } from "../app/projects/stages";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

let leader: Actor;

beforeAll(() => {
  leader = makeUser("leader", makeUnit());
});

const names = (rows: readonly { name: string }[]) => rows.map((row) => row.name);
const setStage = (id: number, stage: Stage) => db().update(t.projects).set({ stage }).where(eq(t.projects.id, id)).run();

describe("sortable project list", () => {
  let unitId: number;
  beforeAll(() => {
    const officer = makeUser("officer", (unitId = makeUnit()));
    const companyId = makeCompany(officer);
    // name · 总投资（万美元） · 下次跟进
    makeProject(officer, { companyId, name: "B项目", totalInvestmentUsd: "30", contractedFdiUsd: "0", nextFollowUpOn: "2026-07-03", nextFollowUpItem: "回访" });
    makeProject(officer, { companyId, name: "A项目", totalInvestmentUsd: "10", contractedFdiUsd: "0" });
    makeProject(officer, { companyId, name: "C项目", totalInvestmentUsd: "20", contractedFdiUsd: "0", nextFollowUpOn: "2026-07-01", nextFollowUpItem: "报价" });
  });
  const sorted = (search: string) => names(listProjects(leader, { ...projectFiltersFrom(new URLSearchParams(search)), unitId }).rows);

  it("sorts by 总投资 both ways, largest first on the first click", () => {
    expect(sorted("sort=investment")).toEqual(["B项目", "C项目", "A项目"]);
    expect(sorted("sort=investment&dir=asc")).toEqual(["A项目", "C项目", "B项目"]);
  });

  it("sorts by 项目名称 both ways", () => {
    expect(sorted("sort=name")).toEqual(["A项目", "B项目", "C项目"]);
    expect(sorted("sort=name&dir=desc")).toEqual(["C项目", "B项目", "A项目"]);
  });

  it("sorts by 下次跟进 both ways, projects without a date last either way", () => {
    expect(sorted("sort=followUp")).toEqual(["C项目", "B项目", "A项目"]);
    expect(sorted("sort=followUp&dir=desc")).toEqual(["B项目", "C项目", "A项目"]);
  });

  it("ignores an unknown column or direction (the default: most recently updated first)", () => {
    expect(projectFiltersFrom(new URLSearchParams("sort=password&dir=up")).sort).toEqual({ key: "updated", dir: "desc" });
    expect(projectFiltersFrom(new URLSearchParams("sort=stage&dir=sideways")).sort).toEqual({ key: "stage", dir: "asc" });
  });
});

describe("sortable company list", () => {
  it("sorts by 企业名称 both ways", () => {
    const officer = makeUser("officer", makeUnit());
    for (const name of ["排序测试企业乙", "排序测试企业甲", "排序测试企业丙"]) makeCompany(officer, { name });
    const sorted = (search: string) => names(listCompanies(companyFiltersFrom(new URLSearchParams(`q=排序测试企业&${search}`))).rows);
    const ascending = sorted("sort=name");
    expect(ascending).toEqual([...ascending].sort());
    expect(ascending).toHaveLength(3);
    expect(sorted("sort=name&dir=desc")).toEqual([...ascending].reverse());
  });
});

describe("totals, the cap and page sizes", () => {
  let unitId: number;
  beforeAll(() => {
    const officer = makeUser("officer", (unitId = makeUnit()));
    const companyId = makeCompany(officer);
    // one more than the cap, written directly: the list's rules do not depend on how they came in
    const rows = Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({
      name: `批量项目${String(i).padStart(4, "0")}`,
      companyId,
      projectType: "new" as const,
      ownerId: officer.id,
      unitId,
      totalInvestmentUsd: i * 100,
      lastActivityOn: "2026-01-10",
    }));
    db().transaction((tx) => {
      for (let i = 0; i < rows.length; i += 200)
        tx.insert(t.projects)
          .values(rows.slice(i, i + 200))
          .run();
    });
  });
  const list = (search: string) => listProjects(leader, { ...projectFiltersFrom(new URLSearchParams(search)), unitId });

  it("counts up to the cap and says 1,000+ beyond it; an exact count below it", () => {
    const page = list("");
    expect(page.total).toBe(COUNT_CAP + 1);
    expect(formatTotal(page.total)).toBe("1,000+");
    // below the cap the count is exact (a filter leaving ten of them)
    db()
      .update(t.projects)
      .set({ stage: "signed" })
      .where(
        inArray(
          t.projects.name,
          Array.from({ length: 10 }, (_, i) => `批量项目${String(i).padStart(4, "0")}`),
        ),
      )
      .run();
    expect(list("stage=signed").total).toBe(10);
    expect(formatTotal(list("stage=signed").total)).toBe("10");
  });

  it("shows 20, 50 or 100 rows a page; any other size is 20", () => {
    expect(list("").rows).toHaveLength(20);
    expect(list("size=50").rows).toHaveLength(50);
    expect(list("size=100").rows).toHaveLength(100);
    expect(list("size=30").rows).toHaveLength(20);
    expect(list("size=50&page=2&sort=investment&dir=asc").rows[0].name).toBe("批量项目0050");
  });

  it("goes past the cap by 下一页 (a cursor); a page number alone reaches no further than the cap", () => {
    const tenth = list("size=100&page=10&sort=investment&dir=asc");
    expect(tenth.page).toBe(10);
    expect(tenth.rows.at(-1)?.name).toBe("批量项目0999");
    expect(tenth.hasNext).toBe(true);
    expect(tenth.after).toBe(`${tenth.rows.at(-1)!.id}~99900`);
    const eleventh = list(`size=100&page=11&sort=investment&dir=asc&after=${tenth.after}`);
    expect(eleventh.page).toBe(11);
    expect(names(eleventh.rows)).toEqual(["批量项目1000"]);
    expect(eleventh.hasNext).toBe(false);
    expect(eleventh.total).toBe(COUNT_CAP + 1);
    const beyond = list("size=100&page=5000&sort=investment&dir=asc");
    expect(beyond.page).toBe(10);
    expect(names(beyond.rows)).toEqual(names(tenth.rows));
  });
});

describe("project search", () => {
  it("finds a project by its investing company's name as well as by its own", () => {
    const officer = makeUser("officer", makeUnit());
    const companyId = makeCompany(officer, { name: "澄湖精密机械株式会社", foreignName: "Chenghu Precision" });
    const id = makeProject(officer, { companyId, name: "二期扩产" });
    const found = (q: string) => listProjects(leader, { q, unitId: officer.unitId, page: 1 }).rows.map((row) => row.id);
    expect(found("澄湖精密")).toEqual([id]);
    expect(found("澄湖")).toEqual([id]);
    expect(found("chenghu precision")).toEqual([id]);
    expect(found("二期")).toEqual([id]);
    expect(found("不相干")).toEqual([]);
  });
});

describe("看板", () => {
  let unitId: number;
  let owner: Actor & { username: string };
  let colleague: Actor;
  const P: Record<string, number> = {};
  beforeAll(() => {
    owner = makeUser("officer", (unitId = makeUnit()));
    colleague = makeUser("officer", unitId);
    const companyId = makeCompany(owner, { name: "看板测试企业" });
    // 线索: 100 + 300 + 200 = 600 万美元 in 3 projects; 洽谈: 50 (状态 暂缓); 签约: 1,000
    const fixture: [string, string, Stage][] = [
      ["L1", "100", "lead"],
      ["L3", "300", "lead"],
      ["L2", "200", "lead"],
      ["N1", "50", "negotiating"],
      ["S1", "1000", "signed"],
    ];
    for (const [name, amount, stage] of fixture) {
      P[name] = makeProject(owner, { companyId, name, totalInvestmentUsd: amount, contractedFdiUsd: "0", nextFollowUpOn: "2026-07-10" });
      setStage(P[name], stage);
    }
    db().update(t.projects).set({ status: "on_hold" }).where(eq(t.projects.id, P.N1)).run();
  });

  const column = (board: ReturnType<typeof getProjectBoard>, stage: Stage) => board.find((c) => c.stage === stage)!;

  it("has a column per stage with its count and 总投资, the first cards by amount and how many more", () => {
    const board = getProjectBoard(leader, { unitId }, 2);
    expect(board.map((c) => c.stage)).toEqual(["lead", "contacted", "negotiating", "signed", "registered", "construction", "production"]);
    const lead = column(board, "lead");
    expect(lead.projects).toBe(3);
    expect(lead.totalInvestmentUsd).toBe(6_000_000); // 600 万美元
    expect(names(lead.cards)).toEqual(["L3", "L2"]);
    expect(lead.more).toBe(1);
    expect(column(board, "negotiating")).toMatchObject({ projects: 1, totalInvestmentUsd: 500_000, more: 0 });
    expect(column(board, "signed")).toMatchObject({ projects: 1, totalInvestmentUsd: 10_000_000, more: 0 });
    expect(column(board, "contacted")).toMatchObject({ projects: 0, totalInvestmentUsd: 0, cards: [], more: 0 });
    const card = lead.cards[0];
    expect(card).toMatchObject({ companyName: "看板测试企业", ownerName: owner.username, nextFollowUpOn: "2026-07-10", totalInvestmentUsd: 3_000_000 });
    expect(card.version).toBeGreaterThan(0);
  });

  it("honours the list's filters", () => {
    const board = getProjectBoard(leader, { unitId, status: "on_hold" });
    expect(board.reduce((sum, c) => sum + c.projects, 0)).toBe(1);
    expect(column(board, "negotiating").cards.map((c) => c.id)).toEqual([P.N1]);
    expect(column(getProjectBoard(leader, { unitId, q: "看板测试企业" }), "lead").projects).toBe(3);
  });

  it("shows an officer only their scope, and lets only those who may edit a project move it", () => {
    const outsider = makeUser("officer", makeUnit());
    const theirs = makeProject(outsider, { companyId: makeCompany(outsider), name: "外单位项目", totalInvestmentUsd: "70", contractedFdiUsd: "0" });
    const outsiderBoard = getProjectBoard(outsider, {});
    expect(outsiderBoard.flatMap((c) => c.cards.map((card) => card.id))).toEqual([theirs]);
    expect(outsiderBoard.reduce((sum, c) => sum + c.projects, 0)).toBe(1);
    expect(column(outsiderBoard, "lead").totalInvestmentUsd).toBe(700_000);

    const colleagueBoard = getProjectBoard(colleague, {});
    const seen = colleagueBoard.flatMap((c) => c.cards.map((card) => card.id));
    expect(seen).not.toContain(theirs);
    expect([...seen].sort((a, b) => a - b)).toEqual(Object.values(P).sort((a, b) => a - b));
    expect(colleagueBoard.flatMap((c) => c.cards).every((card) => !card.canMove)).toBe(true);
    expect(
      getProjectBoard(owner, {})
        .flatMap((c) => c.cards)
        .every((card) => card.canMove),
    ).toBe(true);
    expect(
      getProjectBoard(leader, { unitId })
        .flatMap((c) => c.cards)
        .every((card) => card.canMove),
    ).toBe(true);
  });

  it("leaves deleted projects off", () => {
    db()
      .update(t.projects)
      .set({ deletedAt: Date.now() })
      .where(inArray(t.projects.id, [P.L1]))
      .run();
    const lead = column(getProjectBoard(leader, { unitId }), "lead");
    expect(lead.projects).toBe(2);
    expect(lead.totalInvestmentUsd).toBe(5_000_000);
  });
});
