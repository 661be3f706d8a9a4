/**
 * 下载Word: an edition as an A4 .docx in the style of an official document (DESIGN.md §7): title in
 * 方正小标宋简体 22pt (黑体 where it is missing), headings 黑体 16pt, body 仿宋_GB2312 16pt on a fixed
 * 28pt line with a two-character indent, tables with single borders and a bold header row, and the
 * appendix on landscape pages. Every number comes from report-tables.ts, as on the screen.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ReportSnapshot } from "./report-snapshot";
import { REPORT_TITLE, reportSentences, reportTables, type ReportTable } from "./report-tables";

/** millimetres in twips */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const TITLE_FONT = { ascii: "方正小标宋简体", eastAsia: "方正小标宋简体", hAnsi: "方正小标宋简体" };
const HEADING_FONT = { ascii: "黑体", eastAsia: "黑体", hAnsi: "黑体" };
const BODY_FONT = { ascii: "仿宋_GB2312", eastAsia: "仿宋_GB2312", hAnsi: "仿宋_GB2312" };
/** sizes in half-points */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const TABLE_SIZE = 21;
const APPENDIX_SIZE = 21;

const line = { line: 560, lineRule: LineRuleType.EXACT };

function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text, font: TITLE_FONT, size: TITLE_SIZE })] });
}

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: line, indent: { firstLine: 640 }, keepNext: true, children: [new TextRun({ text, font: HEADING_FONT, size: BODY_SIZE })] });
}

function subheading(text: string): Paragraph {
  return new Paragraph({ spacing: line, indent: { firstLine: 640 }, keepNext: true, children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE, bold: true })] });
}

function body(text: string): Paragraph {
  return new Paragraph({ spacing: line, indent: { firstLine: 640 }, children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })] });
}

/** Narrative text: one paragraph per line; a placeholder when empty. */
function narrative(text: string | null): Paragraph[] {
  const lines = (text ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return (lines.length ? lines : ["（待填写）"]).map(body);
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

/** Table text takes its font and size from a paragraph style, so a cell is only its words (the appendix can run to thousands of rows). */
/** Text width of a portrait and a landscape page, in twips. */
const PORTRAIT_WIDTH = 11906 - mm(28) - mm(26);
const LANDSCAPE_WIDTH = 16838 - mm(28) - mm(26);

/** Visual width of text: a Chinese character is as wide as two digits. */
const visualLength = (text: string) => [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/** Column widths in proportion to what they hold (headers wrap; numbers should not). */
function columnWidths(data: ReportTable, total: number): number[] {
  const weights = data.headers.map((header, i) => {
    const longest = Math.max(0, ...data.rows.slice(0, 300).map((row) => visualLength(row[i]?.text ?? "")));
    const numeric = data.numeric.includes(i);
    return Math.min(40, Math.max(numeric ? longest + 1 : longest / 2, visualLength(header) / 2, 4));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.floor((weight / sum) * total));
}

function table(data: ReportTable, style: "TableText" | "AppendixText" = "TableText"): (Paragraph | Table)[] {
  if (data.rows.length === 0) return [body("无。")];
  const widths = columnWidths(data, style === "AppendixText" ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH);
  const cell = (text: string, right: boolean) =>
    new TableCell({ children: [new Paragraph({ style, alignment: right ? AlignmentType.RIGHT : undefined, children: [new TextRun(text)] })] });
  const headerCell = (text: string) => new TableCell({ children: [new Paragraph({ style, children: [new TextRun({ text, bold: true })] })] });
  return [
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
      margins: { top: 30, bottom: 30, left: 60, right: 60 },
      rows: [
        new TableRow({ tableHeader: true, children: data.headers.map(headerCell) }),
        ...data.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value.text, data.numeric.includes(i))) })),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

export interface ReportForExport {
  snapshot: ReportSnapshot;
  edition: number;
  problems: string | null;
  nextMonthPlan: string | null;
  generatedByName: string;
  generatedAt: number;
}

export async function renderReportDocx(report: ReportForExport): Promise<Buffer> {
  const s = report.snapshot;
  const t = reportTables(s);
  const sentences = reportSentences(s);
  const page = { size: { width: 11906, height: 16838 }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } };
  const document = new Document({
    creator: report.generatedByName,
    title: REPORT_TITLE(s),
    styles: {
      default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } },
      paragraphStyles: [
        { id: "TableText", name: "Table Text", run: { font: BODY_FONT, size: TABLE_SIZE } },
        { id: "AppendixText", name: "Appendix Text", run: { font: BODY_FONT, size: APPENDIX_SIZE } },
      ],
    },
    sections: [
      {
        properties: { page },
        children: [
          title(REPORT_TITLE(s)),
          heading("一、主要指标完成情况"),
          ...table(t.indicators),
          body(sentences.rates),
          heading("二、重点项目进展"),
          ...[t.signed, t.started, t.producing, t.big, t.fortune500].flatMap((projects) => [subheading(projects.title), ...table(projects)]),
          heading("三、项目储备与推进"),
          ...table(t.pipeline),
          subheading(t.changes.title),
          ...table(t.changes),
          heading("四、产业链招商"),
          ...table(t.chains),
          heading("五、国别招商"),
          ...table(t.countries),
          subheading("载体平台"),
          ...table(t.parks),
          heading("六、政策兑现"),
          body(sentences.commitments),
          subheading(t.dueNextMonth.title),
          ...table(t.dueNextMonth),
          subheading(t.overdue.title),
          ...table(t.overdue),
          heading("七、存在问题"),
          ...narrative(report.problems),
          heading("八、下月工作计划"),
          ...narrative(report.nextMonthPlan),
        ],
      },
      {
        properties: { page: { ...page, size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE } } },
        children: [title(t.appendix.title), ...table(t.appendix, "AppendixText")],
      },
    ],
  });
  return Packer.toBuffer(document);
}
