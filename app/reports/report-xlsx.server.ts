/**
 * 下载Excel: an edition as .xlsx, one sheet per table, numbers stored as numbers in the unit shown
 * (万美元/万元 with two decimals, counts, rates as fractions shown as %). The cells are those of
 * report-tables.ts, as on the screen and in Word.
 */
import ExcelJS from "exceljs";
import type { ReportForExport } from "./report-docx.server";
import { REPORT_TITLE, reportTables, type Cell, type ReportTable } from "./report-tables";

const NUMBER_FORMATS: Record<NonNullable<Cell["format"]>, string> = { wan: "#,##0.00", count: "0", percent: "0.0%" };
const thin = { style: "thin" as const };
const allBorders = { top: thin, left: thin, bottom: thin, right: thin };

function addSheet(workbook: ExcelJS.Workbook, data: ReportTable, heading?: string): void {
  const sheet = workbook.addWorksheet(data.sheet);
  let headerRow = 1;
  if (heading) {
    sheet.addRow([heading]).font = { bold: true, size: 14 };
    sheet.addRow([]);
    headerRow = 3;
  }
  const header = sheet.addRow(data.headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = allBorders;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF2F7" } };
  });
  for (const cells of data.rows) {
    const row = sheet.addRow(cells.map((cell) => (cell.format ? (cell.number ?? null) : cell.text)));
    cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      target.border = allBorders;
      if (cell.format) target.numFmt = NUMBER_FORMATS[cell.format];
    });
  }
  sheet.views = [{ state: "frozen", ySplit: headerRow }];
  data.headers.forEach((title, i) => {
    const longest = Math.max(title.length, ...data.rows.map((row) => row[i]?.text.length ?? 0));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest * 2 + 2));
  });
}

export async function renderReportXlsx(report: ReportForExport): Promise<Buffer> {
  const s = report.snapshot;
  const t = reportTables(s);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.generatedByName;
  workbook.created = new Date(report.generatedAt);
  addSheet(workbook, t.indicators, `${REPORT_TITLE(s)}（第${report.edition}版）`);
  for (const data of [t.signed, t.started, t.producing, t.big, t.fortune500, t.pipeline, t.changes, t.chains, t.countries, t.parks, t.dueNextMonth, t.overdue, t.appendix]) {
    addSheet(workbook, data);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
