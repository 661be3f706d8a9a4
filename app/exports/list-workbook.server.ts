/**
 * 导出Excel of a list (DESIGN.md §10): every row of the current filters, streamed row by row into
 * an .xlsx — a title row, a line naming the filters and the export time, then a frozen header
 * with an auto-filter, printed landscape fitted to the page width with the header repeated.
 * Numbers are numbers, dates are dates, and text is always written as text (a cell starting with
 * = + - @ can never become a formula).
 *
 * The worksheet's SpreadsheetML is written directly as rows come and zipped as it is written
 * (zip-stream.server.ts): a
 * 100,000-row list takes a few seconds and little memory (a general-purpose workbook writer builds
 * an object per cell and spends most of its time on styles the list does not vary).
 */
import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { formatDateTime } from "../lib/dates";
import { exactWanNumber } from "../lib/money";
import { cleanText, xmlSafeText } from "../lib/text";
import { recordOperation } from "../operations/operation-log.server";
import { zipStream } from "./zip-stream.server";

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
const SHEET_NAME = "列表";

/** Style indexes of styles.xml below (cellXfs). */
const STYLE = { text: 0, date: 1, wan: 2, count: 3, decimal: 4, header: 5, title: 6 } as const;

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="#,##0.00"/><numFmt numFmtId="166" formatCode="#,##0.##"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="14"/><name val="等线"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const CONTENT_TYPES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const WORKBOOK_RELS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

/**
 * XML-safe text: at most Excel's 32,767 per cell, characters XML cannot hold removed (after the cut,
 * so half a pair left by it goes too), markup escaped.
 */
function xmlText(value: string): string {
  const text = xmlSafeText(cleanText(value).slice(0, 32_767));
  return text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]!);
}

/** A (1-based) column's letters: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD → Excel's serial day (dates from 1900-03-01 on). */
function dateSerial(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / 86_400_000;
}

function textCell(reference: string, text: string, style: number = STYLE.text): string {
  const styled = style === STYLE.text ? "" : ` s="${style}"`;
  return `<c r="${reference}"${styled} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function dataCell<Row>(column: ExportColumn<Row>, reference: string, row: Row): string {
  const value = column.value(row);
  if (value === null || value === undefined || value === "") return "";
  const type = column.type ?? "text";
  if (type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return `<c r="${reference}" s="${STYLE.date}"><v>${dateSerial(value)}</v></c>`;
  }
  if (type !== "text" && type !== "date") {
    if (typeof value !== "number" || !Number.isFinite(value)) return "";
    // 万 at full precision (shown with two decimals), so a re-import gives back the stored integer
    const number = type === "wan" ? exactWanNumber(value) : value;
    return `<c r="${reference}" s="${STYLE[type]}"><v>${number}</v></c>`;
  }
  return textCell(reference, typeof value === "boolean" ? (value ? "是" : "否") : String(value));
}

function columnWidth<Row>(column: ExportColumn<Row>): number {
  return column.width ?? (column.type === "date" ? 12 : column.type && column.type !== "text" ? 14 : Math.min(40, Math.max(10, column.header.length * 2 + 2)));
}

/** The worksheet, produced as the reader asks for it: head, one chunk of rows at a time, tail. */
async function* worksheetXml<Row>(list: ListExport<Row>, now: number): AsyncGenerator<string> {
  const last = columnLetter(Math.max(1, list.columns.length));
  const conditions = list.filters.length > 0 ? list.filters.join("；") : "全部";
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${list.columns
    .map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${columnWidth(column)}" customWidth="1"/>`)
    .join("")}</cols><sheetData>`;
  yield `<row r="1" ht="22" customHeight="1">${textCell("A1", list.title, STYLE.title)}</row><row r="2">${textCell("A2", `筛选条件：${conditions}    导出时间：${formatDateTime(now)}`)}</row>`;
  yield `<row r="${HEADER_ROW}">${list.columns.map((column, index) => textCell(`${columnLetter(index + 1)}${HEADER_ROW}`, column.header, STYLE.header)).join("")}</row>`;
  const letters = list.columns.map((_, index) => columnLetter(index + 1));
  let rowNumber = HEADER_ROW;
  for (const chunk of list.chunks) {
    let xml = "";
    for (const row of chunk) {
      rowNumber++;
      xml += `<row r="${rowNumber}">`;
      list.columns.forEach((column, index) => (xml += dataCell(column, `${letters[index]}${rowNumber}`, row)));
      xml += "</row>";
    }
    yield xml;
  }
  yield `</sheetData><autoFilter ref="A${HEADER_ROW}:${last}${Math.max(rowNumber, HEADER_ROW)}"/><mergeCells count="2"><mergeCell ref="A1:${last}1"/><mergeCell ref="A2:${last}2"/></mergeCells><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="${list.columns.length > 12 ? 8 : 9}" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`;
}

function workbookXml(lastColumn: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="${SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${SHEET_NAME}'!$${HEADER_ROW}:$${HEADER_ROW}</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${SHEET_NAME}'!$A$${HEADER_ROW}:$${lastColumn}$${HEADER_ROW}</definedName></definedNames></workbook>`;
}

function coreXml(title: string, now: number): string {
  const at = new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(title)}</dc:title><dc:creator>招商引资管理系统</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created></cp:coreProperties>`;
}

/** The file name of an export: 企业库_20261129-1530.xlsx. */
export function exportFileName(title: string, now = Date.now()): string {
  const stamp = formatDateTime(now).replace(/[-:]/g, "").replace(" ", "-");
  return `${title}_${stamp}.xlsx`;
}

/** The workbook as a stream of bytes, written as rows come and as the reader takes them. */
export function listWorkbookStream<Row>(list: ListExport<Row>, now = Date.now()): Readable {
  const lastColumn = columnLetter(Math.max(1, list.columns.length));
  const sheet = async function* () {
    for await (const xml of worksheetXml(list, now)) yield Buffer.from(xml, "utf8");
  };
  return Readable.from(
    zipStream(
      [
        { name: "[Content_Types].xml", content: CONTENT_TYPES_XML },
        { name: "_rels/.rels", content: ROOT_RELS_XML },
        { name: "docProps/core.xml", content: coreXml(list.title, now) },
        { name: "xl/workbook.xml", content: workbookXml(lastColumn) },
        { name: "xl/_rels/workbook.xml.rels", content: WORKBOOK_RELS_XML },
        { name: "xl/styles.xml", content: STYLES_XML },
        { name: "xl/worksheets/sheet1.xml", content: sheet() },
      ],
      new Date(now),
    ),
  );
}

/** The HTTP response of an export: the workbook streamed as it is written, entered in 操作日志. */
export function listWorkbookResponse<Row>(list: ListExport<Row>, exportedBy: { id: number; username: string }): Response {
  const fileName = exportFileName(list.title);
  const filters = list.filters.length > 0 ? `（${list.filters.join("；")}）` : "";
  recordOperation({ kind: "export", summary: `导出Excel「${list.title}」${filters}`, userId: exportedBy.id, username: exportedBy.username });
  return new Response(createReadableStreamFromReadable(listWorkbookStream(list)), {
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
