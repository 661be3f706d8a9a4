/**
 * The figure cache (app/figures/figure-cache.server.ts) on a real migrated SQLite file, today
 * 2026-06-30: a figure is computed afresh after a write it may read, and kept across the writes it
 * cannot read — a follow-up (添加活动记录, 更正) for the pipeline figures, a form's one-time token for
 * all of them — while the 工作台 totals, which read 下次跟进 and 最近活动, follow every follow-up.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newActivitySchema } from "../app/activities/activity";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { getCockpit } from "../app/figures/cockpit.server";
import { submitOnce } from "../app/lib/submissions.server";
import { getProjectBoard } from "../app/projects/board.server";
import { addActivity, correctActivity, listProjects, moveProjectToStage } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, onDay, projectRow } from "./support/builders";

let officer: Actor;
let companyId: number;
const period = { from: "2026-01-01", to: "2026-06-30" };

beforeAll(() => {
  const unit = makeUnit("缓存测试单位");
  officer = makeUser("officer", unit);
  companyId = makeCompany(officer, { name: "缓存测试企业" });
});

const visit = (occurredOn: string, fields: Record<string, string> = {}) =>
  newActivitySchema.parse({ type: "visit", occurredOn, summary: `拜访 ${occurredOn}`, ...fields });

/** A write every figure may read, to make the next view compute afresh. */
const touchUnits = () => db().update(t.units).set({ sortOrder: 0 }).where(eq(t.units.id, officer.unitId)).run();

/** 久未跟进 on the officer's board: how many projects of each stage. */
const staleTotals = () =>
  getProjectBoard(officer, { desk: "stale" })
    .map((column) => column.projects)
    .reduce((sum, total) => sum + total, 0);

describe("the figure cache", () => {
  it("keeps the cockpit's figures across a follow-up, and they are what a fresh computation gives", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-02-01" });
    touchUnits();
    const before = getCockpit(period, "country");
    addActivity({ actor: officer, projectId: id, data: visit("2026-06-29", { nextFollowUpOn: "2026-07-10", nextStep: "报送方案" }) });
    const activityId = db().select({ id: t.activities.id }).from(t.activities).where(eq(t.activities.projectId, id)).get()!.id;
    const version = db().select({ version: t.activities.version }).from(t.activities).where(eq(t.activities.id, activityId)).get()!.version;
    correctActivity({ actor: officer, projectId: id, activityId, data: { ...visit("2026-06-28"), version } });
    expect(projectRow(id)).toMatchObject({ nextFollowUpOn: "2026-07-10", lastActivityOn: "2026-06-28" });
    // kept: the very same result
    expect(getCockpit(period, "country")).toBe(before);
    // and right: computed afresh it is equal
    touchUnits();
    const fresh = getCockpit(period, "country");
    expect(fresh).not.toBe(before);
    expect(fresh).toEqual(before);
  });

  it("computes the cockpit afresh after a change of stage", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-02-01" });
    const before = getCockpit(period, "country");
    moveProjectToStage({ actor: officer, projectId: id, toStage: "contacted", occurredOn: "2026-06-20", note: null, version: projectRow(id).version });
    const after = getCockpit(period, "country");
    expect(after).not.toBe(before);
    const contacted = (cockpit: typeof before) => cockpit.snapshot.lines.find((line) => line.row === "contacted")!.projects;
    expect(contacted(after)).toBe(contacted(before) + 1);
  });

  it("reads only the breakdown's own tables when another breakdown is chosen", () => {
    makeProject(officer, { companyId, enteredOn: "2026-03-01" });
    const byCountry = getCockpit(period, "country");
    const byUnit = getCockpit(period, "unit");
    expect(byUnit.breakdown.by).toBe("unit");
    // KPIs, rates, the trend, big signings and the units' targets do not depend on it: the same objects
    expect(byUnit.kpis).toBe(byCountry.kpis);
    expect(byUnit.trend).toBe(byCountry.trend);
    expect(byUnit.unitTargets).toBe(byCountry.unitTargets);
    expect(byUnit.funnel).toEqual(byCountry.funnel);
    // and computed afresh after a write, the unit breakdown is what it was
    touchUnits();
    const fresh = getCockpit(period, "unit");
    expect(fresh.kpis).not.toBe(byUnit.kpis);
    expect(fresh).toEqual(byUnit);
  });

  it("a form's one-time token leaves every figure valid", () => {
    const before = getCockpit(period, "country");
    const location = submitOnce({ userId: officer.id, token: "cache-test-token-0001" }, () => "/projects");
    expect(location).toBe("/projects");
    expect(db().select().from(t.formSubmissions).where(eq(t.formSubmissions.token, "cache-test-token-0001")).get()).toBeDefined();
    expect(getCockpit(period, "country")).toBe(before);
  });

  it("the 工作台 totals follow a follow-up: a visit takes a project off 久未跟进", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-03-01" });
    const stale = staleTotals();
    expect(stale).toBeGreaterThan(0);
    addActivity({ actor: officer, projectId: id, data: visit("2026-06-29") });
    expect(staleTotals()).toBe(stale - 1);
  });
});

describe("the project list's pages", () => {
  const firstPage = { page: 1 };
  const ids = (actor: Actor, filters: Parameters<typeof listProjects>[1] = firstPage) => listProjects(actor, filters).rows.map((row) => row.id);

  it("keeps a page until a write, a follow-up included: the project just visited comes first", () => {
    const older = makeProject(officer, { companyId, enteredOn: "2026-04-01" });
    makeProject(officer, { companyId, enteredOn: "2026-04-02" });
    const before = listProjects(officer, firstPage);
    expect(listProjects(officer, firstPage)).toBe(before);
    expect(before.rows[0].id).not.toBe(older);
    addActivity({ actor: officer, projectId: older, data: visit("2026-06-29", { nextFollowUpOn: "2026-07-06" }) });
    const after = listProjects(officer, firstPage);
    expect(after.rows[0]).toMatchObject({ id: older, nextFollowUpOn: "2026-07-06" });
  });

  it("shows a change of stage at once", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-02-01" });
    expect(listProjects(officer, firstPage).rows[0]).toMatchObject({ id, stage: "lead" });
    moveProjectToStage({ actor: officer, projectId: id, toStage: "contacted", occurredOn: "2026-06-20", note: null, version: projectRow(id).version });
    expect(listProjects(officer, firstPage).rows[0]).toMatchObject({ id, stage: "contacted" });
  });

  it("is shared only by readers of the same projects", () => {
    const otherUnit = makeUnit("缓存测试另一单位");
    const otherOfficer = makeUser("officer", otherUnit);
    const theirs = makeProject(otherOfficer, { companyId: makeCompany(otherOfficer, { name: "另一单位的企业" }) });
    const leader = makeUser("leader", officer.unitId);
    expect(ids(otherOfficer)).toContain(theirs);
    expect(ids(officer)).not.toContain(theirs);
    expect(ids(leader)).toContain(theirs);
    expect(listProjects(makeUser("leader", otherUnit), firstPage)).toBe(listProjects(leader, firstPage));
  });

  it("keeps a 工作台 list to its reader and its day", () => {
    const first = makeUser("leader", officer.unitId);
    const second = makeUser("leader", officer.unitId);
    const firstOwn = makeProject(first, { companyId });
    const secondOwn = makeProject(second, { companyId });
    addActivity({ actor: first, projectId: firstOwn, data: visit("2026-06-29", { nextFollowUpOn: "2026-07-02" }) });
    expect(ids(first, { page: 1, desk: "mine" })).toEqual([firstOwn]);
    expect(ids(second, { page: 1, desk: "mine" })).toEqual([secondOwn]);
    // due on 07-02: not yet overdue on 06-30, overdue on 07-03 with no write in between
    expect(ids(first, { page: 1, desk: "overdue" })).toEqual([]);
    expect(onDay("2026-07-03", () => ids(first, { page: 1, desk: "overdue" }))).toEqual([firstOwn]);
  });
});
