/**
 * 数据导入 on files the tests write (exceljs workbooks as Excel/WPS lay them out, a GBK CSV):
 * header under a merged title, rich text, formulas, bad rows, duplicates in each mode,
 * all-or-nothing, undo, and the round trip of an export.
 */
import { and, eq, isNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { listCompanies } from "../app/companies/companies.server";
import { db, t } from "../app/db.server";
import { ForbiddenError, InvalidError } from "../app/lib/errors";
import { confirmImport, listImportBatches, previewImport, refusedRows, storeUpload, undoImport, type ImportRequest } from "../app/imports/imports.server";
import type { DuplicateMode, ImportKind } from "../app/imports/kinds";
import { importTemplate } from "../app/imports/workbooks.server";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

let staff: Actor;
let officer: Actor & { username: string };
let unitName: string;

beforeAll(() => {
  const unitId = makeUnit("导入测试单位");
  unitName = "导入测试单位";
  staff = makeUser("staff", unitId);
  officer = makeUser("officer", unitId, "导入负责人");
});

type Cell = ExcelJS.CellValue;

/** A workbook as an office lays it out: a merged title row, a note row, then the header on row 3. */
async function ledger(headers: string[], rows: Cell[][], { title = "平湖市外资企业台账（2026年）" } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("企业台账");
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.addRow(["填报单位：投资促进中心"]);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function request(kind: ImportKind, bytes: Buffer, mode: DuplicateMode = "skip", fileName = "台账.xlsx"): ImportRequest {
  return { actor: staff, token: storeUpload(bytes), fileName, kind, mode };
}

const liveCompanies = (name: string) =>
  db()
    .select()
    .from(t.companies)
    .where(and(eq(t.companies.name, name), isNull(t.companies.deletedAt)))
    .all();

describe("企业 import", () => {
  it("finds the header under a merged title, reads rich text, formulas and values as typed", async () => {
    const bytes = await ledger(
      ["序号", "企业名称", "外文名称", "统一社会信用代码", "国家", "世界500强", "存量外资", "联系人", "联系电话"],
      [
        [
          1,
          { richText: [{ text: "樱野" }, { font: { bold: true }, text: "精密株式会社" }] },
          "Sakurano Co., Ltd.",
          "",
          "日本国",
          "√",
          "Y",
          "佐藤",
          "0573-85000000",
        ],
        [2, "ＫＬＥＩＮＷＡＬＤ ＧｍｂＨ", "", "", "Germany", "否", "", "", ""],
        [3, { formula: 'CONCAT("汉森","机械")', result: "汉森机械" }, "", "", "德国", "×", "1", "", ""],
        [null, null, null, null, null, null, null, null, null],
        ["合计", "3家", null, null, null, null, null, null, null],
      ],
    );
    const preview = await previewImport(request("companies", bytes));
    expect(preview.headerRowNumber).toBe(3);
    expect(preview.mapping.find((column) => column.header === "国家")?.field).toBe("country");
    expect(preview.mapping.find((column) => column.header === "序号")).toMatchObject({ field: null, ignored: true });
    expect(preview.counts).toEqual({ create: 3, update: 0, skip: 1, refuse: 0 });
    expect(liveCompanies("樱野精密株式会社")).toHaveLength(0);

    const batchId = await confirmImport(request("companies", bytes));
    const [sakurano] = liveCompanies("樱野精密株式会社");
    expect(sakurano).toMatchObject({ country: "JP", isFortune500: true, isExistingInvestor: true, foreignName: "Sakurano Co., Ltd." });
    expect(liveCompanies("KLEINWALD GmbH")[0]).toMatchObject({ country: "DE", isFortune500: false });
    expect(liveCompanies("汉森机械")[0]).toMatchObject({ country: "DE", isExistingInvestor: true });
    const contacts = db().select().from(t.contacts).where(eq(t.contacts.companyId, sakurano.id)).all();
    expect(contacts).toMatchObject([{ name: "佐藤", phone: "0573-85000000" }]);
    expect(listImportBatches(staff)[0]).toMatchObject({ id: batchId, kind: "companies", createdCount: 3, skippedCount: 1 });
  });

  it("refuses bad rows with the Excel row number, column and reason, and writes nothing for them", async () => {
    const bytes = await ledger(
      ["企业名称", "统一社会信用代码", "国别/地区", "世界500强"],
      [
        ["良品企业甲", "", "日本", "是"],
        ["", "", "日本", ""],
        ["坏代码企业", "914403001922038217", "日本", ""],
        ["无国别企业", "", "火星", ""],
        ["布尔企业", "", "韩国", "可能"],
      ],
    );
    const preview = await previewImport(request("companies", bytes));
    expect(preview.counts).toEqual({ create: 1, update: 0, skip: 0, refuse: 4 });
    expect(preview.refused.map((row) => [row.rowNumber, row.errors[0].column, row.errors[0].message])).toEqual([
      [5, "企业名称", "请填写企业名称"],
      [6, "统一社会信用代码", "统一社会信用代码校验位不正确，请核对"],
      [7, "国别/地区", "无法识别国别/地区“火星”"],
      [8, "世界500强", "应填写“是”或“否”"],
    ]);
    const errorFile = await refusedRows(request("companies", bytes));
    expect(errorFile.rows.map((row) => row.rowNumber)).toEqual([5, 6, 7, 8]);
    await confirmImport(request("companies", bytes));
    expect(liveCompanies("良品企业甲")).toHaveLength(1);
    expect(liveCompanies("坏代码企业")).toHaveLength(0);
  });

  it("treats duplicates in the file and against the 企业库 as the chosen mode says", async () => {
    await confirmImport(request("companies", await ledger(["企业名称", "国别/地区", "所在城市"], [["重复测试株式会社", "日本", "大阪"]])));
    const bytes = await ledger(
      ["企业名称", "国别/地区", "所在城市"],
      [
        ["重复测试有限公司", "日本", "东京"],
        ["新企业乙", "日本", ""],
        ["新企业乙", "日本", ""],
      ],
    );
    const skip = await previewImport(request("companies", bytes, "skip"));
    expect(skip.counts).toEqual({ create: 1, update: 0, skip: 2, refuse: 0 });
    expect(skip.duplicates.map((row) => row.note)).toEqual(["企业库中已有「重复测试株式会社」（名称相同）", "与第 5 行是同一企业"]);
    const refuse = await previewImport(request("companies", bytes, "refuse"));
    expect(refuse.counts).toEqual({ create: 1, update: 0, skip: 0, refuse: 2 });
    const update = await previewImport(request("companies", bytes, "update"));
    expect(update.counts).toEqual({ create: 1, update: 1, skip: 0, refuse: 1 });

    const batchId = await confirmImport(request("companies", bytes, "update"));
    expect(liveCompanies("重复测试株式会社")[0].city).toBe("东京");
    undoImport({ actor: staff, batchId });
    expect(liveCompanies("重复测试株式会社")[0].city).toBe("大阪");
    expect(liveCompanies("新企业乙")).toHaveLength(0);
    expect(() => undoImport({ actor: staff, batchId })).toThrow(InvalidError);
  });

  it("refuses 撤销导入 once a record it wrote has changed, or another record hangs on it", async () => {
    const bytes = await ledger(
      ["企业名称", "国别/地区"],
      [
        ["撤销测试甲", "日本"],
        ["撤销测试乙", "日本"],
      ],
    );
    const batchId = await confirmImport(request("companies", bytes));
    const [first] = liveCompanies("撤销测试甲");
    db()
      .update(t.companies)
      .set({ city: "京都", version: first.version + 1 })
      .where(eq(t.companies.id, first.id))
      .run();
    expect(() => undoImport({ actor: staff, batchId })).toThrow(`企业 #${first.id}：导入后已被修改或删除`);
    const [second] = liveCompanies("撤销测试乙");
    db().update(t.companies).set({ city: null, version: first.version }).where(eq(t.companies.id, first.id)).run();
    makeProject(officer, { companyId: second.id, name: "挂在导入企业上的项目" });
    expect(() => undoImport({ actor: staff, batchId })).toThrow(`企业 #${second.id}：导入后已有新的招商项目`);
    expect(liveCompanies("撤销测试甲")).toHaveLength(1);
  });

  it("writes every accepted row or none: a failure on the last row leaves no company and no batch", async () => {
    const batchesBefore = listImportBatches(staff).length;
    db().$client.exec(`create trigger refuse_in_test before insert on companies when new.name = '写入失败企业'
      begin select raise(abort, '写入失败'); end`);
    try {
      const bytes = await ledger(
        ["企业名称", "国别/地区"],
        [
          ["全有全无甲", "日本"],
          ["全有全无乙", "德国"],
          ["写入失败企业", "韩国"],
        ],
      );
      expect((await previewImport(request("companies", bytes))).counts.create).toBe(3);
      await expect(confirmImport(request("companies", bytes))).rejects.toThrow("写入失败");
      expect(liveCompanies("全有全无甲")).toHaveLength(0);
      expect(liveCompanies("全有全无乙")).toHaveLength(0);
      expect(listImportBatches(staff)).toHaveLength(batchesBefore);

      // a bulk import pauses the search index triggers: a failure puts them back with everything else
      const many = Array.from({ length: 1200 }, (_, i) => [`批量企业${i}`, "日本"]);
      const bulk = await ledger(["企业名称", "国别/地区"], [...many, ["写入失败企业", "韩国"]]);
      await expect(confirmImport(request("companies", bulk))).rejects.toThrow("写入失败");
      const triggers = db().$client.prepare("select count(*) as n from sqlite_master where type = 'trigger' and name like 'companies_fts_%'").get() as {
        n: number;
      };
      expect(triggers.n).toBe(3);
      expect(liveCompanies("批量企业7")).toHaveLength(0);
    } finally {
      db().$client.exec("drop trigger refuse_in_test");
    }
  });

  it("brings the search index up to date after a bulk import", async () => {
    const many = Array.from({ length: 1100 }, (_, i) => [`检索批量${String(i).padStart(4, "0")}精机`, "日本"]);
    await confirmImport(request("companies", await ledger(["企业名称", "国别/地区"], many)));
    expect(listCompanies({ q: "批量0777精", page: 1 }).rows.map((row) => row.name)).toEqual(["检索批量0777精机"]);
    const triggers = db().$client.prepare("select count(*) as n from sqlite_master where type = 'trigger' and name like 'companies_fts_%'").get() as {
      n: number;
    };
    expect(triggers.n).toBe(3);
  });

  it("reads its own templates: every column recognised, the example row skipped", async () => {
    for (const kind of ["companies", "projects", "activities", "arrivals"] as const) {
      const preview = await previewImport(request(kind, await importTemplate(kind)));
      expect(preview.headerRowNumber).toBe(1);
      expect(preview.mapping.every((column) => column.field !== null)).toBe(true);
      expect(preview.counts).toEqual({ create: 0, update: 0, skip: 1, refuse: 0 });
    }
  });

  it("reads a GBK CSV", async () => {
    const text = '企业名称,国别/地区,所属行业\r\n"GBK编码企业，有逗号",中国香港,"精密""加工"""\r\n';
    const preview = await previewImport(request("companies", iconv.encode(text, "gbk"), "skip", "台账.csv"));
    expect(preview.counts.create).toBe(1);
    await confirmImport(request("companies", iconv.encode(text, "gbk"), "skip", "台账.csv"));
    expect(liveCompanies("GBK编码企业，有逗号")[0]).toMatchObject({ country: "HK", industry: '精密"加工"' });
  });

  it("refuses an .xls and a file that is not a spreadsheet, with a Chinese message", async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expect(previewImport(request("companies", xls, "skip", "旧台账.xls"))).rejects.toThrow(/另存为” .xlsx/);
    const pdf = Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n");
    await expect(previewImport(request("companies", pdf, "skip", "台账.xlsx"))).rejects.toThrow(/不是 Excel 表格/);
  });

  it("is for staff and administrators only", async () => {
    const bytes = await ledger(["企业名称", "国别/地区"], [["越权企业", "日本"]]);
    await expect(previewImport({ ...request("companies", bytes), actor: officer })).rejects.toThrow(ForbiddenError);
  });
});

describe("招商项目 import", () => {
  it("creates the company from the row, back-dates the stage log and leaves signings 待甄别", async () => {
    const bytes = await ledger(
      ["项目名称", "投资方企业", "国别/地区", "负责人", "总投资（亿美元）", "合同外资（万美元）", "当前阶段", "阶段日期", "线索日期"],
      [
        ["导入签约项目", "导入新企业丙", "德国", officer.username, 1.2, "5,000", "签约", "2026/3/5", "2025年11月2日"],
        ["导入线索项目", "导入新企业丙", "", officer.username, "800万", 300, "", "", 46023],
        ["坏阶段项目", "导入新企业丙", "", officer.username, 1, 1, "洽谈", "", ""],
      ],
    );
    const preview = await previewImport(request("projects", bytes));
    expect(preview.counts).toEqual({ create: 2, update: 0, skip: 0, refuse: 1 });
    expect(preview.refused[0].errors[0]).toEqual({ column: "阶段日期", message: "当前阶段为洽谈时请填写阶段日期" });
    await confirmImport(request("projects", bytes));
    const [signed] = db().select().from(t.projects).where(eq(t.projects.name, "导入签约项目")).all();
    expect(signed).toMatchObject({
      stage: "signed",
      signedOn: "2026-03-05",
      signingVerifiedAt: null,
      totalInvestmentUsd: 120_000_000,
      contractedFdiUsd: 50_000_000,
      ownerId: officer.id,
    });
    const log = db().select().from(t.stageChanges).where(eq(t.stageChanges.projectId, signed.id)).all();
    expect(log.map((row) => [row.fromStage, row.toStage, row.occurredOn])).toEqual([
      [null, "lead", "2025-11-02"],
      ["lead", "signed", "2026-03-05"],
    ]);
    const [lead] = db().select().from(t.projects).where(eq(t.projects.name, "导入线索项目")).all();
    expect(lead).toMatchObject({ stage: "lead", totalInvestmentUsd: 8_000_000, companyId: signed.companyId });
    expect(db().select().from(t.stageChanges).where(eq(t.stageChanges.projectId, lead.id)).all()[0].occurredOn).toBe("2026-01-01");
    expect(liveCompanies("导入新企业丙")).toHaveLength(1);
    void unitName;
  });
});

describe("招商项目 import updating existing projects", () => {
  it("changes 负责人 only for leaders and administrators (DESIGN.md §3); staff update the other fields", async () => {
    const admin = makeUser("admin", officer.unitId);
    const colleague = makeUser("officer", officer.unitId, "导入接手人");
    const companyId = makeCompany(officer, { name: "更新企业戊" });
    const projectId = makeProject(officer, { companyId, name: "更新项目戊" });
    const bytes = await ledger(
      ["项目名称", "投资方企业", "负责人", "总投资（万美元）", "合同外资（万美元）"],
      [["更新项目戊", "更新企业戊", colleague.username, 900, 100]],
    );
    const staffPreview = await previewImport(request("projects", bytes, "update"));
    expect(staffPreview.counts).toMatchObject({ update: 0, refuse: 1 });
    expect(staffPreview.refused[0].errors[0]).toEqual({ column: "负责人", message: "已有项目的负责人/负责单位只能由领导或系统管理员在项目页变更" });
    const sameOwner = await ledger(
      ["项目名称", "投资方企业", "负责人", "总投资（万美元）", "合同外资（万美元）"],
      [["更新项目戊", "更新企业戊", officer.username, 900, 100]],
    );
    expect((await previewImport(request("projects", sameOwner, "update"))).counts).toMatchObject({ update: 1, refuse: 0 });
    await confirmImport({ ...request("projects", bytes, "update"), actor: admin });
    expect(db().select({ ownerId: t.projects.ownerId }).from(t.projects).where(eq(t.projects.id, projectId)).get()!.ownerId).toBe(colleague.id);
  });
});

describe("实到外资 import", () => {
  it("follows the single-arrival rules and matches projects by name or the company's USCC", async () => {
    const leader = makeUser("leader", officer.unitId);
    const companyId = makeCompany(officer, { name: "到账企业丁", uscc: "914403001922038216" });
    const projectId = makeProject(officer, { companyId, name: "到账项目丁" });
    const unverified = makeProject(officer, { companyId: makeCompany(officer, { name: "未甄别企业" }), name: "未甄别项目" });
    db()
      .update(t.projects)
      .set({ stage: "signed", signedOn: "2026-02-01", signingVerifiedAt: Date.now(), signingVerifiedBy: leader.id })
      .where(eq(t.projects.id, projectId))
      .run();
    db().update(t.projects).set({ stage: "signed", signedOn: "2026-02-01" }).where(eq(t.projects.id, unverified)).run();
    const bytes = await ledger(
      ["项目名称", "统一社会信用代码", "到账日期", "到账金额（美元）", "凭证说明"],
      [
        ["到账项目丁", "", "2026-03-01", "1,000,000", "第一笔"],
        ["", "914403001922038216", "2026-04-01", "50万", "第二笔"],
        ["未甄别项目", "", "2026-04-01", 100, ""],
        ["到账项目丁", "", "2026-01-15", 100, "签约前"],
        ["到账项目丁", "", "2099-01-01", 100, "未来"],
        ["到账项目丁", "", "2026-05-01", "1,5", ""],
      ],
    );
    const preview = await previewImport(request("arrivals", bytes));
    expect(preview.counts).toEqual({ create: 2, update: 0, skip: 0, refuse: 4 });
    expect(preview.refused.map((row) => row.errors[0].message)).toEqual([
      "项目签约经甄别后才能登记实到外资",
      "到账日期不能早于签约日期（签约日期 2026-02-01）",
      "到账日期不能晚于今天（2099-01-01）",
      "金额“1,5”的千分位逗号位置不正确",
    ]);
    await confirmImport(request("arrivals", bytes));
    const arrivals = db().select().from(t.fdiArrivals).where(eq(t.fdiArrivals.projectId, projectId)).all();
    expect(arrivals.map((row) => [row.arrivedOn, row.amountUsd])).toEqual([
      ["2026-03-01", 1_000_000],
      ["2026-04-01", 500_000],
    ]);
  });
});
