/**
 * 导出Excel: the workbook's layout (title, filters line, frozen header, auto-filter, typed cells),
 * text that looks like a formula kept as text, the actor's scope, and the round trip — an exported
 * 企业/项目 file imported back with "update existing" changes nothing.
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { exportCompanies } from "../app/companies/companies.server";
import { db, t } from "../app/db.server";
import { listWorkbookStream, type ListExport } from "../app/exports/list-workbook.server";
import { confirmImport, previewImport, storeUpload } from "../app/imports/imports.server";
import { exportProjects } from "../app/projects/project-export.server";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

let staff: Actor;
let officer: Actor;
let otherOfficer: Actor;

beforeAll(() => {
  const unit = makeUnit("导出单位甲");
  staff = makeUser("staff", unit);
  officer = makeUser("officer", unit, "导出负责人甲");
  otherOfficer = makeUser("officer", makeUnit("导出单位乙"), "导出负责人乙");
});

async function workbookOf<Row>(list: ListExport<Row>): Promise<{ bytes: Buffer; sheet: ExcelJS.Worksheet }> {
  // the stream an export's response carries (listWorkbookResponse)
  const parts: Buffer[] = [];
  for await (const part of listWorkbookStream(list)) parts.push(part as Buffer);
  const bytes = Buffer.concat(parts);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, sheet: workbook.worksheets[0] };
}

describe("the list workbook", () => {
  it("has a title, the filters, a frozen header with an auto-filter, and typed cells; formulas stay text", async () => {
    const rows = [
      { name: '=HYPERLINK("http://evil")', amount: 12_345_678, on: "2026-03-05", count: 7 },
      { name: "+1-2", amount: null, on: null, count: null },
    ];
    const { sheet } = await workbookOf({
      title: "测试清单",
      filters: ["国别/地区：日本"],
      columns: [
        { header: "名称", value: (row: (typeof rows)[number]) => row.name },
        { header: "金额（万美元）", type: "wan", value: (row) => row.amount },
        { header: "日期", type: "date", value: (row) => row.on },
        { header: "数量", type: "count", value: (row) => row.count },
      ],
      chunks: [rows],
    });
    expect(sheet.getCell("A1").value).toBe("测试清单");
    expect(String(sheet.getCell("A2").value)).toMatch(/^筛选条件：国别\/地区：日本 +导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(sheet.getRow(3).values).toEqual([undefined, "名称", "金额（万美元）", "日期", "数量"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
    const first = sheet.getRow(4);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(1).value).toBe('=HYPERLINK("http://evil")');
    expect(first.getCell(2).value).toBeCloseTo(1234.5678, 6);
    expect(first.getCell(2).numFmt).toBe("#,##0.00");
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(first.getCell(4).value).toBe(7);
    expect(sheet.getRow(5).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(5).getCell(2).value).toBeNull();
    expect(sheet.rowCount).toBe(5);
  });
});

describe("exports in scope, and the round trip", () => {
  it("exports only the projects the officer may read", async () => {
    const mine = makeProject(officer, { companyId: makeCompany(officer, { name: "导出范围企业甲" }), name: "本单位导出项目" });
    makeProject(otherOfficer, { companyId: makeCompany(otherOfficer, { name: "导出范围企业乙" }), name: "外单位导出项目" });
    const { sheet } = await workbookOf(exportProjects(officer, {}));
    const names = sheet.getColumn(1).values.slice(4);
    expect(names).toContain("本单位导出项目");
    expect(names).not.toContain("外单位导出项目");
    expect(mine).toBeGreaterThan(0);
  });

  it("imports an exported 企业 file back with no change", async () => {
    makeCompany(staff, {
      name: "往返企业株式会社",
      foreignName: "Round Trip K.K.",
      uscc: "914403001922038216",
      country: "JP",
      city: "大阪",
      isFortune500: true,
      description: "第一行\r\n第二行",
    });
    makeCompany(staff, { name: "往返德国公司", country: "DE", isChainLeader: true });
    const { bytes } = await workbookOf(exportCompanies({ q: "往返", page: 1 }));
    const preview = await previewImport({ actor: staff, token: storeUpload(bytes), fileName: "企业库.xlsx", kind: "companies", mode: "update" });
    expect(preview.headerRowNumber).toBe(3);
    expect(preview.counts).toEqual({ create: 0, update: 0, skip: 2, refuse: 0 });
  });

  it("imports an exported 项目 file back with no change", async () => {
    const companyId = makeCompany(officer, { name: "往返项目企业", country: "KR" });
    const projectId = makeProject(officer, {
      companyId,
      name: "往返项目",
      totalInvestmentUsd: "1234.56",
      contractedFdiUsd: "1000",
      landMu: "12.5",
      expectedJobs: "80",
    });
    db().update(t.projects).set({ totalInvestmentUsd: 12_345_678 }).where(eq(t.projects.id, projectId)).run();
    const { bytes } = await workbookOf(exportProjects(staff, { q: "往返项目" }));
    const request = { actor: staff, token: storeUpload(bytes), fileName: "项目.xlsx", kind: "projects" as const, mode: "update" as const };
    const preview = await previewImport(request);
    expect(preview.counts).toEqual({ create: 0, update: 0, skip: 1, refuse: 0 });
    const before = db().select().from(t.projects).where(eq(t.projects.id, projectId)).get();
    await expect(confirmImport(request)).rejects.toThrow("没有可导入的行");
    expect(db().select().from(t.projects).where(eq(t.projects.id, projectId)).get()).toEqual(before);
  });
});
