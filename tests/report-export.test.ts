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
import { openingParagraph, reportSheets, reportTables, reportTitle, SECTION_TITLES, type ReportTable } from "../app/reports/report-text";
import { renderReportXlsx } from "../app/reports/report-xlsx.server";
import { generateReport, getReport } from "../app/reports/reports.server";
import { buildFiguresFixture } from "./support/figures-fixture";
import { appendixLines, reportExportFixture, reportSnapshotFixture } from "./support/report-fixture";
import { readXmlParts } from "./support/xml-parts";

const report = reportExportFixture({ addressedTo: "市委、市政府", issuedBy: "平湖市投资促进中心", issuedOn: "2026-07-03" });
const tables = reportTables(report.snapshot);

async function unzipDocx(docx: Buffer) {
  // every XML part parses strictly first
  expect((await readXmlParts(docx)).problems).toEqual([]);
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

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
const all = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}(?: [^>]*)?>[\\s\\S]*?</${tag}>`, "g")) ?? [];
/** A table as the reader sees it: rows of cell texts. */
const cellsOf = (table: string) => all(table, "w:tr").map((row) => all(row, "w:tc").map(textOf));
/** What the screen shows of a table: its header and the text of every cell. */
const shown = (table: ReportTable) => [table.headers, ...table.rows.map((row) => row.map((cell) => cell.text))];
/** Paragraphs outside tables, with their style and their XML. */
function paragraphs(document: string) {
  const body = document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return all(body, "w:p").map((p) => ({ style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null, text: textOf(p), xml: p }));
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
      "（二）本月阶段变化",
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
    // the fixture lists 3 of June's 5 stage changes (a snapshot stored before lists were kept whole)
    expect(after("（二）本月阶段变化")).toBe("共 5 项，列出前 3 项。");
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
    expect(styleOf(styles, "ReportTableText")).toContain('<w:sz w:val="21"/>');
    expect(styleOf(styles, "ReportAppendixText")).toContain('<w:sz w:val="21"/>');
    const texts = paragraphs(document).filter((p) => p.text);
    // every paragraph outside the tables is styled: title, headings or body
    expect(new Set(texts.map((p) => p.style))).toEqual(new Set(["Title", "Heading1", "Heading2", "ReportBody", "ReportPlain", "ReportNote"]));
    // headings stay with what follows and are never broken across pages
    for (const id of ["Heading1", "Heading2"]) expect(styleOf(styles, id)).toMatch(/<w:keepNext\/>[\s\S]*<w:keepLines\/>/);
  });

  it("shows every non-empty table, cell for cell as report-text formats it, with borders and a bold header", () => {
    const docTables = all(document, "w:tbl");
    const expected = [
      tables.indicators,
      tables.signed,
      tables.started,
      tables.big,
      tables.fortune500,
      tables.pipeline,
      tables.changes,
      tables.chains,
      tables.countries,
      tables.parks,
      tables.dueNextMonth,
      tables.overdue,
      tables.appendix,
    ];
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

  it("opens with 主送 and the headline figures in words, and ends the body with 落款 on the right", () => {
    const list = paragraphs(document);
    const title = list.findIndex((p) => p.style === "Title");
    expect(list[title + 1]).toMatchObject({ style: "ReportPlain", text: "市委、市政府：" });
    // the fixture's 1–6月: 3 signings (同比 +200.0%, 3 of a target of 10), 1 超亿美元 and 1 世界500强; 合同外资
    // 8,400.00 万美元 with nothing a year earlier, 30.0% of 28,000.00; 实到外资 nothing either year, 0.0% of 5,000.00
    const opening =
      "1–6月，全市新签约外资项目3个，同比增长200.0%，完成年度目标的30.0%，其中超亿美元项目1个、世界500强项目1个；" +
      "合同外资8,400.00万美元，上年同期为零，完成年度目标的30.0%；实到外资0.00万美元，上年同期亦为零，完成年度目标的0.0%。";
    expect(list[title + 2]).toMatchObject({ style: "ReportBody", text: opening });
    expect(openingParagraph(report.snapshot)).toBe(opening);
    // 落款: the last two paragraphs of the portrait section, right-aligned, the date in Chinese
    const sectionEnd = list.findIndex((p) => p.xml.includes("<w:sectPr>"));
    expect(list.slice(sectionEnd - 1, sectionEnd + 1).map((p) => p.text)).toEqual(["平湖市投资促进中心", "2026年7月3日"]);
    for (const p of list.slice(sectionEnd - 1, sectionEnd + 1)) expect(p.xml).toContain('<w:jc w:val="right"/>');
    expect(list.findIndex((p) => p.text === "八、下月工作计划")).toBeLessThan(sectionEnd - 1);
  });

  it("keeps the closing section with the 落款 and leaves 主送 out when an edition names none", async () => {
    const list = paragraphs(document);
    const eighth = list.findIndex((p) => p.text === "八、下月工作计划");
    const sectionEnd = list.findIndex((p) => p.xml.includes("<w:sectPr>"));
    // 八's heading keeps with next through its style; its paragraph, the blank line and the unit carry keepNext
    const chain = list.slice(eighth + 1, sectionEnd);
    expect(chain.map((p) => p.text)).toEqual(["（待填写）", "", "平湖市投资促进中心"]);
    for (const p of chain) expect(p.xml).toContain("<w:keepNext/>");
    expect(list[sectionEnd]!.xml).not.toContain("<w:keepNext/>");
    // no 主送 or 落款 typed: the title is followed by the opening paragraph, and the body ends with 八's text
    const bare = paragraphs((await unzipDocx(await renderReportDocx(reportExportFixture()))).document);
    const title = bare.findIndex((p) => p.style === "Title");
    expect(bare[title + 1]!.text).toBe(openingParagraph(report.snapshot));
    const end = bare.findIndex((p) => p.xml.includes("<w:sectPr>"));
    expect(bare[end]!.text).toBe("（待填写）");
  });

  it("leaves out the appendix pages when no project is under negotiation", async () => {
    const snapshot = reportSnapshotFixture();
    snapshot.appendix = [];
    const { document: bare } = await unzipDocx(
      await renderReportDocx(reportExportFixture({ snapshot, issuedBy: "平湖市投资促进中心", issuedOn: "2026-07-03" })),
    );
    const sections = bare.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(1);
    expect(sections[0]).toContain('w:orient="portrait"');
    expect(bare).not.toContain("附表");
    // the body still ends with the 落款
    expect(paragraphs(bare).at(-1)!.text).toBe("2026年7月3日");
  });

  it("keeps every row whole and fits the columns to their content", () => {
    const docTables = all(document, "w:tbl");
    for (const table of docTables) {
      const rows = all(table, "w:tr");
      expect(rows.every((row) => row.includes("<w:cantSplit/>"))).toBe(true);
    }
    // 本月签约: 项目名称 is the widest column and holds at least six characters of 10.5pt a line
    // (an em is 210 twips, the cell margins 140 twips and 30 spare); 负责人 and 国别 stay narrow
    const signed = docTables[1]!;
    expect(cellsOf(signed)[0]![0]).toBe("项目名称");
    const grid = [...signed.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(Math.max(...grid)).toBe(grid[0]);
    expect(grid[0]).toBeGreaterThanOrEqual(6 * 210 + 170);
    expect(grid[2]).toBeLessThan(grid[0]!);
    expect(grid[6]).toBeLessThanOrEqual(800);
    // the landscape appendix: 项目名称 and 项目进展情况 take most of the width
    const appendix = [...docTables[docTables.length - 1]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(appendix[1]! + appendix[5]!).toBeGreaterThan(12756 / 2);
  });
});

describe("the Excel workbook", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await loadXlsx(await renderReportXlsx(report));
  });

  const sheet = (name: string) => workbook.getWorksheet(name)!;
  const values = (worksheet: ExcelJS.Worksheet, row: number) => (worksheet.getRow(row).values as unknown[]).slice(1);
  /** 2026-06-15 as Excel gives it back: midnight UTC of that day */
  const day = (date: string) => new Date(`${date}T00:00:00.000Z`);

  it("has one sheet per table, in the report's order, the rates and the 政策兑现 summary included", () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "主要指标",
      "开工投产资金到位率",
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
      "政策兑现",
      "下月到期承诺",
      "逾期承诺",
      "在谈项目明细表",
    ]);
    expect(workbook.worksheets.every((ws) => ws.name.length <= 31)).toBe(true);
  });

  it("starts every sheet with a title row merged across the table, the header row below it", () => {
    const title = "2026年6月招商引资工作进展报告";
    for (const table of reportSheets(reportTables(report.snapshot, { all: true }))) {
      const worksheet = sheet(table.sheet);
      const header = headerRow(worksheet, table);
      const a1 = worksheet.getCell("A1");
      expect(String(a1.value), table.sheet).toMatch(new RegExp(`^${title}.*· ${table.title}$`));
      expect(a1.font?.bold).toBe(true);
      // merged: the last column's cell of row 1 is the same cell as A1
      expect(worksheet.getCell(1, table.headers.length).master.address).toBe("A1");
      // the first sheet has the month and the opening paragraph between title and header
      expect(header, table.sheet).toBe(table.sheet === "主要指标" ? 4 : 2);
      expect(worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: header });
      worksheet.getRow(header).eachCell((cell) => {
        expect(cell.font?.bold).toBe(true);
        expect(cell.border?.bottom?.style).toBe("thin");
      });
      // printed one page wide, as many pages long as it takes, the header row on every page
      expect(worksheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header}:${header}` });
    }
    const first = workbook.worksheets[0]!;
    expect(first.getCell("A1").value).toBe(`${title}（第2版）· 主要指标完成情况`);
    expect(String(first.getCell("A2").value)).toContain("2026年6月");
    expect(first.getCell("A3").value).toBe(`概述：${openingParagraph(report.snapshot)}`);
  });

  it("prints the appendix on landscape pages, fitted to the width, its header repeated", () => {
    expect(sheet("在谈项目明细表").pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:2",
    });
  });

  it("writes 无 for an empty list, bordered across the table", () => {
    const producing = sheet("本月投产");
    expect(producing.rowCount).toBe(3);
    expect(producing.getCell("A3").value).toBe("无");
    expect(producing.getCell(3, 7).master.address).toBe("A3");
    expect(producing.getCell("A3").border?.bottom?.style).toBe("thin");
  });

  it("stores every cell as report-text does: numbers in the unit shown, dates as dates, empty for —, text otherwise", () => {
    for (const table of reportSheets(reportTables(report.snapshot, { all: true }))) {
      const worksheet = sheet(table.sheet);
      const header = headerRow(worksheet, table);
      // as many rows as the list (无 for none), then the note when the snapshot holds only the first rows
      expect(worksheet.rowCount - header, table.sheet).toBe(Math.max(1, table.rows.length) + (table.note ? 1 : 0));
      table.rows.forEach((cells, r) => {
        const row = worksheet.getRow(header + 1 + r);
        cells.forEach((expected, c) => {
          const cell = row.getCell(c + 1);
          if (expected.format === "date") {
            expect(cell.value, `${table.sheet} ${cell.address}`).toEqual(expected.date ? day(expected.date) : null);
            if (expected.date) expect(cell.numFmt).toBe("yyyy-mm-dd");
          } else if (expected.format) {
            expect(cell.value, `${table.sheet} ${cell.address}`).toBe(expected.number ?? null);
            expect(cell.numFmt).toBe({ wan: "#,##0.00", count: "0", percent: "0.0%" }[expected.format]);
          } else {
            expect(cell.value, `${table.sheet} ${cell.address}`).toBe(expected.text === "—" ? null : expected.text);
          }
          expect(cell.border?.left?.style).toBe("thin");
        });
      });
    }
    // the fixture's stage changes: 3 listed of 5 — the snapshot holds no more, and says so
    expect(sheet("阶段变化").getCell("A6").value).toBe("共 5 项，列出前 3 项。");
  });

  it("keeps the fixture's values in 万, counts as integers, rates as fractions, dates as dates", () => {
    const indicators = sheet("主要指标");
    const byLabel = (label: string) => values(indicators, 4 + report.snapshot.indicators.findIndex((line) => line.label === label) + 1);
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
    expect(values(signed, 3)).toEqual(["新能源汽车零部件增资项目", "德国博泽集团", "德国", 500, 300, day("2026-06-15"), "张三"]);
    expect(signed.getCell("F3").value).toBeInstanceOf(Date);
    expect(signed.getCell("F3").numFmt).toBe("yyyy-mm-dd");
    expect(signed.getCell("D4").value).toBe(2345.67);
    expect(signed.getCell("E4").value).toBeNull();
    expect(sheet("世界500强项目").getCell("F3").value).toBeNull();
    expect(sheet("逾期承诺").getCell("C3").value).toBe(30.5);
    expect(sheet("逾期承诺").getCell("E3").value).toEqual(day("2026-05-31"));
    expect(sheet("阶段变化").getCell("C3").value).toEqual(day("2026-06-28"));
    const appendix = sheet("在谈项目明细表");
    expect(appendix.getCell("A5").value).toBe(3);
    expect(appendix.getCell("C3").value).toBe(1234.5);
    expect(appendix.getCell("C5").value).toBe(0.01);
    expect(appendix.getColumn(6).width).toBeGreaterThan(appendix.getColumn(1).width!);
  });

  it("has the rates with their parts and the 政策兑现 summary", () => {
    // 开工率 1 of 2, 投产率 0 of 2, 资金到位率 nothing of nothing (no rate)
    const rates = sheet("开工投产资金到位率");
    expect(values(rates, 2).slice(0, 4)).toEqual(["指标", "分子", "分母", "比率"]);
    expect(values(rates, 3).slice(0, 4)).toEqual(["开工率", 1, 2, 0.5]);
    expect(values(rates, 4).slice(0, 4)).toEqual(["投产率", 0, 2, 0]);
    expect([rates.getCell("A5").value, rates.getCell("B5").value, rates.getCell("C5").value, rates.getCell("D5").value]).toEqual(["资金到位率", 0, 0, null]);
    expect(rates.getCell("D3").numFmt).toBe("0.0%");
    // 新承诺 2 项 350.00 万元; 兑现完毕 1 项 120.00 万元
    const commitments = sheet("政策兑现");
    expect(values(commitments, 3)).toEqual(["本月新承诺", 2, 350]);
    expect(values(commitments, 4)).toEqual(["本月兑现完毕", 1, 120]);
  });
});

/** The header row of a sheet: the first row that reads as the table's headers. */
function headerRow(worksheet: ExcelJS.Worksheet, table: ReportTable): number {
  for (let r = 1; r <= worksheet.rowCount; r++) {
    if (table.headers.every((header, i) => worksheet.getRow(r).getCell(i + 1).value === header)) return r;
  }
  throw new Error(`no header row in ${worksheet.name}`);
}

describe("a list longer than 50 rows", () => {
  /** 120 signings this month and 75 projects under negotiation, every list now kept whole in the snapshot */
  function longReport() {
    const snapshot = reportSnapshotFixture();
    const template = snapshot.keyProjects.signed[0]!;
    snapshot.keyProjects.signed = Array.from({ length: 120 }, (_, i) => ({
      ...template,
      id: 1000 + i,
      name: `批量签约项目${i + 1}号`,
      date: `2026-06-${String((i % 30) + 1).padStart(2, "0")}`,
    }));
    snapshot.appendix = appendixLines(75);
    return reportExportFixture({ snapshot });
  }

  it("shows its first 50 rows and the note in Word", async () => {
    const { document } = await unzipDocx(await renderReportDocx(longReport()));
    const docTables = all(document, "w:tbl");
    const signed = cellsOf(docTables[1]!);
    expect(signed[0]![0]).toBe("项目名称");
    // the header and 50 rows: 批量签约项目1号 … 50号
    expect(signed).toHaveLength(51);
    expect(signed[50]![0]).toBe("批量签约项目50号");
    const texts = paragraphs(document).map((p) => p.text);
    // beneath the table (which stands between the sub-heading and the note)
    expect(texts[texts.indexOf("（一）本月签约") + 1]).toBe("共 120 项，列出前 50 项。");
    expect(texts).toContain("共 75 项，列出前 50 项。");
    expect(cellsOf(docTables[docTables.length - 1]!)).toHaveLength(51);
    // a list that is not cut says nothing
    expect(texts.filter((text) => text.startsWith("共 "))).toEqual(["共 120 项，列出前 50 项。", "共 5 项，列出前 3 项。", "共 75 项，列出前 50 项。"]);
  });

  it("carries every row in Excel, with no note", async () => {
    const workbook = await loadXlsx(await renderReportXlsx(longReport()));
    const signed = workbook.getWorksheet("本月签约")!;
    // title, header, 120 rows
    expect(signed.rowCount).toBe(2 + 120);
    expect(signed.getCell("A122").value).toBe("批量签约项目120号");
    expect(signed.getCell("F122").value).toEqual(new Date("2026-06-30T00:00:00.000Z"));
    const appendix = workbook.getWorksheet("在谈项目明细表")!;
    expect(appendix.rowCount).toBe(2 + 75);
    expect(appendix.getCell("A77").value).toBe(75);
  });

  it("says so on the screen's tables too: the same 50 rows and note", () => {
    const screen = reportTables(longReport().snapshot);
    expect(screen.signed.rows).toHaveLength(50);
    expect(screen.signed.note).toBe("共 120 项，列出前 50 项");
    expect(screen.started.note).toBeNull();
    const excel = reportTables(longReport().snapshot, { all: true });
    expect([excel.signed.rows.length, excel.signed.note, excel.appendix.rows.length]).toEqual([120, null, 75]);
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
    // the opening paragraph from the same figures: 3 signings (1 in 1–6月 2025 → +200.0%), 8,400.00 万美元
    const texts = paragraphs(document).map((p) => p.text);
    expect(texts).toContain(openingParagraph(generated.snapshot));
    expect(openingParagraph(generated.snapshot)).toMatch(/^1–6月，全市新签约外资项目3个，同比增长200\.0%，.*合同外资8,400\.00万美元，/);
    // 落款: the generating user's unit and the day of generation
    expect(texts).toContain("2026年6月30日");
    const workbook = await loadXlsx(await renderReportXlsx(generated));
    // title, month, 概述, header: the table's rows follow from the fifth
    expect(
      workbook
        .getWorksheet("主要指标")!
        .getRow(4 + row)
        .getCell(3).value,
    ).toBe(8400);
    expect(workbook.getWorksheet("在谈项目明细表")!.rowCount - 2).toBe(Math.max(1, generated.snapshot.appendix.length));
  });
});
