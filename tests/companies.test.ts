/**
 * Companies on a real migrated SQLite file: USCC validation, the duplicate guard, concurrency, audit.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { createCompany, deleteCompany, DuplicateCompanyWarning, getCompany, listCompanies, updateCompany } from "../app/companies/companies.server";
import { companySchema } from "../app/companies/company.schema";
import { db, t } from "../app/db.server";
import { ConflictError, ForbiddenError, InvalidError } from "../app/lib/errors";
import { makeProject, makeUnit, makeUser } from "./support/builders";

let officer: Actor;

beforeAll(() => {
  officer = makeUser("officer", makeUnit());
});

const companyCount = () => db().select({ id: t.companies.id }).from(t.companies).all().length;
const input = (fields: Record<string, unknown>) => companySchema.parse({ country: "JP", ...fields });

describe("统一社会信用代码 in the company form", () => {
  it("accepts a published code, normalizing case and width", () => {
    expect(companySchema.safeParse({ name: "甲", country: "CN", uscc: "914403001922038216" }).success).toBe(true);
    const parsed = companySchema.parse({ name: "甲", country: "CN", uscc: " ９１４４０３００１９２２０３８２１６ " });
    expect(parsed.uscc).toBe("914403001922038216");
  });

  it("gives a Chinese field error for a wrong check digit, and saves nothing", () => {
    const result = companySchema.safeParse({ name: "乙", country: "CN", uscc: "914403001922038217" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["uscc"], message: "统一社会信用代码校验位不正确，请核对" });
    expect(companySchema.safeParse({ name: "乙", country: "CN", uscc: "91440300192203821" }).error?.issues[0].message).toBe("统一社会信用代码应为18位");
  });
});

describe("text as typed", () => {
  it("drops control and invisible characters, so a name of only those is blank", () => {
    expect(companySchema.safeParse({ name: "\u200B\u200E\u202E", country: "JP" }).error?.issues[0]).toMatchObject({
      path: ["name"],
      message: "请输入企业名称",
    });
    const parsed = companySchema.parse({ name: "樱野\u000B精密\u0001", country: "JP", description: "第一行\n第二行\t备注\uFFFE" });
    expect(parsed.name).toBe("樱野精密");
    expect(parsed.description).toBe("第一行\n第二行\t备注");
  });
});

describe("duplicate guard", () => {
  it("warns on the same name across width, spaces and legal-form suffixes, and creates on confirmation", () => {
    createCompany({ actor: officer, data: input({ name: "示例精工株式会社", foreignName: "Shirei Seiko Co., Ltd." }) });
    const before = companyCount();
    for (const name of ["示例精工", "示例 精工 有限公司", "株式会社示例精工"]) {
      try {
        createCompany({ actor: officer, data: input({ name }) });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DuplicateCompanyWarning);
        expect((error as DuplicateCompanyWarning).duplicates.map((d) => d.name)).toEqual(["示例精工株式会社"]);
      }
    }
    expect(() => createCompany({ actor: officer, data: input({ name: "Ｓｈｉｒｅｉ　ＳＥＩＫＯ" }) })).toThrow(DuplicateCompanyWarning);
    expect(companyCount()).toBe(before);
    createCompany({ actor: officer, data: input({ name: "示例精工" }), confirmDuplicate: true });
    expect(companyCount()).toBe(before + 1);
    expect(() => createCompany({ actor: officer, data: input({ name: "示例精密" }) })).not.toThrow();
  });

  it("refuses a USCC already in use, even when confirmed", () => {
    createCompany({ actor: officer, data: input({ name: "华示例技术有限公司", uscc: "914403001922038216" }) });
    try {
      createCompany({ actor: officer, data: input({ name: "完全不同的企业", uscc: "914403001922038216" }), confirmDuplicate: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).fieldErrors.uscc).toContain("华示例技术有限公司");
    }
  });
});

describe("editing", () => {
  it("refuses a stale version and audits field-level changes", () => {
    const id = createCompany({ actor: officer, data: input({ name: "版本测试企业", city: "大阪" }) });
    const { version } = getCompany(id);
    updateCompany({ actor: officer, id, data: input({ name: "版本测试企业", city: "名古屋", isFortune500: "on" }), version });
    expect(() => updateCompany({ actor: officer, id, data: input({ name: "别的名字" }), version })).toThrow(ConflictError);
    expect(getCompany(id)).toMatchObject({ name: "版本测试企业", city: "名古屋", isFortune500: true, version: version + 1 });
    const audit = db()
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "company"), eq(t.auditLog.entityId, id)))
      .orderBy(t.auditLog.id)
      .all();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1].changes).toEqual({ city: ["大阪", "名古屋"], isFortune500: [false, true] });
  });

  it("lets leaders and administrators soft-delete a company without projects, refuses one with projects, and refuses other roles", () => {
    const leader = makeUser("leader", officer.unitId);
    const lonely = createCompany({ actor: officer, data: input({ name: "待删除企业" }) });
    for (const role of ["officer", "staff"] as const) {
      expect(() => deleteCompany({ actor: makeUser(role, officer.unitId), id: lonely, version: 1 })).toThrow(ForbiddenError);
    }
    expect(db().select().from(t.companies).where(eq(t.companies.id, lonely)).get()?.deletedAt).toBeNull();
    deleteCompany({ actor: leader, id: lonely, version: 1 });
    expect(db().select().from(t.companies).where(eq(t.companies.id, lonely)).get()?.deletedAt).toBeTypeOf("number");
    expect(listCompanies({ page: 1, q: "待删除企业" }).rows).toHaveLength(0);
    const busy = createCompany({ actor: officer, data: input({ name: "有项目企业" }) });
    makeProject(officer, { companyId: busy });
    expect(() => deleteCompany({ actor: leader, id: busy, version: 1 })).toThrow("该企业下还有招商项目，不能删除");
  });
});

describe("listing", () => {
  it("finds by Chinese substring or foreign name and filters by region", () => {
    createCompany({ actor: officer, data: input({ name: "慕尼黑示例传动", foreignName: "Beispiel Antriebe GmbH", country: "DE" }) });
    expect(listCompanies({ page: 1, q: "示例传动" }).rows.map((r) => r.name)).toEqual(["慕尼黑示例传动"]);
    expect(listCompanies({ page: 1, q: "antriebe" }).rows.map((r) => r.name)).toEqual(["慕尼黑示例传动"]);
    expect(listCompanies({ page: 1, q: "示例传动", country: "JP" }).rows).toHaveLength(0);
    expect(listCompanies({ page: 1, q: "100%" }).rows).toHaveLength(0);
  });
});

describe("变更记录 of a company", () => {
  it("includes its contacts' changes and nobody else's", async () => {
    const { addContact, listCompanyAudit, updateContact } = await import("../app/companies/companies.server");
    const { contactSchema } = await import("../app/companies/company.schema");
    const id = createCompany({ actor: officer, data: input({ name: "联系人审计企业" }) });
    const other = createCompany({ actor: officer, data: input({ name: "另一家审计企业" }) });
    const contactId = addContact({ actor: officer, companyId: id, data: contactSchema.parse({ name: "田中", title: "部长" }) });
    addContact({ actor: officer, companyId: other, data: contactSchema.parse({ name: "铃木" }) });
    updateContact({ actor: officer, companyId: id, contactId, data: contactSchema.parse({ name: "田中", title: "本部长" }), version: 1 });
    const audit = listCompanyAudit(id);
    expect(audit.map((a) => a.action)).toEqual(["update", "create", "create"]);
    expect(audit[0].changes).toEqual({ title: ["部长", "本部长"] });
    expect(JSON.stringify(audit)).not.toContain("铃木");
  });
});
