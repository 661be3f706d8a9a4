/**
 * 实到外资: FDI arrivals, the only source of actual foreign capital (DESIGN.md §1). Staff record
 * them on projects whose signing has been verified; each project shows its 资金到位率.
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { can, type Actor } from "../auth/permissions";
import { writeAudit } from "../audit/audit.server";
import { db, t } from "../db.server";
import { today } from "../lib/dates";
import { ForbiddenError, InvalidError, NotFoundError } from "../lib/errors";
import { COUNT_CAP, PAGE_SIZE, type Page } from "../lib/paging";
import { visibleProjects } from "../projects/scope.server";
import type { ArrivalInput } from "./arrival.schema";

function findProject(actor: Actor, projectId: number) {
  const project = db()
    .select({ id: t.projects.id, signedOn: t.projects.signedOn, signingVerifiedAt: t.projects.signingVerifiedAt, contractedFdiUsd: t.projects.contractedFdiUsd })
    .from(t.projects)
    .where(and(eq(t.projects.id, projectId), visibleProjects(actor)))
    .get();
  if (!project) throw new NotFoundError();
  return project;
}

/** Why a project cannot take arrivals yet, or null when it can. */
export function arrivalRefusal(project: { signedOn: string | null; signingVerifiedAt: number | null }): string | null {
  return project.signedOn && project.signingVerifiedAt ? null : "项目签约经甄别后才能登记实到外资";
}

/** 登记到账: staff and administrators; only on a verified signing, dated between the signing and today. */
export function recordArrival({ actor, projectId, data }: { actor: Actor; projectId: number; data: ArrivalInput }): number {
  const project = findProject(actor, projectId);
  if (!can(actor.role, "record:arrival")) throw new ForbiddenError();
  const refusal = arrivalRefusal(project);
  if (refusal) throw new InvalidError({}, refusal);
  if (data.arrivedOn > today()) throw new InvalidError({ arrivedOn: "到账日期不能晚于今天" });
  if (data.arrivedOn < project.signedOn!) throw new InvalidError({ arrivedOn: `到账日期不能早于签约日期（${project.signedOn}）` });
  return db().transaction((tx) => {
    const { id } = tx
      .insert(t.fdiArrivals)
      .values({ projectId, ...data, createdBy: actor.id })
      .returning({ id: t.fdiArrivals.id })
      .get();
    writeAudit(tx, { entityType: "project", entityId: projectId, action: "update", userId: actor.id, changes: { arrival: [null, `${data.arrivedOn} ${data.amountUsd / 10_000} 万美元`] } });
    return id;
  });
}

/** A mistaken arrival is removed (soft), audited on its project. */
export function deleteArrival({ actor, projectId, arrivalId }: { actor: Actor; projectId: number; arrivalId: number }): void {
  findProject(actor, projectId);
  if (!can(actor.role, "record:arrival")) throw new ForbiddenError();
  db().transaction((tx) => {
    const arrival = tx
      .select()
      .from(t.fdiArrivals)
      .where(and(eq(t.fdiArrivals.id, arrivalId), eq(t.fdiArrivals.projectId, projectId), isNull(t.fdiArrivals.deletedAt)))
      .get();
    if (!arrival) throw new NotFoundError();
    tx.update(t.fdiArrivals).set({ deletedAt: Date.now(), version: arrival.version + 1 }).where(eq(t.fdiArrivals.id, arrivalId)).run();
    writeAudit(tx, { entityType: "project", entityId: projectId, action: "update", userId: actor.id, changes: { arrival: [`${arrival.arrivedOn} ${arrival.amountUsd / 10_000} 万美元`, null] } });
  });
}

/** The project's arrivals, their total against 合同外资, and 资金到位率. */
export function getProjectFunding(actor: Actor, projectId: number) {
  const project = findProject(actor, projectId);
  const arrivals = db()
    .select({ id: t.fdiArrivals.id, arrivedOn: t.fdiArrivals.arrivedOn, amountUsd: t.fdiArrivals.amountUsd, reference: t.fdiArrivals.reference, createdByName: t.users.displayName })
    .from(t.fdiArrivals)
    .leftJoin(t.users, eq(t.users.id, t.fdiArrivals.createdBy))
    .where(and(eq(t.fdiArrivals.projectId, projectId), isNull(t.fdiArrivals.deletedAt)))
    .orderBy(asc(t.fdiArrivals.arrivedOn), asc(t.fdiArrivals.id))
    .all();
  const totalArrivedUsd = arrivals.reduce((sum, row) => sum + row.amountUsd, 0);
  const contracted = project.contractedFdiUsd ?? 0;
  return {
    arrivals,
    totalArrivedUsd,
    contractedFdiUsd: project.contractedFdiUsd,
    fundingRate: contracted > 0 ? totalArrivedUsd / contracted : null,
    refusal: arrivalRefusal(project),
  };
}

export interface ArrivalFilters {
  year: number;
  unitId?: number;
  page: number;
}

/** 实到外资 of a year: the months' totals and running sum, the year against the last, and the arrivals page by page. */
export function listArrivals(actor: Actor, filters: ArrivalFilters) {
  const from = `${filters.year}-01-01`;
  const to = `${filters.year}-12-31`;
  const scoped = (yearFrom: string, yearTo: string): SQL =>
    and(
      isNull(t.fdiArrivals.deletedAt),
      visibleProjects(actor),
      sql`${t.fdiArrivals.arrivedOn} between ${yearFrom} and ${yearTo}`,
      filters.unitId ? eq(t.projects.unitId, filters.unitId) : undefined,
    ) as SQL;
  const monthly = new Map(
    db()
      .select({ month: sql<string>`substr(${t.fdiArrivals.arrivedOn}, 1, 7)`, usd: sql<number>`sum(${t.fdiArrivals.amountUsd})` })
      .from(t.fdiArrivals)
      .innerJoin(t.projects, eq(t.projects.id, t.fdiArrivals.projectId))
      .where(scoped(from, to))
      .groupBy(sql`substr(${t.fdiArrivals.arrivedOn}, 1, 7)`)
      .all()
      .map((row) => [row.month, row.usd]),
  );
  let running = 0;
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${filters.year}-${String(i + 1).padStart(2, "0")}`;
    const usd = monthly.get(month) ?? 0;
    running += usd;
    return { month, usd, cumulativeUsd: running };
  });
  // 同比: the same months of the previous year, up to the last day with data this year (or the whole year)
  const day = today();
  const comparedTo = to < day ? to : day;
  const sameSpanLastYear = db()
    .select({ usd: sql<number>`coalesce(sum(${t.fdiArrivals.amountUsd}), 0)` })
    .from(t.fdiArrivals)
    .innerJoin(t.projects, eq(t.projects.id, t.fdiArrivals.projectId))
    .where(scoped(`${filters.year - 1}-01-01`, `${filters.year - 1}${comparedTo.slice(4)}`))
    .get()!.usd;
  const rowsWhere = scoped(from, to);
  const rows = db()
    .select({
      id: t.fdiArrivals.id,
      arrivedOn: t.fdiArrivals.arrivedOn,
      amountUsd: t.fdiArrivals.amountUsd,
      reference: t.fdiArrivals.reference,
      projectId: t.projects.id,
      projectName: t.projects.name,
      country: t.companies.country,
      createdByName: t.users.displayName,
    })
    .from(t.fdiArrivals)
    .innerJoin(t.projects, eq(t.projects.id, t.fdiArrivals.projectId))
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .leftJoin(t.users, eq(t.users.id, t.fdiArrivals.createdBy))
    .where(rowsWhere)
    .orderBy(desc(t.fdiArrivals.arrivedOn), desc(t.fdiArrivals.id))
    .limit(PAGE_SIZE + 1)
    .offset((filters.page - 1) * PAGE_SIZE)
    .all();
  const total = db().get<{ n: number }>(sql`select count(*) as n from (
    select 1 from ${t.fdiArrivals} join ${t.projects} on ${t.projects.id} = ${t.fdiArrivals.projectId} where ${rowsWhere} limit ${COUNT_CAP + 1})`)!.n;
  const page: Page<(typeof rows)[number]> = { rows: rows.slice(0, PAGE_SIZE), page: filters.page, hasNext: rows.length > PAGE_SIZE, total };
  return { months, yearTotalUsd: running, sameSpanLastYearUsd: sameSpanLastYear, comparedTo, page };
}
