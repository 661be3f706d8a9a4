/**
 * Reading a posted form: what a browser sends is read, anything else is a 400 with a Chinese
 * message, never a 500 (DESIGN.md §9).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFormData, UNREADABLE_SUBMISSION } from "./form.server";

const post = (body: BodyInit | null, contentType?: string) =>
  new Request("http://localhost/projects/new", { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });

async function refusal(request: Request): Promise<{ status: number; text: string }> {
  try {
    await readFormData(request);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    throw thrown;
  }
  throw new Error("expected a 400 response");
}

const PART = '--ABC\r\nContent-Disposition: form-data; name="name"\r\n\r\n樱野精密\r\n--ABC--\r\n';

describe("readFormData", () => {
  it("reads a urlencoded form and a multipart form", async () => {
    const urlencoded = await readFormData(post("name=%E6%A8%B1%E9%87%8E&intent=activity", "application/x-www-form-urlencoded;charset=UTF-8"));
    expect([...urlencoded.entries()]).toEqual([
      ["name", "樱野"],
      ["intent", "activity"],
    ]);
    const multipart = await readFormData(post(PART, "multipart/form-data; boundary=ABC"));
    expect(multipart.get("name")).toBe("樱野精密");
    const body = new FormData();
    body.append("name", "示例");
    expect((await readFormData(new Request("http://localhost/x", { method: "POST", body }))).get("name")).toBe("示例");
  });

  it("answers 400 with a Chinese message to JSON, text and a missing Content-Type", async () => {
    for (const request of [post('{"name":"x"}', "application/json"), post("name=x", "text/plain"), post("name=x")]) {
      expect(await refusal(request)).toEqual({ status: 400, text: UNREADABLE_SUBMISSION });
    }
    expect(UNREADABLE_SUBMISSION).toMatch(/提交的内容无法识别/);
  });

  it("answers 400 to a multipart body with another boundary, no boundary, or cut short", async () => {
    expect(await refusal(post(PART, "multipart/form-data; boundary=XYZ"))).toEqual({ status: 400, text: UNREADABLE_SUBMISSION });
    expect(await refusal(post(PART, "multipart/form-data"))).toEqual({ status: 400, text: UNREADABLE_SUBMISSION });
    expect(await refusal(post(PART.slice(0, 40), "multipart/form-data; boundary=ABC"))).toEqual({ status: 400, text: UNREADABLE_SUBMISSION });
    expect(await refusal(post("hello", "multipart/form-data; boundary=ABC"))).toEqual({ status: 400, text: UNREADABLE_SUBMISSION });
  });
});

describe("the actions", () => {
  it("read their forms through readFormData, never request.formData() directly", () => {
    const app = path.resolve(__dirname, "..");
    const files = (fs.readdirSync(app, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
    const direct = files.filter((file) => file !== path.join("lib", "form.server.ts") && /\.formData\(\)/.test(fs.readFileSync(path.join(app, file), "utf8")));
    expect(direct).toEqual([]);
  });
});
