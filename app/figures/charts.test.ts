import { describe, expect, it } from "vitest";
import { trendChartSvg } from "./charts.server";
import type { TrendMonth } from "./figures.server";

/** Twelve months from `first` (YYYY-MM) on, with a signing and amounts in each so every label is drawn. */
function months(first: string): TrendMonth[] {
  const [y, m] = first.split("-").map(Number);
  return Array.from({ length: 12 }, (_, i) => ({
    month: new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 7),
    signedProjects: 1,
    contractedFdiUsd: 10_000_000 * (i + 1),
    actualFdiUsd: 5_000_000,
  }));
}

/** The x-axis texts of an SVG, in drawing order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
const svgWidth = (svg: string) => Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);

describe("the 12-month trend chart", () => {
  it("names the year under the first month and under January, and draws last year's months in grey", () => {
    const svg = trendChartSvg(months("2025-06"));
    const labels = texts(svg);
    expect(labels).toContain("2025年");
    expect(labels).toContain("2026年");
    // June to December 2025 are last year's: their month labels are grey, 2026's are not
    const grey = [...svg.matchAll(/<text[^>]*fill="#8a96a3"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(grey).toEqual(expect.arrayContaining(["6月", "7月", "12月"]));
    expect(grey).not.toContain("1月");
    expect(grey).not.toContain("5月");
  });

  it("on a phone leaves out the first month's year where the next January's would collide with it", () => {
    const phone = trendChartSvg(months("2025-12"), "phone");
    expect(texts(phone)).toContain("2026年");
    expect(texts(phone)).not.toContain("2025年");
    expect(texts(trendChartSvg(months("2025-12")))).toContain("2025年");
  });

  it("has no year band when all twelve months are in one year", () => {
    const labels = texts(trendChartSvg(months("2026-01")));
    expect(labels).toContain("2026年");
    expect(labels.filter((text) => /年$/.test(text))).toHaveLength(1);
  });

  it("is drawn 340 px wide for a phone, with short legend names, and 900 px otherwise", () => {
    const phone = trendChartSvg(months("2025-06"), "phone");
    expect(svgWidth(phone)).toBe(340);
    expect(texts(phone)).toContain("合同外资");
    expect(texts(phone)).not.toContain("合同外资（万美元）");
    expect(svgWidth(trendChartSvg(months("2025-06")))).toBe(900);
  });

  it("labels the lines' points with their amounts on a wide page only, where they have room", () => {
    // 合同外资 of the first month (1,000 万美元) and 实到外资 of every month (500 万美元)
    expect(texts(trendChartSvg(months("2025-06")))).toEqual(expect.arrayContaining(["1,000.00", "500.00"]));
    const phone = texts(trendChartSvg(months("2025-06"), "phone"));
    expect(phone.filter((text) => /^[\d,]+\.\d\d$/.test(text))).toEqual([]);
    // the bars keep their counts
    expect(phone).toContain("1");
  });
});
