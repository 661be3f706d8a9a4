import { describe, expect, it } from "vitest";
import {
  cellText,
  cleanText,
  excelSerialToDate,
  parseAmount,
  parseBoolean,
  parseChoice,
  parseCount,
  parseCountry,
  parseDate,
  parseDecimal,
  toHalfWidth,
  unitInHeader,
  type AmountUnit,
} from "./values";

function unit(header: string): AmountUnit {
  const found = unitInHeader(header);
  if (!found) throw new Error(`no unit in ${header}`);
  return found;
}

const WAN_USD = unit("总投资（万美元）");
const USD = unit("到账金额(美元)");
const YI_USD = unit("投资额（亿美元）");
const WAN_CNY = unit("固定资产投资（万元）");

describe("toHalfWidth", () => {
  it("folds full-width digits, letters and the ideographic space", () => {
    expect(toHalfWidth("２０２６ＡＢｃ")).toBe("2026ABc");
    expect(toHalfWidth("Ａ\u3000Ｂ")).toBe("A B");
  });
});

describe("cleanText", () => {
  it("removes Word's vertical tab (Shift+Enter), U+0001 and U+FFFE", () => {
    expect(cleanText("第一段\u000B第二段")).toBe("第一段第二段");
    expect(cleanText("\u0001樱野精密\uFFFE")).toBe("樱野精密");
    expect(cleanText("A\u0000B\u0008C\u000CD\u001FE\u007FF\uFFFFG")).toBe("ABCDEFG");
  });

  it("removes zero-width characters, direction marks and the byte-order mark", () => {
    expect(cleanText("平\u200B湖")).toBe("平湖");
    expect(cleanText("\u200Eabc\u200F")).toBe("abc");
    expect(cleanText("\u202Aabc\u202C\u202E")).toBe("abc");
    expect(cleanText("\u200C\u200Dx\u2060")).toBe("x");
    expect(cleanText("\uFEFF企业名称")).toBe("企业名称");
  });

  it("keeps tabs and line breaks, turning CRLF and lone CR into LF", () => {
    expect(cleanText("第一行\r\n第二行\t备注")).toBe("第一行\n第二行\t备注");
    expect(cleanText("a\rb")).toBe("a\nb");
    expect(cleanText("a\nb")).toBe("a\nb");
    expect(cleanText("a\r\n\r\nb")).toBe("a\n\nb");
  });

  it("folds full-width Latin letters and digits to half-width", () => {
    expect(cleanText("ＫＬＥＩＮＷＡＬＤ\u3000１２３")).toBe("KLEINWALD 123");
    expect(cleanText("ＫＬＥＩＮＷＡＬＤ １２３")).toBe("KLEINWALD 123");
    expect(cleanText("ｓａｋｕｒａｎｏ")).toBe("sakurano");
    expect(cleanText("Ａ＆Ｂ－１．５／Ｃ＿Ｄ＠Ｅ＋")).toBe("A&B-1.5/C_D@E+");
  });

  it("keeps Chinese punctuation as written", () => {
    expect(cleanText("樱野精密（平湖）有限公司，")).toBe("樱野精密（平湖）有限公司，");
    expect(cleanText("备注：甲；乙。“丙”！？")).toBe("备注：甲；乙。“丙”！？");
    expect(cleanText("ＫＬＥＩＮＷＡＬＤ（中国）")).toBe("KLEINWALD（中国）");
  });

  it("trims surrounding spaces, ideographic spaces and line breaks", () => {
    expect(cleanText("  樱野  ")).toBe("樱野");
    expect(cleanText("\u3000\u3000樱野\u3000")).toBe("樱野");
    expect(cleanText("\r\n樱野\r\n")).toBe("樱野");
    expect(cleanText("\u200B \u200B")).toBe("");
  });
});

describe("cellText", () => {
  it("writes numbers as written", () => {
    expect(cellText(12000)).toBe("12000");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(-3)).toBe("-3");
    expect(cellText(0)).toBe("0");
    expect(cellText(0.1 + 0.2)).toBe("0.3");
  });

  it("writes dates as YYYY-MM-DD", () => {
    expect(cellText(new Date(Date.UTC(2026, 2, 5)))).toBe("2026-03-05");
    expect(cellText(new Date(Date.UTC(2026, 11, 31)))).toBe("2026-12-31");
    expect(cellText(new Date(Number.NaN))).toBe("");
  });

  it("writes booleans as 是/否", () => {
    expect(cellText(true)).toBe("是");
    expect(cellText(false)).toBe("否");
  });

  it("writes blanks as an empty string and cleans text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText("")).toBe("");
    expect(cellText("  Ａ１\u200B ")).toBe("A1");
    expect(cellText("\u3000\u200B")).toBe("");
  });
});

describe("parseBoolean", () => {
  it("reads the words for yes", () => {
    for (const word of ["是", "√", "✓", "Y", "y", "yes", "YES", "Yes", "1", "true", "TRUE", "有"]) {
      expect(parseBoolean(word), word).toEqual({ value: true });
    }
  });

  it("reads the words for no", () => {
    for (const word of ["否", "×", "N", "n", "no", "NO", "0", "false", "False", "无", "不是"]) {
      expect(parseBoolean(word), word).toEqual({ value: false });
    }
  });

  it("reads full-width letters and surrounding spaces", () => {
    expect(parseBoolean("Ｙ")).toEqual({ value: true });
    expect(parseBoolean("ｎｏ")).toEqual({ value: false });
    expect(parseBoolean(" 是 ")).toEqual({ value: true });
  });

  it("treats a blank cell as 否", () => {
    expect(parseBoolean(null)).toEqual({ value: false });
    expect(parseBoolean("")).toEqual({ value: false });
    expect(parseBoolean("   ")).toEqual({ value: false });
  });

  it("takes Excel boolean cells and 1/0 number cells as they are", () => {
    expect(parseBoolean(true)).toEqual({ value: true });
    expect(parseBoolean(false)).toEqual({ value: false });
    expect(parseBoolean(1)).toEqual({ value: true });
    expect(parseBoolean(0)).toEqual({ value: false });
  });

  it("refuses any other word", () => {
    expect(parseBoolean("可能")).toEqual({ error: "应填写“是”或“否”" });
    expect(parseBoolean("2")).toEqual({ error: "应填写“是”或“否”" });
    expect(parseBoolean("yes!")).toEqual({ error: "应填写“是”或“否”" });
  });
});

describe("excelSerialToDate", () => {
  it("reads serials after 1900-02-28 as days since 1899-12-30", () => {
    expect(excelSerialToDate(61)).toBe("1900-03-01");
    // 2000-01-01 is 36526; 2026-01-01 is 36526 + 26 × 365 + 7 leap days = 46023
    expect(excelSerialToDate(36526)).toBe("2000-01-01");
    expect(excelSerialToDate(46023)).toBe("2026-01-01");
    // 46023 + 31 (Jan) + 28 (Feb) + 4 = 46086
    expect(excelSerialToDate(46086)).toBe("2026-03-05");
    expect(excelSerialToDate(2958465)).toBe("9999-12-31");
  });

  it("ignores the time of day", () => {
    expect(excelSerialToDate(46086.75)).toBe("2026-03-05");
    expect(excelSerialToDate(46086.999)).toBe("2026-03-05");
  });

  it("reads serials before the non-existent 1900-02-29 as Excel shows them", () => {
    expect(excelSerialToDate(1)).toBe("1900-01-01");
    expect(excelSerialToDate(59)).toBe("1900-02-28");
  });

  it("returns null for serials that are no date", () => {
    expect(excelSerialToDate(0)).toBeNull();
    expect(excelSerialToDate(-1)).toBeNull();
    expect(excelSerialToDate(Number.NaN)).toBeNull();
    expect(excelSerialToDate(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe("parseDate", () => {
  // today is 2026-06-30 (tests/support/setup-database.ts)
  const bounds = { label: "活动日期", notAfterToday: true };

  it("reads the written forms offices use", () => {
    for (const text of [
      "2026-03-05",
      "2026/3/5",
      "2026.3.5",
      "2026/03/05",
      "2026-3-5",
      "2026年3月5日",
      "2026年03月05日",
      "2026年3月5号",
      "2026年3月5",
      "20260305",
    ]) {
      expect(parseDate(text, bounds), text).toEqual({ value: "2026-03-05" });
    }
  });

  it("reads full-width digits and dashes", () => {
    expect(parseDate("２０２６－０３－０５", bounds)).toEqual({ value: "2026-03-05" });
    expect(parseDate("２０２６年３月５日", bounds)).toEqual({ value: "2026-03-05" });
  });

  it("ignores a time after the date", () => {
    expect(parseDate("2026-03-05 14:30:00", bounds)).toEqual({ value: "2026-03-05" });
    expect(parseDate("2026-03-05 14:30", bounds)).toEqual({ value: "2026-03-05" });
    expect(parseDate("2026/3/5 8:05", bounds)).toEqual({ value: "2026-03-05" });
    expect(parseDate("2026-03-05T14:30:00.000", bounds)).toEqual({ value: "2026-03-05" });
  });

  it("reads date cells as the calendar day shown", () => {
    expect(parseDate(new Date(Date.UTC(2026, 2, 5)), bounds)).toEqual({ value: "2026-03-05" });
    // a cell value rounded a millisecond short of midnight is still that day
    expect(parseDate(new Date(Date.UTC(2026, 2, 5) - 1), bounds)).toEqual({ value: "2026-03-05" });
  });

  it("refuses an invalid date cell", () => {
    expect(parseDate(new Date(Number.NaN), bounds)).toEqual({ error: "无法识别日期，请写成 2026-03-05" });
  });

  it("reads Excel serial numbers, as numbers or as text", () => {
    expect(parseDate(46086, bounds)).toEqual({ value: "2026-03-05" });
    expect(parseDate(46086.5, bounds)).toEqual({ value: "2026-03-05" });
    expect(parseDate("46086", bounds)).toEqual({ value: "2026-03-05" });
    expect(parseDate("46086.25", bounds)).toEqual({ value: "2026-03-05" });
  });

  it("reads a number cell holding 20260305 as the date it spells", () => {
    expect(parseDate(20260305, bounds)).toEqual({ value: "2026-03-05" });
  });

  it("refuses serial numbers that are no date", () => {
    expect(parseDate(0, bounds)).toEqual({ error: "无法识别日期，请写成 2026-03-05" });
    expect(parseDate(-46086, bounds)).toEqual({ error: "无法识别日期，请写成 2026-03-05" });
  });

  it("refuses a date that does not exist", () => {
    expect(parseDate("2026-02-30", bounds)).toEqual({ error: "日期“2026-02-30”不存在" });
    expect(parseDate("2026年13月1日", bounds)).toEqual({ error: "日期“2026年13月1日”不存在" });
    expect(parseDate("20260230", bounds)).toEqual({ error: "日期“20260230”不存在" });
    expect(parseDate("２０２６－０２－３０", bounds)).toEqual({ error: "日期“2026-02-30”不存在" });
    expect(parseDate("2025-02-29", bounds)).toEqual({ error: "日期“2025-02-29”不存在" });
    expect(parseDate("2024-02-29", bounds)).toEqual({ value: "2024-02-29" });
  });

  it("refuses text that is no date", () => {
    const result = parseDate("下周三", bounds);
    expect(result.error).toContain("无法识别日期");
    expect(result).toEqual({ error: "无法识别日期“下周三”，请写成 2026-03-05" });
    expect(parseDate("3/5/2026", bounds).error).toContain("无法识别日期");
    expect(parseDate("2026-03", bounds).error).toContain("无法识别日期");
    expect(parseDate(true, bounds).error).toContain("无法识别日期");
  });

  it("refuses dates before 1980, with the message a form gives", () => {
    expect(parseDate("1979-12-31", bounds)).toEqual({ error: "活动日期不能早于1980年1月1日（1979-12-31）" });
    expect(parseDate("0100-01-01", bounds)).toEqual({ error: "活动日期不能早于1980年1月1日（0100-01-01）" });
    expect(parseDate("1980-01-01", bounds)).toEqual({ value: "1980-01-01" });
    // 1980-01-01 is serial 29221
    expect(parseDate(29220, bounds)).toEqual({ error: "活动日期不能早于1980年1月1日（1979-12-31）" });
    expect(parseDate(29221, bounds)).toEqual({ value: "1980-01-01" });
  });

  it("takes a planned date up to ten years after today, no later", () => {
    const planned = { label: "下次跟进日期" };
    expect(parseDate("2036-06-30", planned)).toEqual({ value: "2036-06-30" });
    expect(parseDate("2036-07-01", planned)).toEqual({ error: "下次跟进日期不能晚于2036年6月30日（2036-07-01）" });
    expect(parseDate("9999-12-31", planned)).toEqual({ error: "下次跟进日期不能晚于2036年6月30日（9999-12-31）" });
    expect(parseDate(2_958_465, planned)).toEqual({ error: "下次跟进日期不能晚于2036年6月30日（9999-12-31）" });
  });

  it("refuses dates after the latest allowed one with the caller's message", () => {
    expect(parseDate("2026-06-30", bounds)).toEqual({ value: "2026-06-30" });
    const later = parseDate("2026-07-01", bounds);
    expect(later.error).toContain("活动日期不能晚于今天");
    expect(later).toEqual({ error: "活动日期不能晚于今天（2026-07-01）" });
    // 2026-06-30 is serial 46023 + 180 = 46203
    expect(parseDate(46203, bounds)).toEqual({ value: "2026-06-30" });
    expect(parseDate(46204, bounds)).toEqual({ error: "活动日期不能晚于今天（2026-07-01）" });
    expect(parseDate(new Date(Date.UTC(2027, 0, 1)), bounds)).toEqual({ error: "活动日期不能晚于今天（2027-01-01）" });
  });

  it("reads a blank cell as no date", () => {
    expect(parseDate(null, bounds)).toEqual({ value: null });
    expect(parseDate("", bounds)).toEqual({ value: null });
    expect(parseDate("  \u3000", bounds)).toEqual({ value: null });
  });
});

describe("unitInHeader", () => {
  it("finds the unit in brackets, full-width or half-width", () => {
    expect(unitInHeader("总投资（万美元）")).toEqual({ label: "万美元", currency: "USD", factor: 10_000 });
    expect(unitInHeader("到账金额(美元)")).toEqual({ label: "美元", currency: "USD", factor: 1 });
    expect(unitInHeader("投资额（亿美元）")).toEqual({ label: "亿美元", currency: "USD", factor: 100_000_000 });
    expect(unitInHeader("固定资产投资（万元）")).toEqual({ label: "万元", currency: "CNY", factor: 10_000 });
    expect(unitInHeader("注册资本（亿元）")).toEqual({ label: "亿元", currency: "CNY", factor: 100_000_000 });
    expect(unitInHeader("注册资本(元)")).toEqual({ label: "元", currency: "CNY", factor: 1 });
  });

  it("ignores spaces inside the header", () => {
    expect(unitInHeader("总投资 （ 万 美元 ）")?.label).toBe("万美元");
  });

  it("finds a unit written at the end without brackets", () => {
    expect(unitInHeader("总投资万美元")?.label).toBe("万美元");
    expect(unitInHeader("到账金额/美元")?.label).toBe("美元");
  });

  it("returns null when the header names no unit", () => {
    expect(unitInHeader("总投资")).toBeNull();
    expect(unitInHeader("项目名称")).toBeNull();
    expect(unitInHeader("用地（亩）")).toBeNull();
  });
});

describe("parseAmount", () => {
  it("converts by the header's unit into whole US dollars", () => {
    expect(parseAmount("12,000", WAN_USD)).toEqual({ value: 120_000_000 });
    expect(parseAmount("12000", WAN_USD)).toEqual({ value: 120_000_000 });
    expect(parseAmount("800", USD)).toEqual({ value: 800 });
    expect(parseAmount("1.5", YI_USD)).toEqual({ value: 150_000_000 });
    expect(parseAmount("30,000", WAN_CNY)).toEqual({ value: 300_000_000 });
  });

  it("reads full-width digits and full-width commas", () => {
    expect(parseAmount("１２０００", WAN_USD)).toEqual({ value: 120_000_000 });
    expect(parseAmount("１２，０００", WAN_USD)).toEqual({ value: 120_000_000 });
    expect(parseAmount("１．２亿", WAN_USD)).toEqual({ value: 120_000_000 });
  });

  it("uses 亿 or 万 written in the cell instead of the header's unit", () => {
    expect(parseAmount("1.2亿", WAN_USD)).toEqual({ value: 120_000_000 });
    expect(parseAmount("1.2亿", USD)).toEqual({ value: 120_000_000 });
    expect(parseAmount("1,200万", WAN_USD)).toEqual({ value: 12_000_000 });
    expect(parseAmount("1,200万", YI_USD)).toEqual({ value: 12_000_000 });
    expect(parseAmount("3万", YI_USD)).toEqual({ value: 30_000 });
    expect(parseAmount("1.2 亿", WAN_USD)).toEqual({ value: 120_000_000 });
  });

  it("uses a unit with the same currency written in the cell", () => {
    expect(parseAmount("500万美元", USD)).toEqual({ value: 5_000_000 });
    expect(parseAmount("1.2亿美元", WAN_USD)).toEqual({ value: 120_000_000 });
    expect(parseAmount("800美元", WAN_USD)).toEqual({ value: 800 });
    expect(parseAmount("2亿元", WAN_CNY)).toEqual({ value: 200_000_000 });
  });

  it("refuses a unit of the other currency", () => {
    expect(parseAmount("500万元", USD)).toEqual({ error: "金额单位“万元”与该列的币种（美元）不一致" });
    expect(parseAmount("1亿元", WAN_USD)).toEqual({ error: "金额单位“亿元”与该列的币种（美元）不一致" });
    expect(parseAmount("500美元", WAN_CNY)).toEqual({ error: "金额单位“美元”与该列的币种（人民币）不一致" });
  });

  it("refuses misplaced thousands separators", () => {
    expect(parseAmount("1,5", WAN_USD)).toEqual({ error: "金额“1,5”的千分位逗号位置不正确" });
    expect(parseAmount("1,2345", WAN_USD)).toEqual({ error: "金额“1,2345”的千分位逗号位置不正确" });
    expect(parseAmount("12,00", WAN_USD).error).toContain("千分位逗号位置不正确");
    expect(parseAmount("1234,567", WAN_USD).error).toContain("千分位逗号位置不正确");
    expect(parseAmount("1,5万", WAN_USD).error).toContain("千分位逗号位置不正确");
  });

  it("accepts correctly grouped thousands with decimals", () => {
    expect(parseAmount("1,234,567.5", WAN_USD)).toEqual({ value: 12_345_675_000 });
    expect(parseAmount("1,234,567", USD)).toEqual({ value: 1_234_567 });
  });

  it("refuses negative amounts", () => {
    expect(parseAmount("-5", WAN_USD)).toEqual({ error: "金额不能为负数" });
    expect(parseAmount("-1.2亿", WAN_USD)).toEqual({ error: "金额不能为负数" });
    expect(parseAmount(-5, WAN_USD)).toEqual({ error: "金额不能为负数" });
  });

  it("refuses text that is no amount", () => {
    expect(parseAmount("约500", WAN_USD)).toEqual({ error: "无法识别金额“约500”" });
    expect(parseAmount("1.2.3", WAN_USD)).toEqual({ error: "无法识别金额“1.2.3”" });
    expect(parseAmount("五百万", WAN_USD).error).toContain("无法识别金额");
    expect(parseAmount("亿", WAN_USD).error).toContain("无法识别金额");
  });

  it("reads number cells in the header's unit", () => {
    expect(parseAmount(1.5, WAN_USD)).toEqual({ value: 15_000 });
    expect(parseAmount(0.1, YI_USD)).toEqual({ value: 10_000_000 });
    expect(parseAmount(12000, WAN_USD)).toEqual({ value: 120_000_000 });
    expect(parseAmount(800, USD)).toEqual({ value: 800 });
    expect(parseAmount(0, WAN_USD)).toEqual({ value: 0 });
  });

  it("refuses number cells that are not finite", () => {
    expect(parseAmount(Number.NaN, WAN_USD).error).toBeDefined();
    expect(parseAmount(Number.POSITIVE_INFINITY, WAN_USD).error).toBeDefined();
  });

  it("reads a blank cell as no amount", () => {
    expect(parseAmount(null, WAN_USD)).toEqual({ value: null });
    expect(parseAmount("", WAN_USD)).toEqual({ value: null });
    expect(parseAmount("  ", WAN_USD)).toEqual({ value: null });
  });

  it("scales decimals exactly, without binary rounding", () => {
    expect(parseAmount("1234.5678", WAN_USD)).toEqual({ value: 12_345_678 });
    expect(parseAmount("0.29", WAN_USD)).toEqual({ value: 2_900 });
    expect(parseAmount("1.15", WAN_USD)).toEqual({ value: 11_500 });
    expect(parseAmount("0.07", YI_USD)).toEqual({ value: 7_000_000 });
    expect(parseAmount("0.0001", WAN_USD)).toEqual({ value: 1 });
    expect(parseAmount("1.005", WAN_USD)).toEqual({ value: 10_050 });
  });

  it("rounds to whole base units", () => {
    expect(parseAmount("0.4", USD)).toEqual({ value: 0 });
    expect(parseAmount("1.6", USD)).toEqual({ value: 2 });
    expect(parseAmount("0.00005", WAN_USD)).toEqual({ value: 1 });
  });

  it("refuses amounts too large to be meant", () => {
    expect(parseAmount("20000000亿", WAN_USD)).toEqual({ error: "金额过大，请核对单位" });
    expect(parseAmount(1e12, WAN_USD)).toEqual({ error: "金额过大，请核对单位" });
    expect(parseAmount("10000000亿", WAN_USD)).toEqual({ value: 10 ** 15 });
  });
});

describe("parseCount", () => {
  it("reads whole numbers, grouped or full-width", () => {
    expect(parseCount("300")).toEqual({ value: 300 });
    expect(parseCount(300)).toEqual({ value: 300 });
    expect(parseCount("1,200")).toEqual({ value: 1200 });
    expect(parseCount("３００")).toEqual({ value: 300 });
    expect(parseCount(" 300 ")).toEqual({ value: 300 });
    expect(parseCount("0")).toEqual({ value: 0 });
  });

  it("reads a blank cell as no number", () => {
    expect(parseCount(null)).toEqual({ value: null });
    expect(parseCount("")).toEqual({ value: null });
  });

  it("refuses fractions, negatives, words and misplaced separators", () => {
    const error = { error: "应为不超过 10000000 的整数" };
    expect(parseCount("12.5")).toEqual(error);
    expect(parseCount(12.5)).toEqual(error);
    expect(parseCount("-3")).toEqual(error);
    expect(parseCount("三百")).toEqual(error);
    expect(parseCount("1,20")).toEqual(error);
    expect(parseCount("300人")).toEqual(error);
  });

  it("refuses numbers above the maximum", () => {
    expect(parseCount("10000000")).toEqual({ value: 10_000_000 });
    expect(parseCount("10000001")).toEqual({ error: "应为不超过 10000000 的整数" });
    expect(parseCount("10", 10)).toEqual({ value: 10 });
    expect(parseCount("11", 10)).toEqual({ error: "应为不超过 10 的整数" });
  });
});

describe("parseDecimal", () => {
  it("reads decimals rounded to two places", () => {
    expect(parseDecimal("80")).toEqual({ value: 80 });
    expect(parseDecimal("80.5")).toEqual({ value: 80.5 });
    expect(parseDecimal("80.456")).toEqual({ value: 80.46 });
    expect(parseDecimal("80.454")).toEqual({ value: 80.45 });
    expect(parseDecimal(12.5)).toEqual({ value: 12.5 });
    expect(parseDecimal("1,234.5")).toEqual({ value: 1234.5 });
    expect(parseDecimal("０．５")).toEqual({ value: 0.5 });
  });

  it("reads a blank cell as no number", () => {
    expect(parseDecimal(null)).toEqual({ value: null });
    expect(parseDecimal(" ")).toEqual({ value: null });
  });

  it("refuses negatives, words and numbers above the maximum", () => {
    expect(parseDecimal("-1")).toEqual({ error: "应为非负数" });
    expect(parseDecimal(-1)).toEqual({ error: "应为非负数" });
    expect(parseDecimal("约80")).toEqual({ error: "应为非负数" });
    expect(parseDecimal("1,5")).toEqual({ error: "应为非负数" });
    expect(parseDecimal("1.2.3")).toEqual({ error: "应为非负数" });
    expect(parseDecimal("10000001")).toEqual({ error: "应为非负数" });
    expect(parseDecimal("5", 5)).toEqual({ value: 5 });
    expect(parseDecimal("5.01", 5)).toEqual({ error: "应为非负数" });
  });
});

describe("parseCountry", () => {
  const cases: [string, string][] = [
    ["日本", "JP"],
    ["日本国", "JP"],
    ["Japan", "JP"],
    ["JAPAN", "JP"],
    ["JP", "JP"],
    ["jp", "JP"],
    ["ＪＡＰＡＮ", "JP"],
    [" 日本 ", "JP"],
    ["香港", "HK"],
    ["中国香港", "HK"],
    ["Hong Kong", "HK"],
    ["台湾", "TW"],
    ["中国台湾", "TW"],
    ["澳门", "MO"],
    ["中国澳门", "MO"],
    ["美国", "US"],
    ["USA", "US"],
    ["U.S.A.", "US"],
    ["United States", "US"],
    ["英国", "GB"],
    ["UK", "GB"],
    ["United Kingdom", "GB"],
    ["德国", "DE"],
    ["Germany", "DE"],
    ["Deutschland", "DE"],
    ["韩国", "KR"],
    ["大韩民国", "KR"],
    ["South Korea", "KR"],
    ["新加坡", "SG"],
    ["英属维京群岛", "VG"],
    ["中国", "CN"],
    ["中国（内资）", "CN"],
  ];

  it.each(cases)("reads %s as %s", (text, code) => {
    expect(parseCountry(text)).toEqual({ value: code });
  });

  it("refuses a blank cell", () => {
    expect(parseCountry(null)).toEqual({ error: "请填写国别/地区" });
    expect(parseCountry("")).toEqual({ error: "请填写国别/地区" });
    expect(parseCountry("  ")).toEqual({ error: "请填写国别/地区" });
  });

  it("refuses a name it does not know", () => {
    expect(parseCountry("火星")).toEqual({ error: "无法识别国别/地区“火星”" });
    expect(parseCountry("Atlantis")).toEqual({ error: "无法识别国别/地区“Atlantis”" });
  });
});

describe("parseChoice", () => {
  type ProjectType = "new" | "capital_increase" | "reinvestment";
  const choices: ReadonlyArray<{ code: ProjectType; label: string; synonyms?: readonly string[] }> = [
    { code: "new", label: "新设", synonyms: ["新建", "新设立"] },
    { code: "capital_increase", label: "增资", synonyms: ["追加投资"] },
    { code: "reinvestment", label: "利润再投资" },
  ];

  it("reads a label", () => {
    expect(parseChoice("新设", choices, "项目类型")).toEqual({ value: "new" });
    expect(parseChoice("增资", choices, "项目类型")).toEqual({ value: "capital_increase" });
    expect(parseChoice("利润再投资", choices, "项目类型")).toEqual({ value: "reinvestment" });
    expect(parseChoice(" 增 资 ", choices, "项目类型")).toEqual({ value: "capital_increase" });
  });

  it("reads a code, whatever its case", () => {
    expect(parseChoice("new", choices, "项目类型")).toEqual({ value: "new" });
    expect(parseChoice("NEW", choices, "项目类型")).toEqual({ value: "new" });
    expect(parseChoice("Capital_Increase", choices, "项目类型")).toEqual({ value: "capital_increase" });
  });

  it("reads a synonym", () => {
    expect(parseChoice("新建", choices, "项目类型")).toEqual({ value: "new" });
    expect(parseChoice("追加投资", choices, "项目类型")).toEqual({ value: "capital_increase" });
  });

  it("reads a blank cell as no choice", () => {
    expect(parseChoice(null, choices, "项目类型")).toEqual({ value: null });
    expect(parseChoice("", choices, "项目类型")).toEqual({ value: null });
    expect(parseChoice("  ", choices, "项目类型")).toEqual({ value: null });
  });

  it("refuses anything else, listing the labels", () => {
    expect(parseChoice("合资", choices, "项目类型")).toEqual({ error: "无法识别项目类型“合资”，可填：新设、增资、利润再投资" });
  });
});

describe("edge cases of dates and decimals", () => {
  it("has no date for Excel's non-existent 1900-02-29 (serial 60) and none past 9999-12-31", () => {
    expect(excelSerialToDate(59)).toBe("1900-02-28");
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(61)).toBe("1900-03-01");
    expect(excelSerialToDate(2_958_466)).toBeNull();
  });

  it("reads 2026 年 3 月 5 日 with spaces, and 1.005 as 1.01", () => {
    expect(parseDate("2026 年 3 月 5 日", { notAfterToday: true })).toEqual({ value: "2026-03-05" });
    expect(parseDecimal("1.005")).toEqual({ value: 1.01 });
  });
});
