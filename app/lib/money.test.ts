import { describe, it, expect } from "vitest";
import { exactWanNumber, formatAmount, formatWan, formatYi, isYiAmount, parseWan, wanInputValue, wanNumber } from "./money";

describe("parseWan", () => {
  it("reads thousands separators where they belong and refuses misplaced ones", () => {
    expect(parseWan("1,200.5")).toBe(12_005_000);
    expect(parseWan("12,000")).toBe(120_000_000);
    expect(parseWan("1,5")).toBeUndefined();
    expect(parseWan("1,2345")).toBeUndefined();
    expect(parseWan(",5")).toBeUndefined();
  });

  it("parses 万 with up to two decimals into integer base units", () => {
    expect(parseWan("123.45")).toBe(1_234_500);
    expect(parseWan("0.01")).toBe(100);
    expect(parseWan("0.1")).toBe(1_000);
    expect(parseWan("123")).toBe(1_230_000);
    expect(parseWan("0")).toBe(0);
  });

  it("accepts thousands separators and surrounding spaces", () => {
    expect(parseWan("1,234")).toBe(12_340_000);
    expect(parseWan("1,234.56")).toBe(12_345_600);
    expect(parseWan("  42.5 ")).toBe(425_000);
  });

  it("never produces floating-point noise", () => {
    // 0.29 * 10000 = 2899.9999999999995 in floats
    expect(parseWan("0.29")).toBe(2_900);
    expect(parseWan("1.15")).toBe(11_500);
    expect(Number.isInteger(parseWan("999999999.99"))).toBe(true);
    expect(parseWan("999999999.99")).toBe(9_999_999_999_900);
  });

  it("returns null for empty input", () => {
    expect(parseWan("")).toBeNull();
    expect(parseWan("   ")).toBeNull();
    expect(parseWan(null)).toBeNull();
    expect(parseWan(undefined)).toBeNull();
  });

  it("returns undefined for malformed input", () => {
    expect(parseWan("1.234")).toBeUndefined();
    expect(parseWan("-1")).toBeUndefined();
    expect(parseWan("abc")).toBeUndefined();
    expect(parseWan("1e3")).toBeUndefined();
    expect(parseWan(".5")).toBeUndefined();
    expect(parseWan("123.")).toBeUndefined();
    expect(parseWan("12 34")).toBeUndefined();
  });
});

describe("formatWan", () => {
  it("shows 万 with two decimals", () => {
    expect(formatWan(1_234_500)).toBe("123.45");
    expect(formatWan(100)).toBe("0.01");
    expect(formatWan(1_230_000)).toBe("123.00");
    expect(formatWan(0)).toBe("0.00");
  });

  it("uses thousands separators", () => {
    expect(formatWan(12_345_678_900)).toBe("1,234,567.89");
    expect(formatWan(10_000_000)).toBe("1,000.00");
    expect(formatWan(9_990_000)).toBe("999.00");
    expect(formatWan(1_000_000_000)).toBe("100,000.00");
    expect(formatWan(-10_000_000_000)).toBe("-1,000,000.00");
    for (let whole = 1; whole < 1e15; whole = whole * 7 + 3) expect(formatWan(whole * 10_000)).toBe(`${whole.toLocaleString("en-US")}.00`);
  });

  it("rounds to the nearest 0.01 万", () => {
    expect(formatWan(149)).toBe("0.01");
    expect(formatWan(150)).toBe("0.02");
  });

  it("shows negatives with a leading minus", () => {
    expect(formatWan(-1_234_500)).toBe("-123.45");
  });

  it("shows a dash for missing values", () => {
    expect(formatWan(null)).toBe("—");
    expect(formatWan(undefined)).toBe("—");
  });
});

describe("formatAmount", () => {
  it("uses 亿 from 10,000 万 on", () => {
    expect(formatAmount(150_000_000, "美元")).toBe("1.50 亿美元");
    expect(formatAmount(100_000_000, "元")).toBe("1.00 亿元");
    expect(formatAmount(1_234_567_890_000, "美元")).toBe("12,345.68 亿美元");
  });

  it("uses 万 below 10,000 万", () => {
    expect(formatAmount(1_234_500, "元")).toBe("123.45 万元");
    expect(formatAmount(99_990_000, "美元")).toBe("9,999.00 万美元");
  });

  it("handles negative 亿 amounts", () => {
    expect(formatAmount(-150_000_000, "美元")).toBe("-1.50 亿美元");
  });

  it("shows a dash for missing values", () => {
    expect(formatAmount(null, "元")).toBe("—");
  });
});

describe("formatYi", () => {
  it("shows 亿 with two decimals and thousands separators", () => {
    expect(formatYi(480_000_000)).toBe("4.80");
    expect(formatYi(100_000_000)).toBe("1.00");
    expect(formatYi(1_234_567_890_000)).toBe("12,345.68");
    expect(formatYi(-150_000_000)).toBe("-1.50");
    expect(formatYi(null)).toBe("—");
  });

  it("rounds to the nearest 0.01 亿 (one 万 hundredth short of 1亿 is 1.00)", () => {
    expect(formatYi(99_999_999)).toBe("1.00");
    expect(formatYi(100_499_999)).toBe("1.00");
    expect(formatYi(100_500_000)).toBe("1.01");
  });
});

describe("isYiAmount", () => {
  it("switches at 1亿 as rounded to 0.01 万, both signs", () => {
    expect(isYiAmount(100_000_000)).toBe(true);
    expect(isYiAmount(99_999_950)).toBe(true);
    expect(isYiAmount(99_999_949)).toBe(false);
    expect(isYiAmount(-100_000_000)).toBe(true);
    expect(isYiAmount(0)).toBe(false);
  });

  it("agrees with formatAmount on either side of the switch", () => {
    for (const units of [99_999_949, 99_999_950, 100_000_000, 5_000_000, 480_000_000]) {
      expect(formatAmount(units, "美元").endsWith(isYiAmount(units) ? " 亿美元" : " 万美元")).toBe(true);
    }
    expect(formatAmount(99_999_949, "美元")).toBe("9,999.99 万美元");
  });
});

describe("wanNumber and exactWanNumber", () => {
  it("give the number of 万: rounded to 0.01 for charts and report cells, exact for a round-tripping export", () => {
    expect(wanNumber(1_234_567)).toBe(123.46);
    expect(wanNumber(2_900)).toBe(0.29);
    expect(wanNumber(-1_234_500)).toBe(-123.45);
    expect(exactWanNumber(1_234_567)).toBe(123.4567);
    expect(parseWan(String(wanNumber(12_345_600)))).toBe(12_345_600);
  });
});

describe("wanInputValue", () => {
  it("gives the shortest 万 string for an input field", () => {
    expect(wanInputValue(1_234_500)).toBe("123.45");
    expect(wanInputValue(1_230_000)).toBe("123");
    expect(wanInputValue(1_235_000)).toBe("123.5");
    expect(wanInputValue(1_230_500)).toBe("123.05");
    expect(wanInputValue(100)).toBe("0.01");
    expect(wanInputValue(0)).toBe("0");
    expect(wanInputValue(null)).toBe("");
    expect(wanInputValue(undefined)).toBe("");
  });

  it("round-trips with parseWan", () => {
    for (const units of [0, 100, 1_000, 2_900, 11_500, 1_230_000, 1_230_500, 1_235_000, 1_234_500, 12_345_678_900, 9_999_999_999_900]) {
      expect(parseWan(wanInputValue(units))).toBe(units);
    }
  });

  it("round-trips typed input back to the same number", () => {
    for (const typed of ["0.01", "0.5", "7", "123.45", "1,234.5", "100000"]) {
      const units = parseWan(typed) as number;
      expect(parseWan(wanInputValue(units))).toBe(units);
    }
  });
});

describe("money edge cases", () => {
  it("reads full-width digits typed by Chinese input methods", () => {
    expect(parseWan("１２３.５")).toBe(1_235_000);
  });
  it("switches to 亿 when the rounded amount reaches it", () => {
    expect(formatAmount(99_999_999, "美元")).toBe("1.00 亿美元");
  });
});
