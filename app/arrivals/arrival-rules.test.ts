import { describe, expect, it } from "vitest";
import { arrivalDateProblem, arrivalRefusal, comparisonBasis, fundingRate, monthRows } from "./arrival-rules";

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
    const rows = monthRows(
      2026,
      new Map([
        ["2026-02", 10],
        ["2026-11", 5],
      ]),
    );
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ month: "2026-01", usd: 0, cumulativeUsd: 0 });
    expect(rows[1]).toEqual({ month: "2026-02", usd: 10, cumulativeUsd: 10 });
    expect(rows[10]).toEqual({ month: "2026-11", usd: 5, cumulativeUsd: 15 });
    expect(rows[11]).toEqual({ month: "2026-12", usd: 0, cumulativeUsd: 15 });
  });

  it("compares a period with the same period a year earlier: the chosen month, 1–N月 of the current year, a past year whole", () => {
    // the current year: January to today's month, whatever months hold data
    expect(comparisonBasis({ year: 2026 }, "2026-06-30")).toEqual({
      current: { from: "2026-01-01", to: "2026-06-30" },
      previous: { from: "2025-01-01", to: "2025-06-30" },
      label: "1–6月",
    });
    expect(comparisonBasis({ year: 2026 }, "2026-01-05")).toMatchObject({ current: { to: "2026-01-31" }, previous: { to: "2025-01-31" }, label: "1月" });
    expect(comparisonBasis({ year: 2026 }, "2026-12-01")).toMatchObject({ current: { to: "2026-12-31" }, label: "全年" });
    // a past year: the whole year against the whole year before
    expect(comparisonBasis({ year: 2025 }, "2026-06-30")).toEqual({
      current: { from: "2025-01-01", to: "2025-12-31" },
      previous: { from: "2024-01-01", to: "2024-12-31" },
      label: "全年",
    });
    // a chosen month: that month against the same month; February ends on its own last day in each year
    expect(comparisonBasis({ year: 2024, month: 2 }, "2026-06-30")).toEqual({
      current: { from: "2024-02-01", to: "2024-02-29" },
      previous: { from: "2023-02-01", to: "2023-02-28" },
      label: "2月",
    });
    expect(comparisonBasis({ year: 2025, month: 2 }, "2026-06-30")).toMatchObject({ current: { to: "2025-02-28" }, previous: { to: "2024-02-29" } });
    expect(comparisonBasis({ year: 2026, month: 2 }, "2026-06-30")).toMatchObject({ label: "2月", previous: { from: "2025-02-01", to: "2025-02-28" } });
    // 1–2月 of a leap year against 1–2月 of the year before
    expect(comparisonBasis({ year: 2028 }, "2028-02-10")).toMatchObject({
      current: { to: "2028-02-29" },
      previous: { from: "2027-01-01", to: "2027-02-28" },
      label: "1–2月",
    });
  });
});
