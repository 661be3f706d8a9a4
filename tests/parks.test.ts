/**
 * 载体平台 on a real migrated SQLite file: pipelines by snapshot row and country (projects of parks
 * below a park counted in it, at any depth; an unverified signing in 签约（待甄别）, never in 签约), the
 * country park's focus match, the officer's scope, the administrator's edits, and the routes'
 * answers (403, 404, 400, 409 — never a 500).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { startSession } from "../app/auth/session.server";
import { db, t } from "../app/db.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import { parkSchema } from "../app/parks/park.schema";
import { createPark, getPark, getParkForEdit, listParentChoices, listParkPipelineProjectIds, listParks, updatePark } from "../app/parks/parks.server";
import { addProjectMember, changeProjectStatus, deleteProject, moveProjectToStage, verifySigning } from "../app/projects/projects.server";
import { action as editAction, loader as editLoader } from "../app/routes/parks.$id_.edit";
import { loader as parkLoader } from "../app/routes/parks.$id";
import { action as newAction, loader as newLoader } from "../app/routes/parks.new";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

let admin: Actor;
let leader: Actor;
/** officer of the 开发区 unit: sees only that unit's projects */
let zoneOfficer: Actor;
/** officer of a town: its own unit's project, plus one project as a member */
let townOfficer: Actor;
const park: Record<string, number> = {};
const project: Record<string, number> = {};

const parse = (fields: Record<string, unknown>) => parkSchema.parse({ kind: "development_zone", ...fields });
const wan = (usd: number) => usd / 10_000;

function fieldErrors(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected InvalidError");
}

beforeAll(() => {
  const center = makeUnit("投资促进中心");
  const zoneUnit = makeUnit("平湖经济技术开发区");
  const town = makeUnit("新埭镇");
  admin = makeUser("admin", center);
  leader = makeUser("leader", center);
  zoneOfficer = makeUser("officer", zoneUnit);
  townOfficer = makeUser("officer", town);

  // 开发区 › 中日园 › 中日园一期, 开发区 › 中德园, and 港区 on its own
  park.zone = createPark({ actor: admin, data: parse({ name: "开发区", availableLandMu: "120.5" }) });
  park.japan = createPark({ actor: admin, data: parse({ name: "中日园", kind: "country_park", parentId: String(park.zone), focusCountries: ["JP"] }) });
  park.germany = createPark({ actor: admin, data: parse({ name: "中德园", kind: "country_park", parentId: String(park.zone), focusCountries: ["DE"] }) });
  park.japanPhase1 = createPark({ actor: admin, data: parse({ name: "中日园一期", kind: "town", parentId: String(park.japan) }) });
  park.port = createPark({ actor: admin, data: parse({ name: "港区" }) });

  const jp = makeCompany(leader, { country: "JP" });
  const de = makeCompany(leader, { country: "DE" });
  const us = makeCompany(leader, { country: "US" });
  const kr = makeCompany(leader, { country: "KR" });
  const add = (actor: Actor, companyId: number, parkId: number, totalWan: string) =>
    makeProject(actor, { companyId, parkId: String(parkId), totalInvestmentUsd: totalWan, contractedFdiUsd: "1" });
  const status = (id: number, to: "lost" | "on_hold" | "dormant") =>
    changeProjectStatus({
      actor: leader,
      projectId: id,
      status: to,
      occurredOn: "2026-06-30",
      reason: "测试",
      lostTo: to === "lost" ? "太仓" : null,
      version: projectRow(id).version,
    });

  // 中日园 (leader's unit)
  project.jpNegotiating = add(leader, jp, park.japan, "300");
  moveProjectToStage({
    actor: leader,
    projectId: project.jpNegotiating,
    toStage: "negotiating",
    occurredOn: "2026-03-01",
    note: null,
    version: projectRow(project.jpNegotiating).version,
  });
  project.jpLead = add(leader, jp, park.japan, "100");
  project.deLead = add(leader, de, park.japan, "50");
  project.usOnHold = add(leader, us, park.japan, "80");
  moveProjectToStage({
    actor: leader,
    projectId: project.usOnHold,
    toStage: "contacted",
    occurredOn: "2026-03-02",
    note: null,
    version: projectRow(project.usOnHold).version,
  });
  status(project.usOnHold, "on_hold");
  project.jpLost = add(leader, jp, park.japan, "999");
  status(project.jpLost, "lost");
  project.jpDormant = add(leader, jp, park.japan, "70");
  status(project.jpDormant, "dormant");
  project.jpDeleted = add(leader, jp, park.japan, "123");
  deleteProject({ actor: admin, projectId: project.jpDeleted, version: projectRow(project.jpDeleted).version });
  // 中日园一期 and 开发区 itself (开发区 unit)
  project.krPhase1 = add(zoneOfficer, kr, park.japanPhase1, "40");
  project.deZone = add(zoneOfficer, de, park.zone, "20");
  // 中德园 (town unit); the town officer is also a member of the 中日园 project at 洽谈
  project.deGermany = add(townOfficer, de, park.germany, "500");
  addProjectMember({ actor: leader, projectId: project.jpNegotiating, userId: townOfficer.id });
  // 港区: a lead; a KR signing of 2026-05-20 not verified yet; a US signing of 2026-04-10, verified
  project.usPort = add(leader, us, park.port, "10");
  project.krPortPending = add(leader, kr, park.port, "200");
  moveProjectToStage({
    actor: leader,
    projectId: project.krPortPending,
    toStage: "signed",
    occurredOn: "2026-05-20",
    note: null,
    version: projectRow(project.krPortPending).version,
  });
  project.usPortSigned = add(leader, us, park.port, "60");
  moveProjectToStage({
    actor: leader,
    projectId: project.usPortSigned,
    toStage: "signed",
    occurredOn: "2026-04-10",
    note: null,
    version: projectRow(project.usPortSigned).version,
  });
  verifySigning({ actor: admin, projectId: project.usPortSigned, version: projectRow(project.usPortSigned).version });
});

const rows = (pipeline: { row: string; projects: number; totalInvestmentUsd: number }[]) =>
  pipeline.filter((row) => row.projects > 0).map((row) => [row.row, row.projects, wan(row.totalInvestmentUsd)]);
const countries = (byCountry: { country: string; projects: number; totalInvestmentUsd: number }[]) =>
  byCountry.map((row) => [row.country, row.projects, wan(row.totalInvestmentUsd)]);

describe("a park's pipeline", () => {
  it("counts active and on-hold projects by stage and by country, with the parks below it", () => {
    const japan = getPark(leader, park.japan);
    expect(japan.pipeline.map((row) => [row.row, row.label])).toEqual([
      ["lead", "线索"],
      ["contacted", "接洽"],
      ["negotiating", "洽谈"],
      ["signed_unverified", "签约（待甄别）"],
      ["signed", "签约"],
      ["registered", "注册"],
      ["construction", "开工"],
      ["production", "投产"],
    ]);
    // lost, dormant and deleted projects are not in the pipeline; 中日园一期's KR project is
    expect(rows(japan.pipeline)).toEqual([
      ["lead", 3, 190],
      ["contacted", 1, 80],
      ["negotiating", 1, 300],
    ]);
    expect(countries(japan.byCountry)).toEqual([
      ["JP", 2, 400],
      ["US", 1, 80],
      ["DE", 1, 50],
      ["KR", 1, 40],
    ]);
    expect(japan.total).toEqual({ projects: 5, totalInvestmentUsd: 5_700_000 });

    // 开发区 holds 中日园 (and through it 中日园一期) and 中德园
    const zone = getPark(leader, park.zone);
    expect(rows(zone.pipeline)).toEqual([
      ["lead", 5, 710],
      ["contacted", 1, 80],
      ["negotiating", 1, 300],
    ]);
    expect(countries(zone.byCountry)).toEqual([
      ["DE", 3, 570],
      ["JP", 2, 400],
      ["US", 1, 80],
      ["KR", 1, 40],
    ]);
    expect(zone.children.map((child) => child.name)).toEqual(["中日园", "中德园"]);
    expect(getPark(leader, park.japanPhase1).parent).toEqual({ id: park.japan, name: "中日园" });

    expect(listParks(leader).map((row) => [row.name, row.parentName, row.projects])).toEqual([
      ["开发区", null, 7],
      ["中日园", "开发区", 5],
      ["中德园", "开发区", 1],
      ["中日园一期", "中日园", 1],
      ["港区", null, 3],
    ]);
  });

  it("puts an unverified signing in 签约（待甄别）, by stage and by country, and in 签约 once verified", () => {
    const port = getPark(leader, park.port);
    expect(rows(port.pipeline)).toEqual([
      ["lead", 1, 10],
      ["signed_unverified", 1, 200],
      ["signed", 1, 60],
    ]);
    expect(countries(port.byCountry)).toEqual([
      ["US", 2, 70],
      ["KR", 1, 200],
    ]);
    expect(port.total).toEqual({ projects: 3, totalInvestmentUsd: 2_700_000 });
    // the export lists the same projects, largest investment first
    expect(listParkPipelineProjectIds(leader, park.port)).toEqual({ parkName: "港区", ids: [project.krPortPending, project.usPortSigned, project.usPort] });

    verifySigning({ actor: admin, projectId: project.krPortPending, version: projectRow(project.krPortPending).version });
    expect(rows(getPark(leader, park.port).pipeline)).toEqual([
      ["lead", 1, 10],
      ["signed", 2, 260],
    ]);
  });

  it("splits a country park's pipeline into its focus countries and the others", () => {
    expect(getPark(leader, park.japan).focusMatch).toEqual({
      focus: { projects: 2, totalInvestmentUsd: 4_000_000 },
      others: { projects: 3, totalInvestmentUsd: 1_700_000 },
      share: 0.4,
    });
    expect(getPark(leader, park.germany).focusMatch).toEqual({
      focus: { projects: 1, totalInvestmentUsd: 5_000_000 },
      others: { projects: 0, totalInvestmentUsd: 0 },
      share: 1,
    });
    // only country parks are matched against focus countries
    expect(getPark(leader, park.zone).focusMatch).toBeNull();
  });

  it("lists the latest projects of the park and the parks below it, any status but deleted", () => {
    const recent = getPark(leader, park.japan).recent;
    expect(recent.map((row) => row.id).sort((a, b) => a - b)).toEqual(
      [project.jpNegotiating, project.jpLead, project.deLead, project.usOnHold, project.jpLost, project.jpDormant, project.krPhase1].sort((a, b) => a - b),
    );
    expect(recent.find((row) => row.id === project.krPhase1)).toMatchObject({ parkName: "中日园一期", country: "KR", status: "active" });
  });

  it("counts for an officer only the projects the officer may read", () => {
    // 开发区 unit: its own two projects, nothing of the leader's or the town's
    expect(rows(getPark(zoneOfficer, park.zone).pipeline)).toEqual([["lead", 2, 60]]);
    const japan = getPark(zoneOfficer, park.japan);
    expect(countries(japan.byCountry)).toEqual([["KR", 1, 40]]);
    expect(japan.focusMatch).toEqual({ focus: { projects: 0, totalInvestmentUsd: 0 }, others: { projects: 1, totalInvestmentUsd: 400_000 }, share: 0 });
    expect(japan.recent.map((row) => row.id)).toEqual([project.krPhase1]);
    // the town: its own 中德园 project and the 中日园 project it is a member of
    expect(rows(getPark(townOfficer, park.japan).pipeline)).toEqual([["negotiating", 1, 300]]);
    expect(getPark(townOfficer, park.japan).recent.map((row) => row.id)).toEqual([project.jpNegotiating]);
    expect(listParks(townOfficer).map((row) => [row.name, row.projects])).toEqual([
      ["开发区", 2],
      ["中日园", 1],
      ["中德园", 1],
      ["中日园一期", 0],
      ["港区", 0],
    ]);
    // an empty pipeline has no share
    expect(getPark(townOfficer, park.port).total).toEqual({ projects: 0, totalInvestmentUsd: 0 });
    expect(() => getPark(leader, 999_999)).toThrow(NotFoundError);
  });
});

describe("the administrator's edits", () => {
  it("validates the form in Chinese", () => {
    const messages = (fields: Record<string, unknown>) =>
      Object.fromEntries((parkSchema.safeParse(fields).error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
    expect(
      messages({
        name: " ",
        kind: "x",
        availableLandMu: "-3",
        standardFactorySqm: "1.5",
        customFactorySqm: "abc",
        focusCountries: ["XX"],
        focusChainIds: ["abc"],
      }),
    ).toEqual({
      name: "请输入名称",
      kind: "请选择类型",
      availableLandMu: "可用土地（亩）应为不超过两位小数的非负数",
      standardFactorySqm: "标准厂房（㎡）应为不超过100000000的整数",
      customFactorySqm: "定制厂房（㎡）应为不超过100000000的整数",
      focusCountries: "重点国别无效",
      focusChainIds: "重点产业链无效",
    });
    expect(messages({ name: "x", kind: "town", availableLandMu: "1.234" })).toEqual({ availableLandMu: "可用土地（亩）应为不超过两位小数的非负数" });
    expect(parse({ name: "x", availableLandMu: "12.25", standardFactorySqm: "0", focusCountries: "JP" })).toMatchObject({
      availableLandMu: 12.25,
      standardFactorySqm: 0,
      focusCountries: ["JP"],
      focusChainIds: [],
    });
  });

  it("refuses a taken name, itself or a park below it as parent, and writes nothing", () => {
    const parksBefore = db().select().from(t.parks).all();
    const auditBefore = db().select().from(t.auditLog).all().length;
    expect(fieldErrors(() => createPark({ actor: admin, data: parse({ name: "中日园" }) }))).toEqual({ name: "已有同名载体，请换一个名称" });
    const version = getParkForEdit(park.zone).version;
    expect(
      fieldErrors(() => updatePark({ actor: admin, id: park.japan, data: parse({ name: "开发区" }), version: getParkForEdit(park.japan).version })),
    ).toEqual({
      name: "已有同名载体，请换一个名称",
    });
    expect(fieldErrors(() => updatePark({ actor: admin, id: park.zone, data: parse({ name: "开发区", parentId: String(park.zone) }), version }))).toEqual({
      parentId: "上级载体不能是自身或其下级",
    });
    // two levels down
    expect(
      fieldErrors(() => updatePark({ actor: admin, id: park.zone, data: parse({ name: "开发区", parentId: String(park.japanPhase1) }), version })),
    ).toEqual({
      parentId: "上级载体不能是自身或其下级",
    });
    expect(listParentChoices(park.zone).map((choice) => choice.name)).toEqual(["港区"]);
    expect(listParentChoices(park.japan).map((choice) => choice.name)).toEqual(["开发区", "中德园", "港区"]);
    expect(db().select().from(t.parks).all()).toEqual(parksBefore);
    expect(db().select().from(t.auditLog).all()).toHaveLength(auditBefore);
  });

  it("refuses other roles and unknown parks", () => {
    expect(() => createPark({ actor: leader, data: parse({ name: "新园区" }) })).toThrow(ForbiddenError);
    expect(() => updatePark({ actor: zoneOfficer, id: park.port, data: parse({ name: "港区" }), version: 1 })).toThrow(ForbiddenError);
    expect(() => updatePark({ actor: admin, id: 999_999, data: parse({ name: "无此载体" }), version: 1 })).toThrow(NotFoundError);
    expect(() => getParkForEdit(999_999)).toThrow(NotFoundError);
    expect(db().select().from(t.parks).where(eq(t.parks.name, "新园区")).get()).toBeUndefined();
  });

  it("saves focus countries and chains, refuses a stale version and audits the change", () => {
    const system = db().insert(t.chainSystems).values({ code: "p", name: "体系" }).returning({ id: t.chainSystems.id }).get().id;
    const chain = (name: string, fields: { level?: "chain" | "link"; retiredAt?: number } = {}) =>
      db()
        .insert(t.chainNodes)
        .values({ systemId: system, level: "chain", name, path: `/${name}`, ...fields })
        .returning({ id: t.chainNodes.id })
        .get().id;
    const ic = chain("集成电路");
    const retired = chain("旧链", { retiredAt: Date.now() });
    const link = chain("芯片设计", { level: "link" });
    const version = getParkForEdit(park.port).version;
    const data = parse({
      name: "港区",
      focusCountries: ["JP", "KR", "JP"],
      focusChainIds: [String(ic)],
      availableLandMu: "356.5",
      standardFactorySqm: "12000",
    });
    for (const bad of [retired, link]) {
      expect(fieldErrors(() => updatePark({ actor: admin, id: park.port, data: { ...data, focusChainIds: [bad] }, version }))).toEqual({
        focusChainIds: "重点产业链无效",
      });
    }
    updatePark({ actor: admin, id: park.port, data, version });
    expect(getParkForEdit(park.port)).toMatchObject({
      focusCountries: ["JP", "KR"],
      focusChainIds: [ic],
      availableLandMu: 356.5,
      standardFactorySqm: 12000,
      version: version + 1,
    });
    expect(getPark(leader, park.port).focusChains.map((node) => node.name)).toEqual(["集成电路"]);

    // a second save made on the old version is refused and changes nothing
    const stale = { ...data, availableLandMu: 1 };
    expect(() => updatePark({ actor: admin, id: park.port, data: stale, version })).toThrow(ConflictError);
    expect(() => updatePark({ actor: admin, id: park.port, data: stale, version })).toThrow("该记录已被他人修改，请刷新后重试");
    expect(getParkForEdit(park.port)).toMatchObject({ availableLandMu: 356.5, version: version + 1 });

    const audit = db()
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.entityId, park.port))
      .all()
      .filter((row) => row.entityType === "park");
    expect(audit.map((row) => row.action)).toEqual(["create", "update"]);
    expect(audit[1].changes).toEqual({
      focusCountries: ["", "JP,KR"],
      focusChainIds: ["", String(ic)],
      availableLandMu: [null, 356.5],
      standardFactorySqm: [null, 12000],
    });
  });
});

describe("the park routes", () => {
  async function cookieOf(actor: Actor): Promise<string> {
    const response = await startSession(actor.id, "/", new Request("http://localhost/login"));
    return response.headers.get("Set-Cookie")!.split(";")[0];
  }
  const request = async (actor: Actor, path: string, form?: Record<string, string | string[]>) => {
    const headers = { Cookie: await cookieOf(actor) };
    if (!form) return new Request(`http://localhost${path}`, { headers });
    const body = new FormData();
    for (const [key, value] of Object.entries(form)) for (const item of [value].flat()) body.append(key, item);
    return new Request(`http://localhost${path}`, { method: "POST", headers, body });
  };
  /** what a loader or action answered, thrown or returned */
  async function answer(run: () => Promise<unknown>): Promise<Response> {
    try {
      return (await run()) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }
  const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

  it("answers 403 to non-administrators on the new and edit pages", async () => {
    for (const actor of [leader, zoneOfficer]) {
      expect((await answer(async () => newLoader(args(await request(actor, "/parks/new"))))).status).toBe(403);
      expect((await answer(async () => newAction(args(await request(actor, "/parks/new", { name: "越权", kind: "town" }))))).status).toBe(403);
      expect((await answer(async () => editLoader(args(await request(actor, `/parks/${park.port}/edit`), { id: String(park.port) })))).status).toBe(403);
      expect(
        (
          await answer(async () =>
            editAction(args(await request(actor, `/parks/${park.port}/edit`, { name: "越权", kind: "town", version: "1" }), { id: String(park.port) })),
          )
        ).status,
      ).toBe(403);
    }
    expect(db().select().from(t.parks).where(eq(t.parks.name, "越权")).get()).toBeUndefined();
  });

  it("answers 404 to an unknown park, 400 with field errors to bad input, 409 to a stale save", async () => {
    expect((await answer(async () => parkLoader(args(await request(leader, "/parks/999999"), { id: "999999" })))).status).toBe(404);
    expect((await answer(async () => parkLoader(args(await request(leader, "/parks/abc"), { id: "abc" })))).status).toBe(404);
    expect((await answer(async () => editLoader(args(await request(admin, "/parks/999999/edit"), { id: "999999" })))).status).toBe(404);
    expect(
      (
        await answer(async () =>
          editAction(args(await request(admin, "/parks/999999/edit", { name: "无此载体", kind: "town", version: "1" }), { id: "999999" })),
        )
      ).status,
    ).toBe(404);

    const bad = await answer(async () => newAction(args(await request(admin, "/parks/new", { name: "中日园", kind: "town", availableLandMu: "abc" }))));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ availableLandMu: "可用土地（亩）应为不超过两位小数的非负数" });
    const taken = await answer(async () => newAction(args(await request(admin, "/parks/new", { name: "中日园", kind: "town" }))));
    expect(taken.status).toBe(400);
    expect((await taken.json()).fieldErrors).toEqual({ name: "已有同名载体，请换一个名称" });

    const { version } = getParkForEdit(park.germany);
    const form = {
      name: "中德园",
      kind: "country_park",
      parentId: String(park.zone),
      focusCountries: ["DE", "AT"],
      customFactorySqm: "8000",
      version: String(version),
    };
    const self = await answer(async () =>
      editAction(args(await request(admin, `/parks/${park.germany}/edit`, { ...form, parentId: String(park.germany) }), { id: String(park.germany) })),
    );
    expect(self.status).toBe(400);
    expect((await self.json()).fieldErrors).toEqual({ parentId: "上级载体不能是自身或其下级" });

    const saved = await answer(async () => editAction(args(await request(admin, `/parks/${park.germany}/edit`, form), { id: String(park.germany) })));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/parks/${park.germany}`);
    expect(getParkForEdit(park.germany)).toMatchObject({ focusCountries: ["DE", "AT"], customFactorySqm: 8000 });
    const stale = await answer(async () =>
      editAction(args(await request(admin, `/parks/${park.germany}/edit`, { ...form, customFactorySqm: "1" }), { id: String(park.germany) })),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ formError: "该记录已被他人修改，请刷新后重试", values: { customFactorySqm: "1" } });
    expect(getParkForEdit(park.germany).customFactorySqm).toBe(8000);

    const created = await answer(async () =>
      newAction(args(await request(admin, "/parks/new", { name: "新仓镇", kind: "town", parentId: "", focusCountries: [] as string[] }))),
    );
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toMatch(/^\/parks\/\d+$/);
  });
});
