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
const TABLE_SIZE = 24;
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

function table(data: ReportTable, size = TABLE_SIZE): (Paragraph | Table)[] {
  if (data.rows.length === 0) return [body("无。")];
  const cell = (text: string, { bold = false, right = false } = {}) =>
    new TableCell({
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, font: BODY_FONT, size, bold })] })],
    });
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders,
      rows: [
        new TableRow({ tableHeader: true, children: data.headers.map((header) => cell(header, { bold: true })) }),
        ...data.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value.text, { right: data.numeric.includes(i) })) })),
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
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
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
        children: [title(t.appendix.title), ...table(t.appendix, APPENDIX_SIZE)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
