/**
 * The Word and Excel exports of a report generated on the figures fixture, read back: the .docx's
 * page, sections, borders and numbers; the .xlsx's sheets, numbers stored as numbers, formats and
 * row counts — each compared with the snapshot and the tables the screen shows.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { moveProjectToStage } from "../app/projects/projects.server";
import { renderReportDocx } from "../app/reports/report-docx.server";
import { reportTables } from "../app/reports/report-tables";
import { renderReportXlsx } from "../app/reports/report-xlsx.server";
import { generateReport, getReport, updateReportNarrative, type StoredReport } from "../app/reports/reports.server";
import { makeCompany, makeProject, projectRow } from "./support/builders";
import { buildFiguresFixture, WAN } from "./support/figures-fixture";

let report: StoredReport;
let documentXml: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const f = buildFiguresFixture();
  const negotiating = makeProject(f.leader, { companyId: makeCompany(f.leader), name: "洽谈中的测试项目", totalInvestmentUsd: "1234.5", contractedFdiUsd: "1000", enteredOn: "2026-05-01" });
  moveProjectToStage({ actor: f.leader, projectId: negotiating, toStage: "negotiating", occurredOn: "2026-06-10", note: null, version: projectRow(negotiating).version });
  const id = generateReport({ actor: f.staff, month: "2026-06", today: "2026-06-30" });
  updateReportNarrative({ actor: f.staff, id, data: { problems: "第一个问题\n第二个问题", nextMonthPlan: null, version: getReport(f.staff, id).version } });
  report = getReport(f.staff, id);
  const docx = await renderReportDocx(report);
  documentXml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
  workbook = new ExcelJS.Workbook();
  const xlsx = await renderReportXlsx(report);
  await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
});

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

describe("the Word document", () => {
  it("is A4 with the 公文 margins, the appendix on landscape pages", () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(documentXml).toMatch(/w:orient="landscape"/);
  });

  it("has the title, the eight sections and the appendix, in order, in the official fonts", () => {
    const text = textOf(documentXml);
    const order = ["2026年6月招商引资工作进展报告", "一、主要指标完成情况", "二、重点项目进展", "三、项目储备与推进", "四、产业链招商", "五、国别招商", "六、政策兑现", "七、存在问题", "八、下月工作计划", "附表 在谈项目明细表"];
    const positions = order.map((heading) => text.indexOf(heading));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain("第一个问题");
    expect(text).toContain("第二个问题");
    expect(text.slice(text.indexOf("八、下月工作计划"))).toContain("（待填写）");
    expect(documentXml).toContain('w:eastAsia="方正小标宋简体"');
    expect(documentXml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(documentXml).toContain('w:eastAsia="黑体"');
  });

  it("draws every table with borders and shows the screen's numbers", () => {
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.every((table) => /<w:tblBorders>[\s\S]*<w:insideV w:val="single"/.test(table))).toBe(true);
    const indicators = textOf(tables[0]!);
    // 1–6月: 3 signings, 合同外资 8,400.00, 时序进度 50.0%, 同比 +200.0%
    for (const expected of ["新签约项目数", "8,400.00", "12,600.00", "3,150.00", "50.0%", "200.0%"]) expect(indicators).toContain(expected);
    const screen = reportTables(report.snapshot);
    expect(indicators).toContain(screen.indicators.rows[1].map((cell) => cell.text).join(""));
    const appendix = textOf(tables[tables.length - 1]!);
    expect(appendix).toContain("洽谈中的测试项目");
    expect(appendix).toContain("1,234.50");
  });
});

describe("the Excel workbook", () => {
  it("has one sheet per table", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
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
  });

  it("stores numbers as numbers in the unit shown, with their formats", () => {
    const sheet = workbook.getWorksheet("主要指标")!;
    expect(sheet.getCell("A1").value).toBe("2026年6月招商引资工作进展报告（第1版）");
    const row = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === label) found = r;
      });
      return found!;
    };
    const contracted = row("合同外资（万美元）");
    expect(contracted.getCell(2).value).toBe(300); // June: P2
    expect(contracted.getCell(3).value).toBe(8400);
    expect(contracted.getCell(3).numFmt).toBe("#,##0.00");
    const signed = row("新签约项目数");
    expect([signed.getCell(2).value, signed.getCell(3).value]).toEqual([1, 3]);
    expect(signed.getCell(4).value).toBeNull(); // no target in the fixture
    expect(signed.getCell(6).value).toBe(0.5);
    expect(signed.getCell(6).numFmt).toBe("0.0%");
    expect(signed.getCell(7).value).toBe(2);
  });

  it("has as many rows as the report's lists", () => {
    const dataRows = (name: string) => workbook.getWorksheet(name)!.rowCount - 1;
    expect(dataRows("项目储备")).toBe(7);
    expect(dataRows("本月签约")).toBe(report.snapshot.keyProjects.signed.length);
    expect(dataRows("在谈项目明细表")).toBe(report.snapshot.appendix.length);
    const appendix = workbook.getWorksheet("在谈项目明细表")!;
    expect(appendix.getRow(2).getCell(3).value).toBe(1234.5);
    expect(report.snapshot.appendix[0].totalInvestmentUsd).toBe(1234.5 * WAN);
  });
});
