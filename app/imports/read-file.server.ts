/**
 * Reads an uploaded spreadsheet into rows of cell values, whatever wrote it (DESIGN.md §10):
 * .xlsx from Excel, WPS or LibreOffice (rich text joined, formulas by their cached value, date
 * cells as Excel serial numbers), .csv in UTF-8 with or without BOM, GBK/GB18030 or UTF-16.
 * The file's content decides what it is, not its name; anything else gets a Chinese message.
 */
import iconv from "iconv-lite";
import { InvalidError } from "../lib/errors";
import { isOleCompound, isPdf, isZip } from "../lib/file-signatures.server";
import { parseCsv } from "./csv";
import { headerScore, type ImportKind } from "./kinds";
import { cellText, type CellValue } from "./values";
import { readXlsxCells, type XlsxSheet } from "./xlsx-cells.server";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
/** The header is looked for in this many rows from the top (titles and notes may sit above it). */
export const HEADER_SEARCH_ROWS = 10;

export interface SheetRow {
  /** the row number Excel shows (the line for CSV) */
  rowNumber: number;
  cells: CellValue[];
}

export interface ReadSheet {
  sheetName: string | null;
  headerRowNumber: number;
  headers: string[];
  /** rows below the header, blank ones included (the planner skips them) */
  rows: SheetRow[];
}

export const RESAVE_AS_XLSX = "请用 Excel 或 WPS 打开后“另存为” .xlsx 格式再导入";

const fileProblem = (message: string) => new InvalidError({ file: message }, message);

type FileKind = "xlsx" | "xlsb" | "ods" | "ole" | "markup" | "text" | "other";

function sniff(bytes: Buffer): FileKind {
  if (isZip(bytes)) {
    // a zip: its parts are named in the local file headers
    if (bytes.includes("xl/workbook.bin")) return "xlsb";
    if (bytes.includes("xl/workbook.xml") || bytes.includes("xl/worksheets/")) return "xlsx";
    return bytes.includes("application/vnd.oasis.opendocument.spreadsheet") ? "ods" : "other";
  }
  if (isOleCompound(bytes)) return "ole";
  const head = bytes.subarray(0, 65_536);
  if (head[0] === 0xff && head[1] === 0xfe) return "text";
  if (isPdf(head)) return "other";
  if (head.includes(0)) return "other";
  // a web page or XML Spreadsheet 2003 saved as ".xls" by another system
  return /^(\uFEFF)?\s*</.test(head.subarray(0, 1024).toString("utf8")) ? "markup" : "text";
}

const KIND_PROBLEMS: Partial<Record<FileKind, string>> = {
  ole: `这是旧版 Excel（.xls）、WPS 表格（.et）文件或加密的工作簿，${RESAVE_AS_XLSX}`,
  xlsb: `这是 Excel 二进制工作簿（.xlsb），${RESAVE_AS_XLSX}`,
  ods: `这是 OpenDocument 表格（.ods），${RESAVE_AS_XLSX}`,
  markup: `这是网页或 XML 格式的表格（常见于其他系统导出的“.xls”），${RESAVE_AS_XLSX}`,
  other: `文件不是 Excel 表格（.xlsx）或 CSV 文件，${RESAVE_AS_XLSX}`,
};

/** Reads the file and finds the sheet and row holding the kind's header. */
export async function readSpreadsheet(bytes: Buffer, kind: ImportKind): Promise<ReadSheet> {
  if (bytes.length === 0) throw fileProblem("文件是空的");
  if (bytes.length > MAX_IMPORT_BYTES) throw fileProblem("文件超过 20 MB，请拆分后分批导入");
  const fileKind = sniff(bytes);
  const problem = KIND_PROBLEMS[fileKind];
  if (problem) throw fileProblem(problem);
  const sheets = fileKind === "xlsx" ? await readXlsx(bytes) : [readCsvText(decodeText(bytes))];
  let best: { sheet: RawSheet; headerIndex: number; score: number } | null = null;
  for (const sheet of sheets) {
    const top = sheet.rows.slice(0, HEADER_SEARCH_ROWS);
    top.forEach((row, headerIndex) => {
      const score = headerScore(kind, row.cells.map(cellText));
      if (score > 0 && (!best || score > best.score)) best = { sheet, headerIndex, score };
    });
  }
  if (!best) {
    throw fileProblem(
      `在文件前 ${HEADER_SEARCH_ROWS} 行中没有找到表头（如“${kind === "companies" ? "企业名称" : kind === "arrivals" ? "到账日期" : "项目名称"}”），请确认导入类型与文件一致`,
    );
  }
  const { sheet, headerIndex } = best as { sheet: RawSheet; headerIndex: number };
  const headerRow = sheet.rows[headerIndex];
  const rows = sheet.rows.slice(headerIndex + 1);
  if (rows.length > MAX_IMPORT_ROWS) throw fileProblem(`文件超过 ${MAX_IMPORT_ROWS.toLocaleString("en-US")} 行，请拆分后分批导入`);
  const width = Math.max(headerRow.cells.length, ...rows.slice(0, 1000).map((row) => row.cells.length));
  const headers = Array.from({ length: width }, (_, i) => cellText(headerRow.cells[i] ?? null).replace(/\s+/g, " "));
  return { sheetName: sheet.name, headerRowNumber: headerRow.rowNumber, headers, rows };
}

interface RawSheet {
  name: string | null;
  rows: SheetRow[];
}

// ── text files ────────────────────────────────────────────────────────────

/** UTF-8 (BOM or not), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), "utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), "utf16be");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

function readCsvText(text: string): RawSheet {
  const records = parseCsv(text);
  if (records.length > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) throw fileProblem(`文件超过 ${MAX_IMPORT_ROWS.toLocaleString("en-US")} 行，请拆分后分批导入`);
  return { name: null, rows: records.map((record) => ({ rowNumber: record.line, cells: record.cells })) };
}

// ── .xlsx ─────────────────────────────────────────────────────────────────

async function readXlsx(bytes: Buffer): Promise<RawSheet[]> {
  let sheets: XlsxSheet[];
  try {
    sheets = await readXlsxCells(bytes);
  } catch {
    throw fileProblem(`无法读取该 Excel 文件（文件可能已损坏），${RESAVE_AS_XLSX}`);
  }
  if (sheets.length === 0) throw fileProblem(`文件中没有工作表，${RESAVE_AS_XLSX}`);
  for (const sheet of sheets) {
    if (sheet.rows.length > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) throw fileProblem(`文件超过 ${MAX_IMPORT_ROWS.toLocaleString("en-US")} 行，请拆分后分批导入`);
  }
  // visible sheets first: a hidden sheet of drop-down lists is never the data
  return [...sheets.filter((sheet) => !sheet.hidden), ...sheets.filter((sheet) => sheet.hidden)];
}
