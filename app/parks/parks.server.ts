/**
 * 载体平台: parks with their profile and pipeline. A park's pipeline is the 储备 today in the figures'
 * vocabulary (pursuedNow, by pipelineRowNow: unverified signings in 签约（待甄别）) of the projects
 * whose 落地载体 (parkServed) is the park or a park below it, at any depth (平湖经济技术开发区 holds the
 * 中日 and 中德 parks). Every count and list of projects is scoped by what the actor may read.
 */
import { and, asc, eq, isNull, ne, notInArray, sql, type SQL } from "drizzle-orm";
import { assertCan, type Actor } from "../auth/permissions";
import { diffRecords, listAudit, writeAudit } from "../audit/audit.server";
import { db, t, type Tx } from "../db.server";
import { InvalidError, NotFoundError } from "../lib/errors";
import { updateVersioned } from "../lib/versioned-update.server";
import { cachedFigures } from "../figures/figure-cache.server";
import { parkServed, PIPELINE_ROW_LABELS, PIPELINE_ROWS, pipelineRowNow, pursuedNow, type PipelineRow } from "../figures/measures.server";
import { projectScope, scopeKey, visibleProjects } from "../projects/scope.server";
import type { Stage, Status } from "../projects/stages";
import type { ParkInput } from "./park.schema";

/** The 储备 today (pursuedNow: live, 进行中 or 暂缓), of the projects the actor may read. */
function pursued(actor: Actor): SQL {
  return and(pursuedNow, projectScope(actor)) as SQL;
}

/**
 * Ids of the park and every live park below it, at any depth. `union` (not `union all`) makes
 * the recursion stop even if the parent links ever formed a loop.
 */
function parkTreeIds(parkId: number): number[] {
  return db()
    .all<{ id: number }>(
      sql`
      with recursive tree(id) as (
        select ${parkId}
        union
        select p.id from ${t.parks} p join tree on p.parent_id = tree.id where p.deleted_at is null
      )
      select id from tree
    `,
    )
    .map((row) => row.id);
}

/**
 * Project queries name their index: a park's projects are a small share of the table, but SQLite
 * may otherwise walk projects_updated_idx or projects_stage_status_idx over every live project
 * (it did, on the 50,000-project data set). Through projects_park_idx only the parks' own rows
 * are read. Drizzle's builder has no INDEXED BY, hence plain SQL for these queries.
 */
const PROJECTS_BY_PARK = sql`${t.projects} indexed by projects_park_idx`;

/**
 * A park holding this many projects finds its latest ones sooner walking the county's projects by
 * last update (projects_updated_idx, stopping at the 20th of the park the actor may read) than
 * reading and sorting all of its own: 经开区 holds a third of the county's projects.
 */
const LARGE_PARK_PROJECTS = 2000;

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
  // one grouped pass over the projects placed in a park: pursued ones per park
  const direct = new Map(
    db()
      .all<{ parkId: number; projects: number }>(
        sql`
        select ${parkServed} as parkId, count(*) as projects
        from ${PROJECTS_BY_PARK}
        where ${parkServed} is not null and ${pursued(actor)}
        group by ${parkServed}
      `,
      )
      .map((row) => [row.parkId, row.projects]),
  );
  const names = new Map(parks.map((park) => [park.id, park.name]));
  const children = new Map<number, number[]>();
  for (const park of parks) if (park.parentId !== null) children.set(park.parentId, [...(children.get(park.parentId) ?? []), park.id]);
  // a park counts its own projects and those of every park below it
  const total = (id: number, seen: Set<number>): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return (direct.get(id) ?? 0) + (children.get(id) ?? []).reduce((sum, child) => sum + total(child, seen), 0);
  };
  return parks.map((park) => ({
    ...park,
    parentName: park.parentId ? (names.get(park.parentId) ?? null) : null,
    projects: total(park.id, new Set()),
  }));
}

function findPark(id: number) {
  const park = db()
    .select()
    .from(t.parks)
    .where(and(eq(t.parks.id, id), isNull(t.parks.deletedAt)))
    .get();
  if (!park) throw new NotFoundError();
  return park;
}

const RECENT_PROJECTS = 20;

interface RecentProject {
  id: number;
  name: string;
  stage: Stage;
  status: Status;
  signedOn: string | null;
  signingVerifiedAt: number | null;
  totalInvestmentUsd: number;
  parkName: string;
  companyName: string;
  country: string;
}

interface Tally {
  projects: number;
  totalInvestmentUsd: number;
}

function tally(rows: readonly Tally[]): Tally {
  return {
    projects: rows.reduce((sum, row) => sum + row.projects, 0),
    totalInvestmentUsd: rows.reduce((sum, row) => sum + row.totalInvestmentUsd, 0),
  };
}

/**
 * A park's page: profile, the 储备 pipeline (pursued projects of the park and the parks below it)
 * by snapshot row (签约（待甄别） apart from 签约) and by country/region, for a country park the match
 * with its focus countries, and the most recently updated projects. The pipeline is one grouped
 * pass over the park's projects.
 */
export function getPark(actor: Actor, id: number) {
  const park = findPark(id);
  const parkIds = parkTreeIds(id);
  // one grouped pass over the park's projects: snapshot row × country cells, summed below into each breakdown;
  // a figure, kept until the next write (figure-cache.server.ts), per park and scope
  const cells = cachedFigures(`park-pipeline:${id}:${scopeKey(actor)}`, () =>
    db().all<{ row: PipelineRow; country: string } & Tally>(sql`
      select ${pipelineRowNow} as row, ${t.companies.country} as country,
             count(*) as projects, coalesce(sum(${t.projects.totalInvestmentUsd}), 0) as totalInvestmentUsd
      from ${PROJECTS_BY_PARK}
      join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}
      where ${parkServed} in ${parkIds} and ${pursued(actor)}
      group by 1, 2
    `),
  );

  const pipeline = PIPELINE_ROWS.map((row) => ({ row, label: PIPELINE_ROW_LABELS[row], ...tally(cells.filter((cell) => cell.row === row)) }));
  const countries = [...new Set(cells.map((cell) => cell.country))];
  const byCountry = countries
    .map((country) => ({ country, ...tally(cells.filter((cell) => cell.country === country)) }))
    .sort((a, b) => b.projects - a.projects || b.totalInvestmentUsd - a.totalInvestmentUsd || a.country.localeCompare(b.country));
  const total = tally(cells);
  const focusCountries = new Set(park.focusCountries);
  const focus = tally(byCountry.filter((row) => focusCountries.has(row.country)));
  const focusMatch =
    park.kind === "country_park" && focusCountries.size > 0
      ? {
          focus,
          others: tally(byCountry.filter((row) => !focusCountries.has(row.country))),
          /** share of the pipeline's projects from a focus country; null while there are none */
          share: total.projects === 0 ? null : focus.projects / total.projects,
        }
      : null;

  // how many projects the parks hold, whatever their status or scope: what reading their own rows costs
  const held = cachedFigures(
    `park-projects:${id}`,
    () => db().get<{ n: number }>(sql`select count(*) as n from ${PROJECTS_BY_PARK} where ${parkServed} in ${parkIds}`)?.n ?? 0,
  );
  // the latest 20 first, then their companies and parks: 20 lookups, not one per project of the park
  const recent = db().all<RecentProject>(sql`
    select latest.id, latest.name, latest.stage, latest.status, latest.signedOn, latest.signingVerifiedAt,
           latest.totalInvestmentUsd, ${t.parks.name} as parkName, ${t.companies.name} as companyName, ${t.companies.country} as country
    from (
      select ${t.projects.id} as id, ${t.projects.name} as name, ${t.projects.stage} as stage, ${t.projects.status} as status,
             ${t.projects.signedOn} as signedOn, ${t.projects.signingVerifiedAt} as signingVerifiedAt,
             ${t.projects.totalInvestmentUsd} as totalInvestmentUsd, ${t.projects.parkId} as parkId,
             ${t.projects.companyId} as companyId, ${t.projects.updatedAt} as updatedAt
      from ${held >= LARGE_PARK_PROJECTS ? sql`${t.projects} indexed by projects_updated_idx` : PROJECTS_BY_PARK}
      where ${parkServed} in ${parkIds} and ${visibleProjects(actor)}
      order by ${t.projects.updatedAt} desc, ${t.projects.id} desc
      limit ${RECENT_PROJECTS}
    ) latest
    join ${t.companies} on ${t.companies.id} = latest.companyId
    join ${t.parks} on ${t.parks.id} = latest.parkId
    order by latest.updatedAt desc, latest.id desc
  `);

  const focusChains = db()
    .select({ id: t.chainNodes.id, name: t.chainNodes.name })
    .from(t.parkFocusChains)
    .innerJoin(t.chainNodes, eq(t.chainNodes.id, t.parkFocusChains.nodeId))
    .where(eq(t.parkFocusChains.parkId, id))
    .orderBy(asc(t.chainNodes.path))
    .all();
  const parent = park.parentId
    ? (db()
        .select({ id: t.parks.id, name: t.parks.name })
        .from(t.parks)
        .where(and(eq(t.parks.id, park.parentId), isNull(t.parks.deletedAt)))
        .get() ?? null)
    : null;
  const children = db()
    .select({ id: t.parks.id, name: t.parks.name })
    .from(t.parks)
    .where(and(eq(t.parks.parentId, id), isNull(t.parks.deletedAt)))
    .orderBy(asc(t.parks.sortOrder), asc(t.parks.id))
    .all();
  return { park, parent, children, focusChains, pipeline, byCountry, total, focusMatch, recent };
}

/** The pursued projects of a park and the parks below it (its pipeline), largest investment first. */
export function listParkPipelineProjectIds(actor: Actor, id: number): { parkName: string; ids: number[] } {
  const park = findPark(id);
  const ids = db()
    .all<{ id: number }>(
      sql`
      select ${t.projects.id} as id from ${PROJECTS_BY_PARK}
      where ${parkServed} in ${parkTreeIds(id)} and ${pursued(actor)}
      order by ${t.projects.totalInvestmentUsd} desc, ${t.projects.id}
    `,
    )
    .map((row) => row.id);
  return { parkName: park.name, ids };
}

/** Parks a park may sit under: live ones, not itself nor anything below it. */
export function listParentChoices(parkId: number | null) {
  const excluded = parkId === null ? [] : parkTreeIds(parkId);
  return db()
    .select({ id: t.parks.id, name: t.parks.name })
    .from(t.parks)
    .where(and(isNull(t.parks.deletedAt), excluded.length > 0 ? notInArray(t.parks.id, excluded) : undefined))
    .orderBy(asc(t.parks.sortOrder), asc(t.parks.id))
    .all();
}

/** 重点产业链 choices: chain-level nodes not retired. */
export function listFocusChainChoices() {
  return db()
    .select({ id: t.chainNodes.id, name: t.chainNodes.name, systemName: t.chainSystems.name })
    .from(t.chainNodes)
    .innerJoin(t.chainSystems, eq(t.chainSystems.id, t.chainNodes.systemId))
    .where(and(eq(t.chainNodes.level, "chain"), isNull(t.chainNodes.retiredAt)))
    .orderBy(asc(t.chainSystems.sortOrder), asc(t.chainNodes.path))
    .all();
}

/** The checks that need the database: unique name, a parent outside its own subtree, live chains. */
function checkPark(tx: Tx, data: ParkInput, parkId: number | null): void {
  const taken = tx
    .select({ id: t.parks.id })
    .from(t.parks)
    .where(and(eq(t.parks.name, data.name), parkId === null ? undefined : ne(t.parks.id, parkId)))
    .get();
  if (taken) throw new InvalidError({ name: "已有同名载体，请换一个名称" });
  if (data.parentId !== null && !listParentChoices(parkId).some((choice) => choice.id === data.parentId)) {
    throw new InvalidError({ parentId: "上级载体不能是自身或其下级" });
  }
  const chains = new Set(listFocusChainChoices().map((chain) => chain.id));
  if (data.focusChainIds.some((id) => !chains.has(id))) throw new InvalidError({ focusChainIds: "重点产业链无效" });
}

/** The park's own columns, focus countries without repeats. */
function parkValues(data: ParkInput) {
  const { focusChainIds: _chains, ...fields } = data;
  return { ...fields, focusCountries: [...new Set(data.focusCountries)] };
}

function replaceFocusChains(tx: Tx, parkId: number, nodeIds: readonly number[]): void {
  tx.delete(t.parkFocusChains).where(eq(t.parkFocusChains.parkId, parkId)).run();
  for (const nodeId of new Set(nodeIds)) tx.insert(t.parkFocusChains).values({ parkId, nodeId }).run();
}

/** Lists as one comparable text for the audit log: "JP,KR". */
const listText = (values: readonly (string | number)[]) => [...new Set(values)].map(String).sort().join(",");

export function createPark({ actor, data }: { actor: Actor; data: ParkInput }): number {
  assertCan(actor, "admin:system");
  return db().transaction((tx) => {
    checkPark(tx, data, null);
    const values = parkValues(data);
    const { id } = tx.insert(t.parks).values(values).returning({ id: t.parks.id }).get();
    replaceFocusChains(tx, id, data.focusChainIds);
    writeAudit(tx, {
      entityType: "park",
      entityId: id,
      action: "create",
      userId: actor.id,
      changes: diffRecords(null, { ...values, focusCountries: listText(values.focusCountries), focusChainIds: listText(data.focusChainIds) }),
    });
    return id;
  });
}

/** Saves an edit made on `version`; a stale version is refused (ConflictError), nothing written. */
export function updatePark({ actor, id, data, version }: { actor: Actor; id: number; data: ParkInput; version: number }): void {
  assertCan(actor, "admin:system");
  db().transaction((tx) => {
    const before = tx
      .select()
      .from(t.parks)
      .where(and(eq(t.parks.id, id), isNull(t.parks.deletedAt)))
      .get();
    if (!before) throw new NotFoundError();
    checkPark(tx, data, id);
    const chainsBefore = tx.select({ nodeId: t.parkFocusChains.nodeId }).from(t.parkFocusChains).where(eq(t.parkFocusChains.parkId, id)).all();
    const values = parkValues(data);
    updateVersioned(tx, {
      table: t.parks,
      entityType: "park",
      id,
      version,
      values,
      before,
      userId: actor.id,
      changes: diffRecords(
        { ...before, focusCountries: listText(before.focusCountries), focusChainIds: listText(chainsBefore.map((row) => row.nodeId)) },
        { ...values, focusCountries: listText(values.focusCountries), focusChainIds: listText(data.focusChainIds) },
      ),
    });
    replaceFocusChains(tx, id, data.focusChainIds);
  });
}

/** The stored park for its edit form, with its focus chains. */
export function getParkForEdit(id: number) {
  const park = findPark(id);
  const focusChainIds = db()
    .select({ nodeId: t.parkFocusChains.nodeId })
    .from(t.parkFocusChains)
    .where(eq(t.parkFocusChains.parkId, id))
    .all()
    .map((row) => row.nodeId);
  return { ...park, focusChainIds };
}

/** 变更记录 of a park. */
export function listParkAudit(parkId: number, limit?: number) {
  return listAudit("park", parkId, { limit });
}
