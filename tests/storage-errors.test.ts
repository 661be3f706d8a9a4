/**
 * DESIGN.md §9 Operations: a full or read-only disk, a disk error or a database locked by another
 * writer gives the user a clear message (503), not a 500, and reads carry on. A write waiting for
 * another connection's lock gives up after BUSY_TIMEOUT_MS instead of stalling every request.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { activitySchema } from "../app/activities/activity";
import { db, t } from "../app/db.server";
import { act, BUSY_MESSAGE, DISK_ERROR_MESSAGE, DISK_FULL_MESSAGE, load, READ_ONLY_MESSAGE } from "../app/lib/http.server";
import { action as loginAction } from "../app/routes/login";
import { BUSY_TIMEOUT_MS } from "../db/client";
import { addActivity } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

const form = () => {
  const data = new FormData();
  data.set("name", "东丽（平湖）新材料有限公司");
  return data;
};

async function failureOf(body: () => unknown) {
  const response = (await act(body, form())) as Response;
  return {
    status: response.status,
    retryAfter: response.headers.get("Retry-After"),
    data: (await response.json()) as { ok: boolean; formError: string; values: Record<string, string> },
  };
}

describe("storage failures", () => {
  it("turns SQLITE_FULL, SQLITE_READONLY*, SQLITE_IOERR*, SQLITE_BUSY* and SQLITE_LOCKED* into a 503 with a Chinese message", async () => {
    const cases: Array<[string, string]> = [
      ["SQLITE_FULL", DISK_FULL_MESSAGE],
      ["SQLITE_READONLY", READ_ONLY_MESSAGE],
      ["SQLITE_READONLY_DBMOVED", READ_ONLY_MESSAGE],
      ["SQLITE_IOERR_WRITE", DISK_ERROR_MESSAGE],
      ["SQLITE_IOERR_FSYNC", DISK_ERROR_MESSAGE],
      ["SQLITE_BUSY", BUSY_MESSAGE],
      ["SQLITE_BUSY_SNAPSHOT", BUSY_MESSAGE],
      ["SQLITE_LOCKED", BUSY_MESSAGE],
    ];
    for (const [code, message] of cases) {
      const error = new Database.SqliteError("storage", code);
      const failure = await failureOf(() => {
        throw error;
      });
      expect(failure.status, code).toBe(503);
      expect(failure.data.formError, code).toBe(message);
      expect(failure.data.values.name, code).toBe("东丽（平湖）新材料有限公司");
      expect(failure.retryAfter, code).toBe(message === BUSY_MESSAGE ? "1" : null);

      const thrown = await load(() => {
        throw new Error("wrapped", { cause: error });
      }).catch((caught: unknown) => caught);
      expect(thrown, code).toBeInstanceOf(Response);
      expect((thrown as Response).status, code).toBe(503);
      expect(await (thrown as Response).text(), code).toBe(message);
    }
    expect(await failureOf(() => Promise.reject(Object.assign(new Error("no space left on device"), { code: "ENOSPC" })))).toMatchObject({
      status: 503,
      data: { formError: DISK_FULL_MESSAGE },
    });
  });

  it("leaves other errors alone", async () => {
    const constraint = new Database.SqliteError("UNIQUE constraint failed", "SQLITE_CONSTRAINT_UNIQUE");
    await expect(act(() => Promise.reject(constraint))).rejects.toBe(constraint);
    await expect(load(() => Promise.reject(constraint))).rejects.toBe(constraint);
  });

  it("a write blocked by another connection's lock fails within the short busy timeout with 数据库正忙, while reads carry on", async () => {
    const officer = makeUser("officer", makeUnit());
    const projectId = makeProject(officer, { companyId: makeCompany(officer) });
    const activity = activitySchema.parse({ type: "call", occurredOn: "2026-06-01", summary: "电话跟进" });
    const other = new Database(process.env.DATABASE_PATH!);
    other.exec("BEGIN IMMEDIATE");
    try {
      // a transaction whose first statement writes waits for the lock (busy_timeout), then gives up
      // long before the 5 s that stalled every request
      const started = performance.now();
      const failure = await failureOf(() => addActivity({ actor: officer, projectId, data: activity }));
      const elapsed = performance.now() - started;
      expect(failure.status).toBe(503);
      expect(failure.data.formError).toBe(BUSY_MESSAGE);
      expect(elapsed).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS * 0.8);
      expect(elapsed).toBeLessThan(1000);
      // one that reads first cannot wait (SQLite refuses to, to avoid a deadlock): the same message at once
      expect(await failureOf(() => makeCompany(officer))).toMatchObject({ status: 503, data: { formError: BUSY_MESSAGE } });

      const units = await load(() => db().select({ id: t.units.id }).from(t.units).all());
      expect(units.length).toBeGreaterThan(0);

      // signing in writes too: the form says the database is busy instead of a 500
      const request = new Request("http://localhost/login", {
        method: "POST",
        body: new URLSearchParams({ username: officer.username, password: "whatever-it-is" }),
      });
      const response = (await loginAction({ request, params: {}, context: { clientAddress: "127.0.0.1" } })) as Response;
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toBe(BUSY_MESSAGE);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(addActivity({ actor: officer, projectId, data: activity })).toBeGreaterThan(0);
  });
});
