/**
 * The cell values of an .xlsx workbook, read straight from its XML parts (SpreadsheetML, as
 * Excel, WPS and LibreOffice write it): the worksheets in workbook order, shared strings with
 * rich-text runs joined (phonetic guides left out), inline strings, formulas by their cached value,
 * booleans, errors as blanks. Numbers stay numbers — date columns read Excel's serial numbers.
 *
 * A 50,000-row ledger is a few tens of megabytes of XML: scanning it with regular expressions keeps
 * only strings and arrays alive, where a general-purpose reader builds an object per cell.
 */
import JSZip from "jszip";
import type { CellValue } from "./values";

export interface XlsxSheet {
  name: string;
  hidden: boolean;
  rows: { rowNumber: number; cells: CellValue[] }[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML entities, and the _xHHHH_ escapes Excel writes for control characters. */
export function decodeXmlText(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) =>
      entity.startsWith("#x")
        ? String.fromCodePoint(parseInt(entity.slice(2), 16))
        : entity.startsWith("#")
          ? String.fromCodePoint(Number(entity.slice(1)))
          : ENTITIES[entity],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Element names may carry a namespace prefix (<x:row>) in files written by some libraries. */
const P = "(?:[A-Za-z_][\\w.-]*:)?";

function attribute(tag: string, name: string): string | null {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const match = pattern.exec(tag);
  return match ? decodeXmlText(match[2] ?? match[3]) : null;
}

/** The text of a string item: its <t> elements, outside phonetic runs (<rPh>). */
const PHONETIC_RUNS = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g");

function stringItemText(xml: string): string {
  const withoutPhonetics = xml.includes("rPh") ? xml.replace(PHONETIC_RUNS, "") : xml;
  let text = "";
  const pattern = new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>`, "g");
  for (let match = pattern.exec(withoutPhonetics); match; match = pattern.exec(withoutPhonetics)) text += match[1];
  return decodeXmlText(text);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const strings: string[] = [];
  const pattern = new RegExp(`<${P}si(?:\\s[^>]*)?>([\\s\\S]*?)</${P}si>|<${P}si\\s*/>`, "g");
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) strings.push(match[1] ? stringItemText(match[1]) : "");
  return strings;
}

/** "BC12" → 54 (0-based column of a cell reference). */
function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

const VALUE = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`);
const INLINE_STRING = new RegExp(`<${P}is(?:\\s[^>]*)?>([\\s\\S]*?)</${P}is>`);
const ATTRIBUTES = new Map<string, RegExp>();

function cellValue(type: string | null, inner: string, strings: string[]): CellValue {
  const value = VALUE.exec(inner)?.[1];
  switch (type) {
    case "s":
      return value === undefined ? null : (strings[Number(value)] ?? null);
    case "inlineStr": {
      const item = INLINE_STRING.exec(inner)?.[1];
      return item === undefined ? null : stringItemText(item);
    }
    case "str":
      return value === undefined ? null : decodeXmlText(value);
    case "b":
      return value === undefined ? null : value.trim() === "1";
    case "e":
      return null;
    case "d":
      return value === undefined ? null : decodeXmlText(value).slice(0, 10);
    default: {
      if (value === undefined || value.trim() === "") return null;
      const number = Number(value);
      return Number.isFinite(number) ? number : decodeXmlText(value);
    }
  }
}

function sheetRows(xml: string, strings: string[]): XlsxSheet["rows"] {
  const rows: XlsxSheet["rows"] = [];
  const data = new RegExp(`<${P}sheetData(?:\\s[^>]*)?>([\\s\\S]*?)</${P}sheetData>`).exec(xml)?.[1] ?? "";
  const rowPattern = new RegExp(`<${P}row(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${P}row>)`, "g");
  const cellPattern = new RegExp(`<${P}c(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${P}c>)`, "g");
  let previousRow = 0;
  for (let row = rowPattern.exec(data); row; row = rowPattern.exec(data)) {
    const rowNumber = Number(attribute(row[1] ?? "", "r")) || previousRow + 1;
    previousRow = rowNumber;
    const cells: CellValue[] = [];
    let column = -1;
    const inner = row[2] ?? "";
    cellPattern.lastIndex = 0;
    for (let cell = cellPattern.exec(inner); cell; cell = cellPattern.exec(inner)) {
      const tag = cell[1] ?? "";
      const reference = attribute(tag, "r");
      column = reference ? columnIndex(reference) : column + 1;
      if (cell[2] === undefined) continue;
      const value = cellValue(attribute(tag, "t"), cell[2], strings);
      if (value !== null) cells[column] = value;
    }
    rows.push({ rowNumber, cells: Array.from(cells, (value) => value ?? null) });
  }
  return rows;
}

/** A part's path from a relationship target (relative to xl/, or absolute). */
function partPath(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/** Every worksheet's rows, in the order the workbook lists them. Throws on a file that is no workbook. */
export async function readXlsxCells(bytes: Buffer): Promise<XlsxSheet[]> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => {
    const file = zip.file(name) ?? zip.file(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"))[0];
    return file ? file.async("string") : null;
  };
  const workbook = await text("xl/workbook.xml");
  if (!workbook) throw new Error("no workbook part");
  const relations = (await text("xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, { target: string; type: string }>();
  for (const match of relations.matchAll(new RegExp(`<${P}Relationship\\s[^>]*>`, "g"))) {
    const id = attribute(match[0], "Id");
    const target = attribute(match[0], "Target");
    if (id && target) targets.set(id, { target, type: attribute(match[0], "Type") ?? "" });
  }
  const sharedTarget = [...targets.values()].find((relation) => relation.type.endsWith("/sharedStrings"));
  const strings = sharedStrings(await text(sharedTarget ? partPath(sharedTarget.target) : "xl/sharedStrings.xml"));
  const sheets: XlsxSheet[] = [];
  for (const match of workbook.matchAll(new RegExp(`<${P}sheet\\s[^>]*>`, "g"))) {
    const id = attribute(match[0], "r:id") ?? attribute(match[0], "id");
    const relation = id ? targets.get(id) : undefined;
    if (!relation) continue;
    const xml = await text(partPath(relation.target));
    if (!xml) continue;
    sheets.push({ name: attribute(match[0], "name") ?? "", hidden: (attribute(match[0], "state") ?? "visible") !== "visible", rows: sheetRows(xml, strings) });
  }
  return sheets;
}
