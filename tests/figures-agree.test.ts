/**
 * One month, three screens, the same numbers: the cockpit, the monthly report and the 实到外资 screen
 * read the figures module's one vocabulary, so for June 2026 of the hand-built fixture
 * (tests/support/figures-fixture.ts, today 2026-06-30) they agree on every indicator, on 同比 (a
 * month against the same month, 1–N月 against 1–N月) and on the 储备 at the month's end.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listArrivals } from "../app/arrivals/arrivals.server";
import { getCockpit } from "../app/figures/cockpit.server";
import { generateReport, getReport } from "../app/reports/reports.server";
import { buildFiguresFixture, WAN, type FiguresFixture } from "./support/figures-fixture";

let f: FiguresFixture;
beforeAll(() => {
  f = buildFiguresFixture();
});

const JUNE = { from: "2026-06-01", to: "2026-06-30" };
const FIRST_HALF = { from: "2026-01-01", to: "2026-06-30" };

describe("June 2026 on the cockpit, in the report and on the 实到外资 screen", () => {
  it("gives the same indicators, month and 1–6月, with the same 同比", () => {
    const report = getReport(f.staff, generateReport({ actor: f.staff, month: "2026-06", today: "2026-06-30" })).snapshot;
    const month = getCockpit(JUNE, "country").kpis;
    const cumulative = getCockpit(FIRST_HALF, "country").kpis;
    for (const line of report.indicators) {
      const monthCard = month.find((card) => card.indicator === line.indicator)!;
      const cumulativeCard = cumulative.find((card) => card.indicator === line.indicator)!;
      expect([line.indicator, monthCard.actual, monthCard.yearToDate]).toEqual([line.indicator, line.month, line.yearToDate]);
      expect([line.indicator, cumulativeCard.actual, cumulativeCard.yearOnYear, cumulativeCard.completion]).toEqual([
        line.indicator,
        line.yearToDate,
        line.yearOnYear,
        line.completion,
      ]);
    }
    // worked out by hand: June 实到外资 is P2's 50; 1–6月 P1 3,000 + P2 50 + P4 100 against 1–6月 2025 P4 200
    const arrived = report.indicators.find((line) => line.indicator === "actual_fdi_usd")!;
    expect([arrived.month, arrived.yearToDate]).toEqual([50 * WAN, 3150 * WAN]);
    expect(arrived.yearOnYear).toBeCloseTo((3150 - 200) / 200, 10);

    const arrivalsOfJune = listArrivals(f.staff, { year: 2026, month: 6, page: 1 }).comparison;
    expect([arrivalsOfJune.label, arrivalsOfJune.currentUsd, arrivalsOfJune.rate]).toEqual([
      "6月",
      arrived.month,
      month.find((card) => card.indicator === "actual_fdi_usd")!.yearOnYear,
    ]);
    const arrivalsOfYear = listArrivals(f.staff, { year: 2026, page: 1 }).comparison;
    expect([arrivalsOfYear.label, arrivalsOfYear.currentUsd, arrivalsOfYear.rate]).toEqual(["1–6月", arrived.yearToDate, arrived.yearOnYear]);
  });

  it("gives the same 储备 at the month's end", () => {
    const report = getReport(f.staff, generateReport({ actor: f.staff, month: "2026-06", today: "2026-06-30" })).snapshot;
    const cockpit = getCockpit(JUNE, "unit").snapshot;
    expect(cockpit.at).toBe("2026-06-30");
    expect(cockpit.lines.map((line) => [line.label, line.projects, line.totalInvestmentUsd])).toEqual(
      report.pipeline.byStage.map((line) => [line.stageLabel, line.projects, line.totalInvestmentUsd]),
    );
  });
});
