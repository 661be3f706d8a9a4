/**
 * 下载Word: an edition as an A4 .docx in the style of an official document (公文, GB/T 9704): page
 * margins 37/35/28/26 mm (top/bottom/left/right), title in 方正小标宋简体 22pt, 一、 headings in
 * 黑体 16pt, （一） sub-headings in 楷体_GB2312 16pt, body in 仿宋_GB2312 16pt on a fixed 28pt line with
 * a two-character indent, 主送 flush left under the title and 落款 right-aligned at the end, tables in
 * 仿宋_GB2312 五号 10.5pt (so that a seven-column project table leaves its names six or seven
 * characters a line on a portrait page) with single borders, fixed column widths fitted to their
 * content, rows kept whole and a bold header row repeated on every page, headings kept with what
 * follows, the closing section kept with the 落款, the appendix on landscape pages of its own (none
 * when no project is under negotiation), and the page number — N — below. A list longer than 50 rows
 * shows its first 50 and says so under the table (Excel carries every row).
 * The words, numbers and their order come from report-text.ts, as on the screen and in Excel.
 *
 * Fonts live in the document's styles (标题, 标题 1, 标题 2, 公文正文, 表格文字), so a cell is only its
 * words and an office can restyle the whole file at once.
 */
import { randomUUID } from "node:crypto";
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionPropertiesOptions,
} from "docx";
import JSZip from "jszip";
import { xmlSafeText } from "../lib/text";
import { reportDocument, type ReportBlock, type ReportForExport, type ReportTable } from "./report-text";

export type { ReportForExport };

/** millimetres in twips */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const PORTRAIT_TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** The landscape pages keep the sheet's margins, turned with it: the binding edge (left) becomes the top. */
const LANDSCAPE_MARGIN = { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.top, right: MARGIN.bottom };
const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
/**
 * 方正小标宋简体 is the title face 公文 call for. Where it is not installed, Word and WPS substitute a
 * face of their own; offices without it usually take 黑体 instead — change the 标题 style once.
 */
const TITLE_FONT = font("方正小标宋简体");
const HEADING_FONT = font("黑体");
const SUBHEADING_FONT = font("楷体_GB2312");
const BODY_FONT = font("仿宋_GB2312");

/** sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const PAGE_NUMBER_SIZE = 28;
const TABLE_SIZE = 21;
const APPENDIX_SIZE = 21;

/** a fixed 28pt line, the first line indented by two characters */
const BODY_PARAGRAPH = {
  spacing: { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  indent: { firstLine: 2 * BODY_SIZE * 10, firstLineChars: 200 },
};

const TABLE_STYLE = "ReportTableText";
const APPENDIX_STYLE = "ReportAppendixText";
const BODY_STYLE = "ReportBody";
const PLAIN_STYLE = "ReportPlain";
const NOTE_STYLE = "ReportNote";

const STYLES = {
  default: {
    document: { run: { font: BODY_FONT, size: BODY_SIZE, language: { value: "zh-CN", eastAsia: "zh-CN" } } },
    title: {
      run: { font: TITLE_FONT, size: TITLE_SIZE, color: "000000" },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 560 } },
    },
    heading1: {
      run: { font: HEADING_FONT, size: BODY_SIZE, color: "000000" },
      paragraph: { ...BODY_PARAGRAPH, keepNext: true, keepLines: true, widowControl: true, outlineLevel: 0 },
    },
    heading2: {
      run: { font: SUBHEADING_FONT, size: BODY_SIZE, color: "000000" },
      paragraph: { ...BODY_PARAGRAPH, keepNext: true, keepLines: true, widowControl: true, outlineLevel: 1 },
    },
  },
  paragraphStyles: [
    { id: BODY_STYLE, name: "公文正文", basedOn: "Normal", quickFormat: true, paragraph: { ...BODY_PARAGRAPH, widowControl: true } },
    /** 主送 and 落款: body text without the first-line indent */
    { id: PLAIN_STYLE, name: "公文正文（顶格）", basedOn: BODY_STYLE, paragraph: { indent: { firstLine: 0, firstLineChars: 0 } } },
    { id: TABLE_STYLE, name: "表格文字", basedOn: "Normal", run: { size: TABLE_SIZE } },
    { id: APPENDIX_STYLE, name: "附表文字", basedOn: "Normal", run: { size: APPENDIX_SIZE } },
    /** 共 N 项，列出前 50 项 under a table cut short */
    { id: NOTE_STYLE, name: "表注", basedOn: "Normal", run: { size: TABLE_SIZE }, paragraph: { spacing: { before: 60, after: 0 } } },
  ],
};

/**
 * Width of text in ems: a Chinese character (or full-width sign) one em, a digit 0.56, , and . 0.3,
 * % 0.9, any other sign 0.6 — generous, as the face may be substituted (仿宋_GB2312's own are half an em).
 */
function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    width += code > 0x2e7f ? 1 : code >= 0x30 && code <= 0x39 ? 0.56 : code === 0x2c || code === 0x2e ? 0.3 : code === 0x25 ? 0.9 : 0.6;
  }
  return width;
}

const CELL_MARGIN = { top: 30, bottom: 30, left: 70, right: 70 };
/** Columns whose every cell is this short (ems) never wrap: numbers, dates, 国别, 负责人, 状态. */
const RIGID_WIDTH = 6;
/** A wrapping text column keeps at least four characters. */
const FLEX_MIN_WIDTH = 4;

/**
 * Column widths (twips) filling `total`: numbers, dates and short words get what they need to stay on
 * one line (a header may wrap onto two); the wrapping text columns (项目名称, 项目进展情况 …) share the
 * rest, the narrower ones getting all they need first so that only the longest text wraps.
 */
function columnWidths(data: ReportTable, total: number, size: number): number[] {
  const twips = (ems: number) => Math.ceil(ems * size * 10) + CELL_MARGIN.left + CELL_MARGIN.right + 30;
  const columns = data.headers.map((header, i) => {
    let longest = 0;
    for (const row of data.rows) longest = Math.max(longest, textWidth(row[i]?.text ?? ""));
    const rigid = data.numeric.includes(i) || longest <= RIGID_WIDTH;
    const need = twips(Math.max(longest, Math.ceil(textWidth(header) / 2) + 1, rigid ? 2 : FLEX_MIN_WIDTH));
    return { rigid, need, min: rigid ? need : twips(FLEX_MIN_WIDTH), width: 0 };
  });
  const rigid = columns.filter((c) => c.rigid);
  const flex = columns.filter((c) => !c.rigid).sort((a, b) => a.need - b.need);
  const sum = (list: typeof columns, key: "need" | "min") => list.reduce((total, c) => total + c[key], 0);
  const rigidNeed = sum(rigid, "need");
  const flexMin = sum(flex, "min");
  // more rigid columns than the page holds: they shrink (and wrap) alike
  const rigidScale = rigidNeed + flexMin > total ? (total - flexMin) / rigidNeed : 1;
  for (const c of rigid) c.width = c.need * rigidScale;
  let left = total - rigidNeed * rigidScale;
  flex.forEach((c, k) => {
    c.width = Math.max(c.min, Math.min(c.need, left / (flex.length - k)));
    left -= c.width;
  });
  // room to spare: spread it in proportion
  const spread = flex.length ? flex : rigid;
  const spreadNeed = sum(spread, "need");
  for (const c of spread) c.width += (left * c.need) / spreadNeed;
  return columns.map((c) => Math.floor(c.width));
}

/** Cell text as XML: markup escaped, characters XML cannot hold dropped. */
const escapeXml = (text: string) => xmlSafeText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const BORDER_XML = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:color="000000" w:sz="4"/>`).join("");

/**
 * A table as WordprocessingML, written as a string: bordered, fixed widths, a bold header row repeated
 * on every page, rows kept whole. Building a table through docx's object model costs about 0.2 ms a
 * row (a 5,000-row appendix: over a second); the string costs a few microseconds.
 */
function tableXml(data: ReportTable, style: string, size: number, width: number): string {
  const widths = columnWidths(data, width, size);
  const cell = (text: string, i: number, align: "center" | "right" | null, header: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/>${header ? '<w:vAlign w:val="center"/>' : ""}</w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${style}"/>${align ? `<w:jc w:val="${align}"/>` : ""}</w:pPr>` +
    `<w:r>${header ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:tc>`;
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/><w:tblBorders>${BORDER_XML}</w:tblBorders><w:tblLayout w:type="fixed"/>`,
    `<w:tblCellMar><w:top w:type="dxa" w:w="${CELL_MARGIN.top}"/><w:left w:type="dxa" w:w="${CELL_MARGIN.left}"/><w:bottom w:type="dxa" w:w="${CELL_MARGIN.bottom}"/><w:right w:type="dxa" w:w="${CELL_MARGIN.right}"/></w:tblCellMar></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${data.headers.map((header, i) => cell(header, i, "center", true)).join("")}</w:tr>`,
  ];
  for (const row of data.rows) {
    parts.push(
      `<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.map((value, i) => cell(value.text, i, data.numeric.includes(i) ? "right" : null, false)).join("")}</w:tr>`,
    );
  }
  parts.push("</w:tbl>");
  return parts.join("");
}

/**
 * Tables stand in the document as marker paragraphs until the XML is spliced in after packing. The
 * marker carries a key made for this file alone, so text a user typed (a narrative saying ⟦表0⟧)
 * can never be taken for one.
 */
interface TableSlots {
  key: string;
  xml: string[];
}

const tableMarker = (slots: TableSlots, index: number) => `⟦表${slots.key}:${index}⟧`;
const tableMarkerParagraph = (slots: TableSlots) => new RegExp(`<w:p>(?:(?!</w:p>).)*?⟦表${slots.key}:(\\d+)⟧(?:(?!</w:p>).)*?</w:p>`, "g");

/**
 * The blocks as paragraphs. A table stands as its marker paragraph; the empty paragraph after it
 * keeps the next heading off its bottom border. Headings are kept with what follows (their style);
 * `keepWithNext` chains the blocks of the closing part so that it never lands alone on a page.
 */
function blocks(list: ReportBlock[], tableStyle: string, tableSize: number, width: number, tables: TableSlots, keepWithNext = false): Paragraph[] {
  const keep = keepWithNext ? { keepNext: true, keepLines: true } : {};
  return list.flatMap((block) => {
    switch (block.kind) {
      case "heading":
        return [new Paragraph({ heading: HeadingLevel.HEADING_1, text: xmlSafeText(block.text) })];
      case "subheading":
        return [new Paragraph({ heading: HeadingLevel.HEADING_2, text: xmlSafeText(block.text) })];
      case "paragraph":
        return [new Paragraph({ style: BODY_STYLE, text: xmlSafeText(block.text), ...keep })];
      case "note":
        // the note stands right under its table (which leaves out its empty paragraph); the empty one follows the note
        return [new Paragraph({ style: NOTE_STYLE, text: xmlSafeText(block.text) }), new Paragraph({ style: tableStyle })];
      case "table":
        tables.xml.push(tableXml(block.table, tableStyle, tableSize, width));
        return [
          new Paragraph({ style: tableStyle, text: tableMarker(tables, tables.xml.length - 1) }),
          ...(block.table.note ? [] : [new Paragraph({ style: tableStyle })]),
        ];
    }
  });
}

/** How many blocks at the end of the body move as one: the last section's heading and its paragraphs, up to this many. */
const CLOSING_BLOCKS = 6;

/** The body's closing part: the last heading and what follows it, when that is short. */
function closingStart(body: ReportBlock[]): number {
  const lastHeading = body.map((block) => block.kind).lastIndexOf("heading");
  if (lastHeading >= 0 && body.length - lastHeading <= CLOSING_BLOCKS && body.slice(lastHeading).every((block) => block.kind !== "table")) return lastHeading;
  // a long closing section: its last two paragraphs go with the 落款
  return Math.max(body.length - 2, lastHeading + 1, 0);
}

/** 主送 at the head of the body, flush left. */
const addressParagraph = (line: string) => new Paragraph({ style: PLAIN_STYLE, text: xmlSafeText(line), keepNext: true });

/** 落款: a blank line, then unit and date right-aligned, four characters in from the right margin (GB/T 9704 成文日期右空四字). */
function signatureParagraphs(lines: string[]): Paragraph[] {
  if (!lines.length) return [];
  return [
    new Paragraph({ style: PLAIN_STYLE, keepNext: true }),
    ...lines.map(
      (line, i) =>
        new Paragraph({
          style: PLAIN_STYLE,
          text: xmlSafeText(line),
          alignment: AlignmentType.RIGHT,
          indent: { right: 4 * BODY_SIZE * 10 },
          ...(i < lines.length - 1 ? { keepNext: true } : {}),
          keepLines: true,
        }),
    ),
  ];
}

/** — 3 — centred at the foot of every page */
const footer = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font("宋体"), size: PAGE_NUMBER_SIZE })],
    }),
  ],
});

export async function renderReportDocx(report: ReportForExport): Promise<Buffer> {
  const doc = reportDocument(report);
  const tables: TableSlots = { key: randomUUID(), xml: [] };
  const closing = closingStart(doc.body);
  const portrait: ISectionPropertiesOptions = { page: { size: A4, margin: { ...MARGIN, footer: mm(25), header: mm(15) } } };
  const landscape: ISectionPropertiesOptions = {
    page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { ...LANDSCAPE_MARGIN, footer: mm(16), header: mm(10) } },
  };
  const document = new Document({
    creator: xmlSafeText(report.generatedByName),
    title: xmlSafeText(doc.title),
    description: `第${report.edition}版`,
    styles: STYLES,
    sections: [
      {
        properties: portrait,
        footers: { default: footer },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: xmlSafeText(doc.title), keepNext: true }),
          ...(doc.addressLine ? [addressParagraph(doc.addressLine)] : []),
          new Paragraph({ style: BODY_STYLE, text: xmlSafeText(doc.opening) }),
          ...blocks(doc.body.slice(0, closing), TABLE_STYLE, TABLE_SIZE, PORTRAIT_TEXT_WIDTH, tables),
          ...blocks(doc.body.slice(closing), TABLE_STYLE, TABLE_SIZE, PORTRAIT_TEXT_WIDTH, tables, doc.signature.length > 0),
          ...signatureParagraphs(doc.signature),
        ],
      },
      // no project under negotiation: no landscape page holding a title and 无 (Excel still has the sheet)
      ...(doc.appendix.blocks.some((block) => block.kind === "table")
        ? [
            {
              properties: landscape,
              footers: { default: footer },
              children: [
                new Paragraph({ heading: HeadingLevel.TITLE, text: xmlSafeText(doc.appendix.title) }),
                ...blocks(doc.appendix.blocks, APPENDIX_STYLE, APPENDIX_SIZE, LANDSCAPE_TEXT_WIDTH, tables),
              ],
            },
          ]
        : []),
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const xml = await zip.file("word/document.xml")!.async("string");
  zip.file(
    "word/document.xml",
    xml.replace(tableMarkerParagraph(tables), (_, index: string) => tables.xml[Number(index)]!),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
