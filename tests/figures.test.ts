/**
 * The figures of DESIGN.md §4 against the hand-computed fixture of tests/support/figures-fixture.ts:
 * verified signings only, each project once at its signing date, increments for 增资, back-dated
 * changes in the month they happened, lost projects still counted, deleted ones never, year
 * boundaries and 同比.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { getBreakdown, getIndicators, getKpiCards, getMonthlyTrend, getRates, listBigSignings } from "../app/figures/figures.server";
import { getCockpit } from "../app/figures/cockpit.server";
import { getFunnel } from "../app/figures/funnel.server";
import { targetsSchema } from "../app/figures/target.schema";
import { getTargetProgress, getTargetSheet, saveTargets } from "../app/figures/targets.server";
import { ConflictError, ForbiddenError } from "../app/lib/errors";
import { listProjects } from "../app/projects/projects.server";
import { STAGES } from "../app/projects/stages";
import { buildFiguresFixture, WAN } from "./support/figures-fixture";

let unitA: number;
let unitB: number;
let leader: Actor;
let staff: Actor;
let officer: Actor;
let P: Record<string, number>;

beforeAll(() => {
  ({ unitA, unitB, leader, staff, officer, P } = buildFiguresFixture());
});

const H1_2026 = { from: "2026-01-01", to: "2026-06-30" };

describe("indicators for a period", () => {
  it("count verified signings once at their signing date, with increments and without deleted projects", () => {
    // P1, P2, P5 (P3 unverified, P6 deleted, P7 in 2025)
    expect(getIndicators(H1_2026)).toEqual({
      signed_projects: 3,
      contracted_fdi_usd: (8000 + 300 + 100) * WAN,
      total_investment_usd: (12000 + 500 + 100) * WAN,
      actual_fdi_usd: (3000 + 50 + 100) * WAN,
      big_projects: 1,
      fortune500_projects: 1,
    });
  });

  it("counts a back-dated signing in the month it happened, not the month it was recorded", () => {
    expect(getIndicators({ from: "2026-01-01", to: "2026-01-31" }).signed_projects).toBe(1); // P5
    expect(getIndicators({ from: "2026-06-01", to: "2026-06-30" }).signed_projects).toBe(1); // P2 only
  });

  it("puts a signing on 31 December in its own year", () => {
    const y2025 = getIndicators({ from: "2025-01-01", to: "2025-12-31" });
    expect(y2025.signed_projects).toBe(2); // P4, P7
    expect(y2025.contracted_fdi_usd).toBe((600 + 200) * WAN);
    expect(y2025.actual_fdi_usd).toBe(200 * WAN);
    expect(getIndicators({ from: "2026-01-01", to: "2026-12-31" }).signed_projects).toBe(3);
  });

  it("narrows to one unit", () => {
    const unit = getIndicators(H1_2026, { unitId: unitA });
    expect(unit.signed_projects).toBe(2); // P1, P5
    expect(unit.actual_fdi_usd).toBe((3000 + 100) * WAN);
    expect(getIndicators(H1_2026, { unitId: unitB }).contracted_fdi_usd).toBe(300 * WAN);
  });
});

describe("rates for the year", () => {
  it("开工率, 投产率 and 资金到位率 as of the period's end", () => {
    const rates = getRates(H1_2026);
    // signed in 2026: P1, P2, P5; of them P1 reached 开工
    expect(rates.startRate).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    // reached 开工 in 2026: P1 (05-01) and P7 (01-05); P4 started in 2025. None is producing.
    expect(rates.productionRate).toEqual({ numerator: 0, denominator: 2, rate: 0 });
    // arrivals of P1, P2, P5 up to 06-30: 3000 + 50; their 合同外资 8400
    expect(rates.fundingRate.numerator).toBe(3050 * WAN);
    expect(rates.fundingRate.denominator).toBe(8400 * WAN);
    // 2025 as of 12-31: signed P4, P7; P4 started in 2025 → 1/2; started in 2025: P4, not producing by then
    const y2025 = getRates({ from: "2025-01-01", to: "2025-12-31" });
    expect(y2025.startRate.rate).toBe(0.5);
    expect(y2025.productionRate).toEqual({ numerator: 0, denominator: 1, rate: 0 });
  });
});

describe("KPI cards and targets", () => {
  it("compare year to date with the target, the period with the same period a year earlier", () => {
    saveTargets({
      actor: staff,
      data: targetsSchema.parse({ year: "2026", unitId: "", signed_projects: "10", contracted_fdi_usd: "60000", actual_fdi_usd: "40000", ...versions(2026) }),
    });
    const cards = getKpiCards(H1_2026);
    const signed = cards.find((card) => card.indicator === "signed_projects")!;
    expect(signed).toEqual({
      indicator: "signed_projects",
      actual: 3,
      yearToDate: 3,
      target: 10,
      completion: 0.3,
      timeProgress: 0.5,
      previous: 1, // P4 in 2025-01-01..2025-06-30
      yearOnYear: 2,
    });
    const arrived = cards.find((card) => card.indicator === "actual_fdi_usd")!;
    expect(arrived.completion).toBeCloseTo(3150 / 40000, 10);
    expect(arrived.yearOnYear).toBeCloseTo((3150 - 200) / 200, 10);
    expect(cards.find((card) => card.indicator === "big_projects")!.target).toBeNull();

    // a month: March 2026 has P1; March 2025 had nothing, so no 同比; year to date counts P5 and P1
    const march = getKpiCards({ from: "2026-03-01", to: "2026-03-31" }).find((card) => card.indicator === "signed_projects")!;
    expect([march.actual, march.yearToDate, march.previous, march.yearOnYear, march.timeProgress]).toEqual([1, 2, 0, null, 0.25]);
  });

  it("shows a year's progress to today and keeps targets per unit apart from the county's", () => {
    saveTargets({ actor: staff, data: targetsSchema.parse({ year: "2026", unitId: String(unitA), signed_projects: "4", ...versions(2026, unitA) }) });
    const county = getTargetProgress(2026);
    expect(county.period).toEqual(H1_2026);
    expect(county.cards.find((card) => card.indicator === "signed_projects")!.target).toBe(10);
    const unit = getTargetProgress(2026, { unitId: unitA }).cards.find((card) => card.indicator === "signed_projects")!;
    expect([unit.target, unit.yearToDate, unit.completion]).toEqual([4, 2, 0.5]);
    expect(getTargetProgress(2027).cards).toEqual([]);
  });

  it("stores amounts typed in 万美元 as dollars, removes a cleared target, refuses stale saves and other roles", () => {
    const sheet = () => Object.fromEntries(getTargetSheet(2026, null).map((row) => [row.indicator, row.value]));
    expect(sheet().contracted_fdi_usd).toBe(60000 * WAN);
    saveTargets({
      actor: staff,
      data: targetsSchema.parse({ year: "2026", unitId: "", signed_projects: "12", contracted_fdi_usd: "", actual_fdi_usd: "40000", ...versions(2026) }),
    });
    expect(sheet()).toMatchObject({ signed_projects: 12, contracted_fdi_usd: null, actual_fdi_usd: 40000 * WAN });
    const stale = { ...versions(2026), version_signed_projects: "1" };
    expect(() => saveTargets({ actor: staff, data: targetsSchema.parse({ year: "2026", unitId: "", signed_projects: "13", ...stale }) })).toThrow(
      ConflictError,
    );
    expect(sheet().signed_projects).toBe(12);
    expect(() => saveTargets({ actor: leader, data: targetsSchema.parse({ year: "2026", unitId: "", ...versions(2026) }) })).toThrow(ForbiddenError);
    expect(() => saveTargets({ actor: officer, data: targetsSchema.parse({ year: "2026", unitId: "", ...versions(2026) }) })).toThrow(ForbiddenError);
    const audit = db().select().from(t.auditLog).where(eq(t.auditLog.entityType, "target")).all();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["create", "update", "delete"]));
  });

  it("gives field errors in Chinese for malformed values", () => {
    const result = targetsSchema.safeParse({ year: "2026", unitId: "", signed_projects: "三十", contracted_fdi_usd: "1.234" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(messages).toContainEqual(["signed_projects", "新签约项目数应为不超过100000的整数"]);
    expect(messages).toContainEqual(["contracted_fdi_usd", "合同外资（万美元）应为不超过两位小数的非负数"]);
  });
});

describe("breakdowns, trend and big projects", () => {
  it("break signings and arrivals down by unit and by country", () => {
    expect(getBreakdown(H1_2026, "unit")).toEqual([
      // unit A: P1 and P5 signed; arrivals P1 3000 and P4 100
      { key: String(unitA), name: "投资促进中心", projects: 2, contractedFdiUsd: 8100 * WAN, totalInvestmentUsd: 12100 * WAN, actualFdiUsd: 3100 * WAN },
      { key: String(unitB), name: "平湖经济技术开发区", projects: 1, contractedFdiUsd: 300 * WAN, totalInvestmentUsd: 500 * WAN, actualFdiUsd: 50 * WAN },
    ]);
    expect(getBreakdown(H1_2026, "country")).toEqual([
      { key: "JP", name: "JP", projects: 3, contractedFdiUsd: 8400 * WAN, totalInvestmentUsd: 12600 * WAN, actualFdiUsd: 3150 * WAN },
    ]);
    expect(getBreakdown(H1_2026, "projectType").map((row) => [row.key, row.projects])).toEqual([
      ["new", 2],
      ["capital_increase", 1],
    ]);
  });

  it("gives twelve months (here six) of signings, 合同外资 and 实到外资", () => {
    expect(getMonthlyTrend("2026-06", 6).map((m) => [m.month, m.signedProjects, m.contractedFdiUsd / WAN, m.actualFdiUsd / WAN])).toEqual([
      ["2026-01", 1, 100, 0],
      ["2026-02", 0, 0, 100],
      ["2026-03", 1, 8000, 0],
      ["2026-04", 0, 0, 3000],
      ["2026-05", 0, 0, 0],
      ["2026-06", 1, 300, 50],
    ]);
    expect(getMonthlyTrend("2026-01", 2).map((m) => m.month)).toEqual(["2025-12", "2026-01"]);
    expect(getMonthlyTrend("2026-01", 2)[0].signedProjects).toBe(1); // P7 on 2025-12-31
  });

  it("lists 超亿美元 and 世界500强 signings", () => {
    expect(listBigSignings(H1_2026).map((row) => row.id)).toEqual([P.P1]);
  });
});

describe("the cockpit's figures", () => {
  it("are kept until anything is written, then computed afresh", () => {
    const first = getCockpit(H1_2026, "unit");
    expect(getCockpit(H1_2026, "unit")).toBe(first);
    expect(getCockpit(H1_2026, "country")).not.toBe(first);
    const before = first.kpis.find((card) => card.indicator === "actual_fdi_usd")!.actual;
    db()
      .insert(t.fdiArrivals)
      .values({ projectId: P.P2, arrivedOn: "2026-06-29", amountUsd: 5 * WAN })
      .run();
    const after = getCockpit(H1_2026, "unit");
    expect(after).not.toBe(first);
    expect(after.kpis.find((card) => card.indicator === "actual_fdi_usd")!.actual).toBe(before + 5 * WAN);
    db().delete(t.fdiArrivals).where(eq(t.fdiArrivals.arrivedOn, "2026-06-29")).run();
  });
});

describe("every figure opens the list of the projects it counts", () => {
  const total = (figure: Parameters<typeof listProjects>[1]["figure"]) => listProjects(leader, { figure, page: 1 }).total;

  it("the funnel's numbers equal the drill-down lists, stage by stage", () => {
    const funnel = getFunnel(H1_2026);
    // cohort: P1, P2, P3, P5 (P6 deleted); P3's unverified signing stops it at 洽谈; P1 skipped 注册 to 开工
    expect(funnel.map((row) => row.projects)).toEqual([4, 4, 4, 3, 1, 1, 0]);
    expect(STAGES.map((reached) => total({ cohort: H1_2026, reached }))).toEqual([4, 4, 4, 3, 1, 1, 0]);
  });

  it("the KPI numbers equal the lists of verified signings", () => {
    expect(total({ signed: H1_2026 })).toBe(3);
    expect(total({ signed: H1_2026, big: true })).toBe(1);
    expect(total({ signed: H1_2026, fortune500: true })).toBe(1);
    expect(listProjects(leader, { figure: { signed: H1_2026 }, unitId: unitB, page: 1 }).rows.map((row) => row.id)).toEqual([P.P2]);
  });
});

/** The versions the target form would carry for a year's current targets. */
function versions(year: number, unitId: number | null = null): Record<string, string> {
  return Object.fromEntries(getTargetSheet(year, unitId).map((row) => [`version_${row.indicator}`, String(row.version)]));
}
