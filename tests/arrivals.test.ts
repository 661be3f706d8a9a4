/**
 * 实到外资 on a real migrated SQLite file (today is 2026-06-30): arrivals only on verified signings,
 * by staff and administrators, dated between the signing and today; 资金到位率; the month and year
 * totals with 同比; the officer's scope; versioned corrections; the audit trail.
 *
 * Arrivals written in beforeAll (万美元):
 *   S (投资促进中心, 合同外资 1,000, signed 2025-11-20): 2025-11-20 100 · 2025-12-31 150.50 · 2026-01-01 249.50
 *   Z (开发区, 合同外资 800, signed 2025-03-01):           2025-04-15 80 · 2026-02-10 40 · 2026-06-30 20
 * and, counting nowhere: S's 2026-05-05 11 and Z's 2025-05-20 9, both deleted; D (deleted project,
 * signed 2025-06-01): 2025-06-15 30 · 2026-03-03 70.
 *   P (signed 2020-03-01, for 同比 of a past year): 2020-03-20 25 · 2020-11-11 15 · 2021-03-03 60.
 * Other tests write only in 2022–2023, so the 2020–2021 and 2025–2026 figures below stay as computed by hand.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { arrivalSchema } from "../app/arrivals/arrival.schema";
import { deleteArrival, getProjectFunding, listArrivals, recordArrival, updateArrival } from "../app/arrivals/arrivals.server";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { getIndicators } from "../app/figures/figures.server";
import { monthPeriod, yearPeriod, type Period } from "../app/lib/dates";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import { addProjectMember, deleteProject, moveProjectToStage, verifySigning } from "../app/projects/projects.server";
import { action as arrivalsAction, loader as arrivalsLoader } from "../app/routes/projects.$id_.arrivals";
import { makeCompany, makeProject, makeUnit, makeUser, onDay, projectRow } from "./support/builders";
import { answer, getAs, postAs, routeArgs } from "./support/requests";

const WAN = 10_000;
let staff: Actor;
let admin: Actor;
let leader: Actor;
let officer: Actor;
let officer2: Actor;
let center: number;
let zone: number;
let company: number;
/** signed 2025-11-20, verified, 合同外资 1,000 万 */
let S: number;
/** 开发区, signed 2025-03-01, verified, 合同外资 800 万 */
let Z: number;
/** signed 2026-03-01, not verified */
let pending: number;
/** still a lead */
let lead: number;
/** signed 2020-03-01, verified: arrivals in 2020 and 2021 */
let P: number;

const arrival = (arrivedOn: string, wan: string, reference = "") => arrivalSchema.parse({ arrivedOn, amountUsd: wan, reference });
const liveArrivalsOf = (projectId: number) =>
  db()
    .select()
    .from(t.fdiArrivals)
    .where(and(eq(t.fdiArrivals.projectId, projectId)))
    .all()
    .filter((row) => row.deletedAt === null);
const arrivalAudit = (arrivalId: number) =>
  db()
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, "fdi_arrival"), eq(t.auditLog.entityId, arrivalId)))
    .orderBy(t.auditLog.id)
    .all();
const allArrivalAudit = () => db().select().from(t.auditLog).where(eq(t.auditLog.entityType, "fdi_arrival")).all();

function signedProject(
  owner: Actor,
  { signedOn, contracted, verify = true, enteredOn = "2021-01-04" }: { signedOn: string; contracted: string; verify?: boolean; enteredOn?: string },
): number {
  const id = makeProject(owner, { companyId: company, contractedFdiUsd: contracted, totalInvestmentUsd: "5000", enteredOn });
  moveProjectToStage({ actor: owner, projectId: id, toStage: "signed", occurredOn: signedOn, note: null, version: projectRow(id).version });
  if (verify) verifySigning({ actor: leader, projectId: id, version: projectRow(id).version });
  return id;
}

/** The InvalidError a call throws (fails the test when it throws none or another error). */
function invalidOf(fn: () => unknown): InvalidError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidError);
    return error as InvalidError;
  }
  throw new Error("expected an InvalidError");
}

beforeAll(() => {
  center = makeUnit("投资促进中心");
  zone = makeUnit("平湖经济技术开发区");
  staff = makeUser("staff", center);
  admin = makeUser("admin", center);
  leader = makeUser("leader", center);
  officer = makeUser("officer", center);
  officer2 = makeUser("officer", zone);
  company = makeCompany(officer, { country: "JP" });
  S = signedProject(officer, { signedOn: "2025-11-20", contracted: "1000" });
  Z = signedProject(officer2, { signedOn: "2025-03-01", contracted: "800" });
  pending = signedProject(officer, { signedOn: "2026-03-01", contracted: "300", verify: false });
  lead = makeProject(officer, { companyId: company, enteredOn: "2026-01-05" });

  recordArrival({ actor: staff, projectId: S, data: arrival("2025-11-20", "100", "银行水单 A-1") });
  recordArrival({ actor: staff, projectId: S, data: arrival("2025-12-31", "150.50") });
  recordArrival({ actor: admin, projectId: S, data: arrival("2026-01-01", "249.50", "资本金账户入账") });
  recordArrival({ actor: staff, projectId: Z, data: arrival("2025-04-15", "80") });
  recordArrival({ actor: staff, projectId: Z, data: arrival("2026-02-10", "40") });
  recordArrival({ actor: staff, projectId: Z, data: arrival("2026-06-30", "20") });

  // counting nowhere: deleted arrivals, and the arrivals of a deleted project
  deleteArrival({ actor: staff, arrivalId: recordArrival({ actor: staff, projectId: S, data: arrival("2026-05-05", "11") }) });
  deleteArrival({ actor: staff, arrivalId: recordArrival({ actor: staff, projectId: Z, data: arrival("2025-05-20", "9") }) });
  const D = signedProject(officer, { signedOn: "2025-06-01", contracted: "500" });
  recordArrival({ actor: staff, projectId: D, data: arrival("2025-06-15", "30") });
  recordArrival({ actor: staff, projectId: D, data: arrival("2026-03-03", "70") });
  deleteProject({ actor: leader, projectId: D, version: projectRow(D).version });

  P = signedProject(officer2, { signedOn: "2020-03-01", contracted: "200", enteredOn: "2019-06-01" });
  recordArrival({ actor: staff, projectId: P, data: arrival("2020-03-20", "25") });
  recordArrival({ actor: staff, projectId: P, data: arrival("2020-11-11", "15") });
  recordArrival({ actor: staff, projectId: P, data: arrival("2021-03-03", "60") });
});

describe("recording an arrival", () => {
  it("is refused, at the form, before the signing is verified — and nothing is written", () => {
    const auditBefore = allArrivalAudit().length;
    for (const projectId of [pending, lead]) {
      const error = invalidOf(() => recordArrival({ actor: staff, projectId, data: arrival("2026-04-01", "10") }));
      expect(error.message).toBe("项目签约经甄别后才能登记实到外资");
      expect(error.fieldErrors).toEqual({});
      expect(liveArrivalsOf(projectId)).toEqual([]);
    }
    expect(allArrivalAudit()).toHaveLength(auditBefore);
    expect(getProjectFunding(staff, pending)).toMatchObject({ canRecord: true, canRecordReason: "项目签约经甄别后才能登记实到外资" });
    expect(getProjectFunding(staff, S)).toMatchObject({ canRecord: true, canRecordReason: null });
  });

  it("is for staff and administrators only; officers and leaders are refused, and nothing is written", () => {
    const before = liveArrivalsOf(S).length;
    expect(() => recordArrival({ actor: officer, projectId: S, data: arrival("2026-01-10", "10") })).toThrow(ForbiddenError);
    expect(() => recordArrival({ actor: leader, projectId: S, data: arrival("2026-01-10", "10") })).toThrow(ForbiddenError);
    expect(liveArrivalsOf(S)).toHaveLength(before);
    expect(getProjectFunding(officer, S).canRecord).toBe(false);
    expect(getProjectFunding(leader, S).canRecord).toBe(false);
  });

  it("answers 404 for a project outside the officer's scope or unknown", () => {
    expect(() => getProjectFunding(officer2, S)).toThrow(NotFoundError);
    expect(() => recordArrival({ actor: officer2, projectId: S, data: arrival("2026-01-10", "10") })).toThrow(NotFoundError);
    expect(() => recordArrival({ actor: staff, projectId: 999_999, data: arrival("2026-01-10", "10") })).toThrow(NotFoundError);
  });

  it("refuses, at the date field, a date before the signing or after today; the signing day and today are fine", () => {
    const before = liveArrivalsOf(S).length;
    expect(invalidOf(() => recordArrival({ actor: staff, projectId: S, data: arrival("2025-11-19", "10") })).fieldErrors).toEqual({
      arrivedOn: "到账日期不能早于签约日期",
    });
    // the form's schema refuses a future date in the browser and on the server …
    expect(arrivalSchema.safeParse({ arrivedOn: "2026-07-01", amountUsd: "10" }).error?.issues[0]).toMatchObject({
      path: ["arrivedOn"],
      message: "到账日期不能晚于今天",
    });
    // … and the domain refuses it even when called without the schema
    const future = { arrivedOn: "2026-07-01", amountUsd: 10 * WAN, reference: null };
    expect(invalidOf(() => recordArrival({ actor: staff, projectId: S, data: future })).fieldErrors).toEqual({ arrivedOn: "到账日期不能晚于今天" });
    expect(liveArrivalsOf(S)).toHaveLength(before);
    // the boundaries are allowed (written in beforeAll): the signing day 2025-11-20 and today 2026-06-30
    expect(liveArrivalsOf(S).map((row) => row.arrivedOn)).toContain("2025-11-20");
    expect(liveArrivalsOf(Z).map((row) => row.arrivedOn)).toContain("2026-06-30");
  });

  it("validates the amount and the reference with the form's schema", () => {
    const issue = (fields: Record<string, string>) => arrivalSchema.safeParse({ arrivedOn: "2026-01-01", amountUsd: "1", ...fields }).error?.issues[0].message;
    expect(issue({ amountUsd: "0" })).toBe("到账金额（万美元）应大于0");
    expect(issue({ amountUsd: "" })).toBe("请输入到账金额（万美元）");
    expect(issue({ amountUsd: "-5" })).toBe("到账金额（万美元）应为不超过两位小数的非负数");
    expect(issue({ amountUsd: "1.234" })).toBe("到账金额（万美元）应为不超过两位小数的非负数");
    expect(issue({ reference: "水".repeat(201) })).toBe("凭证说明不能超过200个字");
    expect(issue({ arrivedOn: "" })).toBe("请选择到账日期");
    expect(issue({ arrivedOn: "2026-02-30" })).toBe("到账日期格式应为 YYYY-MM-DD");
    expect(arrivalSchema.parse({ arrivedOn: "2026-01-01", amountUsd: "12.34", reference: "  " })).toEqual({
      arrivedOn: "2026-01-01",
      amountUsd: 123_400,
      reference: null,
    });
  });
});

describe("a project's funding (资金到位率)", () => {
  it("totals the arrivals against 合同外资", () => {
    const funding = getProjectFunding(leader, S);
    expect(funding.arrivals.map((row) => [row.arrivedOn, row.amountUsd / WAN, row.reference])).toEqual([
      ["2025-11-20", 100, "银行水单 A-1"],
      ["2025-12-31", 150.5, null],
      ["2026-01-01", 249.5, "资本金账户入账"],
    ]);
    expect(funding.arrivals.map((row) => row.createdByName)).toEqual([staff, staff, admin].map((user) => (user as Actor & { username: string }).username));
    // 100 + 150.50 + 249.50 = 500 万美元 of 1,000 万美元
    expect(funding.totalArrivedUsd).toBe(5_000_000);
    expect(funding.contractedFdiUsd).toBe(10_000_000);
    expect(funding.fundingRate).toBe(0.5);
    // 80 + 40 + 20 = 140 of 800 = 17.5%
    expect(getProjectFunding(leader, Z).fundingRate).toBe(0.175);
  });

  it("has no rate without 合同外资, and none arrived is 0%", () => {
    const noContract = signedProject(officer, { signedOn: "2023-02-01", contracted: "0" });
    recordArrival({ actor: staff, projectId: noContract, data: arrival("2023-02-02", "5") });
    expect(getProjectFunding(staff, noContract)).toMatchObject({ totalArrivedUsd: 5 * WAN, contractedFdiUsd: 0, fundingRate: null });
    const nothingYet = signedProject(officer, { signedOn: "2023-02-01", contracted: "10" });
    expect(getProjectFunding(staff, nothingYet)).toMatchObject({ arrivals: [], totalArrivedUsd: 0, fundingRate: 0 });
  });
});

describe("the 实到外资 screen", () => {
  it("totals 2026 by month with the running sum, and 同比 over January–June against 2025", () => {
    const y2026 = listArrivals(leader, { year: 2026, page: 1 });
    expect(y2026.months.map((m) => [m.month, m.usd / WAN, m.cumulativeUsd / WAN])).toEqual([
      ["2026-01", 249.5, 249.5],
      ["2026-02", 40, 289.5],
      ["2026-03", 0, 289.5],
      ["2026-04", 0, 289.5],
      ["2026-05", 0, 289.5],
      ["2026-06", 20, 309.5],
      ["2026-07", 0, 309.5],
      ["2026-08", 0, 309.5],
      ["2026-09", 0, 309.5],
      ["2026-10", 0, 309.5],
      ["2026-11", 0, 309.5],
      ["2026-12", 0, 309.5],
    ]);
    expect(y2026.yearTotalUsd).toBe(3_095_000);
    // today is 2026-06-30: 1–6月 against 2025's 1–6月, which holds Z's 80 only (its 9 of 2025-05-20 and
    // D's 30 of 2025-06-15 count nowhere); (309.5 − 80) / 80
    expect(y2026.comparison).toEqual({
      label: "1–6月",
      period: { from: "2026-01-01", to: "2026-06-30" },
      previousPeriod: { from: "2025-01-01", to: "2025-06-30" },
      currentUsd: 3_095_000,
      previousUsd: 800_000,
      rate: 2.86875,
    });
    // the same number as the cockpit's 实到外资 for the year
    expect(y2026.yearTotalUsd).toBe(getIndicators(yearPeriod(2026)).actual_fdi_usd);
  });

  it("compares on the one basis: the current year's 1–N月 by today's month, a past year whole, a chosen month against that month", () => {
    // mid-May 2026: 1–5月 = 249.5 + 40 (S's deleted 11 and D's 70 count nowhere) against 2025's 1–5月 = Z's 80
    const may = onDay("2026-05-15", () => listArrivals(leader, { year: 2026, page: 1 }));
    expect(may.comparison).toMatchObject({ label: "1–5月", currentUsd: 2_895_000, previousUsd: 800_000, rate: 2.61875 });
    expect(onDay("2026-01-20", () => listArrivals(leader, { year: 2026, page: 1 })).comparison).toMatchObject({
      label: "1月",
      currentUsd: 2_495_000,
      previousUsd: 0,
      rate: null,
    });
    // 2021 had data only up to March, yet the whole year is compared with the whole of 2020: 60 against 25 + 15
    expect(listArrivals(leader, { year: 2021, page: 1 }).comparison).toMatchObject({ label: "全年", currentUsd: 600_000, previousUsd: 400_000, rate: 0.5 });
    // a chosen month against the same month a year earlier
    expect(listArrivals(leader, { year: 2021, month: 3, page: 1 }).comparison).toMatchObject({
      label: "3月",
      period: { from: "2021-03-01", to: "2021-03-31" },
      previousPeriod: { from: "2020-03-01", to: "2020-03-31" },
      currentUsd: 600_000,
      previousUsd: 250_000,
      rate: 1.4,
    });
    expect(listArrivals(leader, { year: 2021, month: 11, page: 1 }).comparison).toMatchObject({ label: "11月", currentUsd: 0, previousUsd: 150_000, rate: -1 });
    // the month view compares the month; the month table and the year total stay the year's
    const june = listArrivals(leader, { year: 2026, month: 6, page: 1 });
    expect(june.comparison).toMatchObject({ label: "6月", currentUsd: 200_000, previousUsd: 0, rate: null });
    expect(june.yearTotalUsd).toBe(3_095_000);
  });

  it("unscoped and unfiltered, every total is the cockpit's 实到外资 (getIndicators) of the same period", () => {
    const actual = (period: Period, unitId?: number) => getIndicators(period, unitId === undefined ? {} : { unitId }).actual_fdi_usd;
    for (const actor of [leader, staff]) {
      for (const year of [2020, 2021, 2025, 2026]) {
        const overview = listArrivals(actor, { year, page: 1 });
        expect(overview.yearTotalUsd).toBe(actual(yearPeriod(year)));
        for (const month of overview.months) expect(month.usd).toBe(actual(monthPeriod(month.month)));
        expect(overview.comparison.currentUsd).toBe(actual(overview.comparison.period));
        expect(overview.comparison.previousUsd).toBe(actual(overview.comparison.previousPeriod));
      }
      for (const [year, month] of [
        [2025, 12],
        [2026, 1],
        [2026, 3],
        [2026, 5],
        [2021, 3],
      ]) {
        const { comparison } = listArrivals(actor, { year, month, page: 1 });
        expect(comparison.currentUsd).toBe(actual(monthPeriod(`${year}-${String(month).padStart(2, "0")}`)));
        expect(comparison.previousUsd).toBe(actual(comparison.previousPeriod));
      }
    }
    // by hand across the year boundary: 2025-12-31 150.50 in 2025 and December, 2026-01-01 249.50 in 2026 and January;
    // D's 30 + 70 (deleted project), S's 11 and Z's 9 (deleted arrivals) nowhere
    expect([actual(yearPeriod(2025)), actual(monthPeriod("2025-12")), actual(yearPeriod(2026)), actual(monthPeriod("2026-01"))]).toEqual([
      3_305_000, 1_505_000, 3_095_000, 2_495_000,
    ]);
    expect([actual(monthPeriod("2026-03")), actual(monthPeriod("2026-05")), actual(monthPeriod("2025-05")), actual(monthPeriod("2025-06"))]).toEqual([
      0, 0, 0, 0,
    ]);
    // a unit's figures too
    const zoneYear = listArrivals(leader, { year: 2026, unitId: zone, page: 1 });
    expect(zoneYear.yearTotalUsd).toBe(actual(yearPeriod(2026), zone));
    expect(zoneYear.comparison.previousUsd).toBe(actual(zoneYear.comparison.previousPeriod, zone));
  });

  it("puts the last day of a year and the first of the next in their own months and years", () => {
    const y2025 = listArrivals(leader, { year: 2025, page: 1 });
    expect(y2025.months.filter((m) => m.usd > 0).map((m) => [m.month, m.usd / WAN])).toEqual([
      ["2025-04", 80],
      ["2025-11", 100],
      ["2025-12", 150.5],
    ]);
    expect(y2025.months[11].cumulativeUsd).toBe(3_305_000);
    expect(y2025.yearTotalUsd).toBe(3_305_000);
    // a past year: the whole of 2025 against the whole of 2024, which had none
    expect(y2025.comparison).toEqual({
      label: "全年",
      period: { from: "2025-01-01", to: "2025-12-31" },
      previousPeriod: { from: "2024-01-01", to: "2024-12-31" },
      currentUsd: 3_305_000,
      previousUsd: 0,
      rate: null,
    });
    expect(y2025.page.rows.map((row) => row.arrivedOn)).toEqual(["2025-12-31", "2025-11-20", "2025-04-15"]);
    expect(listArrivals(leader, { year: 2026, page: 1 }).page.rows.map((row) => row.arrivedOn)).toEqual(["2026-06-30", "2026-02-10", "2026-01-01"]);
  });

  it("lists a year's arrivals newest first with project, country and who recorded them; filters by month, unit and project", () => {
    const { page } = listArrivals(leader, { year: 2026, page: 1 });
    expect(page).toMatchObject({ page: 1, hasNext: false, total: 3 });
    expect(page.rows[2]).toMatchObject({ arrivedOn: "2026-01-01", amountUsd: 2_495_000, projectId: S, country: "JP", reference: "资本金账户入账" });
    expect(page.rows[2].projectName).toBe(projectRow(S).name);

    const february = listArrivals(leader, { year: 2026, month: 2, page: 1 });
    expect(february.page.rows.map((row) => [row.arrivedOn, row.projectId])).toEqual([["2026-02-10", Z]]);
    expect(february.page.total).toBe(1);
    expect(february.yearTotalUsd).toBe(3_095_000); // the month table still shows the whole year

    const zoneOnly = listArrivals(leader, { year: 2026, unitId: zone, page: 1 });
    expect(zoneOnly.yearTotalUsd).toBe(600_000);
    expect(zoneOnly.comparison).toMatchObject({ label: "1–6月", currentUsd: 600_000, previousUsd: 800_000, rate: -0.25 });

    const sOnly = listArrivals(leader, { year: 2025, projectId: S, page: 1 });
    expect(sOnly.project).toEqual({ id: S, name: projectRow(S).name });
    expect(sOnly.page.rows.map((row) => row.arrivedOn)).toEqual(["2025-12-31", "2025-11-20"]);
    expect(sOnly.yearTotalUsd).toBe(2_505_000);
  });

  it("shows an officer only the arrivals of projects they may read, in the totals as in the list", () => {
    const mine = listArrivals(officer, { year: 2026, page: 1 });
    expect(mine.page.rows.map((row) => row.projectId)).toEqual([S]);
    expect(mine.yearTotalUsd).toBe(2_495_000);
    expect(mine.comparison.previousUsd).toBe(0); // Z's 2025-04-15 is not theirs
    const theirs = listArrivals(officer2, { year: 2026, page: 1 });
    expect(theirs.page.rows.map((row) => row.projectId)).toEqual([Z, Z]);
    expect(theirs.yearTotalUsd).toBe(600_000);
    // a unit filter narrows the scope, never widens it
    expect(listArrivals(officer, { year: 2026, unitId: zone, page: 1 }).page.total).toBe(0);
    expect(listArrivals(officer, { year: 2026, projectId: Z, page: 1 })).toMatchObject({ project: null, yearTotalUsd: 0, page: { total: 0, rows: [] } });
  });

  it("lets a member of another unit's project see its arrivals", () => {
    const shared = signedProject(officer2, { signedOn: "2023-03-01", contracted: "100" });
    recordArrival({ actor: staff, projectId: shared, data: arrival("2023-03-05", "7") });
    expect(listArrivals(officer, { year: 2023, page: 1 }).page.rows.map((row) => row.projectId)).not.toContain(shared);
    addProjectMember({ actor: officer2, projectId: shared, userId: officer.id });
    expect(listArrivals(officer, { year: 2023, page: 1 }).page.rows.map((row) => row.projectId)).toContain(shared);
  });

  it("pages with the exact count from the month totals", () => {
    const busy = signedProject(officer, { signedOn: "2022-01-03", contracted: "1000" });
    for (let day = 1; day <= 25; day++) {
      recordArrival({ actor: staff, projectId: busy, data: arrival(`2022-02-${String(day).padStart(2, "0")}`, "1") });
    }
    const first = listArrivals(leader, { year: 2022, page: 1 });
    expect(first.page).toMatchObject({ total: 25, hasNext: true });
    expect(first.page.rows).toHaveLength(20);
    expect(first.page.rows[0].arrivedOn).toBe("2022-02-25");
    const second = listArrivals(leader, { year: 2022, page: 2 });
    expect(second.page).toMatchObject({ total: 25, hasNext: false });
    expect(second.page.rows.map((row) => row.arrivedOn)).toEqual(["2022-02-05", "2022-02-04", "2022-02-03", "2022-02-02", "2022-02-01"]);
    expect(listArrivals(leader, { year: 2022, page: 9 }).page).toMatchObject({ rows: [], total: 25, hasNext: false });
  });

  it("leaves out deleted arrivals and the arrivals of deleted projects", () => {
    const doomed = signedProject(officer, { signedOn: "2022-05-01", contracted: "100" });
    recordArrival({ actor: staff, projectId: doomed, data: arrival("2022-06-01", "10") });
    const before = listArrivals(leader, { year: 2022, page: 1 }).yearTotalUsd;
    deleteProject({ actor: leader, projectId: doomed, version: projectRow(doomed).version });
    expect(listArrivals(leader, { year: 2022, page: 1 }).yearTotalUsd).toBe(before - 10 * WAN);
    expect(() => getProjectFunding(staff, doomed)).toThrow(NotFoundError);
    expect(() => recordArrival({ actor: staff, projectId: doomed, data: arrival("2022-06-02", "1") })).toThrow(NotFoundError);
  });
});

describe("correcting and deleting an arrival", () => {
  let project: number;
  beforeAll(() => {
    project = signedProject(officer, { signedOn: "2023-06-01", contracted: "200" });
  });

  it("updates with the version it was read at; a stale save is refused and changes nothing", () => {
    const id = recordArrival({ actor: staff, projectId: project, data: arrival("2023-06-10", "50") });
    const read = liveArrivalsOf(project).find((row) => row.id === id)!;
    updateArrival({ actor: staff, arrivalId: id, data: arrival("2023-06-11", "55.5", "更正"), version: read.version });
    expect(() => updateArrival({ actor: admin, arrivalId: id, data: arrival("2023-06-12", "60"), version: read.version })).toThrow(ConflictError);
    expect(liveArrivalsOf(project).find((row) => row.id === id)).toMatchObject({
      arrivedOn: "2023-06-11",
      amountUsd: 555_000,
      reference: "更正",
      version: read.version + 1,
    });
    expect(() => deleteArrival({ actor: staff, arrivalId: id, version: read.version })).toThrow(ConflictError);
    expect(liveArrivalsOf(project).map((row) => row.id)).toContain(id);
  });

  it("applies the same rules to a correction: dates, roles, scope", () => {
    const id = recordArrival({ actor: staff, projectId: project, data: arrival("2023-07-01", "10") });
    const version = liveArrivalsOf(project).find((row) => row.id === id)!.version;
    expect(invalidOf(() => updateArrival({ actor: staff, arrivalId: id, data: arrival("2023-05-31", "10"), version })).fieldErrors).toEqual({
      arrivedOn: "到账日期不能早于签约日期",
    });
    expect(() => updateArrival({ actor: officer, arrivalId: id, data: arrival("2023-07-02", "10"), version })).toThrow(ForbiddenError);
    expect(() => updateArrival({ actor: officer2, arrivalId: id, data: arrival("2023-07-02", "10"), version })).toThrow(NotFoundError);
    expect(() => updateArrival({ actor: staff, arrivalId: id, data: arrival("2023-07-02", "10"), version, projectId: S })).toThrow(NotFoundError);
    expect(() => deleteArrival({ actor: leader, arrivalId: id, version })).toThrow(ForbiddenError);
    expect(liveArrivalsOf(project).find((row) => row.id === id)).toMatchObject({ arrivedOn: "2023-07-01", version });
  });

  it("deletes softly: the row stays, it counts nowhere, and deleting again is 404", () => {
    const id = recordArrival({ actor: staff, projectId: project, data: arrival("2023-08-08", "8") });
    const totalBefore = getProjectFunding(staff, project).totalArrivedUsd;
    deleteArrival({ actor: staff, arrivalId: id, version: 1 });
    const row = db().select().from(t.fdiArrivals).where(eq(t.fdiArrivals.id, id)).get()!;
    expect(row.deletedAt).not.toBeNull();
    expect(getProjectFunding(staff, project).totalArrivedUsd).toBe(totalBefore - 8 * WAN);
    expect(listArrivals(leader, { year: 2023, month: 8, page: 1 }).page.total).toBe(0);
    expect(() => deleteArrival({ actor: staff, arrivalId: id, version: 2 })).toThrow(NotFoundError);
    expect(() => updateArrival({ actor: staff, arrivalId: id, data: arrival("2023-08-09", "8"), version: 2 })).toThrow(NotFoundError);
  });

  it("shows a correction and a deletion in the screen's totals and 同比 at once", () => {
    const read = () => listArrivals(leader, { year: 2024, month: 7, page: 1 });
    const before = read();
    const id = recordArrival({ actor: staff, projectId: project, data: arrival("2023-07-20", "40") });
    expect(read().comparison.previousUsd).toBe(before.comparison.previousUsd + 40 * WAN);
    updateArrival({ actor: staff, arrivalId: id, data: arrival("2023-08-20", "40"), version: 1 });
    expect(read().comparison.previousUsd).toBe(before.comparison.previousUsd);
    const moved = recordArrival({ actor: staff, projectId: project, data: arrival("2024-07-05", "6") });
    expect(read()).toMatchObject({ yearTotalUsd: before.yearTotalUsd + 6 * WAN, comparison: { currentUsd: before.comparison.currentUsd + 6 * WAN } });
    deleteArrival({ actor: staff, arrivalId: moved, version: 1 });
    expect(read()).toMatchObject({ yearTotalUsd: before.yearTotalUsd, page: { total: before.page.total } });
  });

  it("audits create, update and delete as fdi_arrival with field-level values", () => {
    const id = recordArrival({ actor: staff, projectId: project, data: arrival("2023-09-01", "30", "水单 9-1") });
    updateArrival({ actor: admin, arrivalId: id, data: arrival("2023-09-01", "32", "水单 9-1"), version: 1 });
    deleteArrival({ actor: staff, arrivalId: id, version: 2 });
    const rows = arrivalAudit(id);
    expect(rows.map((row) => [row.action, row.userId])).toEqual([
      ["create", staff.id],
      ["update", admin.id],
      ["delete", staff.id],
    ]);
    expect(rows[0].changes).toEqual({ projectId: [null, project], arrivedOn: [null, "2023-09-01"], amountUsd: [null, 300_000], reference: [null, "水单 9-1"] });
    expect(rows[1].changes).toEqual({ amountUsd: [300_000, 320_000] });
    expect(rows[2].changes).toEqual({ projectId: [project, project], arrivedOn: ["2023-09-01", null], amountUsd: [320_000, null] });
  });
});

describe("/projects/:id/arrivals, as the project page posts to it", () => {
  let project: number;
  beforeAll(() => {
    project = signedProject(officer, { signedOn: "2023-10-01", contracted: "100" });
  });
  const post = async (actor: Actor, fields: Record<string, string>) =>
    answer(async () => arrivalsAction(routeArgs(await postAs(actor, `/projects/${project}/arrivals`, fields), { id: String(project) })));

  it("records from the posted form and goes back to the project's 实到外资; the schema's field errors come back with the input", async () => {
    const saved = await post(staff, { intent: "record", arrivedOn: "2023-10-02", amountUsd: "12.34", reference: "表单登记" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/projects/${project}#arrivals`);
    expect(liveArrivalsOf(project)).toMatchObject([{ amountUsd: 123_400, reference: "表单登记", createdBy: staff.id }]);
    const refused = await post(staff, { intent: "record", arrivedOn: "2023-10-02", amountUsd: "abc" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      ok: false,
      fieldErrors: { amountUsd: "到账金额（万美元）应为不超过两位小数的非负数" },
      values: { amountUsd: "abc" },
    });
    expect(liveArrivalsOf(project)).toHaveLength(1);
    expect((await post(officer, { intent: "record", arrivedOn: "2023-10-02", amountUsd: "1" })).status).toBe(403);
    expect((await post(staff, { intent: "somethingElse" })).status).toBe(400);
  });

  it("asks before 删除 on a page of its own, naming the arrival", async () => {
    const [own] = liveArrivalsOf(project);
    const query = `intent=delete&arrivalId=${own.id}&version=${own.version}`;
    const page = await answer(async () => arrivalsLoader(routeArgs(await getAs(staff, `/projects/${project}/arrivals?${query}`), { id: String(project) })));
    const { confirmation } = (await page.json()) as { confirmation: { question: string; action: string; fields: Record<string, string> } | null };
    expect(confirmation).toMatchObject({
      question: "确定删除 2023-10-02 到账 12.34 万美元 的记录？",
      action: `/projects/${project}/arrivals`,
      fields: { intent: "delete", arrivalId: String(own.id), version: String(own.version) },
    });
    // asking deletes nothing; an officer (who cannot delete) is not asked
    expect(liveArrivalsOf(project)).toHaveLength(1);
    const officerPage = await answer(async () =>
      arrivalsLoader(routeArgs(await getAs(officer, `/projects/${project}/arrivals?${query}`), { id: String(project) })),
    );
    expect(((await officerPage.json()) as { confirmation: unknown }).confirmation).toBeNull();
  });

  it("deletes only an arrival of the page's project, at the posted version", async () => {
    const [own] = liveArrivalsOf(project);
    const other = liveArrivalsOf(S)[0];
    expect((await post(staff, { intent: "delete", arrivalId: String(other.id), version: String(other.version) })).status).toBe(404);
    expect((await post(staff, { intent: "delete", arrivalId: String(own.id), version: String(own.version + 1) })).status).toBe(409);
    const deleted = await post(staff, { intent: "delete", arrivalId: String(own.id), version: String(own.version) });
    expect(deleted.headers.get("Location")).toBe(`/projects/${project}#arrivals`);
    expect(liveArrivalsOf(project)).toEqual([]);
    expect(liveArrivalsOf(S).map((row) => row.id)).toContain(other.id);
  });
});
