/**
 * Every route module's loader and action, called directly without a session, sends the browser to
 * the login page and back (DESIGN.md §9: every route checks the session on the server). Also: an
 * ended or unknown session, a deactivated user, and a user who must still change a one-time
 * password. Only the login page and 退出登录 are open to everyone.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/permissions";
import { db, t } from "../../app/db.server";
import { loader as projectsLoader } from "../../app/routes/projects._index";
import { action as stageAction } from "../../app/routes/projects.$id_.stage";
import { loader as passwordLoader } from "../../app/routes/password";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "../support/builders";
import { anonymous, answer, cookieOf, loadAs, locationOf, routeArgs, submitAs, type RouteFunction } from "../support/requests";

const ROUTES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app/routes");
/** open to everyone: signing in and out */
const PUBLIC = new Set(["login.tsx", "logout.tsx"]);
/** loaders with nothing to show, which send everyone (signed in or not) to the home page */
const HOME_ONLY_LOADERS = new Set(["logout.tsx", "attachments.tsx"]);

/** A URL path the route module answers, with sample params: `projects.$id_.stage.tsx` → /projects/7/stage. */
function samplePath(file: string): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments = file
    .replace(/\.tsx$/, "")
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) => {
      if (segment === "$") {
        params["*"] = "nowhere";
        return "nowhere";
      }
      if (segment.startsWith("$")) {
        const value = segment === "$format" ? "docx" : segment === "$kind" ? "companies" : "7";
        params[segment.slice(1)] = value;
        return value;
      }
      return segment;
    });
  return { path: `/${segments.join("/")}`, params };
}

const auditCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.auditLog)
    .get()!.n;

const loginFor = (target: string) => `/login?${new URLSearchParams({ redirectTo: target })}`;

interface RouteModule {
  loader?: RouteFunction;
  action?: RouteFunction;
}

const modules: { file: string; module: RouteModule }[] = [];

beforeAll(async () => {
  for (const file of fs
    .readdirSync(ROUTES_DIR)
    .filter((name) => name.endsWith(".tsx"))
    .sort()) {
    modules.push({ file, module: (await import(path.join(ROUTES_DIR, file))) as RouteModule });
  }
}, 60_000);

describe("without a session", () => {
  it("finds the route modules it walks", () => {
    expect(modules.length).toBeGreaterThan(60);
    expect(modules.filter(({ module }) => module.loader).length).toBeGreaterThan(60);
    expect(modules.filter(({ module }) => module.action).length).toBeGreaterThan(30);
  });

  it("every loader but the login page's (and two that only lead home) redirects to /login?redirectTo=<the page asked for>", async () => {
    const wrong: string[] = [];
    for (const { file, module } of modules) {
      if (file === "login.tsx" || !module.loader) continue;
      const { path: target, params } = samplePath(file);
      const asked = `${target}?page=2`;
      const response = await answer(async () => module.loader!(routeArgs(anonymous(asked), params)));
      const location = response.headers.get("Location");
      const expected = HOME_ONLY_LOADERS.has(file) ? "/" : loginFor(asked);
      if (response.status !== 302 || location !== expected) wrong.push(`${file}: ${response.status} ${location ?? ""}`);
    }
    expect(wrong).toEqual([]);
  });

  it("every action but login's and logout's redirects to /login and writes nothing", async () => {
    const auditBefore = auditCount();
    const wrong: string[] = [];
    for (const { file, module } of modules) {
      if (PUBLIC.has(file) || !module.action) continue;
      const { path: target, params } = samplePath(file);
      const response = await answer(async () => module.action!(routeArgs(anonymous(target, { intent: "delete", version: "1", name: "x" }), params)));
      const location = response.headers.get("Location");
      if (response.status !== 302 || location !== loginFor(target)) wrong.push(`${file}: ${response.status} ${location ?? ""}`);
    }
    expect(wrong).toEqual([]);
    expect(auditCount()).toBe(auditBefore);
  });
});

describe("with a session that no longer holds", () => {
  let officer: Actor;
  let project: number;

  beforeAll(() => {
    const unit = makeUnit();
    officer = makeUser("officer", unit);
    project = makeProject(officer, { companyId: makeCompany(officer) });
  });

  const withCookie = (cookie: string, target: string, form?: Record<string, string>) =>
    new Request(
      `http://localhost${target}`,
      form ? { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(form) } : { headers: { Cookie: cookie } },
    );

  it("a valid session passes (the control for the cases below)", async () => {
    expect((await loadAs(officer, projectsLoader, "/projects")).status).toBe(200);
  });

  it("an ended session redirects to the login page with expired=1 and clears the cookie", async () => {
    const cookie = await cookieOf(officer);
    const sessionId = db().select({ id: t.sessions.id }).from(t.sessions).where(eq(t.sessions.userId, officer.id)).all().at(-1)!.id;
    db().delete(t.sessions).where(eq(t.sessions.id, sessionId)).run();
    const response = await answer(async () => projectsLoader(routeArgs(withCookie(cookie, "/projects?stage=lead"))));
    expect(locationOf(response)).toBe(`/login?${new URLSearchParams({ redirectTo: "/projects?stage=lead", expired: "1" })}`);
    expect(response.headers.get("Set-Cookie")).toMatch(/^fdi_session=;.*Max-Age=0/i);
  });

  it("a live session id in a cookie without the server's signature, or with another, counts as no session", async () => {
    const signed = await cookieOf(officer);
    expect((await answer(async () => projectsLoader(routeArgs(withCookie(signed, "/projects"))))).status).toBe(200);
    const value = decodeURIComponent(signed.slice("fdi_session=".length));
    const unsigned = value.slice(0, value.lastIndexOf("."));
    for (const forged of [unsigned, `${unsigned}.${"A".repeat(43)}`]) {
      const response = await answer(async () => projectsLoader(routeArgs(withCookie(`fdi_session=${encodeURIComponent(forged)}`, "/projects"))));
      expect(locationOf(response)).toBe(loginFor("/projects"));
    }
  });

  it("a deactivated user's session no longer opens a page nor saves anything", async () => {
    const colleague = makeUser("officer", officer.unitId);
    const own = makeProject(colleague, { companyId: makeCompany(colleague) });
    const cookie = await cookieOf(colleague);
    db().update(t.users).set({ active: false }).where(eq(t.users.id, colleague.id)).run();
    try {
      const page = await answer(async () => projectsLoader(routeArgs(withCookie(cookie, "/projects"))));
      expect(locationOf(page)).toMatch(/^\/login\?/);
      const posted = await answer(async () =>
        stageAction(
          routeArgs(
            withCookie(cookie, `/projects/${own}/stage`, {
              toStage: "contacted",
              occurredOn: "2026-02-01",
              note: "",
              version: String(projectRow(own).version),
            }),
            { id: String(own) },
          ),
        ),
      );
      expect(locationOf(posted)).toMatch(/^\/login\?/);
      expect(projectRow(own).stage).toBe("lead");
    } finally {
      db().update(t.users).set({ active: true }).where(eq(t.users.id, colleague.id)).run();
    }
  });

  it("a user with a one-time password is sent to 修改密码 from every page but that one", async () => {
    const newcomer = makeUser("officer", officer.unitId);
    db().update(t.users).set({ mustChangePassword: true }).where(eq(t.users.id, newcomer.id)).run();
    expect(locationOf(await loadAs(newcomer, projectsLoader, "/projects"))).toBe("/password");
    const posted = await submitAs(
      newcomer,
      stageAction,
      `/projects/${project}/stage`,
      { toStage: "contacted", occurredOn: "2026-02-01", note: "", version: "1" },
      { id: String(project) },
    );
    expect(locationOf(posted)).toBe("/password");
    expect(projectRow(project).stage).toBe("lead");
    expect((await loadAs(newcomer, passwordLoader, "/password")).status).toBe(200);
  });
});
