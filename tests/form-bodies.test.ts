/**
 * Bodies no browser form sends — JSON, text, multipart with another boundary, none, or cut short —
 * answer 400 with a Chinese message from the actions, the upload of 数据导入 included; never a 500,
 * and nothing is written (DESIGN.md §9).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { startSession } from "../app/auth/session.server";
import { db, t } from "../app/db.server";
import { action as importAction } from "../app/routes/imports._index";
import { action as newProjectAction } from "../app/routes/projects.new";
import { makeUnit, makeUser } from "./support/builders";

let officer: Actor;
let staff: Actor;

beforeAll(() => {
  const unit = makeUnit("请求体测试单位");
  officer = makeUser("officer", unit);
  staff = makeUser("staff", unit);
});

async function cookieOf(actor: Actor): Promise<string> {
  const response = await startSession(actor.id, "/", new Request("http://localhost/login"));
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

async function post(actor: Actor, path: string, body: string, contentType?: string): Promise<Request> {
  const headers: Record<string, string> = { Cookie: await cookieOf(actor) };
  if (contentType) headers["Content-Type"] = contentType;
  return new Request(`http://localhost${path}`, { method: "POST", headers, body });
}

/** The status an action answered with, thrown or returned, and its text when it is plain text. */
async function answer(run: () => Promise<unknown>): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = (await run()) as Response;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return { status: response.status, text: await response.text() };
}

const args = (request: Request) => ({ request, params: {}, context: {} });
const PART = (name: string, value: string) => `--ABC\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe("an action posted a body that is no form", () => {
  it("answers 400 in Chinese to JSON and text, writing nothing", async () => {
    const before = db().select().from(t.projects).all().length;
    for (const [body, type] of [
      ['{"name":"JSON项目"}', "application/json"],
      ["name=文本项目", "text/plain"],
      ["name=无类型项目", undefined],
    ] as const) {
      const result = await answer(async () => newProjectAction(args(await post(officer, "/projects/new", body, type))));
      expect(result.status).toBe(400);
      expect(result.text).toMatch(/提交的内容无法识别/);
    }
    expect(db().select().from(t.projects).all().length).toBe(before);
  });

  it("answers 400 to the import upload with JSON, no boundary, a cut-short body or another boundary", async () => {
    const upload = PART("intent", "upload") + PART("kind", "companies") + PART("mode", "skip");
    const cases: [string, string][] = [
      ['{"intent":"upload"}', "application/json"],
      [`${upload}--ABC--\r\n`, "multipart/form-data"],
      [upload.slice(0, 50), "multipart/form-data; boundary=ABC"],
      [`${upload}--ABC--\r\n`, "multipart/form-data; boundary=XYZ"],
    ];
    for (const [body, type] of cases) {
      const result = await answer(async () => importAction(args(await post(staff, "/imports", body, type))));
      expect(result.status, `${type}: ${body.slice(0, 30)}`).toBe(400);
      expect(result.text).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
