/**
 * A form that creates something, submitted twice (a double click, a retried POST), creates it once
 * (DESIGN.md §9): 新建项目, 新建企业 and 添加活动记录 carry a one-time token rendered with the page; the
 * second submit with that token writes nothing and leads where the first did. Different tokens are
 * different submissions, and a page without a token works as before.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { startSession } from "../app/auth/session.server";
import { db, t } from "../app/db.server";
import { submitOnce } from "../app/lib/submissions.server";
import { action as newCompanyAction, loader as newCompanyLoader } from "../app/routes/companies.new";
import { action as addActivityAction } from "../app/routes/projects.$id_.activities";
import { loader as projectLoader } from "../app/routes/projects.$id";
import { action as newProjectAction, loader as newProjectLoader } from "../app/routes/projects.new";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

let officer: Actor;
let colleague: Actor;
let companyName: string;
let projectId: number;

beforeAll(() => {
  const unit = makeUnit("重复提交测试单位");
  officer = makeUser("officer", unit);
  colleague = makeUser("officer", unit);
  const companyId = makeCompany(officer, { name: "重复提交测试企业" });
  companyName = "重复提交测试企业";
  projectId = makeProject(officer, { companyId });
});

async function cookieOf(actor: Actor): Promise<string> {
  const response = await startSession(actor.id, "/", new Request("http://localhost/login"));
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

async function post(actor: Actor, path: string, form: Record<string, string>): Promise<Request> {
  const body = new URLSearchParams(form);
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: await cookieOf(actor) }, body });
}

async function get(actor: Actor, path: string): Promise<Request> {
  return new Request(`http://localhost${path}`, { headers: { Cookie: await cookieOf(actor) } });
}

/** What an action or loader answered, thrown or returned. */
async function answer(run: () => Promise<unknown>): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function tokenFrom(loader: () => Promise<unknown>): Promise<string> {
  const data = (await (await answer(loader)).json()) as { submissionToken: string };
  return data.submissionToken;
}

const projectForm = (name: string) => ({
  name,
  companyName,
  projectType: "new",
  ownerId: String(officer.id),
  unitId: String(officer.unitId),
  priority: "normal",
  totalInvestmentUsd: "100",
  contractedFdiUsd: "50",
  enteredOn: "2026-06-01",
});

const projectsNamed = (name: string) => db().select({ id: t.projects.id }).from(t.projects).where(eq(t.projects.name, name)).all();
const companiesNamed = (name: string) => db().select({ id: t.companies.id }).from(t.companies).where(eq(t.companies.name, name)).all();
const activitiesSaying = (summary: string) => db().select({ id: t.activities.id }).from(t.activities).where(eq(t.activities.summary, summary)).all();

describe("新建项目 submitted twice", () => {
  it("renders a new token with every page", async () => {
    const first = await tokenFrom(async () => newProjectLoader(args(await get(officer, "/projects/new"))));
    const second = await tokenFrom(async () => newProjectLoader(args(await get(officer, "/projects/new"))));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it("creates one project for the same token, and both answers lead to it", async () => {
    const token = await tokenFrom(async () => newProjectLoader(args(await get(officer, "/projects/new"))));
    const form = { ...projectForm("双击新建的项目"), submissionToken: token };
    const first = await answer(async () => newProjectAction(args(await post(officer, "/projects/new", form))));
    const second = await answer(async () => newProjectAction(args(await post(officer, "/projects/new", form))));
    const rows = projectsNamed("双击新建的项目");
    expect(rows).toHaveLength(1);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`/projects/${rows[0]!.id}`);
    expect(second.status).toBe(302);
    expect(second.headers.get("Location")).toBe(`/projects/${rows[0]!.id}`);
  });

  it("creates two projects for two tokens, and for a page without a token", async () => {
    for (const token of ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"]) {
      await answer(async () => newProjectAction(args(await post(officer, "/projects/new", { ...projectForm("两次新建的项目"), submissionToken: token }))));
    }
    expect(projectsNamed("两次新建的项目")).toHaveLength(2);
    for (let i = 0; i < 2; i++) await answer(async () => newProjectAction(args(await post(officer, "/projects/new", projectForm("旧页面新建的项目")))));
    expect(projectsNamed("旧页面新建的项目")).toHaveLength(2);
  });

  it("keeps the token unused when the submit is refused, so the corrected page can be sent", async () => {
    const token = "33333333-3333-4333-8333-333333333333";
    const refused = await answer(async () =>
      newProjectAction(args(await post(officer, "/projects/new", { ...projectForm("先被拒绝的项目"), enteredOn: "2026-07-01", submissionToken: token }))),
    );
    expect(refused.status).toBe(400);
    const saved = await answer(async () =>
      newProjectAction(args(await post(officer, "/projects/new", { ...projectForm("先被拒绝的项目"), submissionToken: token }))),
    );
    expect(saved.status).toBe(302);
    expect(projectsNamed("先被拒绝的项目")).toHaveLength(1);
  });

  it("does not lead another user to the first user's project with a copied token", async () => {
    const token = "44444444-4444-4444-8444-444444444444";
    await answer(async () => newProjectAction(args(await post(officer, "/projects/new", { ...projectForm("他人令牌的项目"), submissionToken: token }))));
    const other = await answer(async () =>
      newProjectAction(
        args(await post(colleague, "/projects/new", { ...projectForm("他人令牌的项目"), ownerId: String(colleague.id), submissionToken: token })),
      ),
    );
    expect(other.status).toBe(400);
    expect(other.headers.get("Location")).toBeNull();
    expect(projectsNamed("他人令牌的项目")).toHaveLength(1);
  });
});

describe("新建企业 submitted twice", () => {
  it("creates one company for the same token and leads the second submit to it, not to a duplicate warning", async () => {
    const token = await tokenFrom(async () => newCompanyLoader(args(await get(officer, "/companies/new"))));
    const form = { name: "双击新建的企业", country: "JP", submissionToken: token };
    const first = await answer(async () => newCompanyAction(args(await post(officer, "/companies/new", form))));
    const second = await answer(async () => newCompanyAction(args(await post(officer, "/companies/new", form))));
    const rows = companiesNamed("双击新建的企业");
    expect(rows).toHaveLength(1);
    expect(first.headers.get("Location")).toBe(`/companies/${rows[0]!.id}`);
    expect(second.status).toBe(302);
    expect(second.headers.get("Location")).toBe(`/companies/${rows[0]!.id}`);
  });

  it("creates two companies for two tokens when the duplicate is confirmed", async () => {
    for (const token of ["55555555-5555-4555-8555-555555555555", "66666666-6666-4666-8666-666666666666"]) {
      await answer(async () =>
        newCompanyAction(
          args(await post(officer, "/companies/new", { name: "确认重复的企业", country: "DE", confirmDuplicate: "on", submissionToken: token })),
        ),
      );
    }
    expect(companiesNamed("确认重复的企业")).toHaveLength(2);
  });
});

describe("添加活动记录 submitted twice", () => {
  const activity = (summary: string, submissionToken?: string) => ({
    type: "visit",
    occurredOn: "2026-06-20",
    summary,
    ...(submissionToken ? { submissionToken } : {}),
  });

  it("adds one activity for the same token and answers both submits alike", async () => {
    const token = await tokenFrom(async () => projectLoader(args(await get(officer, `/projects/${projectId}`), { id: String(projectId) })));
    const params = { id: String(projectId) };
    const path = `/projects/${projectId}/activities`;
    const first = await answer(async () => addActivityAction(args(await post(officer, path, activity("双击添加的活动", token)), params)));
    const second = await answer(async () => addActivityAction(args(await post(officer, path, activity("双击添加的活动", token)), params)));
    expect(activitiesSaying("双击添加的活动")).toHaveLength(1);
    for (const response of [first, second]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/projects/${projectId}#activities`);
    }
  });

  it("adds two activities for two tokens, and for a page without a token", async () => {
    const params = { id: String(projectId) };
    for (const token of ["77777777-7777-4777-8777-777777777777", "88888888-8888-4888-8888-888888888888"]) {
      await answer(async () => addActivityAction(args(await post(officer, `/projects/${projectId}/activities`, activity("两次添加的活动", token)), params)));
    }
    expect(activitiesSaying("两次添加的活动")).toHaveLength(2);
    for (let i = 0; i < 2; i++)
      await answer(async () => addActivityAction(args(await post(officer, `/projects/${projectId}/activities`, activity("旧页面添加的活动")), params)));
    expect(activitiesSaying("旧页面添加的活动")).toHaveLength(2);
  });
});

describe("the token store", () => {
  it("records the token with what it created, in one transaction: a failed create leaves neither", () => {
    const token = "99999999-9999-4999-8999-999999999999";
    expect(() =>
      submitOnce({ userId: officer.id, token }, () => {
        db().insert(t.units).values({ name: "回滚的单位" }).run();
        throw new Error("创建失败");
      }),
    ).toThrow("创建失败");
    expect(db().select().from(t.units).where(eq(t.units.name, "回滚的单位")).all()).toHaveLength(0);
    expect(db().select().from(t.formSubmissions).where(eq(t.formSubmissions.token, token)).all()).toHaveLength(0);
  });

  it("forgets tokens older than a day when a new one is recorded", () => {
    db()
      .insert(t.formSubmissions)
      .values({ token: "old-token-0000000000", userId: officer.id, location: "/projects/1", at: Date.now() - 25 * 3_600_000 })
      .run();
    submitOnce({ userId: officer.id, token: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa" }, () => "/projects/2");
    expect(db().select().from(t.formSubmissions).where(eq(t.formSubmissions.token, "old-token-0000000000")).all()).toHaveLength(0);
    expect(db().select().from(t.formSubmissions).where(eq(t.formSubmissions.token, "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa")).all()).toHaveLength(1);
  });
});
