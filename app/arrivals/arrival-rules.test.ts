import { describe, expect, it } from "vitest";
import {
  arrivalDateProblem,
  arrivalFiltersFrom,
  arrivalRefusal,
  comparisonSpan,
  fundingRate,
  listPeriod,
  monthRows,
} from "./arrival-rules";

describe("which projects take arrivals, and on which dates", () => {
  it("takes them on verified signings only", () => {
    expect(arrivalRefusal({ signedOn: null, signingVerifiedAt: null })).toBe("项目签约经甄别后才能登记实到外资");
    expect(arrivalRefusal({ signedOn: "2026-03-01", signingVerifiedAt: null })).toBe("项目签约经甄别后才能登记实到外资");
    expect(arrivalRefusal({ signedOn: "2026-03-01", signingVerifiedAt: 1 })).toBeNull();
  });

  it("dates them from the signing day to today, both included", () => {
    const on = { signedOn: "2026-03-01", today: "2026-06-30" };
    expect(arrivalDateProblem("2026-02-28", on)).toBe("到账日期不能早于签约日期");
    expect(arrivalDateProblem("2026-03-01", on)).toBeNull();
    expect(arrivalDateProblem("2026-06-30", on)).toBeNull();
    expect(arrivalDateProblem("2026-07-01", on)).toBe("到账日期不能晚于今天");
  });
});

describe("资金到位率", () => {
  it("is arrived ÷ contracted, and has no value without 合同外资", () => {
    expect(fundingRate(5_000_000, 10_000_000)).toBe(0.5);
    expect(fundingRate(12_000_000, 10_000_000)).toBe(1.2);
    expect(fundingRate(0, 10_000_000)).toBe(0);
    expect(fundingRate(5, 0)).toBeNull();
    expect(fundingRate(5, null)).toBeNull();
  });
});

describe("the months of a year and 同比", () => {
  it("gives twelve months, missing ones as 0, with the running sum", () => {
    const rows = monthRows(2026, new Map([["2026-02", 10], ["2026-11", 5]]));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ month: "2026-01", usd: 0, cumulativeUsd: 0 });
    expect(rows[1]).toEqual({ month: "2026-02", usd: 10, cumulativeUsd: 10 });
    expect(rows[10]).toEqual({ month: "2026-11", usd: 5, cumulativeUsd: 15 });
    expect(rows[11]).toEqual({ month: "2026-12", usd: 0, cumulativeUsd: 15 });
  });

  it("compares January to the latest month with data, or the whole year", () => {
    expect(comparisonSpan(2026, "2026-06")).toEqual({
      current: { from: "2026-01-01", to: "2026-06-30" },
      previous: { from: "2025-01-01", to: "2025-06-30" },
      throughMonth: 6,
    });
    expect(comparisonSpan(2025, null)).toMatchObject({ previous: { from: "2024-01-01", to: "2024-12-31" }, throughMonth: 12 });
    // February ends on its own last day in each year
    expect(comparisonSpan(2024, "2024-02")).toMatchObject({ current: { to: "2024-02-29" }, previous: { to: "2023-02-28" } });
    expect(comparisonSpan(2025, "2025-02")).toMatchObject({ current: { to: "2025-02-28" }, previous: { to: "2024-02-29" } });
  });
});

describe("the /arrivals URL", () => {
  const parse = (query: string) => arrivalFiltersFrom(new URLSearchParams(query), "2026-06-30");

  it("defaults to this year, all months, first page", () => {
    expect(parse("")).toEqual({ year: 2026, month: undefined, unitId: undefined, projectId: undefined, page: 1, pageSize: 20, sort: { key: "arrivedOn", dir: "desc" } });
  });

  it("reads year, month, unit, project and page, ignoring what is not one", () => {
    expect(parse("year=2024&month=3&unit=2&project=17&page=4&size=50&sort=amount&dir=asc")).toEqual({ year: 2024, month: 3, unitId: 2, projectId: 17, page: 4, pageSize: 50, sort: { key: "amount", dir: "asc" } });
    expect(parse("year=1999&month=13&unit=x&project=-1&page=0&size=7&sort=x")).toEqual({ year: 2026, month: undefined, unitId: undefined, projectId: undefined, page: 1, pageSize: 20, sort: { key: "arrivedOn", dir: "desc" } });
    expect(parse("year=2101&month=0&page=10001")).toMatchObject({ year: 2026, month: undefined, page: 1 });
  });

  it("lists the chosen month, or the whole year", () => {
    expect(listPeriod({ year: 2024, month: 2 })).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(listPeriod({ year: 2024 })).toEqual({ from: "2024-01-01", to: "2024-12-31" });
  });
});
