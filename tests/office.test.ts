/**
 * Running the office (DESIGN.md §9, §11): users and their passwords, sessions, sign-in limits under
 * simultaneous requests, 单位/线索来源 upkeep and 操作日志 — on a real database.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createReferenceItem, deleteReferenceItem, listReferenceItems, setReferenceItemActive, updateReferenceItem } from "../app/admin/reference-lists.server";
import { changeOwnPassword, createUser, listUsers, resetPassword, setUserActive, unlockUser, updateUser } from "../app/admin/users.server";
import { attemptLogin, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "../app/auth/login.server";
import { changePasswordSchema, passwordProblem } from "../app/auth/password-policy";
import { currentSessionId, getSessionUser, requireUser, SESSION_IDLE_MS, startSession } from "../app/auth/session.server";
import { db, t } from "../app/db.server";
import { ForbiddenError, InvalidError } from "../app/lib/errors";
import { exportOperations, listOperations } from "../app/operations/operation-log.server";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

async function sessionCookie(userId: number): Promise<string> {
  const response = await startSession(userId, "/", new Request("http://localhost/login"));
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

const pageRequest = (cookie: string, path = "/projects") => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });

function adminOf(unitId = makeUnit()) {
  return makeUser("admin", unitId);
}

/** Creates a user through the administrator's screen and signs them in with the one-time password. */
async function newSignedInUser(admin: ReturnType<typeof adminOf>, username: string, role: "officer" | "leader" | "staff" | "admin" = "officer") {
  const { id, oneTimePassword } = await createUser({ actor: admin, data: { username, displayName: username, role, unitId: admin.unitId } });
  const login = await attemptLogin({ username, password: oneTimePassword, address: "10.20.0.1" });
  expect(login).toMatchObject({ ok: true, userId: id });
  return { id, oneTimePassword, cookie: await sessionCookie(id) };
}

describe("用户 (administrator)", () => {
  it("creates a user with a one-time password that must be changed at first sign-in", async () => {
    const admin = adminOf();
    const { id, oneTimePassword, cookie } = await newSignedInUser(admin, "xiaowang");
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const stored = db().select().from(t.users).where(eq(t.users.id, id)).get()!;
    expect(stored.passwordHash).not.toContain(oneTimePassword);
    expect(stored.mustChangePassword).toBe(true);
    // every page leads to 修改密码 until the password is changed
    await expect(requireUser(pageRequest(cookie))).rejects.toMatchObject({ status: 302, headers: expect.any(Headers) });
    const redirected = await requireUser(pageRequest(cookie)).catch((response: Response) => response.headers.get("Location"));
    expect(redirected).toBe("/password");
    await expect(requireUser(pageRequest(cookie, "/password"))).resolves.toMatchObject({ id });
    const data = changePasswordSchema.parse({
      username: "xiaowang",
      currentPassword: oneTimePassword,
      newPassword: "樱花与运河2026年春",
      confirmPassword: "樱花与运河2026年春",
    });
    await changeOwnPassword({ actor: { id, role: "officer", unitId: admin.unitId }, data, sessionId: null });
    expect((await attemptLogin({ username: "xiaowang", password: "樱花与运河2026年春", address: "10.20.0.1" })).ok).toBe(true);
    expect((await attemptLogin({ username: "xiaowang", password: oneTimePassword, address: "10.20.0.1" })).ok).toBe(false);
  });

  it("refuses a taken username, whatever its case, and a retired unit", async () => {
    const admin = adminOf();
    await createUser({ actor: admin, data: { username: "Zhao", displayName: "赵", role: "officer", unitId: admin.unitId } });
    await expect(createUser({ actor: admin, data: { username: "zhao", displayName: "赵二", role: "officer", unitId: admin.unitId } })).rejects.toMatchObject({
      fieldErrors: { username: "该用户名已被使用" },
    });
    const retired = makeUnit();
    db().update(t.units).set({ active: false }).where(eq(t.units.id, retired)).run();
    await expect(createUser({ actor: admin, data: { username: "qian", displayName: "钱", role: "officer", unitId: retired } })).rejects.toBeInstanceOf(
      InvalidError,
    );
  });

  it("is for administrators only", async () => {
    const leader = makeUser("leader", makeUnit());
    expect(() => listUsers(leader)).toThrow(ForbiddenError);
    await expect(createUser({ actor: leader, data: { username: "sun", displayName: "孙", role: "admin", unitId: leader.unitId } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("停用 ends the user's sessions at once and 启用 does not bring them back", async () => {
    const admin = adminOf();
    const { id, cookie } = await newSignedInUser(admin, "zhou");
    expect(await getSessionUser(pageRequest(cookie))).toMatchObject({ id });
    const version = () => db().select({ v: t.users.version }).from(t.users).where(eq(t.users.id, id)).get()!.v;
    setUserActive({ actor: admin, id, version: version(), active: false });
    expect(await getSessionUser(pageRequest(cookie))).toBeNull();
    setUserActive({ actor: admin, id, version: version(), active: true });
    expect(await getSessionUser(pageRequest(cookie))).toBeNull();
  });

  it("never leaves the system without an active administrator", () => {
    const unit = makeUnit();
    // every administrator the other tests made is deactivated first, so this one is the last
    for (const row of db()
      .select()
      .from(t.users)
      .where(and(eq(t.users.role, "admin"), eq(t.users.active, true)))
      .all()) {
      db().update(t.users).set({ active: false }).where(eq(t.users.id, row.id)).run();
    }
    const last = makeUser("admin", unit);
    const other = makeUser("admin", unit);
    const versionOf = (id: number) => db().select({ v: t.users.version }).from(t.users).where(eq(t.users.id, id)).get()!.v;
    setUserActive({ actor: last, id: other.id, version: versionOf(other.id), active: false });
    expect(() => updateUser({ actor: last, data: { id: last.id, version: versionOf(last.id), displayName: "最后", role: "leader", unitId: unit } })).toThrow(
      /最后一个在用的系统管理员/,
    );
    expect(() => setUserActive({ actor: other, id: last.id, version: versionOf(last.id), active: false })).toThrow(/最后一个在用的系统管理员/);
    expect(db().select({ role: t.users.role, active: t.users.active }).from(t.users).where(eq(t.users.id, last.id)).get()).toEqual({
      role: "admin",
      active: true,
    });
    // with a second active administrator the demotion goes through
    setUserActive({ actor: last, id: other.id, version: versionOf(other.id), active: true });
    updateUser({ actor: other, data: { id: last.id, version: versionOf(last.id), displayName: "最后", role: "leader", unitId: unit } });
    expect(db().select({ role: t.users.role }).from(t.users).where(eq(t.users.id, last.id)).get()!.role).toBe("leader");
  });

  it("重置密码 gives a new one-time password, ends sessions and unlocks sign-in", async () => {
    const admin = adminOf();
    const { id, cookie } = await newSignedInUser(admin, "wu");
    for (let i = 0; i < 5; i++) await attemptLogin({ username: "wu", password: "wrong-guess", address: "10.20.9.9" });
    expect(listUsers(admin).find((user) => user.id === id)?.locked).toBe(true);
    const version = db().select({ v: t.users.version }).from(t.users).where(eq(t.users.id, id)).get()!.v;
    const fresh = await resetPassword({ actor: admin, id, version });
    expect(await getSessionUser(pageRequest(cookie))).toBeNull();
    expect(listUsers(admin).find((user) => user.id === id)).toMatchObject({ locked: false, mustChangePassword: true });
    expect(await attemptLogin({ username: "wu", password: fresh, address: "10.20.9.9" })).toMatchObject({ ok: true, mustChangePassword: true });
  });

  it("解锁 clears failures from the count but keeps them in the log", async () => {
    const admin = adminOf();
    await newSignedInUser(admin, "zheng");
    for (let i = 0; i < 5; i++) await attemptLogin({ username: "zheng", password: "wrong-guess", address: "10.21.0.1" });
    const id = listUsers(admin).find((user) => user.username === "zheng")!.id;
    expect(unlockUser({ actor: admin, id })).toBe(5);
    expect(listUsers(admin).find((user) => user.id === id)?.locked).toBe(false);
    expect(
      db()
        .select()
        .from(t.loginAttempts)
        .where(and(eq(t.loginAttempts.username, "zheng"), eq(t.loginAttempts.succeeded, false)))
        .all(),
    ).toHaveLength(5);
  });
});

describe("修改密码", () => {
  it("asks for at least 10 characters, not the username, not a common password, typed twice", () => {
    expect(passwordProblem("short1", "li")).toMatch(/至少 10 个字符/);
    expect(passwordProblem("zhangsan2026", "zhangsan")).toMatch(/用户名/);
    expect(passwordProblem("ZhangSan", "zhangsan")).toMatch(/至少/);
    expect(passwordProblem("1234567890", "li")).toMatch(/太常见/);
    expect(passwordProblem("Password123", "li")).toMatch(/太常见/);
    expect(passwordProblem("aaaaaaaaaaaa", "li")).toMatch(/太常见/);
    expect(passwordProblem("abcabcabcabc", "li")).toMatch(/太常见/);
    expect(passwordProblem("运河边的樱花2026春", "li")).toBeNull();
    const mismatch = changePasswordSchema.safeParse({
      username: "li",
      currentPassword: "old-password-1",
      newPassword: "运河边的樱花2026春",
      confirmPassword: "运河边的樱花2026秋",
    });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: "两次输入的新密码不一致" });
  });

  it("needs the current password and ends the user's other sessions, keeping this one", async () => {
    const admin = adminOf();
    const { id, oneTimePassword } = await newSignedInUser(admin, "feng");
    const here = await sessionCookie(id);
    const elsewhere = await sessionCookie(id);
    const actor = { id, role: "officer" as const, unitId: admin.unitId };
    const input = (currentPassword: string) =>
      changePasswordSchema.parse({ username: "feng", currentPassword, newPassword: "平湖西瓜灯会2026年", confirmPassword: "平湖西瓜灯会2026年" });
    await expect(changeOwnPassword({ actor, data: input("not-the-password"), sessionId: null })).rejects.toMatchObject({
      fieldErrors: { currentPassword: "当前密码不正确" },
    });
    const current = await currentSessionId(pageRequest(here));
    expect(current).toBeTruthy();
    await changeOwnPassword({ actor, data: input(oneTimePassword), sessionId: current });
    expect(await getSessionUser(pageRequest(elsewhere))).toBeNull();
    expect(await getSessionUser(pageRequest(here))).toMatchObject({ id, mustChangePassword: false });
  });
});

describe("sessions", () => {
  it("end after 8 hours without a request", async () => {
    const admin = adminOf();
    const { id, cookie } = await newSignedInUser(admin, "chu");
    expect(await getSessionUser(pageRequest(cookie))).toMatchObject({ id });
    db()
      .update(t.sessions)
      .set({ lastSeenAt: Date.now() - SESSION_IDLE_MS + 60_000 })
      .where(eq(t.sessions.userId, id))
      .run();
    expect(await getSessionUser(pageRequest(cookie))).toMatchObject({ id });
    db()
      .update(t.sessions)
      .set({ lastSeenAt: Date.now() - SESSION_IDLE_MS - 1 })
      .where(eq(t.sessions.userId, id))
      .run();
    expect(await getSessionUser(pageRequest(cookie))).toBeNull();
  });

  it("a request keeps the session alive", async () => {
    const admin = adminOf();
    const { id, cookie } = await newSignedInUser(admin, "wei");
    const longAgo = Date.now() - 2 * 3_600_000;
    db().update(t.sessions).set({ lastSeenAt: longAgo }).where(eq(t.sessions.userId, id)).run();
    await getSessionUser(pageRequest(cookie));
    const seen = db().select({ at: t.sessions.lastSeenAt }).from(t.sessions).where(eq(t.sessions.userId, id)).all();
    expect(seen.some((row) => row.at > longAgo + 3_600_000)).toBe(true);
  });
});

describe("sign-in limits", () => {
  it("hold under simultaneous requests: of 60 wrong passwords at once, only 5 are checked", async () => {
    const admin = adminOf();
    await newSignedInUser(admin, "jiang");
    const results = await Promise.all(Array.from({ length: 60 }, () => attemptLogin({ username: "jiang", password: "wrong-guess", address: "10.30.0.1" })));
    expect(results.filter((result) => !result.ok && result.message === WRONG_CREDENTIALS)).toHaveLength(5);
    expect(results.filter((result) => !result.ok && result.message === TOO_MANY_ATTEMPTS)).toHaveLength(55);
    expect(
      db()
        .select()
        .from(t.loginAttempts)
        .where(eq(t.loginAttempts.username, "jiang"))
        .all()
        .filter((row) => !row.succeeded),
    ).toHaveLength(5);
  });

  it("lock an account only for the address that guessed wrong", async () => {
    const admin = adminOf();
    const { oneTimePassword } = await newSignedInUser(admin, "shen");
    for (let i = 0; i < 5; i++) await attemptLogin({ username: "shen", password: "wrong-guess", address: "10.31.0.66" });
    expect(await attemptLogin({ username: "shen", password: oneTimePassword, address: "10.31.0.66" })).toEqual({ ok: false, message: TOO_MANY_ATTEMPTS });
    expect(await attemptLogin({ username: "shen", password: oneTimePassword, address: "10.31.0.7" })).toMatchObject({ ok: true });
  });

  it("are written to 操作日志 with the address, success or failure", async () => {
    const admin = adminOf();
    await newSignedInUser(admin, "han");
    await attemptLogin({ username: "han", password: "wrong-guess", address: "10.32.0.5" });
    await attemptLogin({ username: "no-such-user-han", password: "x", address: "10.32.0.6" });
    const failed = listOperations(admin, { kind: "sign_in_failed" }, 1).rows;
    expect(failed.find((row) => row.username === "han")).toMatchObject({ address: "10.32.0.5", summary: "登录失败：密码错误" });
    expect(failed.find((row) => row.username === "no-such-user-han")).toMatchObject({ address: "10.32.0.6", summary: "登录失败：用户名不存在" });
    expect(listOperations(admin, { kind: "sign_in" }, 1).rows.find((row) => row.username === "han")).toMatchObject({ address: "10.20.0.1" });
  });
});

describe("单位 and 线索来源", () => {
  it("creates, renames, orders and retires; deletes only what nothing uses", () => {
    const admin = adminOf();
    const id = createReferenceItem({ actor: admin, list: "units", data: { name: "新仓经济园", kind: "zone", sortOrder: null } });
    const item = () => listReferenceItems(admin, "units").find((row) => row.id === id)!;
    expect(item()).toMatchObject({ name: "新仓经济园", kind: "zone", active: true, usage: "" });
    expect(item().sortOrder).toBe(Math.max(...listReferenceItems(admin, "units").map((row) => row.sortOrder)));
    updateReferenceItem({ actor: admin, list: "units", id, version: item().version, data: { name: "新仓经济开发区", kind: "zone", sortOrder: 3 } });
    expect(item()).toMatchObject({ name: "新仓经济开发区", sortOrder: 3 });
    expect(() => createReferenceItem({ actor: admin, list: "units", data: { name: "新仓经济开发区", kind: "zone", sortOrder: null } })).toThrow(InvalidError);

    const officer = makeUser("officer", id);
    makeProject(officer, { companyId: makeCompany(officer) });
    expect(item().usage).toBe("用户 1，项目 1");
    expect(() => deleteReferenceItem({ actor: admin, list: "units", id, version: item().version })).toThrow(/正在使用（用户 1，项目 1）/);
    // a unit with active users cannot be retired; once they move, it can
    expect(() => setReferenceItemActive({ actor: admin, list: "units", id, version: item().version, active: false })).toThrow(/在用的用户/);
    db().update(t.users).set({ unitId: admin.unitId }).where(eq(t.users.id, officer.id)).run();
    setReferenceItemActive({ actor: admin, list: "units", id, version: item().version, active: false });
    expect(item().active).toBe(false);

    const channel = createReferenceItem({ actor: admin, list: "channels", data: { name: "校友招商", sortOrder: null } });
    const channelVersion = listReferenceItems(admin, "channels").find((row) => row.id === channel)!.version;
    deleteReferenceItem({ actor: admin, list: "channels", id: channel, version: channelVersion });
    expect(listReferenceItems(admin, "channels").some((row) => row.id === channel)).toBe(false);
    const entries = listOperations(admin, { kind: "channel" }, 1).rows.map((row) => row.summary);
    expect(entries).toEqual(expect.arrayContaining(["新增线索来源「校友招商」", "删除线索来源「校友招商」"]));
  });

  it("refuses a stale save", () => {
    const admin = adminOf();
    const id = createReferenceItem({ actor: admin, list: "channels", data: { name: "乡贤招商", sortOrder: null } });
    const version = listReferenceItems(admin, "channels").find((row) => row.id === id)!.version;
    updateReferenceItem({ actor: admin, list: "channels", id, version, data: { name: "乡贤回归", sortOrder: null } });
    expect(() => updateReferenceItem({ actor: admin, list: "channels", id, version, data: { name: "乡贤", sortOrder: null } })).toThrow(/已被他人修改/);
  });
});

describe("操作日志", () => {
  it("filters by user, kind and date, and exports what it shows", async () => {
    const admin = adminOf();
    await newSignedInUser(admin, "yang");
    const mine = listOperations(admin, { userId: admin.id, kind: "user" }, 1).rows;
    expect(mine.map((row) => row.summary)).toContain(
      `新建用户 yang（yang，招商员，${db().select({ name: t.units.name }).from(t.units).where(eq(t.units.id, admin.unitId)).get()!.name}）`,
    );
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(listOperations(admin, { userId: admin.id, kind: "user", from: day, to: day }, 1).rows).toHaveLength(mine.length);
    expect(listOperations(admin, { userId: admin.id, kind: "user", to: "2020-01-01" }, 1).rows).toHaveLength(0);
    const exported = exportOperations(admin, { userId: admin.id, kind: "user" });
    const rows = [...exported.chunks].flat();
    expect(rows.map((row) => row.id)).toEqual(mine.map((row) => row.id));
    expect(exported.filters).toEqual([`用户：${admin.username}`, "类别：用户管理"]);
    expect(() => listOperations(makeUser("staff", admin.unitId), {}, 1)).toThrow(ForbiddenError);
  });
});
