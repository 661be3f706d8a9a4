/**
 * The 月度工作进展报告 as a document (DESIGN.md §7): its title, the eight sections in order with the
 * sentences and tables under each, and the appendix — plain strings plus the cells of
 * report-tables.ts (text as the screen shows it, number as Excel stores it). Word lays this out
 * block by block, Excel takes the same tables, and the screen draws the same cells, so the three
 * cannot disagree on a word or a number. Pure: no database, no docx/exceljs.
 */
import { formatPercent, type TargetIndicator } from "../figures/indicators";
import { chineseDate } from "../lib/dates";
import { formatAmount } from "../lib/money";
import type { IndicatorLine, ReportSnapshot } from "./report-snapshot";
import { LIST_LIMIT, listed, REPORT_TITLE, reportSentences, reportTables, type Cell, type ReportTable, type ReportTables } from "./report-tables";

export { LIST_LIMIT, listed, reportSentences, reportTables };
export type { Cell, ReportTable, ReportTables };

/** An edition as the exporters take it: the frozen snapshot, its editable narrative, 主送 and 落款. */
export interface ReportForExport {
  snapshot: ReportSnapshot;
  edition: number;
  problems: string | null;
  nextMonthPlan: string | null;
  /** 主送, e.g. 市委、市政府; none → no 主送 line */
  addressedTo?: string | null;
  /** 落款单位 and 落款日期 (YYYY-MM-DD); none → that line is left out */
  issuedBy?: string | null;
  issuedOn?: string | null;
  generatedByName: string;
  /** epoch milliseconds */
  generatedAt: number;
}

/** 市委、市政府 → 市委、市政府： (the 主送 line of a 公文); null when there is none. */
export function addressLine(addressedTo: string | null | undefined): string | null {
  const text = (addressedTo ?? "").trim().replace(/[：:]+$/, "");
  return text ? `${text}：` : null;
}

/** 落款: the unit, then the date in Chinese (2026年7月3日); empty parts left out. */
export function signatureLines(report: Pick<ReportForExport, "issuedBy" | "issuedOn">): string[] {
  const lines: string[] = [];
  if (report.issuedBy?.trim()) lines.push(report.issuedBy.trim());
  if (report.issuedOn && /^\d{4}-\d{2}-\d{2}$/.test(report.issuedOn)) lines.push(chineseDate(report.issuedOn));
  return lines;
}

/** 同比增长12.5% / 同比下降12.5% / 与上年同期持平; without a 同比 (nothing a year earlier) it says so: 上年同期为零. */
function yearOnYearWords(line: IndicatorLine): string {
  const rate = line.yearOnYear;
  if (rate == null) return line.yearToDate > 0 ? "上年同期为零" : "上年同期亦为零";
  if (Math.abs(rate) < 0.0005) return "与上年同期持平";
  return `同比${rate > 0 ? "增长" : "下降"}${formatPercent(Math.abs(rate))}`;
}

/** ，完成年度目标的30.0% — only when the year has a target. */
const completionWords = (line: IndicatorLine) =>
  line.target != null && line.target > 0 && line.completion != null ? `，完成年度目标的${formatPercent(line.completion)}` : "";

/**
 * The opening paragraph: the month's headline figures in words, from the snapshot's indicator lines
 * (1–N月 cumulative, 同比 and 完成率 as the table shows them), e.g.
 * 1–6月，全市新签约外资项目3个，同比增长200.0%，完成年度目标的30.0%，其中超亿美元项目1个、世界500强项目1个；
 * 合同外资8,400.00 万美元，……；实到外资……。 A line the snapshot lacks is left out.
 */
export function openingParagraph(s: ReportSnapshot): string {
  const line = (indicator: TargetIndicator) => s.indicators.find((row) => row.indicator === indicator);
  const clauses: string[] = [];
  const signed = line("signed_projects");
  if (signed) {
    if (signed.yearToDate === 0) {
      clauses.push("全市暂无新签约外资项目");
    } else {
      const big = line("big_projects");
      const fortune500 = line("fortune500_projects");
      const among = [big ? `超亿美元项目${big.yearToDate}个` : null, fortune500 ? `世界500强项目${fortune500.yearToDate}个` : null].filter(Boolean);
      clauses.push(
        `全市新签约外资项目${signed.yearToDate}个，${yearOnYearWords(signed)}${completionWords(signed)}${among.length ? `，其中${among.join("、")}` : ""}`,
      );
    }
  }
  for (const [indicator, name] of [
    ["contracted_fdi_usd", "合同外资"],
    ["actual_fdi_usd", "实到外资"],
  ] as const) {
    const money = line(indicator);
    if (money) clauses.push(`${name}${formatAmount(money.yearToDate, "美元").replace(" ", "")}，${yearOnYearWords(money)}${completionWords(money)}`);
  }
  if (clauses.length === 0) return `${s.cumulativeLabel}，暂无可报告的指标数据。`;
  return `${s.cumulativeLabel}，${clauses.join("；")}。`;
}

export const SECTION_TITLES = [
  "一、主要指标完成情况",
  "二、重点项目进展",
  "三、项目储备与推进",
  "四、产业链招商",
  "五、国别招商",
  "六、政策兑现",
  "七、存在问题",
  "八、下月工作计划",
] as const;

/** What an empty list shows, on the screen and in Word. */
export const NONE_TEXT = "无";
/** What 存在问题 / 下月工作计划 show until someone writes them. */
export const NARRATIVE_PLACEHOLDER = "（待填写）";

/** e.g. 2026年6月招商引资工作进展报告 — the title the report page and the print view show. */
export const reportTitle = (s: ReportSnapshot): string => REPORT_TITLE(s);

/** Narrative text as paragraphs: one per non-blank line, the placeholder when there is none. */
export function narrativeParagraphs(text: string | null | undefined): string[] {
  const lines = (text ?? "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length ? lines : [NARRATIVE_PLACEHOLDER];
}

/** The sheets of the Excel export, in order: one per table. */
export function reportSheets(t: ReportTables): ReportTable[] {
  return [
    t.indicators,
    t.rates,
    t.signed,
    t.started,
    t.producing,
    t.big,
    t.fortune500,
    t.pipeline,
    t.changes,
    t.chains,
    t.countries,
    t.parks,
    t.commitments,
    t.dueNextMonth,
    t.overdue,
    t.appendix,
  ];
}

export type ReportBlock =
  /** 一、… */
  | { kind: "heading"; text: string }
  /** （一）… */
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string }
  /** 共 N 项，列出前 50 项 under a table cut short */
  | { kind: "note"; text: string }
  /** never empty: an empty list becomes the paragraph 无 */
  | { kind: "table"; table: ReportTable };

export interface ReportDocument {
  title: string;
  /** 市委、市政府： — the first line after the title; null when the edition names none */
  addressLine: string | null;
  /** the headline figures in words, the first paragraph of the body */
  opening: string;
  body: ReportBlock[];
  /** 落款: unit, then date, right-aligned after the last section */
  signature: string[];
  /** on its own (landscape) pages */
  appendix: { title: string; blocks: ReportBlock[] };
}

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A table, then its note when it is cut short; the paragraph 无 for an empty list. */
const tableOrNone = (table: ReportTable): ReportBlock[] =>
  table.rows.length
    ? [{ kind: "table", table }, ...(table.note ? [{ kind: "note", text: `${table.note}。` } as const] : [])]
    : [{ kind: "paragraph", text: NONE_TEXT }];

/** Numbered sub-sections （一）（二）…, each a sub-heading followed by its blocks. */
function subsections(parts: Array<[title: string, blocks: ReportBlock[]]>): ReportBlock[] {
  return parts.flatMap(([title, blocks], i) => [{ kind: "subheading", text: `（${ORDINALS[i]}）${title}` } as const, ...blocks]);
}

/** The whole report in reading order. */
export function reportDocument(
  report: Pick<ReportForExport, "snapshot" | "problems" | "nextMonthPlan" | "addressedTo" | "issuedBy" | "issuedOn">,
): ReportDocument {
  const s = report.snapshot;
  const t = reportTables(s);
  const sentences = reportSentences(s);
  const heading = (index: number): ReportBlock => ({ kind: "heading", text: SECTION_TITLES[index] });
  const paragraph = (text: string): ReportBlock => ({ kind: "paragraph", text });
  return {
    title: reportTitle(s),
    addressLine: addressLine(report.addressedTo),
    opening: openingParagraph(s),
    body: [
      heading(0),
      ...tableOrNone(t.indicators),
      paragraph(sentences.rates),
      heading(1),
      ...subsections([t.signed, t.started, t.producing, t.big, t.fortune500].map((table) => [table.title, tableOrNone(table)])),
      heading(2),
      ...subsections([
        ["项目储备", tableOrNone(t.pipeline)],
        [t.changes.title, tableOrNone(t.changes)],
      ]),
      heading(3),
      ...tableOrNone(t.chains),
      heading(4),
      ...subsections([
        ["国别（地区）", tableOrNone(t.countries)],
        ["载体平台", tableOrNone(t.parks)],
      ]),
      heading(5),
      paragraph(sentences.commitments),
      ...subsections([
        [t.dueNextMonth.title, tableOrNone(t.dueNextMonth)],
        [t.overdue.title, tableOrNone(t.overdue)],
      ]),
      heading(6),
      ...narrativeParagraphs(report.problems).map(paragraph),
      heading(7),
      ...narrativeParagraphs(report.nextMonthPlan).map(paragraph),
    ],
    signature: signatureLines(report),
    appendix: { title: t.appendix.title, blocks: tableOrNone(t.appendix) },
  };
}
