import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { addDays, daysBetween, isValidDate, monthPeriod, today, yearPeriod } from "./dates";

describe("addDays", () => {
  it("crosses month ends", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-04-30", 1)).toBe("2026-05-01");
  });

  it("knows leap years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
  });

  it("crosses year ends, forwards and backwards", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("adds many days and zero days", () => {
    expect(addDays("2026-01-01", 60)).toBe("2026-03-02");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
    expect(addDays("2026-05-15", 0)).toBe("2026-05-15");
  });
});

describe("daysBetween", () => {
  it("counts calendar days", () => {
    expect(daysBetween("2026-01-31", "2026-02-01")).toBe(1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2026-03-01", "2026-03-01")).toBe(0);
  });

  it("is negative when the second date is earlier", () => {
    expect(daysBetween("2026-03-02", "2026-01-01")).toBe(-60);
  });

  it("is the inverse of addDays", () => {
    for (const [date, days] of [
      ["2024-02-10", 25],
      ["2026-12-20", 15],
      ["2026-06-30", -200],
    ] as const) {
      expect(daysBetween(date, addDays(date, days))).toBe(days);
    }
  });
});

describe("isValidDate", () => {
  it("accepts real dates", () => {
    expect(isValidDate("2026-02-28")).toBe(true);
    expect(isValidDate("2024-02-29")).toBe(true);
    expect(isValidDate("2026-12-31")).toBe(true);
  });

  it("rejects impossible dates", () => {
    expect(isValidDate("2026-02-30")).toBe(false);
    expect(isValidDate("2026-02-29")).toBe(false);
    expect(isValidDate("2026-04-31")).toBe(false);
    expect(isValidDate("2026-13-01")).toBe(false);
    expect(isValidDate("2026-00-10")).toBe(false);
    expect(isValidDate("2026-01-00")).toBe(false);
  });

  it("rejects other formats", () => {
    expect(isValidDate("2026-2-3")).toBe(false);
    expect(isValidDate("2026/02/03")).toBe(false);
    expect(isValidDate("20260203")).toBe(false);
    expect(isValidDate("2026-02-03T00:00")).toBe(false);
    expect(isValidDate("")).toBe(false);
  });
});

describe("monthPeriod / yearPeriod", () => {
  it("gives the first and last day of a month", () => {
    expect(monthPeriod("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthPeriod("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthPeriod("2026-04")).toEqual({ from: "2026-04-01", to: "2026-04-30" });
    expect(monthPeriod("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(monthPeriod("2026-01")).toEqual({ from: "2026-01-01", to: "2026-01-31" });
  });

  it("gives the calendar year", () => {
    expect(yearPeriod(2026)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
});

describe("today", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.FDI_TODAY;
    delete process.env.FDI_TODAY;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.FDI_TODAY;
    else process.env.FDI_TODAY = saved;
  });

  it("uses the Asia/Shanghai calendar date (UTC+8), not UTC", () => {
    expect(today(new Date("2026-03-31T16:30:00Z"))).toBe("2026-04-01");
    expect(today(new Date("2026-03-31T15:59:59Z"))).toBe("2026-03-31");
    expect(today(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("returns FDI_TODAY for today when set, and still dates a given instant as it is", () => {
    process.env.FDI_TODAY = "2025-07-15";
    expect(today()).toBe("2025-07-15");
    expect(today(new Date("2026-03-31T16:30:00Z"))).toBe("2026-04-01");
  });

  it("returns a valid business date for the real clock", () => {
    expect(isValidDate(today())).toBe(true);
  });
});
