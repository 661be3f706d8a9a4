/**
 * The one confirmation pattern (DESIGN.md §6) on 系统管理, files, clauses, projects and contacts: each
 * destructive button is a GET to its route, whose page asks the question and carries the fields; only
 * the POST of those fields acts. Called as the browser calls the routes (session cookie, form body), on a real
 * migrated SQLite file. A GET must leave every table as it was (sessions aside).
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createReferenceItem } from "../app/admin/reference-lists.server";
import { storeAttachment } from "../app/attachments/attachments.server";
import type { Actor } from "../app/auth/permissions";
import { addContact } from "../app/companies/companies.server";
import { contactSchema } from "../app/companies/company.schema";
import { db, t } from "../app/db.server";
import { addClause, createPolicy } from "../app/policies/policies.server";
import { clauseSchema, policySchema } from "../app/policies/policy.schema";
import { addProjectMember, getProject, moveProjectToStage } from "../app/projects/projects.server";
import { action as channelsAction, loader as channelsLoader } from "../app/routes/admin.channels";
import { action as unitsAction, loader as unitsLoader } from "../app/routes/admin.units";
import { action as userAction, loader as userLoader } from "../app/routes/admin.users.$id";
import { action as deleteAttachmentAction, loader as deleteAttachmentLoader } from "../app/routes/attachments_.$id.delete";
import { action as removeContactAction, loader as removeContactLoader } from "../app/routes/companies.$id_.contacts.$contactId.remove";
import { action as policyAction, loader as policyLoader } from "../app/routes/policies.$id";
import { action as deleteProjectAction, loader as deleteProjectLoader } from "../app/routes/projects.$id_.delete";
import { action as membersAction, loader as membersLoader } from "../app/routes/projects.$id_.members";
import { action as verificationAction, loader as verificationLoader } from "../app/routes/projects.$id_.verification";
import type { Confirmation } from "../app/ui/confirm";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";
import { answer, getAs, postAs, routeArgs } from "./support/requests";

type Route = (args: ReturnType<typeof routeArgs>) => Promise<unknown>;

let admin: Actor;
let officer: Actor;
let colleague: Actor;
let unit: number;

beforeAll(() => {
  unit = makeUnit("确认页测试单位");
  admin = makeUser("admin", unit, "confirm-admin");
  officer = makeUser("officer", unit, "confirm-officer");
  colleague = makeUser("officer", unit, "confirm-colleague");
});

/** Every table's rows except the sessions a signed-in GET may touch. */
function databaseSnapshot(): Record<string, unknown[]> {
  const tables = db().all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('sessions', '__drizzle_migrations') order by name`,
  );
  return Object.fromEntries(tables.map(({ name }) => [name, db().all(sql.raw(`select * from "${name}"`))]));
}

/** The loader's answer for `path` as `actor`, checking that asking wrote nothing. */
async function ask(
  actor: Actor,
  path: string,
  loader: Route,
  params: Record<string, string> = {},
): Promise<{ confirmation: Confirmation | null } & Record<string, unknown>> {
  const before = databaseSnapshot();
  const response = await answer(async () => loader(routeArgs(await getAs(actor, path), params)));
  expect(response.status).toBe(200);
  expect(databaseSnapshot()).toEqual(before);
  return (await response.json()) as { confirmation: Confirmation | null };
}

/** Posts what the confirmation page posts, to where it posts it. */
async function confirm(actor: Actor, confirmation: Confirmation, action: Route, params: Record<string, string> = {}): Promise<Response> {
  return answer(async () => action(routeArgs(await postAs(actor, confirmation.action, confirmation.fields), params)));
}

const userRow = (id: number) => db().select().from(t.users).where(eq(t.users.id, id)).get()!;

describe("用户: 停用 and 重置密码", () => {
  it("停用 asks with the user's name, changes nothing until posted, then deactivates", async () => {
    const target = makeUser("officer", unit, "confirm-leaving");
    const params = { id: String(target.id) };
    const { version } = userRow(target.id);
    const page = await ask(admin, `/admin/users/${target.id}?intent=deactivate&version=${version}`, userLoader, params);
    expect(page.confirmation).toEqual({
      question: "确定停用「confirm-leaving（confirm-leaving）」？",
      detail: "停用后该用户的登录立即全部退出，不能再登录；之后可以启用，但需重新登录。",
      action: `/admin/users/${target.id}`,
      fields: { intent: "deactivate", version: String(version) },
      label: "停用",
      back: `/admin/users/${target.id}`,
      tone: "danger",
    });
    expect(userRow(target.id).active).toBe(true);

    const done = await confirm(admin, page.confirmation!, userAction, params);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ ok: true, done: "已停用，该用户的登录已全部退出" });
    expect(userRow(target.id)).toMatchObject({ active: false, version: version + 1 });
    // the plain page again: nothing left to ask about an inactive user
    expect((await ask(admin, `/admin/users/${target.id}?intent=deactivate&version=${version + 1}`, userLoader, params)).confirmation).toBeNull();
  });

  it("never offers to deactivate oneself, and the ordinary page carries no confirmation", async () => {
    const self = { id: String(admin.id) };
    expect((await ask(admin, `/admin/users/${admin.id}?intent=deactivate&version=1`, userLoader, self)).confirmation).toBeNull();
    expect((await ask(admin, `/admin/users/${officer.id}`, userLoader, { id: String(officer.id) })).confirmation).toBeNull();
    // an intent the page does not confirm is ignored, not acted on
    expect((await ask(admin, `/admin/users/${officer.id}?intent=unlock`, userLoader, { id: String(officer.id) })).confirmation).toBeNull();
  });

  it("重置密码 asks, keeps the password until posted, then returns a one-time password", async () => {
    const target = makeUser("staff", unit, "confirm-forgetful");
    const params = { id: String(target.id) };
    const before = userRow(target.id);
    const page = await ask(admin, `/admin/users/${target.id}?intent=resetPassword&version=${before.version}`, userLoader, params);
    expect(page.confirmation).toMatchObject({
      question: "确定为「confirm-forgetful（confirm-forgetful）」重置密码？",
      fields: { intent: "resetPassword", version: String(before.version) },
      label: "重置密码",
      tone: "primary",
    });
    expect(userRow(target.id).passwordHash).toBe(before.passwordHash);

    const done = await confirm(admin, page.confirmation!, userAction, params);
    const body = (await done.json()) as { ok: boolean; oneTimePassword: string };
    expect(body.ok).toBe(true);
    expect(body.oneTimePassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(userRow(target.id)).toMatchObject({ mustChangePassword: true, version: before.version + 1 });
    expect(userRow(target.id).passwordHash).not.toBe(before.passwordHash);
  });

  it("posts the version the administrator saw: a page left open after another change is refused", async () => {
    const target = makeUser("officer", unit, "confirm-stale");
    const params = { id: String(target.id) };
    const page = await ask(admin, `/admin/users/${target.id}?intent=deactivate&version=${userRow(target.id).version}`, userLoader, params);
    db()
      .update(t.users)
      .set({ version: sql`${t.users.version} + 1` })
      .where(eq(t.users.id, target.id))
      .run();
    expect((await confirm(admin, page.confirmation!, userAction, params)).status).toBe(409);
    expect(userRow(target.id).active).toBe(true);
  });

  it("answers an officer with 403 and shows them no confirmation", async () => {
    const response = await answer(async () =>
      userLoader(routeArgs(await getAs(officer, `/admin/users/${colleague.id}?intent=deactivate&version=1`), { id: String(colleague.id) })),
    );
    expect(response.status).toBe(403);
    expect(userRow(colleague.id).active).toBe(true);
  });
});

describe("单位 and 线索来源: 删除", () => {
  const unitRow = (id: number) => db().select().from(t.units).where(eq(t.units.id, id)).get();
  const channelRow = (id: number) => db().select().from(t.channels).where(eq(t.channels.id, id)).get();

  it("asks before deleting an unused 单位, then deletes it on the POST", async () => {
    const id = createReferenceItem({ actor: admin, list: "units", data: { name: "全塘镇（确认页）", kind: "town", sortOrder: null } });
    const page = await ask(admin, `/admin/units?intent=delete&id=${id}&version=1`, unitsLoader);
    expect(page.confirmation).toEqual({
      question: "确定删除单位「全塘镇（确认页）」？",
      detail: "没有任何记录使用这个单位；删除后不能恢复，只想让它不再出现在选择列表中时请用停用。",
      action: "/admin/units",
      fields: { intent: "delete", id: String(id), version: "1" },
      label: "删除",
      back: "/admin/units",
    });
    expect(unitRow(id)).toBeDefined();

    const done = await confirm(admin, page.confirmation!, unitsAction);
    expect(await done.json()).toMatchObject({ ok: true, done: "已删除" });
    expect(unitRow(id)).toBeUndefined();
  });

  it("offers no confirmation for a 单位 in use (it cannot be deleted) and none without an intent", async () => {
    const page = await ask(admin, `/admin/units?intent=delete&id=${unit}&version=1`, unitsLoader);
    expect(page.confirmation).toBeNull();
    expect((page.items as Array<{ id: number }>).some((item) => item.id === unit)).toBe(true);
    expect((await ask(admin, "/admin/units", unitsLoader)).confirmation).toBeNull();
  });

  it("asks before deleting a 线索来源 and deletes it on the POST", async () => {
    const id = createReferenceItem({ actor: admin, list: "channels", data: { name: "展会（确认页）", sortOrder: null } });
    const page = await ask(admin, `/admin/channels?intent=delete&id=${id}&version=1`, channelsLoader);
    expect(page.confirmation).toMatchObject({
      question: "确定删除线索来源「展会（确认页）」？",
      action: "/admin/channels",
      fields: { intent: "delete", id: String(id) },
    });
    expect(channelRow(id)).toBeDefined();
    await confirm(admin, page.confirmation!, channelsAction);
    expect(channelRow(id)).toBeUndefined();
  });
});

describe("附件: 删除", () => {
  const PDF = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n", "latin1");
  const attachmentRow = (id: number) => db().select().from(t.attachments).where(eq(t.attachments.id, id)).get()!;
  let project: number;

  beforeAll(() => {
    project = makeProject(officer, { companyId: makeCompany(officer, { name: "附件确认页测试企业" }) });
  });

  const upload = (name: string) =>
    storeAttachment({
      actor: officer,
      entityType: "project",
      entityId: project,
      category: "signing_agreement",
      file: { name, bytes: Buffer.concat([PDF, Buffer.from(`% ${name}\n`)]) },
    });

  it("asks with the file's name and returns to the page it came from; deletes (softly) only on the POST", async () => {
    const id = await upload("投资协议（确认页）.pdf");
    const params = { id: String(id) };
    const returnTo = `/projects/${project}`;
    const page = await ask(
      officer,
      `/attachments/${id}/delete?intent=delete&version=1&entityType=project&entityId=${project}&returnTo=${encodeURIComponent(returnTo)}`,
      deleteAttachmentLoader,
      params,
    );
    expect(page.confirmation).toEqual({
      question: "确定删除附件「投资协议（确认页）.pdf」？",
      detail: "签约协议（招商项目的附件）。删除后可由管理员从回收站恢复。",
      action: `/attachments/${id}/delete`,
      fields: { intent: "delete", version: "1", entityType: "project", entityId: String(project), returnTo },
      label: "删除",
      back: returnTo,
    });
    expect(attachmentRow(id).deletedAt).toBeNull();

    const done = await confirm(officer, page.confirmation!, deleteAttachmentAction, params);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/projects/${project}?attachment=deleted&attachmentFor=project-${project}#attachments-project-${project}`);
    expect(attachmentRow(id).deletedAt).not.toBeNull();
  });

  it("never leaves the site through returnTo, and refuses the page to one who may not delete the file", async () => {
    const id = await upload("营业执照（确认页）.pdf");
    const params = { id: String(id) };
    const page = await ask(
      officer,
      `/attachments/${id}/delete?version=1&returnTo=${encodeURIComponent("https://evil.example/")}`,
      deleteAttachmentLoader,
      params,
    );
    expect(page.confirmation?.back).toBe(`/projects/${project}`);
    expect(page.confirmation?.fields.returnTo).toBe(`/projects/${project}`);
    // a colleague outside the project may read it (same unit) but not delete it
    const refused = await answer(async () => deleteAttachmentLoader(routeArgs(await getAs(colleague, `/attachments/${id}/delete?version=1`), params)));
    expect(refused.status).toBe(403);
    expect(attachmentRow(id).deletedAt).toBeNull();
  });
});

describe("政策库: 删除条款", () => {
  const clauseRow = (id: number) => db().select().from(t.policyClauses).where(eq(t.policyClauses.id, id)).get()!;

  it("asks an administrator with the policy and clause, then removes the clause on the POST", async () => {
    const policyId = createPolicy({ actor: admin, data: policySchema.parse({ level: "county", title: "确认页测试政策" }) });
    const clauseId = addClause({ actor: admin, policyId, data: clauseSchema.parse({ number: "第五条", text: "增资奖励（测试）" }) });
    const params = { id: String(policyId) };
    const page = await ask(admin, `/policies/${policyId}?intent=removeClause&clauseId=${clauseId}`, policyLoader, params);
    expect(page.confirmation).toEqual({
      question: "确定删除「确认页测试政策」的条款「第五条」？",
      detail: "删除后不再出现在条款选择中，变更记录中保留这次删除。",
      action: `/policies/${policyId}`,
      fields: { intent: "removeClause", clauseId: String(clauseId) },
      label: "删除条款",
      back: `/policies/${policyId}`,
    });
    expect(clauseRow(clauseId).deletedAt).toBeNull();
    // an officer reads the policy but is asked nothing (they cannot delete)
    expect((await ask(officer, `/policies/${policyId}?intent=removeClause&clauseId=${clauseId}`, policyLoader, params)).confirmation).toBeNull();

    await confirm(admin, page.confirmation!, policyAction, params);
    expect(clauseRow(clauseId).deletedAt).not.toBeNull();
  });
});

describe("the project's and company's confirmations ask on a GET and act only on the POST", () => {
  let leader: Actor;
  let company: number;
  beforeAll(() => {
    leader = makeUser("leader", unit, "confirm-leader");
    company = makeCompany(officer, { name: "项目确认页测试企业" });
  });

  it("移除 a member", async () => {
    const id = makeProject(officer, { companyId: company });
    addProjectMember({ actor: officer, projectId: id, userId: colleague.id });
    const params = { id: String(id) };
    const page = await ask(officer, `/projects/${id}/members?intent=remove&userId=${colleague.id}`, membersLoader, params);
    expect(page.confirmation).toMatchObject({ question: "确定将「confirm-colleague」移出项目成员？", label: "移除" });
    await confirm(officer, page.confirmation!, membersAction, params);
    expect(getProject(officer, id).members).toEqual([]);
  });

  it("甄别通过 and 退回 a signing", async () => {
    const params = (id: number) => ({ id: String(id) });
    const signed = () => {
      const id = makeProject(officer, { companyId: company, enteredOn: "2026-06-01" });
      moveProjectToStage({ actor: officer, projectId: id, toStage: "signed", occurredOn: "2026-06-10", note: null, version: projectRow(id).version });
      return id;
    };
    const verified = signed();
    const verify = await ask(
      leader,
      `/projects/${verified}/verification?intent=verify&version=${projectRow(verified).version}`,
      verificationLoader,
      params(verified),
    );
    expect(verify.confirmation).toMatchObject({ label: "甄别通过", fields: { intent: "verify" } });
    expect(projectRow(verified).signingVerifiedAt).toBeNull();
    await confirm(leader, verify.confirmation!, verificationAction, params(verified));
    expect(projectRow(verified).signingVerifiedAt).not.toBeNull();

    const returned = signed();
    const back = await ask(
      leader,
      `/projects/${returned}/verification?intent=return&version=${projectRow(returned).version}&reason=${encodeURIComponent("缺少签约协议")}`,
      verificationLoader,
      params(returned),
    );
    expect(back.confirmation).toMatchObject({ label: "退回", fields: { intent: "return", reason: "缺少签约协议" } });
    expect(back.confirmation?.detail).toContain("退回原因：缺少签约协议");
    expect(projectRow(returned).signingReturnedAt).toBeNull();
    await confirm(leader, back.confirmation!, verificationAction, params(returned));
    expect(projectRow(returned).signingReturnedAt).not.toBeNull();
  });

  it("删除 a project", async () => {
    const id = makeProject(officer, { companyId: company });
    const page = await ask(leader, `/projects/${id}/delete?version=${projectRow(id).version}`, deleteProjectLoader, { id: String(id) });
    expect(page.confirmation).toMatchObject({ label: "删除", fields: { version: String(projectRow(id).version) } });
    expect(projectRow(id).deletedAt).toBeNull();
    await confirm(leader, page.confirmation!, deleteProjectAction, { id: String(id) });
    expect(projectRow(id).deletedAt).not.toBeNull();
  });

  it("移除 a contact", async () => {
    const contactId = addContact({ actor: officer, companyId: company, data: contactSchema.parse({ name: "山田", title: "社长" }) });
    const params = { id: String(company), contactId: String(contactId) };
    const page = await ask(officer, `/companies/${company}/contacts/${contactId}/remove?version=1`, removeContactLoader, params);
    expect(page.confirmation).toMatchObject({ question: "确定从「项目确认页测试企业」移除联系人「山田 · 社长」？", label: "移除" });
    await confirm(officer, page.confirmation!, removeContactAction, params);
    expect(db().select().from(t.contacts).where(eq(t.contacts.id, contactId)).get()!.deletedAt).not.toBeNull();
  });
});
