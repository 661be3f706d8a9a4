/**
 * 载体平台 on a real migrated SQLite file: pipelines by stage and country (child parks counted in
 * their parent), the country park's focus match, the officer's scope, and the administrator's edits.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import { parkSchema } from "../app/parks/park.schema";
import { createPark, getPark, getParkForEdit, listParks, updatePark } from "../app/parks/parks.server";
import { changeProjectStatus, moveProjectToStage } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

let admin: Actor;
let leader: Actor;
let officer2: Actor;
const park: Record<string, number> = {};

const parse = (fields: Record<string, unknown>) => parkSchema.parse({ kind: "development_zone", ...fields });

beforeAll(() => {
  const center = makeUnit("投资促进中心");
  const zone = makeUnit("平湖经济技术开发区");
  admin = makeUser("admin", center);
  leader = makeUser("leader", center);
  officer2 = makeUser("officer", zone);
  park.zone = createPark({ actor: admin, data: parse({ name: "开发区", availableLandMu: "120.5" }) });
  park.japan = createPark({ actor: admin, data: parse({ name: "中日园", kind: "country_park", parentId: String(park.zone), focusCountries: ["JP"] }) });
  const japanese = makeCompany(leader, { country: "JP" });
  const german = makeCompany(leader, { country: "DE" });
  const project = (companyId: number, parkId: number, total: string, actor: Actor = leader) =>
    makeProject(actor, { companyId, parkId: String(parkId), totalInvestmentUsd: total, contractedFdiUsd: "1" });
  // 中日园: two Japanese (one at 洽谈), one German, one Japanese lost (not pursued); 开发区 itself: one German of officer2's unit
  const negotiating = project(japanese, park.japan, "300");
  moveProjectToStage({ actor: leader, projectId: negotiating, toStage: "negotiating", occurredOn: "2026-03-01", note: null, version: projectRow(negotiating).version });
  project(japanese, park.japan, "100");
  project(german, park.japan, "50");
  const lost = project(japanese, park.japan, "999");
  changeProjectStatus({ actor: leader, projectId: lost, status: "lost", reason: "另选他址", lostTo: "太仓", version: projectRow(lost).version });
  project(makeCompany(officer2, { country: "DE" }), park.zone, "20", officer2);
});

describe("a park's pipeline", () => {
  it("counts pursued projects by stage and by country, a child park's in its parent too", () => {
    const japan = getPark(leader, park.japan);
    expect(japan.pipeline.filter((row) => row.projects > 0).map((row) => [row.stage, row.projects, row.totalInvestmentUsd / 10_000])).toEqual([
      ["lead", 2, 150],
      ["negotiating", 1, 300],
    ]);
    expect(japan.byCountry.map((row) => [row.country, row.projects, row.investment / 10_000])).toEqual([
      ["JP", 2, 400],
      ["DE", 1, 50],
    ]);
    expect(japan.focusMatch).toEqual({ focus: { projects: 2, investment: 4_000_000 }, others: { projects: 1, investment: 500_000 } });
    const zone = getPark(leader, park.zone);
    expect(zone.pipeline.reduce((sum, row) => sum + row.projects, 0)).toBe(4);
    expect(zone.focusMatch).toBeNull();
    expect(zone.children.map((child) => child.id)).toEqual([park.japan]);
    expect(listParks(leader).map((row) => [row.name, row.projects])).toEqual([
      ["开发区", 4],
      ["中日园", 3],
    ]);
  });

  it("counts for an officer only the projects the officer may read", () => {
    expect(getPark(officer2, park.zone).pipeline.reduce((sum, row) => sum + row.projects, 0)).toBe(1);
    expect(getPark(officer2, park.japan).byCountry).toEqual([]);
    expect(() => getPark(leader, 999_999)).toThrow(NotFoundError);
  });
});

describe("the administrator's edits", () => {
  it("refuses a taken name, itself or a descendant as parent, and other roles", () => {
    const fieldError = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as InvalidError).fieldErrors;
      }
      return null;
    };
    expect(fieldError(() => createPark({ actor: admin, data: parse({ name: "中日园" }) }))).toEqual({ name: "已有同名载体" });
    const version = getParkForEdit(park.zone).version;
    expect(fieldError(() => updatePark({ actor: admin, id: park.zone, data: parse({ name: "开发区", parentId: String(park.japan) }), version }))).toEqual({
      parentId: "上级载体不能是自身或其下级",
    });
    expect(() => createPark({ actor: leader, data: parse({ name: "新园区" }) })).toThrow(ForbiddenError);
    expect(parkSchema.safeParse({ name: "x", kind: "development_zone", availableLandMu: "-3" }).error?.issues[0].message).toBe("可用土地（亩）应为不超过两位小数的非负数");
  });

  it("saves focus countries and chains, refuses a stale version and audits the change", () => {
    const chain = db().insert(t.chainSystems).values({ code: "p", name: "体系" }).returning({ id: t.chainSystems.id }).get().id;
    const node = db().insert(t.chainNodes).values({ systemId: chain, level: "chain", name: "集成电路", path: "/" }).returning({ id: t.chainNodes.id }).get().id;
    const version = getParkForEdit(park.japan).version;
    const data = parse({ name: "中日园", kind: "country_park", parentId: String(park.zone), focusCountries: ["JP", "KR"], focusChainIds: [String(node)], standardFactorySqm: "12000" });
    updatePark({ actor: admin, id: park.japan, data, version });
    expect(getParkForEdit(park.japan)).toMatchObject({ focusCountries: ["JP", "KR"], focusChainIds: [node], standardFactorySqm: 12000, version: version + 1 });
    expect(getPark(leader, park.japan).focusChains.map((c) => c.name)).toEqual(["集成电路"]);
    expect(() => updatePark({ actor: admin, id: park.japan, data, version })).toThrow(ConflictError);
    const audit = db().select().from(t.auditLog).where(eq(t.auditLog.entityId, park.japan)).all().filter((row) => row.entityType === "park");
    expect(audit.map((row) => row.action)).toEqual(["create", "update"]);
    expect(audit[1].changes).toMatchObject({ focusCountries: ["JP", "JP,KR"], standardFactorySqm: [null, 12000] });
  });
});
