/**
 * 下载Excel: an edition as .xlsx (exceljs), one sheet per table of report-text.ts, in the report's
 * order, every list whole (the screen and Word show the first 50 rows; Excel carries every row).
 *
 * Each sheet starts with a title row (the report's title and the sheet's, merged across the table)
 * and the header row below it; the first sheet adds the month and the opening paragraph between
 * them. Numbers are stored as numbers in the unit the header names — 万美元/万元 with two decimals,
 * counts as integers, rates as fractions shown as % — so they can be summed and charted; dates are
 * dates (yyyy-mm-dd); a missing value (shown — on the screen and in Word) is an empty cell; an empty
 * list is one row 无. Printed: A4, every cell bordered, the header row repeated on every page, fitted
 * to the page width (the wide appendix on landscape pages).
 */
import ExcelJS from "exceljs";
import { xmlSafeText } from "../lib/text";
import { NONE_TEXT, openingParagraph, reportSheets, reportTables, reportTitle, type Cell, type ReportForExport, type ReportTable } from "./report-text";

const NUMBER_FORMATS: Record<NonNullable<Cell["format"]>, string> = { wan: "#,##0.00", count: "0", percent: "0.0%", date: "yyyy-mm-dd" };
const thin = { style: "thin" as const };
const allBorders = { top: thin, left: thin, bottom: thin, right: thin };
/** Sheets wider than this (in Excel's column units) print on landscape pages. */
const PORTRAIT_WIDTH = 95;

/** Column width in Excel's units (a digit): a Chinese character counts two. */
function visualLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) length += text.charCodeAt(i) > 0x2e7f ? 2 : 1;
  return length;
}

/** A business date as the Date Excel stores: midnight UTC of that day, so the serial is the day whatever the server's zone. */
function excelDate(date: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

/** The value a cell stores: the number for numeric cells, a Date for dates, otherwise the text; — (nothing) is empty. */
function valueOf(cell: Cell): string | number | Date | null {
  if (cell.format === "date") return excelDate(cell.date);
  if (cell.format) return cell.number ?? null;
  return cell.text === "—" || cell.text === "" ? null : xmlSafeText(cell.text);
}

/** Lines a text wraps to in a column of `width` units. */
const linesIn = (text: string, width: number) => Math.max(1, Math.ceil(visualLength(text) / Math.max(1, width - 1)));
/** Points a row of `lines` lines of 11pt text needs (LibreOffice does not grow a wrapped row by itself). */
const rowHeight = (lines: number) => 15 * lines;

/** A line of text across the whole table: merged, wrapped, as tall as its text needs. */
function bannerRow(sheet: ExcelJS.Worksheet, text: string, columns: number, widthUnits: number, font: Partial<ExcelJS.Font>): ExcelJS.Row {
  const row = sheet.addRow([xmlSafeText(text)]);
  row.font = font;
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).alignment = { vertical: "middle", horizontal: font.bold ? "center" : "left", wrapText: true };
  const lines = Math.max(1, Math.ceil((visualLength(text) * (font.size ?? 11)) / 11 / Math.max(10, widthUnits - 2)));
  row.height = Math.max(font.size ?? 11, 11) * 1.5 * lines;
  return row;
}

function addSheet(
  workbook: ExcelJS.Workbook,
  data: ReportTable,
  title: string,
  { lead = [], landscape = false }: { lead?: string[]; landscape?: boolean } = {},
): void {
  const sheet = workbook.addWorksheet(data.sheet);
  const columns = data.headers.length;
  const widths = data.headers.map((header, i) => {
    let longest = data.rows.some((row) => row[i]?.format && row[i]?.format !== "date") ? 10 : 0;
    for (const row of data.rows) longest = Math.max(longest, visualLength(row[i]?.text ?? ""));
    return Math.min(60, Math.max(8, longest + 2, Math.ceil(visualLength(header) / 2) + 2));
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  bannerRow(sheet, title, columns, totalWidth, { bold: true, size: 14 });
  for (const line of lead) bannerRow(sheet, line, columns, totalWidth, { size: 11 });
  const header = sheet.addRow(data.headers.map(xmlSafeText));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((cell) => {
    cell.border = allBorders;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF2F7" } };
  });
  header.height = rowHeight(Math.max(...data.headers.map((text, i) => linesIn(text, widths[i]!))));
  if (data.rows.length === 0) {
    const none = sheet.addRow([NONE_TEXT]);
    sheet.mergeCells(none.number, 1, none.number, columns);
    none.getCell(1).alignment = { horizontal: "center" };
    for (let i = 1; i <= columns; i++) none.getCell(i).border = allBorders;
  }
  for (const cells of data.rows) {
    const row = sheet.addRow(cells.map(valueOf));
    for (let i = 0; i < cells.length; i++) {
      const target = row.getCell(i + 1);
      target.border = allBorders;
      target.alignment = { vertical: "top", wrapText: !cells[i]!.format };
      const format = cells[i]!.format;
      if (format) target.numFmt = NUMBER_FORMATS[format];
    }
    const lines = Math.max(...cells.map((cell, i) => (cell.format ? 1 : linesIn(cell.text, widths[i]!))));
    if (lines > 1) row.height = rowHeight(lines);
  }
  // a snapshot stored before lists were kept whole holds only the first rows: say so
  if (data.note) bannerRow(sheet, `${data.note}。`, columns, totalWidth, { size: 10, italic: true });
  sheet.views = [{ state: "frozen", ySplit: header.number }];
  // printed: A4, one page wide, as many long as it takes, the header row on every page
  sheet.pageSetup = {
    paperSize: 9,
    orientation: landscape || totalWidth > PORTRAIT_WIDTH ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${header.number}:${header.number}`,
  };
  sheet.headerFooter = { oddFooter: "&C第 &P 页，共 &N 页" };
}

export async function renderReportXlsx(report: ReportForExport): Promise<Buffer> {
  const s = report.snapshot;
  const title = reportTitle(s);
  const workbook = new ExcelJS.Workbook();
  // exceljs drops C0 controls itself but writes U+FFFE/U+FFFF and lone surrogates as they come
  workbook.creator = xmlSafeText(report.generatedByName);
  workbook.created = new Date(report.generatedAt);
  workbook.title = xmlSafeText(title);
  const tables = reportTables(s, { all: true });
  const [first, ...rest] = reportSheets(tables);
  addSheet(workbook, first!, `${title}（第${report.edition}版）· ${first!.title}`, {
    lead: [`报告月份：${s.monthLabel}（${s.period.from} 至 ${s.period.to}），${s.cumulativeLabel}累计`, `概述：${openingParagraph(s)}`],
  });
  // the appendix (在谈项目明细表) is the wide one: always on landscape pages
  for (const data of rest) addSheet(workbook, data, `${title} · ${data.title}`, { landscape: data === tables.appendix });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
