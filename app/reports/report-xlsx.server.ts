/**
 * 下载Excel: an edition as .xlsx (exceljs), one sheet per table of report-text.ts, in the report's
 * order. Numbers are stored as numbers in the unit the header names — 万美元/万元 with two decimals,
 * counts as integers, rates as fractions shown as % — so they can be summed and charted; a missing
 * value (shown — on the screen and in Word) is an empty cell; dates stay text (YYYY-MM-DD). Every
 * header row is bold, bordered and frozen; the first sheet carries the title and month on top.
 */
import ExcelJS from "exceljs";
import { xmlSafeText } from "../lib/text";
import { reportSheets, reportTables, reportTitle, type Cell, type ReportForExport, type ReportTable } from "./report-text";

const NUMBER_FORMATS: Record<NonNullable<Cell["format"]>, string> = { wan: "#,##0.00", count: "0", percent: "0.0%" };
const thin = { style: "thin" as const };
const allBorders = { top: thin, left: thin, bottom: thin, right: thin };

/** Column width in Excel's units (a digit): a Chinese character counts two. */
function visualLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) length += text.charCodeAt(i) > 0x2e7f ? 2 : 1;
  return length;
}

/** The value a cell stores: the number for numeric cells, otherwise the text; — (nothing) is empty. */
const valueOf = (cell: Cell): string | number | null => (cell.format ? (cell.number ?? null) : cell.text === "—" || cell.text === "" ? null : xmlSafeText(cell.text));

function addSheet(workbook: ExcelJS.Workbook, data: ReportTable, heading?: string[]): void {
  const sheet = workbook.addWorksheet(data.sheet);
  for (const [i, line] of (heading ?? []).entries()) {
    const row = sheet.addRow([xmlSafeText(line)]);
    row.font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
    sheet.mergeCells(row.number, 1, row.number, data.headers.length);
  }
  if (heading?.length) sheet.addRow([]);
  const header = sheet.addRow(data.headers.map(xmlSafeText));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((cell) => {
    cell.border = allBorders;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF2F7" } };
  });
  const formats = data.headers.map((_, i) => data.rows.find((row) => row[i]?.format)?.[i]?.format);
  for (const cells of data.rows) {
    const row = sheet.addRow(cells.map(valueOf));
    for (let i = 0; i < cells.length; i++) {
      const target = row.getCell(i + 1);
      target.border = allBorders;
      const format = cells[i]!.format;
      if (format) target.numFmt = NUMBER_FORMATS[format];
    }
  }
  sheet.views = [{ state: "frozen", ySplit: header.number }];
  // printed: A4 landscape, one page wide, the header row on every page
  sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header.number}:${header.number}` };
  data.headers.forEach((title, i) => {
    let longest = formats[i] ? 10 : 0;
    for (const row of data.rows) longest = Math.max(longest, visualLength(row[i]?.text ?? ""));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2, visualLength(title) + 2));
  });
}

export async function renderReportXlsx(report: ReportForExport): Promise<Buffer> {
  const s = report.snapshot;
  const workbook = new ExcelJS.Workbook();
  // exceljs drops C0 controls itself but writes U+FFFE/U+FFFF and lone surrogates as they come
  workbook.creator = xmlSafeText(report.generatedByName);
  workbook.created = new Date(report.generatedAt);
  workbook.title = xmlSafeText(reportTitle(s));
  const [first, ...rest] = reportSheets(reportTables(s));
  addSheet(workbook, first!, [`${reportTitle(s)}（第${report.edition}版）`, `报告月份：${s.monthLabel}（${s.period.from} 至 ${s.period.to}），${s.cumulativeLabel}累计`]);
  for (const data of rest) addSheet(workbook, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
