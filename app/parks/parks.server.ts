/**
 * 载体平台: parks with their profile and pipeline. A park's pipeline includes its child parks'
 * projects (平湖经济技术开发区 holds the 中日 and 中德 parks). Counts respect the actor's scope.
 */
import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { can, type Actor } from "../auth/permissions";
import { diffRecords, writeAudit } from "../audit/audit.server";
import { db, t } from "../db.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../lib/errors";
import { visibleProjects } from "../projects/scope.server";
import { STAGES } from "../projects/stages";
import type { ParkInput } from "./park.schema";

/** Live projects the actor may read that are still being pursued. */
function pursued(actor: Actor): SQL {
  return and(visibleProjects(actor), inArray(t.projects.status, ["active", "on_hold"])) as SQL;
}

/** The park and every park below it, as a subquery of ids. */
function parkAndDescendants(parkId: number): SQL {
  return sql`(with recursive tree(id) as (
    select ${parkId} union all select p.id from ${t.parks} p join tree on p.parent_id = tree.id where p.deleted_at is null
  ) select id from tree)`;
}

export function listParks(actor: Actor) {
  const parks = db()
    .select({
      id: t.parks.id,
      name: t.parks.name,
      kind: t.parks.kind,
      parentId: t.parks.parentId,
      focusCountries: t.parks.focusCountries,
      availableLandMu: t.parks.availableLandMu,
      standardFactorySqm: t.parks.standardFactorySqm,
      customFactorySqm: t.parks.customFactorySqm,
    })
    .from(t.parks)
    .where(isNull(t.parks.deletedAt))
    .orderBy(asc(t.parks.sortOrder), asc(t.parks.id))
    .all();
  const direct = new Map(
    db()
      .select({ parkId: t.projects.parkId, projects: sql<number>`count(*)` })
      .from(t.projects)
      .where(and(pursued(actor), sql`${t.projects.parkId} is not null`))
      .groupBy(t.projects.parkId)
      .all()
      .map((row) => [row.parkId!, row.projects]),
  );
  const names = new Map(parks.map((park) => [park.id, park.name]));
  const childrenOf = (id: number): number[] => parks.filter((park) => park.parentId === id).flatMap((park) => [park.id, ...childrenOf(park.id)]);
  return parks.map((park) => ({
    ...park,
    parentName: park.parentId ? (names.get(park.parentId) ?? null) : null,
    projects: [park.id, ...childrenOf(park.id)].reduce((sum, id) => sum + (direct.get(id) ?? 0), 0),
  }));
}

function findPark(id: number) {
  const park = db().select().from(t.parks).where(and(eq(t.parks.id, id), isNull(t.parks.deletedAt))).get();
  if (!park) throw new NotFoundError();
  return park;
}

const RECENT_PROJECTS = 20;

/** A park's page: profile, pipeline by stage and by country/region, focus-country match, recent projects. */
export function getPark(actor: Actor, id: number) {
  const park = findPark(id);
  const inPark = and(pursued(actor), sql`${t.projects.parkId} in ${parkAndDescendants(id)}`) as SQL;
  const stageRows = new Map(
    db()
      .select({ stage: t.projects.stage, projects: sql<number>`count(*)`, investment: sql<number>`coalesce(sum(${t.projects.totalInvestmentUsd}), 0)` })
      .from(t.projects)
      .where(inPark)
      .groupBy(t.projects.stage)
      .all()
      .map((row) => [row.stage, row]),
  );
  const byCountry = db()
    .select({ country: t.companies.country, projects: sql<number>`count(*)`, investment: sql<number>`coalesce(sum(${t.projects.totalInvestmentUsd}), 0)` })
    .from(t.projects)
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .where(inPark)
    .groupBy(t.companies.country)
    .orderBy(sql`count(*) desc`, asc(t.companies.country))
    .all();
  const focus = new Set(park.focusCountries);
  const share = (rows: typeof byCountry) => ({
    projects: rows.reduce((sum, row) => sum + row.projects, 0),
    investment: rows.reduce((sum, row) => sum + row.investment, 0),
  });
  const focusMatch =
    park.kind === "country_park" && focus.size > 0
      ? { focus: share(byCountry.filter((row) => focus.has(row.country))), others: share(byCountry.filter((row) => !focus.has(row.country))) }
      : null;
  const recent = db()
    .select({ id: t.projects.id, name: t.projects.name, stage: t.projects.stage, companyName: t.companies.name, country: t.companies.country, totalInvestmentUsd: t.projects.totalInvestmentUsd })
    .from(t.projects)
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .where(inPark)
    .orderBy(sql`${t.projects.updatedAt} desc`, asc(t.projects.id))
    .limit(RECENT_PROJECTS)
    .all();
  const focusChains = db()
    .select({ id: t.chainNodes.id, name: t.chainNodes.name })
    .from(t.parkFocusChains)
    .innerJoin(t.chainNodes, eq(t.chainNodes.id, t.parkFocusChains.nodeId))
    .where(eq(t.parkFocusChains.parkId, id))
    .orderBy(asc(t.chainNodes.path))
    .all();
  const parent = park.parentId ? (db().select({ id: t.parks.id, name: t.parks.name }).from(t.parks).where(eq(t.parks.id, park.parentId)).get() ?? null) : null;
  const children = db().select({ id: t.parks.id, name: t.parks.name }).from(t.parks).where(and(eq(t.parks.parentId, id), isNull(t.parks.deletedAt))).orderBy(asc(t.parks.sortOrder)).all();
  return {
    park,
    parent,
    children,
    focusChains,
    pipeline: STAGES.map((stage) => ({ stage, projects: stageRows.get(stage)?.projects ?? 0, totalInvestmentUsd: stageRows.get(stage)?.investment ?? 0 })),
    byCountry,
    focusMatch,
    recent,
  };
}

/** Parks a park may sit under: not itself nor anything below it. */
export function listParentChoices(parkId: number | null) {
  const excluded = parkId === null ? sql`0 = 1` : sql`${t.parks.id} in ${parkAndDescendants(parkId)}`;
  return db()
    .select({ id: t.parks.id, name: t.parks.name })
    .from(t.parks)
    .where(and(isNull(t.parks.deletedAt), sql`not (${excluded})`))
    .orderBy(asc(t.parks.sortOrder), asc(t.parks.id))
    .all();
}

/** 重点产业链 choices: live chain-level nodes. */
export function listFocusChainChoices() {
  return db()
    .select({ id: t.chainNodes.id, name: t.chainNodes.name, systemName: t.chainSystems.name })
    .from(t.chainNodes)
    .innerJoin(t.chainSystems, eq(t.chainSystems.id, t.chainNodes.systemId))
    .where(and(eq(t.chainNodes.level, "chain"), isNull(t.chainNodes.retiredAt)))
    .orderBy(asc(t.chainSystems.sortOrder), asc(t.chainNodes.path))
    .all();
}

function requireAdmin(actor: Actor): void {
  if (!can(actor.role, "admin:system")) throw new ForbiddenError();
}

function checkPark(data: ParkInput, parkId: number | null): void {
  const taken = db()
    .select({ id: t.parks.id })
    .from(t.parks)
    .where(and(eq(t.parks.name, data.name), parkId === null ? undefined : ne(t.parks.id, parkId)))
    .get();
  if (taken) throw new InvalidError({ name: "已有同名载体" });
  if (data.parentId !== null && !listParentChoices(parkId).some((choice) => choice.id === data.parentId)) {
    throw new InvalidError({ parentId: "上级载体不能是自身或其下级" });
  }
  const chains = new Set(listFocusChainChoices().map((chain) => chain.id));
  if (data.focusChainIds.some((id) => !chains.has(id))) throw new InvalidError({ focusChainIds: "重点产业链无效" });
}

function parkValues(data: ParkInput) {
  const { focusChainIds: _chains, ...fields } = data;
  return fields;
}

function replaceFocusChains(tx: Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0], parkId: number, nodeIds: number[]): void {
  tx.delete(t.parkFocusChains).where(eq(t.parkFocusChains.parkId, parkId)).run();
  for (const nodeId of new Set(nodeIds)) tx.insert(t.parkFocusChains).values({ parkId, nodeId }).run();
}

export function createPark({ actor, data }: { actor: Actor; data: ParkInput }): number {
  requireAdmin(actor);
  checkPark(data, null);
  return db().transaction((tx) => {
    const { id } = tx.insert(t.parks).values(parkValues(data)).returning({ id: t.parks.id }).get();
    replaceFocusChains(tx, id, data.focusChainIds);
    writeAudit(tx, { entityType: "park", entityId: id, action: "create", userId: actor.id, changes: diffRecords(null, data) });
    return id;
  });
}

export function updatePark({ actor, id, data, version }: { actor: Actor; id: number; data: ParkInput; version: number }): void {
  requireAdmin(actor);
  const before = findPark(id);
  checkPark(data, id);
  const chainsBefore = db().select({ nodeId: t.parkFocusChains.nodeId }).from(t.parkFocusChains).where(eq(t.parkFocusChains.parkId, id)).all().map((row) => row.nodeId);
  db().transaction((tx) => {
    const updated = tx
      .update(t.parks)
      .set({ ...parkValues(data), version: sql`${t.parks.version} + 1`, updatedAt: Date.now() })
      .where(and(eq(t.parks.id, id), eq(t.parks.version, version), isNull(t.parks.deletedAt)))
      .run();
    if (updated.changes === 0) throw new ConflictError();
    replaceFocusChains(tx, id, data.focusChainIds);
    writeAudit(tx, {
      entityType: "park",
      entityId: id,
      action: "update",
      userId: actor.id,
      changes: diffRecords({ ...before, focusCountries: before.focusCountries.join(","), focusChainIds: chainsBefore.sort().join(",") }, {
        ...parkValues(data),
        focusCountries: data.focusCountries.join(","),
        focusChainIds: [...data.focusChainIds].sort().join(","),
      }),
    });
  });
}

/** The stored park for its edit form, with its focus chains. */
export function getParkForEdit(id: number) {
  const park = findPark(id);
  const focusChainIds = db().select({ nodeId: t.parkFocusChains.nodeId }).from(t.parkFocusChains).where(eq(t.parkFocusChains.parkId, id)).all().map((row) => row.nodeId);
  return { ...park, focusChainIds };
}
