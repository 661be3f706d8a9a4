/**
 * 工作台 for staff (today is 2026-06-30, so 时序进度 is 6/12 = 50%): the month's report status,
 * the arrivals dated this month, and the targets behind 时序进度.
 *
 * Written in beforeAll (万美元): arrivals on the verified signing S (投资促进中心) dated
 * 2026-05-20 100 · 2026-06-01 120.50 · 2026-06-30 80 (and one of 500 on 2026-06-15, deleted);
 * on Z (开发区) 2026-06-10 50; on D, a deleted project signed 2026-05-03, 2026-06-20 70 (counted
 * nowhere, nor is D's signing). Targets for 2026: 新签约项目数 10 (2 signed: 20% < 50%, behind),
 * 实到外资 600 (350.50 arrived: 58.4% ≥ 50%, not behind); no other indicator has a target.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { arrivalSchema } from "../app/arrivals/arrival.schema";
import { deleteArrival, recordArrival, summarizeArrivals } from "../app/arrivals/arrivals.server";
import type { Actor } from "../app/auth/permissions";
import { startSession } from "../app/auth/session.server";
import { getIndicators } from "../app/figures/figures.server";
import { targetsSchema } from "../app/figures/target.schema";
import { listTargetsBehind, saveTargets } from "../app/figures/targets.server";
import { monthPeriod } from "../app/lib/dates";
import { ForbiddenError } from "../app/lib/errors";
import { deleteProject, moveProjectToStage, verifySigning } from "../app/projects/projects.server";
import { generateReport, getReportStatus } from "../app/reports/reports.server";
import { getStaffWorkbench } from "../app/reports/staff-workbench.server";
import { loader as workbenchLoader } from "../app/routes/_index";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

const WAN = 10_000;
let staff: Actor;
let admin: Actor;
let leader: Actor;
let officer: Actor;

function signedProject(owner: Actor, signedOn: string): number {
  const id = makeProject(owner, { companyId: makeCompany(owner), contractedFdiUsd: "1000", totalInvestmentUsd: "5000", enteredOn: "2026-01-04" });
  moveProjectToStage({ actor: owner, projectId: id, toStage: "signed", occurredOn: signedOn, note: null, version: projectRow(id).version });
  verifySigning({ actor: leader, projectId: id, version: projectRow(id).version });
  return id;
}
const arrive = (projectId: number, arrivedOn: string, wan: string) =>
  recordArrival({ actor: staff, projectId, data: arrivalSchema.parse({ arrivedOn, amountUsd: wan, reference: "" }) });

beforeAll(() => {
  const center = makeUnit("工作台测试中心");
  const zone = makeUnit("工作台测试开发区");
  staff = makeUser("staff", center);
  admin = makeUser("admin", center);
  leader = makeUser("leader", center);
  officer = makeUser("officer", center);
  const officer2 = makeUser("officer", zone);
  const S = signedProject(officer, "2026-05-01");
  const Z = signedProject(officer2, "2026-05-02");
  arrive(S, "2026-05-20", "100");
  arrive(S, "2026-06-01", "120.50");
  arrive(S, "2026-06-30", "80");
  deleteArrival({ actor: staff, arrivalId: arrive(S, "2026-06-15", "500") });
  arrive(Z, "2026-06-10", "50");
  const D = signedProject(officer, "2026-05-03");
  arrive(D, "2026-06-20", "70");
  deleteProject({ actor: leader, projectId: D, version: projectRow(D).version });
  saveTargets({
    actor: staff,
    data: targetsSchema.parse({
      year: "2026",
      unitId: "",
      signed_projects: "10",
      actual_fdi_usd: "600",
      ...Object.fromEntries(
        ["signed_projects", "contracted_fdi_usd", "total_investment_usd", "actual_fdi_usd", "big_projects", "fortune500_projects"].map((indicator) => [
          `version_${indicator}`,
          "0",
        ]),
      ),
    }),
  });
});

describe("the month's report", () => {
  it("names the latest edition of last month's and this month's report, or none", () => {
    generateReport({ actor: staff, month: "2026-05", today: "2026-06-30" });
    const second = generateReport({ actor: leader, month: "2026-05", today: "2026-06-30" });
    expect(getReportStatus(staff, ["2026-05", "2026-06"])).toEqual([
      { month: "2026-05", latest: { id: second, month: "2026-05", edition: 2, generatedAt: expect.any(Number) } },
      { month: "2026-06", latest: null },
    ]);
    expect(() => getReportStatus(officer, ["2026-05"])).toThrow(ForbiddenError);
  });
});

describe("arrivals of the month", () => {
  it("counts and sums the live arrivals dated in the month, in the actor's scope", () => {
    expect(summarizeArrivals(staff, monthPeriod("2026-06"))).toEqual({ count: 3, usd: (120.5 + 80 + 50) * WAN });
    expect(summarizeArrivals(officer, monthPeriod("2026-06"))).toEqual({ count: 2, usd: (120.5 + 80) * WAN });
    expect(summarizeArrivals(staff, monthPeriod("2026-05"))).toEqual({ count: 1, usd: 100 * WAN });
    expect(summarizeArrivals(staff, monthPeriod("2026-04"))).toEqual({ count: 0, usd: 0 });
  });

  it("sums, for staff, the cockpit's 实到外资 (getIndicators) of the month", () => {
    for (const month of ["2026-04", "2026-05", "2026-06"]) {
      expect(summarizeArrivals(staff, monthPeriod(month)).usd).toBe(getIndicators(monthPeriod(month)).actual_fdi_usd);
    }
    expect(getStaffWorkbench(staff, "2026-06-30")!.arrivals.usd).toBe(getIndicators(monthPeriod("2026-06")).actual_fdi_usd);
  });
});

describe("targets behind 时序进度", () => {
  it("lists the indicators whose 完成率 is below the elapsed share of the year", () => {
    const targets = listTargetsBehind(staff, "2026-06-30");
    expect(targets.period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(targets.withTarget).toBe(2);
    expect(targets.behind.map((card) => [card.indicator, card.yearToDate, card.target, card.completion, card.timeProgress])).toEqual([
      ["signed_projects", 2, 10, 0.2, 0.5],
    ]);
    // on 2026-05-31 (5/12 = 41.7%) 实到外资 stood at 100 of 600 = 16.7%: behind as well
    expect(listTargetsBehind(staff, "2026-05-31").behind.map((card) => card.indicator)).toEqual(["signed_projects", "actual_fdi_usd"]);
    expect(() => listTargetsBehind(officer)).toThrow(ForbiddenError);
  });
});

describe("the staff section of 工作台", () => {
  it("is there for staff and administrators only, with this month's figures", async () => {
    expect(getStaffWorkbench(officer)).toBeNull();
    expect(getStaffWorkbench(leader)).toBeNull();
    expect(getStaffWorkbench(admin)).not.toBeNull();
    const section = getStaffWorkbench(staff, "2026-06-30")!;
    expect(section.reports.map((report) => [report.month, report.latest?.edition ?? null])).toEqual([
      ["2026-05", 2],
      ["2026-06", null],
    ]);
    expect(section.arrivals).toEqual({ month: "2026-06", count: 3, usd: 2_505_000 });
    expect(section.targets.behind.map((card) => card.indicator)).toEqual(["signed_projects"]);
  });

  it("reaches the page: the loader gives staff the section and officers none", async () => {
    const load = async (actor: Actor) => {
      const session = await startSession(actor.id, "/", new Request("http://localhost/login"));
      const request = new Request("http://localhost/", { headers: { Cookie: session.headers.get("Set-Cookie")!.split(";")[0]! } });
      return (await (await workbenchLoader({ request, params: {}, context: {} })).json()) as { staff: unknown };
    };
    expect((await load(staff)).staff).toMatchObject({ arrivals: { month: "2026-06", count: 3 } });
    expect((await load(officer)).staff).toBeNull();
  });
});
