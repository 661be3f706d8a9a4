/**
 * 实到外资 routes called as the browser calls them (real session cookie, form POST, migrated SQLite;
 * today is 2026-06-30): a project's arrivals (/projects/:id/arrivals: 登记到账, 更正 and 删除) and the
 * 实到外资 list (/arrivals). 404 outside the scope, for an unknown project, or for an arrival of
 * another project; 403 to roles that do not record arrivals; 400 at the field; 409 stale.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { arrivalSchema } from "../../app/arrivals/arrival.schema";
import { recordArrival } from "../../app/arrivals/arrivals.server";
import type { Actor } from "../../app/auth/permissions";
import { db, t } from "../../app/db.server";
import { moveProjectToStage, verifySigning } from "../../app/projects/projects.server";
import { loader as arrivalsListLoader } from "../../app/routes/arrivals._index";
import { action as arrivalsAction, loader as arrivalsLoader } from "../../app/routes/projects.$id_.arrivals";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "../support/builders";
import { loadAs, locationOf, refusal, submitAs } from "../support/requests";

const STALE = "该记录已被他人修改，请刷新后重试";
const UNKNOWN = 987_654;

let officer: Actor;
let leader: Actor;
let staff: Actor;
let admin: Actor;
/** verified signings: S in the officer's unit, Z in the other unit; U signed, not verified */
let S: number;
let Z: number;
let U: number;
let arrivalOnS: number;
let arrivalOnZ: number;

const params = (id: number) => ({ id: String(id) });
const arrivalRow = (id: number) => db().select().from(t.fdiArrivals).where(eq(t.fdiArrivals.id, id)).get()!;
const counts = () => ({
  arrivals: db()
    .select({ n: sql<number>`count(*)` })
    .from(t.fdiArrivals)
    .get()!.n,
  audit: db()
    .select({ n: sql<number>`count(*)` })
    .from(t.auditLog)
    .get()!.n,
});

/** A refused POST writes no arrival and no audit row, and leaves both arrivals as they were. */
async function unchanged(post: () => Promise<Response>): Promise<Response> {
  const before = { counts: counts(), s: arrivalRow(arrivalOnS), z: arrivalRow(arrivalOnZ) };
  const response = await post();
  expect(counts()).toEqual(before.counts);
  expect(arrivalRow(arrivalOnS)).toEqual(before.s);
  expect(arrivalRow(arrivalOnZ)).toEqual(before.z);
  return response;
}

const record = (actor: Actor, projectId: number, fields: Record<string, string> = {}) =>
  submitAs(
    actor,
    arrivalsAction,
    `/projects/${projectId}/arrivals`,
    { intent: "record", arrivedOn: "2026-06-01", amountUsd: "50", reference: "", ...fields },
    params(projectId),
  );
const remove = (actor: Actor, projectId: number, arrivalId: number, version = arrivalRow(arrivalId).version) =>
  submitAs(
    actor,
    arrivalsAction,
    `/projects/${projectId}/arrivals`,
    { intent: "delete", arrivalId: String(arrivalId), version: String(version) },
    params(projectId),
  );

beforeAll(() => {
  const center = makeUnit();
  const zone = makeUnit();
  officer = makeUser("officer", center);
  const officer2 = makeUser("officer", zone);
  leader = makeUser("leader", center);
  staff = makeUser("staff", center);
  admin = makeUser("admin", zone);
  const companyId = makeCompany(officer);
  const signed = (owner: Actor, verify: boolean) => {
    const id = makeProject(owner, { companyId, enteredOn: "2026-01-05" });
    moveProjectToStage({ actor: owner, projectId: id, toStage: "signed", occurredOn: "2026-03-02", note: null, version: projectRow(id).version });
    if (verify) verifySigning({ actor: leader, projectId: id, version: projectRow(id).version });
    return id;
  };
  S = signed(officer, true);
  Z = signed(officer2, true);
  U = signed(officer, false);
  arrivalOnS = recordArrival({ actor: staff, projectId: S, data: arrivalSchema.parse({ arrivedOn: "2026-04-01", amountUsd: "100", reference: "" }) });
  arrivalOnZ = recordArrival({ actor: staff, projectId: Z, data: arrivalSchema.parse({ arrivedOn: "2026-04-02", amountUsd: "70", reference: "" }) });
});

describe("a project's 实到外资 page", () => {
  it("opens for the officer on their unit's project, and answers 404 for another unit's or an unknown one", async () => {
    expect((await loadAs(officer, arrivalsLoader, `/projects/${S}/arrivals`, params(S))).status).toBe(200);
    expect((await loadAs(officer, arrivalsLoader, `/projects/${Z}/arrivals`, params(Z))).status).toBe(404);
    expect((await loadAs(staff, arrivalsLoader, `/projects/${UNKNOWN}/arrivals`, params(UNKNOWN))).status).toBe(404);
  });

  it("offers 删除 only for an arrival of this project (no confirmation for another project's arrival)", async () => {
    const own = (await (await loadAs(staff, arrivalsLoader, `/projects/${S}/arrivals?intent=delete&arrivalId=${arrivalOnS}&version=1`, params(S))).json()) as {
      confirmation: unknown;
    };
    const foreign = (await (
      await loadAs(staff, arrivalsLoader, `/projects/${S}/arrivals?intent=delete&arrivalId=${arrivalOnZ}&version=1`, params(S))
    ).json()) as { confirmation: unknown };
    expect(own.confirmation).not.toBeNull();
    expect(foreign.confirmation).toBeNull();
  });
});

describe("登记到账", () => {
  it("403 to officers and leaders, who read arrivals but do not record them", async () => {
    for (const actor of [officer, leader]) expect((await unchanged(() => record(actor, S))).status).toBe(403);
  });

  it("404 for a project outside the officer's scope, before the role is even considered", async () => {
    expect((await unchanged(() => record(officer, Z))).status).toBe(404);
    expect((await unchanged(() => record(staff, UNKNOWN))).status).toBe(404);
  });

  it("400 at the field: no date, a future date, a date before the signing, no amount, a zero amount, commas in the wrong place", async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ arrivedOn: "" }, { arrivedOn: "请选择到账日期" }],
      [{ arrivedOn: "2026-07-01" }, { arrivedOn: "到账日期不能晚于今天" }],
      [{ arrivedOn: "2026-03-01" }, { arrivedOn: "到账日期不能早于签约日期" }],
      [{ amountUsd: "" }, { amountUsd: "请输入到账金额（万美元）" }],
      [{ amountUsd: "0" }, { amountUsd: "到账金额（万美元）应大于0" }],
      [{ amountUsd: "1,00" }, { amountUsd: "到账金额（万美元）应为不超过两位小数的非负数" }],
    ];
    for (const [changes, fieldErrors] of cases) {
      const body = await refusal(await unchanged(() => record(staff, S, changes)), 400);
      expect(body.fieldErrors, JSON.stringify(changes)).toEqual(fieldErrors);
      expect(body.values).toMatchObject(changes);
    }
  });

  it("400 with a form message on a signing not yet verified", async () => {
    expect((await refusal(await unchanged(() => record(staff, U)), 400)).formError).toBe("项目签约经甄别后才能登记实到外资");
  });

  it("400 for an unknown intent", async () => {
    expect((await refusal(await unchanged(() => record(staff, S, { intent: "correct" })), 400)).fieldErrors).toEqual({ intent: "操作无效，请刷新页面后重试" });
  });

  it("records for staff and administrators (302 back to the project's 实到外资)", async () => {
    const before = counts().arrivals;
    expect(locationOf(await record(staff, S))).toBe(`/projects/${S}#arrivals`);
    expect(locationOf(await record(admin, Z, { amountUsd: "12.5" }))).toBe(`/projects/${Z}#arrivals`);
    expect(counts().arrivals).toBe(before + 2);
  });
});

describe("更正到账", () => {
  /** an arrival of S of its own, so that 删除's tests below find arrivalOnS as it was */
  let mistaken: number;
  beforeAll(() => {
    mistaken = recordArrival({ actor: staff, projectId: S, data: arrivalSchema.parse({ arrivedOn: "2026-05-01", amountUsd: "30", reference: "误录" }) });
  });

  const correct = (actor: Actor, projectId: number, arrivalId: number, fields: Record<string, string> = {}) =>
    submitAs(
      actor,
      arrivalsAction,
      `/projects/${projectId}/arrivals`,
      {
        intent: "update",
        arrivalId: String(arrivalId),
        version: String(arrivalRow(arrivalId).version),
        arrivedOn: "2026-05-02",
        amountUsd: "35.5",
        reference: "更正",
        ...fields,
      },
      params(projectId),
    );
  /** a refused correction leaves the arrival (and every count) as it was */
  async function untouched(post: () => Promise<Response>): Promise<Response> {
    const before = arrivalRow(mistaken);
    const response = await unchanged(post);
    expect(arrivalRow(mistaken)).toEqual(before);
    return response;
  }

  it("403 to officers and leaders; 404 for another project's arrival or one outside the scope", async () => {
    for (const actor of [officer, leader]) expect((await untouched(() => correct(actor, S, mistaken))).status).toBe(403);
    expect((await untouched(() => correct(staff, Z, mistaken))).status).toBe(404);
    expect((await untouched(() => correct(officer, Z, arrivalOnZ))).status).toBe(404);
  });

  it("400 at the field in Chinese: a zero amount, a date before the signing, a page without the arrival or its version", async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ amountUsd: "0" }, { amountUsd: "到账金额（万美元）应大于0" }],
      [{ arrivedOn: "2026-03-01" }, { arrivedOn: "到账日期不能早于签约日期" }],
      [{ arrivalId: "" }, { arrivalId: "到账记录无效" }],
      [{ version: "abc" }, { version: "页面数据已过期，请刷新后重试" }],
    ];
    for (const [changes, fieldErrors] of cases) {
      const body = await refusal(await untouched(() => correct(staff, S, mistaken, changes)), 400);
      expect(body.fieldErrors, JSON.stringify(changes)).toEqual(fieldErrors);
      expect(body.values).toMatchObject({ intent: "update", ...changes });
    }
  });

  it("409 for a version the page read before someone else's change", async () => {
    const stale = String(arrivalRow(mistaken).version + 1);
    expect((await refusal(await untouched(() => correct(staff, S, mistaken, { version: stale })), 409)).formError).toBe(STALE);
  });

  it("corrects date, amount and reference (302 back to the project), one version on, with its audit row", async () => {
    const before = arrivalRow(mistaken);
    const countsBefore = counts();
    expect(locationOf(await correct(admin, S, mistaken))).toBe(`/projects/${S}#arrivals`);
    const after = arrivalRow(mistaken);
    expect(after).toMatchObject({ arrivedOn: "2026-05-02", amountUsd: 355_000, reference: "更正", version: before.version + 1, deletedAt: null });
    expect(counts()).toEqual({ arrivals: countsBefore.arrivals, audit: countsBefore.audit + 1 });
    const audit = db()
      .select()
      .from(t.auditLog)
      .where(sql`${t.auditLog.entityType} = 'fdi_arrival' and ${t.auditLog.entityId} = ${mistaken}`)
      .orderBy(sql`${t.auditLog.id} desc`)
      .get()!;
    expect(audit).toMatchObject({ action: "update", userId: admin.id });
    expect(audit.changes).toMatchObject({ arrivedOn: ["2026-05-01", "2026-05-02"], amountUsd: [300_000, 355_000], reference: ["误录", "更正"] });
  });
});

describe("删除到账", () => {
  it("404 for another project's arrival posted through this project's address", async () => {
    expect((await unchanged(() => remove(staff, S, arrivalOnZ))).status).toBe(404);
    expect(arrivalRow(arrivalOnZ).deletedAt).toBeNull();
  });

  it("404 for an unknown arrival; 403 to a leader; 409 for a stale version", async () => {
    expect(
      (
        await unchanged(() =>
          submitAs(staff, arrivalsAction, `/projects/${S}/arrivals`, { intent: "delete", arrivalId: String(UNKNOWN), version: "1" }, params(S)),
        )
      ).status,
    ).toBe(404);
    expect((await unchanged(() => remove(leader, S, arrivalOnS))).status).toBe(403);
    expect((await refusal(await unchanged(() => remove(staff, S, arrivalOnS, arrivalRow(arrivalOnS).version + 1)), 409)).formError).toBe(STALE);
  });

  it("deletes at the current version, and a second delete of it is 404", async () => {
    expect(locationOf(await remove(staff, S, arrivalOnS))).toBe(`/projects/${S}#arrivals`);
    expect(arrivalRow(arrivalOnS).deletedAt).not.toBeNull();
    expect((await remove(staff, S, arrivalOnS)).status).toBe(404);
  });
});

describe("the 实到外资 list (/arrivals)", () => {
  it("lists for the officer only the arrivals of projects in their scope, and everyone's for staff", async () => {
    type List = { page: { rows: { projectId: number }[] }; project: { id: number } | null; canRecord: boolean };
    const mine = (await (await loadAs(officer, arrivalsListLoader, "/arrivals?year=2026")).json()) as List;
    const all = (await (await loadAs(staff, arrivalsListLoader, "/arrivals?year=2026")).json()) as List;
    expect(new Set(mine.page.rows.map((row) => row.projectId))).toEqual(new Set([S]));
    expect(new Set(all.page.rows.map((row) => row.projectId))).toEqual(new Set([S, Z]));
    expect(mine.canRecord).toBe(false);
    expect(all.canRecord).toBe(true);
    const probed = (await (await loadAs(officer, arrivalsListLoader, `/arrivals?year=2026&project=${Z}`)).json()) as List;
    expect(probed.project).toBeNull();
    expect(probed.page.rows).toEqual([]);
  });
});
