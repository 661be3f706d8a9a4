/**
 * Keyset paging of the project list on a real migrated SQLite file: walking 下一页 to the end and
 * 上一页 back to page 1, by the links the Pager makes, returns every project exactly once and in the
 * order of one unpaged query, for every sort and direction. The fixture's values repeat (ties broken
 * by id) and half its dates are missing (sorted last either way), so page boundaries fall inside runs
 * of equal values and inside the rows without a date: a boundary row skipped or shown twice fails.
 */
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { PAGE_SIZE } from "../app/lib/paging";
import { projectFiltersFrom, PROJECT_SORT_COLUMNS, type ProjectSort } from "../app/projects/listing";
import { listProjects, projectOrder, type ProjectPage } from "../app/projects/projects.server";
import { STAGES } from "../app/projects/stages";
import { loader as listLoader } from "../app/routes/projects._index";
import { pageSearch } from "../app/ui/pager";
import { makeCompany, makeUnit, makeUser } from "./support/builders";
import { loadAs } from "./support/requests";

let leader: Actor;
let unitId: number;
/** more than two pages of 20: boundaries after rows 20 and 40 */
const ROWS = 47;

beforeAll(() => {
  leader = makeUser("leader", makeUnit());
  const officer = makeUser("officer", (unitId = makeUnit()));
  const companyId = makeCompany(officer);
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    name: `键集项目${i % 4}`,
    companyId,
    projectType: "new" as const,
    ownerId: officer.id,
    unitId,
    stage: STAGES[i % 3],
    totalInvestmentUsd: (i % 5) * 100,
    contractedFdiUsd: (i % 2) * 50,
    // a third without a follow-up, half unsigned: the rows without a date run across the last boundary
    nextFollowUpOn: i % 3 === 0 ? null : `2026-07-0${(i % 4) + 1}`,
    signedOn: i % 2 === 0 ? null : `2026-0${(i % 3) + 1}-15`,
    lastActivityOn: "2026-01-10",
    updatedAt: 1_780_000_000_000 + (i % 6) * 1000,
  }));
  db().transaction((tx) => tx.insert(t.projects).values(rows).run());
});

const SORTS: ProjectSort[] = (Object.keys(PROJECT_SORT_COLUMNS) as ProjectSort["key"][]).flatMap((key) => [
  { key, dir: "asc" as const },
  { key, dir: "desc" as const },
]);

/** The fixture's ids in one unpaged query of the list's order. */
function unpaged(sort: ProjectSort): number[] {
  return db()
    .select({ id: t.projects.id })
    .from(t.projects)
    .where(eq(t.projects.unitId, unitId))
    .orderBy(...projectOrder(sort))
    .all()
    .map((row) => row.id);
}

const open = (search: string) => listProjects(leader, projectFiltersFrom(new URLSearchParams(search)));
const ids = (page: ProjectPage) => page.rows.map((row) => row.id);
/** The Pager's link from `page` to `target`. */
const follow = (search: string, page: ProjectPage, target: number) =>
  pageSearch(new URLSearchParams(search), page.page, target, { after: page.after, before: page.before }).slice(1);

describe.each(SORTS)("keyset paging sorted by $key $dir", (sort) => {
  it("下一页 to the end, then 上一页 back to page 1: every row once, in the unpaged order", () => {
    const first = `unit=${unitId}&sort=${sort.key}&dir=${sort.dir}`;
    const expected = unpaged(sort);
    expect(expected).toHaveLength(ROWS);
    // forward
    const forward: ProjectPage[] = [];
    const searches = [first];
    let page = open(first);
    forward.push(page);
    while (page.hasNext) {
      expect(page.after).toBeDefined();
      const search = follow(searches.at(-1)!, page, page.page + 1);
      searches.push(search);
      page = open(search);
      expect(page.page).toBe(forward.length + 1);
      forward.push(page);
    }
    expect(page.after).toBeUndefined();
    expect(forward.map((p) => p.rows.length)).toEqual([PAGE_SIZE, PAGE_SIZE, ROWS - 2 * PAGE_SIZE]);
    expect(forward.flatMap(ids)).toEqual(expected);
    // and back, from the last page: the same pages in turn
    const back: ProjectPage[] = [page];
    let search = searches.at(-1)!;
    while (page.page > 1) {
      search = follow(search, page, page.page - 1);
      page = open(search);
      back.unshift(page);
    }
    expect(back.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(back.map(ids)).toEqual(forward.map(ids));
    expect(back.every((p, i) => p.hasNext === i < back.length - 1)).toBe(true);
  });
});

describe("the cursor in the URL", () => {
  let sorted: string;
  beforeAll(() => {
    sorted = `unit=${unitId}&sort=investment&dir=desc`;
  });

  it("page 2's 上一页 leads to page 1 itself, and page 3's carries the first row", () => {
    const page1 = open(sorted);
    const page2 = open(follow(sorted, page1, 2));
    expect(page2.before).toBeUndefined();
    expect(follow(sorted, page2, 1)).toBe(sorted);
    const page3 = open(follow(follow(sorted, page1, 2), page2, 3));
    expect(page3.before).toBe(`${page3.rows[0].id}~${page3.rows[0].totalInvestmentUsd}`);
  });

  it.each([
    ["not a cursor", "sort=investment", "after=abc"],
    ["an id without a value on a sort that always has one", "sort=investment", "after=12"],
    ["a value of the wrong kind", "sort=investment", "after=12~十万"],
    ["a stage that does not exist", "sort=stage", "after=12~unknown"],
    ["a date that is not one", "sort=followUp", "after=12~明天"],
    ["an empty before", "sort=name", "before="],
  ])("shows page 1 for %s", (_, sortParams, cursor) => {
    const page = open(`unit=${unitId}&${sortParams}&page=7&${cursor}`);
    expect(page.page).toBe(1);
    expect(ids(page)).toEqual(ids(open(`unit=${unitId}&${sortParams}`)));
    expect(page.rows).toHaveLength(PAGE_SIZE);
  });

  it("shows page 1 for a cursor past the last row (the rows after it deleted since)", () => {
    const page = open(`${sorted}&page=9&after=1~-1`);
    expect(page.page).toBe(1);
    expect(ids(page)).toEqual(unpaged({ key: "investment", dir: "desc" }).slice(0, PAGE_SIZE));
  });

  it("a row deleted since the link was made: the next page starts right after where it stood", () => {
    const page1 = open(sorted);
    const next = follow(sorted, page1, 2);
    const last = page1.rows.at(-1)!.id;
    db().update(t.projects).set({ deletedAt: Date.now() }).where(eq(t.projects.id, last)).run();
    try {
      const expected = unpaged({ key: "investment", dir: "desc" });
      expect(ids(open(next))).toEqual(expected.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    } finally {
      db().update(t.projects).set({ deletedAt: null }).where(eq(t.projects.id, last)).run();
    }
  });

  it("a page number without a cursor reads by offset, and its links go on by cursor", () => {
    const expected = unpaged({ key: "name", dir: "asc" });
    const page2 = open(`unit=${unitId}&sort=name&page=2`);
    expect(ids(page2)).toEqual(expected.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    expect(ids(open(follow(`unit=${unitId}&sort=name&page=2`, page2, 3)))).toEqual(expected.slice(2 * PAGE_SIZE));
  });
});

describe("the list page (/projects)", () => {
  it("answers a malformed or foreign cursor with page 1, never an error", async () => {
    for (const cursor of ["after=%E2%80%AE~~", "before=99999999999999999999~1", "after=1~1e400", "after=&before=1"]) {
      const response = await loadAs(leader, listLoader, `/projects?unit=${unitId}&page=3&${cursor}`);
      expect(response.status).toBe(200);
      const data = (await response.json()) as { page: number; rows: unknown[] };
      expect(data.page).toBe(1);
      expect(data.rows).toHaveLength(PAGE_SIZE);
    }
  });

  it("gives the 下一页 cursor, which opens page 2", async () => {
    const first = (await (await loadAs(leader, listLoader, `/projects?unit=${unitId}`)).json()) as { after: string; rows: { id: number }[] };
    const response = await loadAs(leader, listLoader, `/projects?unit=${unitId}&page=2&after=${encodeURIComponent(first.after)}`);
    const second = (await response.json()) as { page: number; rows: { id: number }[] };
    expect(second.page).toBe(2);
    expect(second.rows.map((row) => row.id)).toEqual(unpaged({ key: "updated", dir: "desc" }).slice(PAGE_SIZE, 2 * PAGE_SIZE));
  });
});

describe("the fixture", () => {
  it("has runs of equal values across the page boundaries, and no date on rows either side of the last one", () => {
    const rows = db().select().from(t.projects).where(eq(t.projects.unitId, unitId)).orderBy(asc(t.projects.id)).all();
    const byInvestment = unpaged({ key: "investment", dir: "desc" }).map((id) => rows.find((row) => row.id === id)!.totalInvestmentUsd);
    expect(byInvestment[PAGE_SIZE - 1]).toBe(byInvestment[PAGE_SIZE]);
    const byFollowUp = unpaged({ key: "followUp", dir: "asc" }).map((id) => rows.find((row) => row.id === id)!.nextFollowUpOn);
    expect([byFollowUp[2 * PAGE_SIZE - 1], byFollowUp[2 * PAGE_SIZE]]).toEqual([null, null]);
  });
});
