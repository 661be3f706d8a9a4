/**
 * 系统管理 routes called as the browser calls them (real session cookie, form POST, migrated SQLite).
 * Users, units, channels, the operation log, the recycle bin, parks, policies and chains are the
 * administrator's (DESIGN.md §3): every other role gets 403 from each such loader and action, and
 * nothing is written. For the administrator: 404 for an unknown user or record, 400 at the field,
 * 409 for a stale version.
 */
import { eq, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/permissions";
import { db, t } from "../../app/db.server";
import { deleteProject } from "../../app/projects/projects.server";
import * as adminLayout from "../../app/routes/admin";
import * as adminIndex from "../../app/routes/admin._index";
import * as channels from "../../app/routes/admin.channels";
import * as logIndex from "../../app/routes/admin.log._index";
import * as logExport from "../../app/routes/admin.log.export";
import * as units from "../../app/routes/admin.units";
import * as userPage from "../../app/routes/admin.users.$id";
import * as users from "../../app/routes/admin.users._index";
import * as newUser from "../../app/routes/admin.users.new";
import * as chainsIndex from "../../app/routes/chains._index";
import * as newPark from "../../app/routes/parks.new";
import * as newPolicy from "../../app/routes/policies.new";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "../support/builders";
import { loadAs, refusal, submitAs, type RouteFunction } from "../support/requests";

const STALE = "该记录已被他人修改，请刷新后重试";
const UNKNOWN = 987_654;

let unit: number;
let officer: Actor;
let leader: Actor;
let staff: Actor;
let admin: Actor;
let colleague: Actor & { username: string };

const userRow = (id: number) => db().select().from(t.users).where(eq(t.users.id, id)).get()!;
const count = (table: SQLiteTable) =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;
const snapshot = () => ({
  users: db().select().from(t.users).all(),
  units: db().select().from(t.units).all(),
  channels: db().select().from(t.channels).all(),
  parks: count(t.parks),
  policies: count(t.policies),
  chainSystems: count(t.chainSystems),
  chainNodes: count(t.chainNodes),
  audit: count(t.auditLog),
  operations: count(t.operationLog),
});

/** The administrator-only pages, each with a path and params it answers. */
const ADMIN_PAGES: { name: string; loader: RouteFunction; path: string; params?: () => Record<string, string> }[] = [
  { name: "admin (layout)", loader: adminLayout.loader, path: "/admin" },
  { name: "admin._index (概况与回收站)", loader: adminIndex.loader, path: "/admin" },
  { name: "admin.users._index", loader: users.loader, path: "/admin/users" },
  { name: "admin.users.new", loader: newUser.loader, path: "/admin/users/new" },
  { name: "admin.users.$id", loader: userPage.loader, path: "/admin/users/:id", params: () => ({ id: String(colleague.id) }) },
  { name: "admin.units", loader: units.loader, path: "/admin/units" },
  { name: "admin.channels", loader: channels.loader, path: "/admin/channels" },
  { name: "admin.log._index", loader: logIndex.loader, path: "/admin/log" },
  { name: "admin.log.export", loader: logExport.loader, path: "/admin/log/export" },
  { name: "parks.new", loader: newPark.loader, path: "/parks/new" },
  { name: "policies.new", loader: newPolicy.loader, path: "/policies/new" },
];

/** The administrator-only actions. */
const ADMIN_ACTIONS: { name: string; action: RouteFunction; path: string; params?: () => Record<string, string> }[] = [
  { name: "admin._index (恢复)", action: adminIndex.action, path: "/admin" },
  { name: "admin.users.new", action: newUser.action, path: "/admin/users/new" },
  { name: "admin.users.$id", action: userPage.action, path: "/admin/users/:id", params: () => ({ id: String(colleague.id) }) },
  { name: "admin.units", action: units.action, path: "/admin/units" },
  { name: "admin.channels", action: channels.action, path: "/admin/channels" },
  { name: "parks.new", action: newPark.action, path: "/parks/new" },
  { name: "policies.new", action: newPolicy.action, path: "/policies/new" },
  { name: "chains._index", action: chainsIndex.action, path: "/chains" },
];

beforeAll(() => {
  unit = makeUnit("投资促进中心");
  officer = makeUser("officer", unit);
  leader = makeUser("leader", unit);
  staff = makeUser("staff", unit);
  admin = makeUser("admin", unit);
  colleague = makeUser("officer", unit, "colleague");
});

describe("administrator-only pages and actions", () => {
  it("every page answers 403 to officers, leaders and staff, and 200 to the administrator", async () => {
    const wrong: string[] = [];
    for (const page of ADMIN_PAGES) {
      const params = page.params?.() ?? {};
      const path = page.path.replace(":id", params.id ?? "");
      for (const actor of [officer, leader, staff]) {
        const response = await loadAs(actor, page.loader, path, params);
        if (response.status !== 403) wrong.push(`${page.name} as ${actor.role}: ${response.status}`);
      }
      const response = await loadAs(admin, page.loader, path, params);
      if (response.status !== 200) wrong.push(`${page.name} as admin: ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("every action answers 403 to officers, leaders and staff, and writes nothing", async () => {
    // a form each action would take from the administrator: a new user, unit or channel named here
    const form = {
      intent: "create",
      username: "intruder",
      displayName: "越权",
      role: "admin",
      unitId: String(unit),
      name: "越权新增",
      kind: "other",
      sortOrder: "",
    };
    const before = snapshot();
    const wrong: string[] = [];
    for (const entry of ADMIN_ACTIONS) {
      const params = entry.params?.() ?? {};
      const path = entry.path.replace(":id", params.id ?? "");
      for (const actor of [officer, leader, staff]) {
        const response = await submitAs(
          actor,
          entry.action,
          path,
          { ...form, intent: entry.name === "admin.users.$id" ? "edit" : form.intent, id: String(colleague.id), version: "1" },
          params,
        );
        if (response.status !== 403) wrong.push(`${entry.name} as ${actor.role}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(snapshot()).toEqual(before);
  });
});

describe("用户 (/admin/users)", () => {
  const create = (fields: Record<string, string>) =>
    submitAs(admin, newUser.action, "/admin/users/new", { username: "newcomer", displayName: "新同事", role: "officer", unitId: String(unit), ...fields });
  const edit = (id: number, fields: Record<string, string> = {}) => {
    const row = userRow(id);
    return submitAs(
      admin,
      userPage.action,
      `/admin/users/${id}`,
      { intent: "edit", displayName: row.displayName, role: row.role, unitId: String(row.unitId), version: String(row.version), ...fields },
      { id: String(id) },
    );
  };

  it("the user page answers 404 for an unknown or malformed id", async () => {
    expect((await loadAs(admin, userPage.loader, `/admin/users/${UNKNOWN}`, { id: String(UNKNOWN) })).status).toBe(404);
    expect((await loadAs(admin, userPage.loader, "/admin/users/me", { id: "me" })).status).toBe(404);
  });

  it("新建用户: 400 at the field for a malformed or taken username, no name, no role, no unit; nothing created", async () => {
    const before = db().select().from(t.users).all();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ username: "张三" }, { username: "用户名只能用字母、数字和 . _ -，并以字母或数字开头" }],
      [{ username: "a" }, { username: "用户名至少 2 个字符" }],
      [{ username: "COLLEAGUE" }, { username: "该用户名已被使用" }],
      [{ displayName: " " }, { displayName: "请输入姓名" }],
      [{ role: "root" }, { role: "请选择角色" }],
      [{ unitId: "" }, { unitId: "请选择所属单位" }],
      [{ unitId: String(UNKNOWN) }, { unitId: "请选择一个在用的单位" }],
    ];
    for (const [changes, fieldErrors] of cases) {
      const body = await refusal(await create(changes), 400);
      expect(body.fieldErrors, JSON.stringify(changes)).toEqual(fieldErrors);
    }
    expect(db().select().from(t.users).all()).toEqual(before);
  });

  it("新建用户 by the administrator answers 200 with a one-time password", async () => {
    const response = await create({});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; id: number; oneTimePassword: string };
    expect(body.oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(userRow(body.id)).toMatchObject({ username: "newcomer", mustChangePassword: true });
  });

  it("编辑: 409 for a stale version (input kept), 404 for an unknown user, 400 for an unknown unit", async () => {
    const before = userRow(colleague.id);
    const stale = await refusal(await edit(colleague.id, { displayName: "新名字", version: String(before.version + 1) }), 409);
    expect(stale.formError).toBe(STALE);
    expect(stale.values.displayName).toBe("新名字");
    expect(userRow(colleague.id)).toEqual(before);
    const unknown = await submitAs(
      admin,
      userPage.action,
      `/admin/users/${UNKNOWN}`,
      { intent: "edit", displayName: "x", role: "officer", unitId: String(unit), version: "1" },
      { id: String(UNKNOWN) },
    );
    expect(unknown.status).toBe(404);
    expect((await refusal(await edit(colleague.id, { unitId: String(UNKNOWN) }), 400)).fieldErrors).toEqual({ unitId: "请选择一个在用的单位" });
    expect(userRow(colleague.id)).toEqual(before);
  });

  it("400 for stopping oneself or demoting the last administrator; 400 for an unknown intent", async () => {
    const before = userRow(admin.id);
    const self = await submitAs(
      admin,
      userPage.action,
      `/admin/users/${admin.id}`,
      { intent: "deactivate", version: String(before.version) },
      { id: String(admin.id) },
    );
    expect((await refusal(self, 400)).formError).toBe("不能停用自己的账号");
    const demoted = await refusal(await edit(admin.id, { role: "staff" }), 400);
    expect(demoted.fieldErrors).toEqual({ role: "这是最后一个在用的系统管理员，不能改为其他角色" });
    const unknown = await submitAs(admin, userPage.action, `/admin/users/${colleague.id}`, { intent: "promote", version: "1" }, { id: String(colleague.id) });
    expect((await refusal(unknown, 400)).fieldErrors).toEqual({ intent: "操作无效" });
    expect(userRow(admin.id)).toEqual(before);
  });

  it("停用 at the current version answers 200 and ends the user's sessions", async () => {
    const victim = makeUser("staff", unit);
    await loadAs(victim, users.loader, "/admin/users"); // makes a session for them (answered 403)
    expect(db().select().from(t.sessions).where(eq(t.sessions.userId, victim.id)).all().length).toBeGreaterThan(0);
    const response = await submitAs(
      admin,
      userPage.action,
      `/admin/users/${victim.id}`,
      { intent: "deactivate", version: String(userRow(victim.id).version) },
      { id: String(victim.id) },
    );
    expect(response.status).toBe(200);
    expect(userRow(victim.id).active).toBe(false);
    expect(db().select().from(t.sessions).where(eq(t.sessions.userId, victim.id)).all()).toEqual([]);
  });
});

describe("单位 (/admin/units)", () => {
  const unitRow = (id: number) => db().select().from(t.units).where(eq(t.units.id, id)).get()!;

  it("400 at the field for a blank or taken name, or a malformed 排序", async () => {
    const before = db().select().from(t.units).all();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ name: "" }, { name: "请输入名称" }],
      [{ name: "投资促进中心" }, { name: "已有同名的单位" }],
      [{ name: "新单位", sortOrder: "-1" }, { sortOrder: "排序应为 0–9999 的整数" }],
    ];
    for (const [changes, fieldErrors] of cases) {
      const body = await refusal(await submitAs(admin, units.action, "/admin/units", { intent: "create", kind: "town", sortOrder: "", ...changes }), 400);
      expect(body.fieldErrors, JSON.stringify(changes)).toEqual(fieldErrors);
    }
    expect(db().select().from(t.units).all()).toEqual(before);
  });

  it("409 for a stale rename, 404 for an unknown unit, 400 for stopping a unit with active users", async () => {
    const before = unitRow(unit);
    const stale = await submitAs(admin, units.action, "/admin/units", {
      intent: "edit",
      id: String(unit),
      version: String(before.version + 1),
      name: "改名中心",
      kind: "center",
      sortOrder: "",
    });
    expect((await refusal(stale, 409)).formError).toBe(STALE);
    expect(
      (
        await submitAs(admin, units.action, "/admin/units", {
          intent: "edit",
          id: String(UNKNOWN),
          version: "1",
          name: "无此单位",
          kind: "center",
          sortOrder: "",
        })
      ).status,
    ).toBe(404);
    const inUse = await submitAs(admin, units.action, "/admin/units", { intent: "deactivate", id: String(unit), version: String(before.version) });
    expect((await refusal(inUse, 400)).formError).toMatch(/^还有 \d+ 个在用的用户属于该单位/);
    expect(unitRow(unit)).toEqual(before);
  });
});

describe("回收站 (恢复 on /admin)", () => {
  it("404 for an unknown record, 409 for a stale version, 200 when current", async () => {
    const owner = makeUser("officer", unit);
    const project = makeProject(owner, { companyId: makeCompany(owner) });
    deleteProject({ actor: leader, projectId: project, version: projectRow(project).version });
    const restore = (id: number, version: number) =>
      submitAs(admin, adminIndex.action, "/admin", { entityType: "project", id: String(id), version: String(version) });
    expect((await restore(UNKNOWN, 1)).status).toBe(404);
    const deleted = projectRow(project);
    expect((await refusal(await restore(project, deleted.version + 1), 409)).formError).toBe(STALE);
    expect(projectRow(project)).toEqual(deleted);
    expect((await restore(project, deleted.version)).status).toBe(200);
    expect(projectRow(project).deletedAt).toBeNull();
  });
});
