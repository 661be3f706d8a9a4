/**
 * 月度报告, 年度目标 and 领导驾驶舱 routes called as the browser calls them (real session cookie, form
 * POST, migrated SQLite; today is 2026-06-30). Reports are for leaders, staff and administrators
 * (DESIGN.md §3): officers get 403 on every report route. Targets are kept by staff and
 * administrators: leaders read them (403 on saving). 404 for an unknown report or format, 400 at the
 * field, 409 for a stale version — and nothing written when refused.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/permissions";
import { db, t } from "../../app/db.server";
import { generateReport } from "../../app/reports/reports.server";
import { loader as cockpitLoader } from "../../app/routes/cockpit";
import { loader as reportLoader, action as reportAction } from "../../app/routes/reports.$id";
import { loader as reportFileLoader } from "../../app/routes/reports.$id_.$format";
import { loader as reportPrintLoader } from "../../app/routes/reports.$id_.print";
import { loader as reportsLoader, action as reportsAction } from "../../app/routes/reports._index";
import { loader as targetsLoader, action as targetsAction } from "../../app/routes/targets";
import { makeUnit, makeUser } from "../support/builders";
import { loadAs, locationOf, refusal, submitAs } from "../support/requests";

const STALE = "该记录已被他人修改，请刷新后重试";
const UNKNOWN = 987_654;

let officer: Actor;
let leader: Actor;
let staff: Actor;
let admin: Actor;
let unit: number;
/** the May 2026 report, first edition */
let may: number;

const params = (id: number) => ({ id: String(id) });
const reportRow = (id: number) => db().select().from(t.reports).where(eq(t.reports.id, id)).get()!;
const reportCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.reports)
    .get()!.n;
const targetRows = () => db().select().from(t.targets).orderBy(t.targets.id).all();
const auditCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.auditLog)
    .get()!.n;

const narrative = (id: number, changes: Record<string, string> = {}) => {
  const row = reportRow(id);
  return {
    addressedTo: "市委、市政府",
    issuedBy: "平湖市投资促进中心",
    issuedOn: "2026-06-05",
    problems: "项目落地偏慢",
    nextMonthPlan: "赴日招商",
    version: String(row.version),
    ...changes,
  };
};

beforeAll(() => {
  unit = makeUnit("投资促进中心");
  officer = makeUser("officer", unit);
  leader = makeUser("leader", unit);
  staff = makeUser("staff", unit);
  admin = makeUser("admin", unit);
  may = generateReport({ actor: staff, month: "2026-05", today: "2026-06-30" });
});

describe("月度报告", () => {
  it("every report page, file and print view is 403 for an officer", async () => {
    expect((await loadAs(officer, reportsLoader, "/reports")).status).toBe(403);
    expect((await loadAs(officer, reportLoader, `/reports/${may}`, params(may))).status).toBe(403);
    expect((await loadAs(officer, reportPrintLoader, `/reports/${may}/print`, params(may))).status).toBe(403);
    for (const format of ["docx", "xlsx"]) {
      expect((await loadAs(officer, reportFileLoader, `/reports/${may}/${format}`, { id: String(may), format })).status).toBe(403);
    }
  });

  it("an officer can neither generate a report nor edit one (403), and nothing is written", async () => {
    const before = { count: reportCount(), row: reportRow(may), audit: auditCount() };
    expect((await submitAs(officer, reportsAction, "/reports", { month: "2026-05" })).status).toBe(403);
    expect((await submitAs(officer, reportAction, `/reports/${may}`, narrative(may, { problems: "改动" }), params(may))).status).toBe(403);
    expect(reportCount()).toBe(before.count);
    expect(reportRow(may)).toEqual(before.row);
    expect(auditCount()).toBe(before.audit);
  });

  it("opens for leaders, staff and administrators", async () => {
    for (const actor of [leader, staff, admin]) {
      expect((await loadAs(actor, reportsLoader, "/reports")).status).toBe(200);
      expect((await loadAs(actor, reportLoader, `/reports/${may}`, params(may))).status).toBe(200);
    }
  });

  it("404 for an unknown or malformed report id, and for a file format it does not make", async () => {
    expect((await loadAs(leader, reportLoader, `/reports/${UNKNOWN}`, params(UNKNOWN))).status).toBe(404);
    expect((await loadAs(leader, reportLoader, "/reports/latest", { id: "latest" })).status).toBe(404);
    expect((await loadAs(leader, reportPrintLoader, `/reports/${UNKNOWN}/print`, params(UNKNOWN))).status).toBe(404);
    expect((await loadAs(leader, reportFileLoader, `/reports/${UNKNOWN}/docx`, { id: String(UNKNOWN), format: "docx" })).status).toBe(404);
    expect((await loadAs(leader, reportFileLoader, `/reports/${may}/pdf`, { id: String(may), format: "pdf" })).status).toBe(404);
    expect((await submitAs(leader, reportAction, `/reports/${UNKNOWN}`, narrative(may), params(UNKNOWN))).status).toBe(404);
  });

  it("the Excel file downloads for staff", async () => {
    const response = await loadAs(staff, reportFileLoader, `/reports/${may}/xlsx`, { id: String(may), format: "xlsx" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("生成报告: 400 at 报告月份 for none, a malformed one and a month not yet begun; nothing generated", async () => {
    const before = reportCount();
    const cases: [string, string][] = [
      ["", "请选择报告月份"],
      ["2026-13", "报告月份格式应为 YYYY-MM"],
      ["2026/05", "报告月份格式应为 YYYY-MM"],
      ["2026-07", "报告月份尚未开始"],
    ];
    for (const [month, message] of cases) {
      const body = await refusal(await submitAs(leader, reportsAction, "/reports", { month }), 400);
      expect(body.fieldErrors, month).toEqual({ month: message });
      expect(body.values.month).toBe(month);
    }
    expect(reportCount()).toBe(before);
  });

  it("生成报告 by a leader makes a new edition and leads to it", async () => {
    const response = await submitAs(leader, reportsAction, "/reports", { month: "2026-05" });
    const second = db()
      .select()
      .from(t.reports)
      .where(eq(t.reports.month, "2026-05"))
      .all()
      .find((row) => row.edition === 2)!;
    expect(locationOf(response)).toBe(`/reports/${second.id}`);
  });

  it("the narrative: 400 for a malformed 落款日期, 409 for a stale version (input kept), 200 when current", async () => {
    const before = reportRow(may);
    const invalid = await refusal(await submitAs(staff, reportAction, `/reports/${may}`, narrative(may, { issuedOn: "6月5日" }), params(may)), 400);
    expect(invalid.fieldErrors).toEqual({ issuedOn: "落款日期格式应为 YYYY-MM-DD" });
    const stale = await refusal(
      await submitAs(staff, reportAction, `/reports/${may}`, narrative(may, { problems: "我写的问题", version: String(before.version + 1) }), params(may)),
      409,
    );
    expect(stale.formError).toBe(STALE);
    expect(stale.values.problems).toBe("我写的问题");
    expect(reportRow(may)).toEqual(before);
    const saved = await submitAs(staff, reportAction, `/reports/${may}`, narrative(may), params(may));
    expect(saved.status).toBe(200);
    expect(reportRow(may)).toMatchObject({ problems: "项目落地偏慢", version: before.version + 1, editedBy: staff.id });
  });
});

describe("年度目标 (/targets)", () => {
  const targetsForm = (changes: Record<string, string> = {}) => ({
    year: "2026",
    unitId: "",
    signed_projects: "12",
    contracted_fdi_usd: "",
    total_investment_usd: "",
    actual_fdi_usd: "40000",
    big_projects: "",
    fortune500_projects: "",
    ...changes,
  });

  it("the page is 403 for an officer; leaders read it without the form, staff with it", async () => {
    expect((await loadAs(officer, targetsLoader, "/targets")).status).toBe(403);
    const forLeader = (await (await loadAs(leader, targetsLoader, "/targets")).json()) as { canEdit: boolean };
    const forStaff = (await (await loadAs(staff, targetsLoader, "/targets")).json()) as { canEdit: boolean };
    expect(forLeader.canEdit).toBe(false);
    expect(forStaff.canEdit).toBe(true);
  });

  it("saving is 403 for officers and leaders, and writes nothing", async () => {
    for (const actor of [officer, leader]) expect((await submitAs(actor, targetsAction, "/targets", targetsForm())).status).toBe(403);
    expect(targetRows()).toEqual([]);
  });

  it("400 at the field: a year out of range, a count that is not a whole number, an amount with misplaced commas, an unknown unit", async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ year: "1999" }, { year: "年份无效" }],
      [{ signed_projects: "3.5" }, { signed_projects: "新签约项目数应为不超过100000的整数" }],
      [{ actual_fdi_usd: "4,00,00" }, { actual_fdi_usd: "实到外资（万美元）应为不超过两位小数的非负数" }],
    ];
    for (const [changes, fieldErrors] of cases) {
      const body = await refusal(await submitAs(staff, targetsAction, "/targets", targetsForm(changes)), 400);
      expect(body.fieldErrors, JSON.stringify(changes)).toEqual(fieldErrors);
    }
    const unknownUnit = await refusal(await submitAs(staff, targetsAction, "/targets", targetsForm({ unitId: String(UNKNOWN) })), 400);
    expect(unknownUnit.fieldErrors).toEqual({ unitId: "单位无效" });
    expect(targetRows()).toEqual([]);
  });

  it("saves at the versions read (200), then refuses a save made from the page as it was before (409)", async () => {
    expect((await submitAs(staff, targetsAction, "/targets", targetsForm())).status).toBe(200);
    const saved = targetRows();
    expect(saved.map((row) => [row.indicator, row.value, row.version])).toEqual([
      ["signed_projects", 12, 1],
      ["actual_fdi_usd", 400_000_000, 1],
    ]);
    // the same page again: it still says there were no targets (versions 0) — someone saved since
    const stale = await refusal(await submitAs(admin, targetsAction, "/targets", targetsForm({ signed_projects: "20" })), 409);
    expect(stale.formError).toBe(STALE);
    expect(stale.values.signed_projects).toBe("20");
    expect(targetRows()).toEqual(saved);
    const current = await submitAs(
      admin,
      targetsAction,
      "/targets",
      targetsForm({ signed_projects: "20", version_signed_projects: "1", version_actual_fdi_usd: "1" }),
    );
    expect(current.status).toBe(200);
    expect(targetRows().find((row) => row.indicator === "signed_projects")).toMatchObject({ value: 20, version: 2 });
  });
});

describe("领导驾驶舱 (/cockpit)", () => {
  it("is 403 for an officer and opens for leaders and staff", async () => {
    expect((await loadAs(officer, cockpitLoader, "/cockpit")).status).toBe(403);
    expect((await loadAs(leader, cockpitLoader, "/cockpit?year=2026")).status).toBe(200);
    expect((await loadAs(staff, cockpitLoader, "/cockpit")).status).toBe(200);
  });
});
