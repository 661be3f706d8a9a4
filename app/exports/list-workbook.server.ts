/**
 * 导出Excel of a list (DESIGN.md §10): every row of the current filters, streamed row by row into
 * an .xlsx — a title row, a line naming the filters and the export time, then a frozen header
 * with an auto-filter. Numbers are numbers, dates are dates, and text is always written as text
 * (a cell starting with = + - @ can never become a formula).
 */
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import ExcelJS from "exceljs";
import { formatDateTime } from "../lib/dates";
import { cleanText } from "../imports/values";

export type ExportValue = string | number | boolean | null | undefined;

export interface ExportColumn<Row> {
  header: string;
  /** text (default); date: a YYYY-MM-DD string written as a date; wan: base units shown in 万; count/decimal numbers */
  type?: "text" | "date" | "wan" | "count" | "decimal";
  width?: number;
  value: (row: Row) => ExportValue;
}

export interface ListExport<Row> {
  /** the list's name, e.g. 企业库; the file is named after it and the time */
  title: string;
  /** the filters in force, as a reader would say them ("国别/地区：日本") */
  filters: string[];
  columns: ExportColumn<Row>[];
  /** rows in chunks, so a long list is never held in memory whole */
  chunks: Iterable<Row[]>;
}

const HEADER_ROW = 3;

const DATE_FORMAT = "yyyy-mm-dd";
const NUMBER_FORMATS = { wan: "#,##0.00", count: "#,##0", decimal: "#,##0.##" } as const;

function cellValue<Row>(column: ExportColumn<Row>, row: Row): ExcelJS.CellValue {
  const value = column.value(row);
  if (value === null || value === undefined || value === "") return null;
  switch (column.type) {
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : String(value);
    case "wan":
      // in 万 at full precision (shown with two decimals), so a re-import gives back the stored integer
      return typeof value === "number" ? value / 10_000 : null;
    case "count":
    case "decimal":
      return typeof value === "number" ? value : null;
    default:
      return typeof value === "boolean" ? (value ? "是" : "否") : cleanText(String(value));
  }
}

/** The file name of an export: 企业库_20261129-1530.xlsx. */
export function exportFileName(title: string, now = Date.now()): string {
  const stamp = formatDateTime(now).replace(/[-:]/g, "").replace(" ", "-");
  return `${title}_${stamp}.xlsx`;
}

const BUFFERED_BYTES = 1024 * 1024;

/** Resolves once `output` holds less than a megabyte nobody has read yet. */
async function drained(output: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (output.readableLength + output.writableLength > BUFFERED_BYTES && !output.destroyed) {
    await new Promise((resolve) => {
      const done = () => {
        output.off("data", done);
        output.off("drain", done);
        output.off("close", done);
        resolve(undefined);
      };
      output.once("drain", done);
      output.once("close", done);
      setTimeout(done, 50);
    });
  }
}

/** Writes the workbook into `output` as rows come; resolves when the file is complete. */
export async function writeListWorkbook<Row>(list: ListExport<Row>, output: PassThrough, now = Date.now()): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "招商引资管理系统";
  workbook.created = new Date(now);
  const sheet = workbook.addWorksheet(list.title.slice(0, 31), {
    views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 0 }],
    // printed landscape, fitted to the page width (A3 for wide lists), the header on every page
    pageSetup: {
      // 8 is A3 in SpreadsheetML's paper codes (the typings list only some), 9 is A4
      paperSize: (list.columns.length > 12 ? 8 : 9) as unknown as ExcelJS.PageSetup["paperSize"],
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  sheet.columns = list.columns.map((column) => ({
    width: column.width ?? (column.type === "date" ? 12 : column.type ? 14 : Math.min(40, Math.max(10, column.header.length * 2 + 2))),
    style: column.type === "date" ? { numFmt: DATE_FORMAT } : column.type && column.type !== "text" ? { numFmt: NUMBER_FORMATS[column.type] } : {},
  }));
  const title = sheet.addRow([list.title]);
  title.font = { bold: true, size: 14 };
  const conditions = list.filters.length > 0 ? list.filters.join("；") : "全部";
  const filters = sheet.addRow([`筛选条件：${conditions}    导出时间：${formatDateTime(now)}`]);
  const width = Math.max(1, list.columns.length);
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
  title.commit();
  filters.commit();
  const header = sheet.addRow(list.columns.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  header.commit();
  let count = 0;
  for (const chunk of list.chunks) {
    for (const row of chunk) {
      sheet.addRow(list.columns.map((column) => cellValue(column, row))).commit();
      count++;
    }
    // hold the next chunk until the reader has taken what is written (memory stays flat)
    await drained(output);
  }
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: Math.max(1, list.columns.length) } };
  sheet.commit();
  await workbook.commit();
  return count;
}

/** The HTTP response of an export: the workbook streamed as it is written. */
export function listWorkbookResponse<Row>(list: ListExport<Row>): Response {
  const output = new PassThrough();
  writeListWorkbook(list, output).catch((error) => output.destroy(error as Error));
  const fileName = exportFileName(list.title);
  return new Response(createReadableStreamFromReadable(output), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}

/** Reads rows for a fixed list of ids in chunks, keeping the ids' order. */
export function* chunksOf<Row extends { id: number }>(ids: readonly number[], fetch: (ids: number[]) => Row[], size = 1000): Iterable<Row[]> {
  for (let start = 0; start < ids.length; start += size) {
    const slice = ids.slice(start, start + size);
    const byId = new Map(fetch(slice).map((row) => [row.id, row]));
    yield slice.map((id) => byId.get(id)).filter((row): row is Row => row !== undefined);
  }
}
