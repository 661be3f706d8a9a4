/**
 * The Word and Excel exports of the hand-built report (tests/support/report-fixture.ts), read back:
 * the .docx's page, outline, styles, borders and every table cell; the .xlsx's sheets, numbers stored
 * as numbers in the unit shown, formats and row counts — each against report-text.ts, which the
 * screen shows too. Last, a report generated from the database goes through both exports.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "../app/reports/report-docx.server";
import { reportSheets, reportTables, reportTitle, SECTION_TITLES, type ReportTable } from "../app/reports/report-text";
import { renderReportXlsx } from "../app/reports/report-xlsx.server";
import { generateReport, getReport } from "../app/reports/reports.server";
import { buildFiguresFixture } from "./support/figures-fixture";
import { reportExportFixture } from "./support/report-fixture";

const report = reportExportFixture();
const tables = reportTables(report.snapshot);

async function unzipDocx(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const read = (name: string) => zip.file(name)!.async("string");
  const footers = await Promise.all(zip.file(/^word\/footer\d+\.xml$/).map((file) => file.async("string")));
  return { document: await read("word/document.xml"), styles: await read("word/styles.xml"), footers };
}

async function loadXlsx(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  return workbook;
}

const unescape = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
const all = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}(?: [^>]*)?>[\\s\\S]*?</${tag}>`, "g")) ?? [];
/** A table as the reader sees it: rows of cell texts. */
const cellsOf = (table: string) => all(table, "w:tr").map((row) => all(row, "w:tc").map(textOf));
/** What the screen shows of a table: its header and the text of every cell. */
const shown = (table: ReportTable) => [table.headers, ...table.rows.map((row) => row.map((cell) => cell.text))];
/** Paragraphs outside tables, with their style. */
function paragraphs(document: string) {
  const body = document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return all(body, "w:p").map((p) => ({ style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null, text: textOf(p) }));
}
function styleOf(styles: string, id: string): string {
  const style = styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`))?.[0];
  expect(style, `style ${id}`).toBeDefined();
  return style!;
}

describe("the Word document", () => {
  let document: string;
  let styles: string;
  let footers: string[];
  beforeAll(async () => {
    ({ document, styles, footers } = await unzipDocx(await renderReportDocx(report)));
  });

  it("is A4 with the 公文 margins, the appendix on landscape pages of its own", () => {
    const sections = document.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 37 / 26 / 35 / 28 mm
    expect(sections[0]).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    // the first section ends before the appendix: it starts on a new page
    expect(document.indexOf("<w:sectPr>")).toBeLessThan(document.indexOf("附表 在谈项目明细表"));
    expect(footers.length).toBeGreaterThan(0);
    expect(footers.every((footer) => /PAGE/.test(footer))).toBe(true);
  });

  it("has the title, the eight sections and the appendix in order, as headings", () => {
    const list = paragraphs(document);
    const find = (text: string) => list.findIndex((p) => p.text === text);
    const title = find(reportTitle(report.snapshot));
    expect(reportTitle(report.snapshot)).toBe("2026年6月招商引资工作进展报告");
    expect(list[title]!.style).toBe("Title");
    const headings = SECTION_TITLES.map(find);
    expect(headings.every((i) => i > title)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(headings.map((i) => list[i]!.style)).toEqual(SECTION_TITLES.map(() => "Heading1"));
    expect(find("附表 在谈项目明细表")).toBeGreaterThan(headings[7]!);
    expect(list.filter((p) => p.style === "Heading1").map((p) => p.text)).toEqual([...SECTION_TITLES]);
    expect(list.filter((p) => p.style === "Heading2").map((p) => p.text)).toEqual([
      "（一）本月签约",
      "（二）本月开工",
      "（三）本月投产",
      "（四）超亿美元项目（本年签约）",
      "（五）世界500强项目（本年签约）",
      "（一）项目储备",
      "（二）本月阶段变化（共 5 项）",
      "（一）国别（地区）",
      "（二）载体平台",
      "（一）下月到期",
      "（二）逾期未兑现",
    ]);
  });

  it("writes the sentences, 无 for an empty list, and the narrative one paragraph a line", () => {
    const texts = paragraphs(document).map((p) => p.text);
    const after = (text: string) => texts[texts.indexOf(text) + 1];
    expect(texts).toContain("开工率 50.0%，投产率 0.0%，资金到位率 —。");
    expect(after("（三）本月投产")).toBe("无");
    expect(texts).toContain("仅列前 3 项。");
    expect(texts).toContain("本月新承诺 2 项、350.00 万元；兑现完毕 1 项、120.00 万元。");
    expect(after("七、存在问题")).toBe("一是部分项目资金到位偏慢。");
    expect(texts[texts.indexOf("七、存在问题") + 2]).toBe("二是产业链缺链环节招引难度较大。");
    expect(after("八、下月工作计划")).toBe("（待填写）");
  });

  it("sets the official fonts and sizes in its styles", () => {
    expect(styleOf(styles, "Title")).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    expect(styleOf(styles, "Heading1")).toMatch(/w:eastAsia="黑体"[\s\S]*<w:sz w:val="32"\/>/);
    expect(styleOf(styles, "Heading2")).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    const defaults = styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(defaults).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    const body = styleOf(styles, "ReportBody");
    expect(body).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    expect(body).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(styleOf(styles, "ReportTableText")).toContain('<w:sz w:val="24"/>');
    expect(styleOf(styles, "ReportAppendixText")).toContain('<w:sz w:val="21"/>');
    const texts = paragraphs(document).filter((p) => p.text);
    // every paragraph outside the tables is styled: title, headings or body
    expect(new Set(texts.map((p) => p.style))).toEqual(new Set(["Title", "Heading1", "Heading2", "ReportBody"]));
  });

  it("shows every non-empty table, cell for cell as report-text formats it, with borders and a bold header", () => {
    const docTables = all(document, "w:tbl");
    const expected = [tables.indicators, tables.signed, tables.started, tables.big, tables.fortune500, tables.pipeline, tables.changes, tables.chains, tables.countries, tables.parks, tables.dueNextMonth, tables.overdue, tables.appendix];
    expect(tables.producing.rows).toEqual([]);
    expect(docTables.map(cellsOf)).toEqual(expected.map(shown));
    for (const table of docTables) {
      const borders = table.match(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/)?.[0] ?? "";
      for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) expect(borders).toMatch(new RegExp(`<w:${side} w:val="single"`));
      const [header, ...rows] = all(table, "w:tr");
      expect(header).toContain("<w:tblHeader/>");
      expect(all(header!, "w:r").every((run) => run.includes("<w:b/>"))).toBe(true);
      expect(rows.some((row) => row.includes("<w:b/>"))).toBe(false);
    }
    // the numbers as the screen shows them
    const indicators = cellsOf(docTables[0]!);
    expect(indicators[0]).toEqual(["指标", "本月", "1–6月累计", "年度目标", "完成率", "时序进度", "同比"]);
    expect(indicators[1]).toEqual(["新签约项目数", "1", "3", "10", "30.0%", "50.0%", "200.0%"]);
    expect(indicators[2]).toEqual(["合同外资（万美元）", "300.00", "8,400.00", "28,000.00", "30.0%", "50.0%", "—"]);
    expect(indicators[3]).toEqual(["总投资（万美元）", "500.00", "12,600.00", "—", "—", "50.0%", "-12.5%"]);
    expect(indicators[4]).toEqual(["实到外资（万美元）", "0.00", "0.00", "5,000.00", "0.0%", "50.0%", "—"]);
    const appendix = cellsOf(docTables[docTables.length - 1]!);
    expect(appendix[0]).toEqual(["序号", "项目名称", "总投资（万美元）", "合同外资（万美元）", "外方国别和地区", "项目进展情况", "负责人"]);
    expect(appendix.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ["1", "生物医药研发中心项目", "1,234.50", "1,000.00", "美国"],
      ["2", "半导体封装测试项目", "5,000.00", "—", "中国台湾"],
      ["3", "智能仓储物流项目", "0.01", "0.00", "新加坡"],
    ]);
    expect(docTables[docTables.length - 1]).toContain('w:val="ReportAppendixText"');
    expect(docTables[0]).toContain('w:val="ReportTableText"');
  });

  it("gives its tables fixed column widths that fill the text width", () => {
    for (const table of all(document, "w:tbl")) {
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const total = grid.reduce((a, b) => a + b, 0);
      // 210 − 28 − 26 mm portrait, 297 − 37 − 35 mm landscape, less rounding
      expect([8845, 12756].some((width) => total <= width && total > width - grid.length)).toBe(true);
    }
  });
});

describe("the Excel workbook", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await loadXlsx(await renderReportXlsx(report));
  });

  const sheet = (name: string) => workbook.getWorksheet(name)!;
  /** The header row of a sheet: the first row that reads as the table's headers. */
  function headerRow(worksheet: ExcelJS.Worksheet, table: ReportTable): number {
    for (let r = 1; r <= worksheet.rowCount; r++) {
      if (table.headers.every((header, i) => worksheet.getRow(r).getCell(i + 1).value === header)) return r;
    }
    throw new Error(`no header row in ${worksheet.name}`);
  }
  const values = (worksheet: ExcelJS.Worksheet, row: number) => (worksheet.getRow(row).values as unknown[]).slice(1);

  it("has one sheet per table, in the report's order", () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "主要指标",
      "本月签约",
      "本月开工",
      "本月投产",
      "超亿美元项目",
      "世界500强项目",
      "项目储备",
      "阶段变化",
      "产业链",
      "国别地区",
      "载体平台",
      "下月到期承诺",
      "逾期承诺",
      "在谈项目明细表",
    ]);
    expect(workbook.worksheets.every((ws) => ws.name.length <= 31)).toBe(true);
  });

  it("carries the title and month on top of the first sheet", () => {
    const first = workbook.worksheets[0]!;
    expect(first.getCell("A1").value).toBe("2026年6月招商引资工作进展报告（第2版）");
    expect(first.getCell("A1").font?.bold).toBe(true);
    expect(String(first.getCell("A2").value)).toContain("2026年6月");
    expect(headerRow(first, tables.indicators)).toBe(4);
  });

  it("stores every cell as report-text does: numbers in the unit shown, empty for —, text otherwise", () => {
    for (const table of reportSheets(tables)) {
      const worksheet = sheet(table.sheet);
      const header = headerRow(worksheet, table);
      expect(worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: header });
      worksheet.getRow(header).eachCell((cell) => {
        expect(cell.font?.bold).toBe(true);
        expect(cell.border?.bottom?.style).toBe("thin");
      });
      // as many rows as the list
      expect(worksheet.rowCount - header).toBe(table.rows.length);
      table.rows.forEach((cells, r) => {
        const row = worksheet.getRow(header + 1 + r);
        cells.forEach((expected, c) => {
          const cell = row.getCell(c + 1);
          if (expected.format) {
            expect(cell.value, `${table.sheet} ${cell.address}`).toBe(expected.number ?? null);
            expect(cell.numFmt).toBe({ wan: "#,##0.00", count: "0", percent: "0.0%" }[expected.format]);
          } else {
            expect(cell.value, `${table.sheet} ${cell.address}`).toBe(expected.text === "—" ? null : expected.text);
          }
        });
      });
    }
  });

  it("keeps the fixture's values in 万, counts as integers and rates as fractions", () => {
    const indicators = sheet("主要指标");
    const byLabel = (label: string) => values(indicators, headerRow(indicators, tables.indicators) + report.snapshot.indicators.findIndex((line) => line.label === label) + 1);
    // 3,000,000 / 84,000,000 / 280,000,000 USD → 万美元; 30% and 50% as fractions; no 同比
    expect(byLabel("合同外资（万美元）")).toEqual(["合同外资（万美元）", 300, 8400, 28000, 0.3, 0.5]);
    expect(indicators.getRow(6).getCell(7).value).toBeNull();
    expect(byLabel("新签约项目数")).toEqual(["新签约项目数", 1, 3, 10, 0.3, 0.5, 2]);
    // no target: empty, not 0; nothing arrived: a 0 rate, not empty
    const total = indicators.getRow(7);
    expect([total.getCell(4).value, total.getCell(5).value]).toEqual([null, null]);
    const actual = indicators.getRow(8);
    expect([actual.getCell(3).value, actual.getCell(5).value]).toEqual([0, 0]);
    expect(typeof actual.getCell(5).value).toBe("number");
    expect(actual.getCell(5).numFmt).toBe("0.0%");

    const signed = sheet("本月签约");
    expect(values(signed, 2)).toEqual(["新能源汽车零部件增资项目", "德国博泽集团", "德国", 500, 300, "2026-06-15", "张三"]);
    expect(signed.getCell("D3").value).toBe(2345.67);
    expect(signed.getCell("E3").value).toBeNull();
    expect(sheet("本月投产").rowCount).toBe(1);
    expect(sheet("世界500强项目").getCell("F2").value).toBeNull();
    expect(sheet("逾期承诺").getCell("C2").value).toBe(30.5);
    const appendix = sheet("在谈项目明细表");
    expect(appendix.getCell("A4").value).toBe(3);
    expect(appendix.getCell("C2").value).toBe(1234.5);
    expect(appendix.getCell("C4").value).toBe(0.01);
    expect(appendix.getColumn(6).width).toBeGreaterThan(appendix.getColumn(1).width!);
  });
});

describe("a report generated from the database", () => {
  it("exports the numbers of its snapshot in both formats", async () => {
    const f = buildFiguresFixture();
    const generated = getReport(f.staff, generateReport({ actor: f.staff, month: "2026-06", today: "2026-06-30" }));
    const { document } = await unzipDocx(await renderReportDocx(generated));
    const screen = reportTables(generated.snapshot);
    const indicators = cellsOf(all(document, "w:tbl")[0]!);
    expect(indicators).toEqual(shown(screen.indicators));
    // 1–6月 合同外资 8,400.00 万美元 in Word, 8400 in Excel
    const row = indicators.findIndex((cells) => cells[0] === "合同外资（万美元）");
    expect(indicators[row]!.slice(0, 3)).toEqual(["合同外资（万美元）", "300.00", "8,400.00"]);
    const workbook = await loadXlsx(await renderReportXlsx(generated));
    // title, month, blank line, header: the table's rows follow from the fifth
    expect(workbook.getWorksheet("主要指标")!.getRow(4 + row).getCell(3).value).toBe(8400);
    expect(workbook.getWorksheet("在谈项目明细表")!.rowCount - 1).toBe(generated.snapshot.appendix.length);
  });
});
