/**
 * The 月度工作进展报告 as a document (DESIGN.md §7): its title, the eight sections in order with the
 * sentences and tables under each, and the appendix — plain strings plus the cells of
 * report-tables.ts (text as the screen shows it, number as Excel stores it). Word lays this out
 * block by block, Excel takes the same tables, and the screen draws the same cells, so the three
 * cannot disagree on a word or a number. Pure: no database, no docx/exceljs.
 */
import type { ReportSnapshot } from "./report-snapshot";
import { REPORT_TITLE, reportSentences, reportTables, type Cell, type ReportTable, type ReportTables } from "./report-tables";

export { reportSentences, reportTables };
export type { Cell, ReportTable, ReportTables };

/** An edition as the exporters take it: the frozen snapshot and its editable narrative. */
export interface ReportForExport {
  snapshot: ReportSnapshot;
  edition: number;
  problems: string | null;
  nextMonthPlan: string | null;
  generatedByName: string;
  /** epoch milliseconds */
  generatedAt: number;
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

/** 仅列前 N 项。 when the snapshot lists fewer stage changes than happened; null otherwise. */
export function changesNote(s: ReportSnapshot): string | null {
  return s.pipeline.changesTotal > s.pipeline.changes.length ? `仅列前 ${s.pipeline.changes.length} 项。` : null;
}

/** The table of 一、主要指标完成情况: 指标 | 本月 | 1–N月累计 | 年度目标 | 完成率 | 时序进度 | 同比. */
export const indicatorTable = (s: ReportSnapshot): ReportTable => reportTables(s).indicators;

/** 附表 在谈项目明细表. */
export const appendixTable = (s: ReportSnapshot): ReportTable => reportTables(s).appendix;

/** The sheets of the Excel export, in order: one per table. */
export function reportSheets(t: ReportTables): ReportTable[] {
  return [t.indicators, t.signed, t.started, t.producing, t.big, t.fortune500, t.pipeline, t.changes, t.chains, t.countries, t.parks, t.dueNextMonth, t.overdue, t.appendix];
}

export type ReportBlock =
  /** 一、… */
  | { kind: "heading"; text: string }
  /** （一）… */
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string }
  /** never empty: an empty list becomes the paragraph 无 */
  | { kind: "table"; table: ReportTable };

export interface ReportDocument {
  title: string;
  body: ReportBlock[];
  /** on its own (landscape) pages */
  appendix: { title: string; blocks: ReportBlock[] };
}

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const tableOrNone = (table: ReportTable): ReportBlock => (table.rows.length ? { kind: "table", table } : { kind: "paragraph", text: NONE_TEXT });

/** Numbered sub-sections （一）（二）…, each a sub-heading followed by its blocks. */
function subsections(parts: Array<[title: string, ...blocks: ReportBlock[]]>): ReportBlock[] {
  return parts.flatMap(([title, ...blocks], i) => [{ kind: "subheading", text: `（${ORDINALS[i]}）${title}` } as const, ...blocks]);
}

/** The whole report in reading order. */
export function reportDocument(report: Pick<ReportForExport, "snapshot" | "problems" | "nextMonthPlan">): ReportDocument {
  const s = report.snapshot;
  const t = reportTables(s);
  const sentences = reportSentences(s);
  const heading = (index: number): ReportBlock => ({ kind: "heading", text: SECTION_TITLES[index] });
  const paragraph = (text: string): ReportBlock => ({ kind: "paragraph", text });
  const note = changesNote(s);
  return {
    title: reportTitle(s),
    body: [
      heading(0),
      tableOrNone(t.indicators),
      paragraph(sentences.rates),
      heading(1),
      ...subsections([t.signed, t.started, t.producing, t.big, t.fortune500].map((table) => [table.title, tableOrNone(table)])),
      heading(2),
      ...subsections([
        ["项目储备", tableOrNone(t.pipeline)],
        [t.changes.title, tableOrNone(t.changes), ...(note ? [paragraph(note)] : [])],
      ]),
      heading(3),
      tableOrNone(t.chains),
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
    appendix: { title: t.appendix.title, blocks: [tableOrNone(t.appendix)] },
  };
}
