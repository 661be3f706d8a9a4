/**
 * 移除联系人: a soft delete, versioned and audited, by anyone who may edit the company; the route's
 * page asks for confirmation (what the company page's button opens without JavaScript).
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { startSession } from "../app/auth/session.server";
import { addContact, getCompany, getContact, removeContact } from "../app/companies/companies.server";
import { contactSchema } from "../app/companies/company.schema";
import { db, t } from "../app/db.server";
import { ConflictError, NotFoundError } from "../app/lib/errors";
import { action, loader } from "../app/routes/companies.$id_.contacts.$contactId.remove";
import { makeCompany, makeUnit, makeUser } from "./support/builders";

let officer: Actor;
let staff: Actor;
let company: number;
let other: number;

beforeAll(() => {
  const unit = makeUnit("联系人测试单位");
  officer = makeUser("officer", unit);
  staff = makeUser("staff", unit);
  company = makeCompany(officer, { name: "联系人测试企业" });
  other = makeCompany(officer, { name: "另一家测试企业" });
});

const newContact = (companyId: number, name: string, title?: string) => addContact({ actor: officer, companyId, data: contactSchema.parse({ name, title }) });
const contactNames = (companyId: number) => getCompany(companyId).contacts.map((contact) => contact.name);
const auditOf = (contactId: number) =>
  db()
    .select({ action: t.auditLog.action, changes: t.auditLog.changes, userId: t.auditLog.userId })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, "contact"), eq(t.auditLog.entityId, contactId)))
    .orderBy(t.auditLog.id)
    .all();

describe("removeContact", () => {
  it("takes the contact off the company, keeps the row, and audits who removed whom", () => {
    const tanaka = newContact(company, "田中", "部长");
    newContact(company, "铃木");
    removeContact({ actor: staff, companyId: company, contactId: tanaka, version: 1 });
    expect(contactNames(company)).toEqual(["铃木"]);
    const row = db().select().from(t.contacts).where(eq(t.contacts.id, tanaka)).get()!;
    expect(row.deletedAt).not.toBeNull();
    expect(row.version).toBe(2);
    expect(auditOf(tanaka).at(-1)).toEqual({ action: "delete", changes: { name: ["田中", null], title: ["部长", null] }, userId: staff.id });
    expect(() => getContact({ companyId: company, contactId: tanaka })).toThrow(NotFoundError);
  });

  it("refuses a stale version, a contact removed already and another company's contact", () => {
    const sato = newContact(company, "佐藤");
    expect(() => removeContact({ actor: officer, companyId: company, contactId: sato, version: 7 })).toThrow(ConflictError);
    expect(() => removeContact({ actor: officer, companyId: other, contactId: sato, version: 1 })).toThrow(NotFoundError);
    expect(contactNames(company)).toContain("佐藤");
    removeContact({ actor: officer, companyId: company, contactId: sato, version: 1 });
    expect(() => removeContact({ actor: officer, companyId: company, contactId: sato, version: 2 })).toThrow(NotFoundError);
    expect(auditOf(sato).filter((entry) => entry.action === "delete")).toHaveLength(1);
  });
});

describe("the 移除联系人 route", () => {
  async function request(actor: Actor, path: string, body?: Record<string, string>): Promise<Request> {
    const session = await startSession(actor.id, "/", new Request("http://localhost/login"));
    const headers: Record<string, string> = { Cookie: session.headers.get("Set-Cookie")!.split(";")[0]! };
    if (!body) return new Request(`http://localhost${path}`, { headers });
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    return new Request(`http://localhost${path}`, { method: "POST", headers, body: new URLSearchParams(body).toString() });
  }
  const params = (contactId: number) => ({ id: String(company), contactId: String(contactId) });

  it("asks on a page of its own (what the button opens without JavaScript), then removes on the POST", async () => {
    const wang = newContact(company, "王经理", "总监");
    const path = `/companies/${company}/contacts/${wang}/remove`;
    const page = (await loader({ request: await request(officer, `${path}?version=1`), params: params(wang), context: {} })) as Response;
    expect(await page.json()).toMatchObject({
      confirmation: {
        question: "确定从「联系人测试企业」移除联系人「王经理 · 总监」？",
        action: path,
        fields: { version: "1" },
        label: "移除",
        back: `/companies/${company}`,
      },
    });
    expect(contactNames(company)).toContain("王经理");

    const removed = (await action({ request: await request(officer, path, { version: "1" }), params: params(wang), context: {} })) as Response;
    expect(removed.status).toBe(302);
    expect(removed.headers.get("Location")).toBe(`/companies/${company}`);
    expect(contactNames(company)).not.toContain("王经理");
  });

  it("answers 404 for a removed contact and 409 with the message for a stale page", async () => {
    const li = newContact(company, "李秘书");
    const path = `/companies/${company}/contacts/${li}/remove`;
    const stale = (await action({ request: await request(officer, path, { version: "5" }), params: params(li), context: {} })) as Response;
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ formError: "该记录已被他人修改，请刷新后重试" });
    expect(contactNames(company)).toContain("李秘书");
    removeContact({ actor: officer, companyId: company, contactId: li, version: 1 });
    const gone = await loader({ request: await request(officer, path), params: params(li), context: {} }).catch((thrown: Response) => thrown);
    expect((gone as Response).status).toBe(404);
  });
});
