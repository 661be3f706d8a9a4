/**
 * 实到外资 on a real migrated SQLite file: arrivals only on verified signings, by staff, dated
 * between the signing and today; 资金到位率 and the month/year totals. Today is 2026-06-30.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { arrivalSchema } from "../app/arrivals/arrival.schema";
import { deleteArrival, getProjectFunding, listArrivals, recordArrival } from "../app/arrivals/arrivals.server";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import { moveProjectToStage, verifySigning } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

const WAN = 10_000;
let staff: Actor;
let leader: Actor;
let officer: Actor;
let officer2: Actor;
let signed: number;
let pending: number;

const arrival = (arrivedOn: string, wan: string, reference = "") => arrivalSchema.parse({ arrivedOn, amountUsd: wan, reference });
const arrivalsOf = (projectId: number) => db().select().from(t.fdiArrivals).where(eq(t.fdiArrivals.projectId, projectId)).all();

beforeAll(() => {
  const center = makeUnit("投资促进中心");
  staff = makeUser("staff", center);
  leader = makeUser("leader", center);
  officer = makeUser("officer", center);
  officer2 = makeUser("officer", makeUnit("开发区"));
  const company = makeCompany(officer);
  signed = makeProject(officer, { companyId: company, totalInvestmentUsd: "2000", contractedFdiUsd: "1000", enteredOn: "2025-06-01" });
  moveProjectToStage({ actor: officer, projectId: signed, toStage: "signed", occurredOn: "2025-11-20", note: null, version: projectRow(signed).version });
  verifySigning({ actor: leader, projectId: signed, version: projectRow(signed).version });
  pending = makeProject(officer, { companyId: company, enteredOn: "2026-01-01" });
  moveProjectToStage({ actor: officer, projectId: pending, toStage: "signed", occurredOn: "2026-03-01", note: null, version: projectRow(pending).version });
});

describe("recording arrivals", () => {
  it("is refused before the signing is verified, and nothing is written", () => {
    expect(() => recordArrival({ actor: staff, projectId: pending, data: arrival("2026-04-01", "10") })).toThrow("项目签约经甄别后才能登记实到外资");
    expect(arrivalsOf(pending)).toEqual([]);
    expect(getProjectFunding(staff, pending).refusal).toBe("项目签约经甄别后才能登记实到外资");
  });

  it("is for staff and administrators only; a project out of scope answers 404", () => {
    expect(() => recordArrival({ actor: officer, projectId: signed, data: arrival("2026-01-10", "10") })).toThrow(ForbiddenError);
    expect(() => recordArrival({ actor: leader, projectId: signed, data: arrival("2026-01-10", "10") })).toThrow(ForbiddenError);
    expect(() => getProjectFunding(officer2, signed)).toThrow(NotFoundError);
  });

  it("refuses a date before the signing or after today, at the field", () => {
    const fieldOf = (arrivedOn: string) => {
      try {
        recordArrival({ actor: staff, projectId: signed, data: arrival(arrivedOn, "10") });
      } catch (error) {
        return (error as InvalidError).fieldErrors.arrivedOn;
      }
      return "recorded";
    };
    expect(fieldOf("2025-11-19")).toBe("到账日期不能早于签约日期（2025-11-20）");
    expect(fieldOf("2026-07-01")).toBe("到账日期不能晚于今天");
    expect(arrivalsOf(signed)).toEqual([]);
    expect(arrivalSchema.safeParse({ arrivedOn: "2026-01-01", amountUsd: "0" }).error?.issues[0].message).toBe("到账金额（万美元）应大于0");
  });

  it("totals a project's arrivals against its 合同外资 (资金到位率) and audits each", () => {
    recordArrival({ actor: staff, projectId: signed, data: arrival("2025-12-31", "150", "银行水单 2025-1231") });
    recordArrival({ actor: staff, projectId: signed, data: arrival("2026-01-05", "250") });
    const mistake = recordArrival({ actor: staff, projectId: signed, data: arrival("2026-02-01", "999") });
    deleteArrival({ actor: staff, projectId: signed, arrivalId: mistake });
    const funding = getProjectFunding(leader, signed);
    expect(funding.arrivals.map((a) => [a.arrivedOn, a.amountUsd / WAN])).toEqual([
      ["2025-12-31", 150],
      ["2026-01-05", 250],
    ]);
    expect(funding.totalArrivedUsd).toBe(400 * WAN);
    expect(funding.fundingRate).toBe(0.4);
    const audit = db().select().from(t.auditLog).where(eq(t.auditLog.entityId, signed)).all().filter((row) => row.changes && "arrival" in row.changes);
    expect(audit).toHaveLength(4);
  });
});

describe("the 实到外资 screen", () => {
  it("totals by month within the year, with the same span a year earlier", () => {
    const y2026 = listArrivals(leader, { year: 2026, page: 1 });
    expect(y2026.months[0]).toEqual({ month: "2026-01", usd: 250 * WAN, cumulativeUsd: 250 * WAN });
    expect(y2026.months[11].cumulativeUsd).toBe(250 * WAN);
    expect(y2026.yearTotalUsd).toBe(250 * WAN);
    expect(y2026.comparedTo).toBe("2026-06-30");
    expect(y2026.sameSpanLastYearUsd).toBe(0); // 2025-01-01..2025-06-30
    const y2025 = listArrivals(leader, { year: 2025, page: 1 });
    expect(y2025.months[11].usd).toBe(150 * WAN);
    expect(y2025.page.rows.map((row) => row.arrivedOn)).toEqual(["2025-12-31"]);
  });

  it("shows an officer only the arrivals of projects they may read", () => {
    expect(listArrivals(officer, { year: 2026, page: 1 }).page.total).toBe(1);
    expect(listArrivals(officer2, { year: 2026, page: 1 }).page.total).toBe(0);
    expect(listArrivals(officer2, { year: 2026, page: 1 }).yearTotalUsd).toBe(0);
  });
});
