/**
 * 企业库 routes called as the browser calls them (real session cookie, form POST, migrated SQLite).
 * Companies are shared by every role (DESIGN.md §3: everyone creates and edits them); only leaders
 * and administrators delete. What each answers: 404 for an unknown or deleted company (or a contact
 * of another company), 403 for a delete by officers and staff, 400 with the Chinese message at the
 * field, 409 for a stale version — with nothing written in any of these cases.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/permissions";
import { addContact, deleteCompany } from "../../app/companies/companies.server";
import { contactSchema } from "../../app/companies/company.schema";
import { db, t } from "../../app/db.server";
import { action as companyAction, loader as companyLoader } from "../../app/routes/companies.$id";
import { action as removeContactAction } from "../../app/routes/companies.$id_.contacts.$contactId.remove";
import { action as editAction, loader as editLoader } from "../../app/routes/companies.$id_.edit";
import { action as newAction } from "../../app/routes/companies.new";
import { makeCompany, makeProject, makeUnit, makeUser } from "../support/builders";
import { loadAs, locationOf, refusal, submitAs } from "../support/requests";

const STALE = "该记录已被他人修改，请刷新后重试";
const UNKNOWN = 987_654;

let officer: Actor;
let officer2: Actor;
let leader: Actor;
let staff: Actor;
/** a company with no project: the one a leader may delete */
let free: number;
/** a company with a project of officer2's unit */
let busy: number;
/** a deleted company */
let gone: number;
/** a contact of `free`, and one of `busy` */
let contact: number;
let otherContact: number;

const params = (id: number) => ({ id: String(id) });
const companyRow = (id: number) => db().select().from(t.companies).where(eq(t.companies.id, id)).get()!;
const contactRow = (id: number) => db().select().from(t.contacts).where(eq(t.contacts.id, id)).get()!;
const auditCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.auditLog)
    .get()!.n;
const companyCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.companies)
    .get()!.n;

function companyForm(id: number, changes: Record<string, string> = {}): Record<string, string> {
  const row = companyRow(id);
  return {
    name: row.name,
    foreignName: row.foreignName ?? "",
    uscc: row.uscc ?? "",
    country: row.country,
    city: "",
    industry: "",
    description: "",
    version: String(row.version),
    ...changes,
  };
}

/** A refused POST writes nothing: the company, its contacts, the company count and the audit log are as they were. */
async function unchanged(id: number, post: () => Promise<Response>): Promise<Response> {
  const before = {
    row: companyRow(id),
    contacts: db().select().from(t.contacts).where(eq(t.contacts.companyId, id)).all(),
    companies: companyCount(),
    audit: auditCount(),
  };
  const response = await post();
  expect(companyRow(id)).toEqual(before.row);
  expect(db().select().from(t.contacts).where(eq(t.contacts.companyId, id)).all()).toEqual(before.contacts);
  expect(companyCount()).toBe(before.companies);
  expect(auditCount()).toBe(before.audit);
  return response;
}

beforeAll(() => {
  const center = makeUnit();
  const zone = makeUnit();
  officer = makeUser("officer", center);
  officer2 = makeUser("officer", zone);
  leader = makeUser("leader", center);
  staff = makeUser("staff", center);
  makeUser("admin", center);
  free = makeCompany(officer, { name: "无项目企业株式会社" });
  busy = makeCompany(officer2, { name: "有项目企业有限公司", country: "DE" });
  makeProject(officer2, { companyId: busy });
  gone = makeCompany(officer, { name: "已删除企业" });
  deleteCompany({ actor: leader, id: gone, version: companyRow(gone).version });
  contact = addContact({ actor: officer, companyId: free, data: contactSchema.parse({ name: "山田太郎" }) });
  otherContact = addContact({ actor: officer, companyId: busy, data: contactSchema.parse({ name: "Müller" }) });
});

describe("the company page (/companies/:id)", () => {
  it("opens for every role, whichever unit's projects the company has", async () => {
    for (const actor of [officer, staff, leader]) expect((await loadAs(actor, companyLoader, `/companies/${busy}`, params(busy))).status).toBe(200);
  });

  it("shows an officer only the company's projects in their scope", async () => {
    const mine = (await (await loadAs(officer, companyLoader, `/companies/${busy}`, params(busy))).json()) as { projects: unknown[] };
    const theirs = (await (await loadAs(officer2, companyLoader, `/companies/${busy}`, params(busy))).json()) as { projects: unknown[] };
    expect(mine.projects).toHaveLength(0);
    expect(theirs.projects).toHaveLength(1);
  });

  it("answers 404 for a deleted company, an unknown id and a malformed one — page and edit page alike", async () => {
    for (const id of [gone, UNKNOWN]) {
      expect((await loadAs(officer, companyLoader, `/companies/${id}`, params(id))).status).toBe(404);
      expect((await loadAs(officer, editLoader, `/companies/${id}/edit`, params(id))).status).toBe(404);
    }
    expect((await loadAs(officer, companyLoader, "/companies/x1", { id: "x1" })).status).toBe(404);
  });
});

describe("删除企业 (intent=delete on /companies/:id)", () => {
  const del = (actor: Actor, id: number, version = String(companyRow(id).version)) =>
    submitAs(actor, companyAction, `/companies/${id}`, { intent: "delete", version }, params(id));

  it("is forbidden (403) to officers and staff, and deletes nothing", async () => {
    for (const actor of [officer, staff]) expect((await unchanged(free, () => del(actor, free))).status).toBe(403);
    expect(companyRow(free).deletedAt).toBeNull();
  });

  it("400 while the company still has a project; 409 for a stale version", async () => {
    expect((await refusal(await unchanged(busy, () => del(leader, busy)), 400)).formError).toBe("该企业下还有招商项目，不能删除");
    expect((await refusal(await unchanged(free, () => del(leader, free, String(companyRow(free).version + 1))), 409)).formError).toBe(STALE);
  });

  it("404 for a deleted or unknown company", async () => {
    expect((await del(leader, gone)).status).toBe(404);
    expect((await submitAs(leader, companyAction, `/companies/${UNKNOWN}`, { intent: "delete", version: "1" }, params(UNKNOWN))).status).toBe(404);
  });
});

describe("联系人 (intent=addContact / editContact, and 移除)", () => {
  it("400 at the field for a contact without a name or with a bad phone or email", async () => {
    const response = await unchanged(free, () =>
      submitAs(officer, companyAction, `/companies/${free}`, { intent: "addContact", name: "", phone: "电话", email: "a@b" }, params(free)),
    );
    expect((await refusal(response, 400)).fieldErrors).toEqual({ name: "请输入联系人姓名", phone: "电话格式不正确", email: "邮箱格式不正确" });
  });

  it("400 for an unknown intent", async () => {
    const response = await unchanged(free, () => submitAs(officer, companyAction, `/companies/${free}`, { intent: "merge" }, params(free)));
    expect((await refusal(response, 400)).fieldErrors).toEqual({ intent: "操作无效，请刷新页面后重试" });
  });

  it("404 for a contact of another company and for a deleted company; 409 for a stale contact version", async () => {
    const form = (id: number, version: number) => ({ intent: "editContact", contactId: String(id), version: String(version), name: "改名" });
    expect(
      (await unchanged(free, () => submitAs(officer, companyAction, `/companies/${free}`, form(otherContact, contactRow(otherContact).version), params(free))))
        .status,
    ).toBe(404);
    expect(contactRow(otherContact).name).toBe("Müller");
    expect((await submitAs(officer, companyAction, `/companies/${gone}`, { intent: "addContact", name: "张三" }, params(gone))).status).toBe(404);
    const stale = await unchanged(free, () =>
      submitAs(officer, companyAction, `/companies/${free}`, form(contact, contactRow(contact).version + 1), params(free)),
    );
    expect((await refusal(stale, 409)).formError).toBe(STALE);
  });

  it("移除: 404 through another company's address, 409 stale, 302 when current", async () => {
    const remove = (companyId: number, contactId: number, version: number) =>
      submitAs(
        staff,
        removeContactAction,
        `/companies/${companyId}/contacts/${contactId}/remove`,
        { version: String(version) },
        { id: String(companyId), contactId: String(contactId) },
      );
    expect((await unchanged(busy, () => remove(free, otherContact, contactRow(otherContact).version))).status).toBe(404);
    expect((await refusal(await unchanged(free, () => remove(free, contact, contactRow(contact).version + 1)), 409)).formError).toBe(STALE);
    expect(locationOf(await remove(free, contact, contactRow(contact).version))).toBe(`/companies/${free}`);
    expect(contactRow(contact).deletedAt).not.toBeNull();
  });
});

describe("编辑企业 (/companies/:id/edit)", () => {
  it("400 at the fields: no name, an unknown country, a malformed USCC; the input is echoed", async () => {
    const response = await unchanged(free, () =>
      submitAs(officer, editAction, `/companies/${free}/edit`, companyForm(free, { name: " ", country: "XX", uscc: "123" }), params(free)),
    );
    const body = await refusal(response, 400);
    expect(body.fieldErrors).toEqual({ name: "请输入企业名称", country: "请选择国别/地区", uscc: "统一社会信用代码应为18位" });
    expect(body.values).toMatchObject({ country: "XX", uscc: "123" });
  });

  it("409 for a stale version, with the input kept", async () => {
    const form = companyForm(free, { city: "大阪", version: String(companyRow(free).version + 3) });
    const body = await refusal(await unchanged(free, () => submitAs(staff, editAction, `/companies/${free}/edit`, form, params(free))), 409);
    expect(body.formError).toBe(STALE);
    expect(body.values.city).toBe("大阪");
  });

  it("404 for a deleted or unknown company", async () => {
    expect((await submitAs(officer, editAction, `/companies/${gone}/edit`, companyForm(gone, { city: "上海" }), params(gone))).status).toBe(404);
    expect((await submitAs(officer, editAction, `/companies/${UNKNOWN}/edit`, companyForm(free, { name: "不存在的企业" }), params(UNKNOWN))).status).toBe(404);
  });

  it("saves for any role at the current version and leads to the company", async () => {
    const version = companyRow(free).version;
    expect(locationOf(await submitAs(officer2, editAction, `/companies/${free}/edit`, companyForm(free, { city: "名古屋" }), params(free)))).toBe(
      `/companies/${free}`,
    );
    expect(companyRow(free)).toMatchObject({ city: "名古屋", version: version + 1 });
  });
});

describe("新建企业 (/companies/new)", () => {
  it("400 at the field for a blank name, and nothing is created", async () => {
    const before = companyCount();
    const body = await refusal(await submitAs(officer, newAction, "/companies/new", { name: "\u0007 ", country: "JP" }), 400);
    expect(body.fieldErrors).toEqual({ name: "请输入企业名称" });
    expect(companyCount()).toBe(before);
  });

  it("creates for staff too (everyone may create a company) and leads to it", async () => {
    const response = await submitAs(staff, newAction, "/companies/new", { name: "新建的路由企业", country: "KR" });
    const created = db().select().from(t.companies).where(eq(t.companies.name, "新建的路由企业")).get()!;
    expect(locationOf(response)).toBe(`/companies/${created.id}`);
  });
});
