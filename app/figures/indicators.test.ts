import { describe, expect, it } from "vitest";
import { completionRate, formatIndicatorValue, formatPercent, indicatorName, samePeriodLastYear, timeProgress, yearOnYear, yearToDate } from "./indicators";

describe("时序进度", () => {
  it("counts whole months at a month's end and days otherwise", () => {
    expect(timeProgress("2026-10-31")).toBe(10 / 12);
    expect(timeProgress("2026-12-31")).toBe(1);
    expect(timeProgress("2026-02-28")).toBe(2 / 12);
    expect(timeProgress("2024-02-28")).toBe(59 / 366); // 2024 is a leap year: 28 Feb is not its month's end
    expect(timeProgress("2026-01-01")).toBe(1 / 365);
  });
});

describe("the same period a year earlier", () => {
  it("shifts both ends, keeping month ends at month ends across a leap day", () => {
    expect(samePeriodLastYear({ from: "2026-01-01", to: "2026-06-30" })).toEqual({ from: "2025-01-01", to: "2025-06-30" });
    expect(samePeriodLastYear({ from: "2025-02-01", to: "2025-02-28" })).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(samePeriodLastYear({ from: "2024-02-29", to: "2024-03-15" })).toEqual({ from: "2023-02-28", to: "2023-03-15" });
  });

  it("year to date starts on 1 January of the period's end", () => {
    expect(yearToDate({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-01", to: "2026-03-31" });
  });
});

describe("完成率 and 同比", () => {
  it("are null without a base", () => {
    expect(completionRate(3, 10)).toBe(0.3);
    expect(completionRate(3, null)).toBeNull();
    expect(completionRate(3, 0)).toBeNull();
    expect(yearOnYear(3, 2)).toBe(0.5);
    expect(yearOnYear(1, 2)).toBe(-0.5);
    expect(yearOnYear(3, 0)).toBeNull();
    expect(formatPercent(0.8333)).toBe("83.3%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("an indicator shown on its own", () => {
  it("names it without the unit and shows money with its unit, in 亿美元 from 1亿", () => {
    expect(indicatorName("actual_fdi_usd")).toBe("实到外资");
    expect(indicatorName("signed_projects")).toBe("新签约项目数");
    expect(indicatorName("funding_rate")).toBe("资金到位率");
    expect(formatIndicatorValue("actual_fdi_usd", 480_000_000)).toBe("4.80 亿美元");
    expect(formatIndicatorValue("contracted_fdi_usd", 99_990_000)).toBe("9,999.00 万美元");
    expect(formatIndicatorValue("signed_projects", 30)).toBe("30");
    expect(formatIndicatorValue("big_projects", 0)).toBe("0");
    expect(formatIndicatorValue("total_investment_usd", null)).toBe("—");
  });
});
