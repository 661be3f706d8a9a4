/**
 * 实到外资: FDI arrivals, the only source of actual foreign capital (DESIGN.md §1). Staff and
 * administrators record them on projects whose signing has been verified; each project shows its
 * 资金到位率, and /arrivals totals them by month with 同比. Every read is scoped by the projects the
 * actor may see; every change is versioned and audited in one synchronous transaction.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { assertCan, can, type Actor } from "../auth/permissions";
import { updateVersioned } from "../lib/versioned-update.server";
import { regionLabel } from "../companies/regions";
import { chunksOf, type ListExport } from "../exports/list-workbook.server";
import { diffRecords, writeAudit } from "../audit/audit.server";
import { db, t } from "../db.server";
import { yearOnYear } from "../figures/indicators";
import { cachedFigures } from "../figures/figure-cache.server";
import { arrivalsIn } from "../figures/measures.server";
import { today, type Period } from "../lib/dates";
import { InvalidError, NotFoundError } from "../lib/errors";
import { pageOf, pageWindow, type Page } from "../lib/paging";
import { preparedOnce } from "../lib/prepared.server";
import { requireProjectAccess } from "../projects/project-access.server";
import { projectScope, scopeKey, visibleProjects } from "../projects/scope.server";
import type { ArrivalInput } from "./arrival.schema";
import {
  arrivalDateProblem,
  arrivalRefusal,
  DEFAULT_ARRIVAL_SORT,
  comparisonBasis,
  fundingRate,
  listPeriod,
  monthRows,
  type ArrivalFilters,
  type ArrivalSort,
  type MonthRow,
} from "./arrival-rules";

export type { ArrivalFilters } from "./arrival-rules";

const a = t.fdiArrivals;

// ── finding ───────────────────────────────────────────────────────────────

/** A live arrival on a project the actor may see (on `projectId` when given), with its project's signing. */
function findVisibleArrival(actor: Actor, arrivalId: number, projectId?: number) {
  const row = db()
    .select({
      arrival: a,
      signedOn: t.projects.signedOn,
      signingVerifiedAt: t.projects.signingVerifiedAt,
    })
    .from(a)
    .innerJoin(t.projects, eq(t.projects.id, a.projectId))
    .where(and(eq(a.id, arrivalId), isNull(a.deletedAt), projectId === undefined ? undefined : eq(a.projectId, projectId), visibleProjects(actor)))
    .get();
  if (!row) throw new NotFoundError();
  return row;
}

/** The checks an arrival's data must pass on its project, beyond the form's schema. */
function checkArrival(project: { signedOn: string | null; signingVerifiedAt: number | null }, data: ArrivalInput): void {
  const refusal = arrivalRefusal(project);
  if (refusal) throw new InvalidError({}, refusal);
  const problem = arrivalDateProblem(data.arrivedOn, { signedOn: project.signedOn, today: today() });
  if (problem) throw new InvalidError({ arrivedOn: problem });
}

const arrivalValues = (data: ArrivalInput) => ({ arrivedOn: data.arrivedOn, amountUsd: data.amountUsd, reference: data.reference });

// ── changing ──────────────────────────────────────────────────────────────

/**
 * 登记到账: staff and administrators, on a project whose signing is verified, dated between the
 * signing date and today. Returns the arrival's id.
 */
export function recordArrival({ actor, projectId, data }: { actor: Actor; projectId: number; data: ArrivalInput }): number {
  const project = requireProjectAccess(actor, projectId, "read");
  assertCan(actor, "record:arrival");
  checkArrival(project, data);
  const values = arrivalValues(data);
  return db().transaction((tx) => {
    const { id } = tx
      .insert(a)
      .values({ projectId, ...values, createdBy: actor.id })
      .returning({ id: a.id })
      .get();
    writeAudit(tx, { entityType: "fdi_arrival", entityId: id, action: "create", userId: actor.id, changes: diffRecords(null, { projectId, ...values }) });
    return id;
  });
}

/** Corrects an arrival (date, amount, reference) read at `version`; a stale save is refused. */
export function updateArrival({
  actor,
  arrivalId,
  data,
  version,
  projectId,
}: {
  actor: Actor;
  arrivalId: number;
  data: ArrivalInput;
  version: number;
  /** when given, the arrival must belong to this project */
  projectId?: number;
}): void {
  const { arrival: before, ...project } = findVisibleArrival(actor, arrivalId, projectId);
  assertCan(actor, "record:arrival");
  checkArrival(project, data);
  const values = arrivalValues(data);
  db().transaction((tx) => {
    updateVersioned(tx, { table: a, entityType: "fdi_arrival", id: arrivalId, version, values, before, userId: actor.id });
  });
}

/**
 * Removes a mistaken arrival (soft: it stays in the table with deleted_at). With `version` a stale
 * delete is refused; the project page always posts it.
 */
export function deleteArrival({
  actor,
  arrivalId,
  version,
  projectId,
}: {
  actor: Actor;
  arrivalId: number;
  version?: number;
  /** when given, the arrival must belong to this project */
  projectId?: number;
}): void {
  const { arrival: before } = findVisibleArrival(actor, arrivalId, projectId);
  assertCan(actor, "record:arrival");
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: a,
      entityType: "fdi_arrival",
      id: arrivalId,
      version: version ?? before.version,
      values: {},
      before,
      userId: actor.id,
      softDelete: true,
      changes: { projectId: [before.projectId, before.projectId], arrivedOn: [before.arrivedOn, null], amountUsd: [before.amountUsd, null] },
    });
  });
}

// ── the project page ──────────────────────────────────────────────────────

/**
 * The project's arrivals (oldest first) and 资金到位率: their total ÷ its 合同外资 (null when that is
 * 0). `canRecord` says whether the actor's role records arrivals; `canRecordReason` why this
 * project cannot take one yet (its signing is not verified), or null.
 */
export function getProjectFunding(actor: Actor, projectId: number) {
  const project = requireProjectAccess(actor, projectId, "read");
  const arrivals = projectArrivalsStatement().all({ projectId });
  const totalArrivedUsd = arrivals.reduce((sum, row) => sum + row.amountUsd, 0);
  const refusal = arrivalRefusal(project);
  return {
    arrivals,
    totalArrivedUsd,
    contractedFdiUsd: project.contractedFdiUsd,
    fundingRate: fundingRate(totalArrivedUsd, project.contractedFdiUsd),
    signedOn: project.signedOn,
    canRecord: can(actor.role, "record:arrival"),
    canRecordReason: refusal,
    /** the default 到账日期 of the form */
    today: today(),
  };
}
export type ProjectFunding = ReturnType<typeof getProjectFunding>;

// Read on every view of a project page: built and prepared once.
const projectArrivalsStatement = preparedOnce(() =>
  db()
    .select({
      id: a.id,
      arrivedOn: a.arrivedOn,
      amountUsd: a.amountUsd,
      reference: a.reference,
      createdByName: t.users.displayName,
      version: a.version,
    })
    .from(a)
    .leftJoin(t.users, eq(t.users.id, a.createdBy))
    .where(and(eq(a.projectId, sql.placeholder("projectId")), isNull(a.deletedAt)))
    .orderBy(asc(a.arrivedOn), asc(a.id))
    .prepare(),
);

/** The ids of a project's arrivals, as a subquery: their audit rows belong to the project's 变更记录. */
export function projectArrivalIds(projectId: number): SQL {
  return sql`select ${a.id} from ${a} where ${a.projectId} = ${projectId}`;
}

// ── the 实到外资 screen ───────────────────────────────────────────────────

/** The screen reads the figures' `fdi_arrivals a`, so that the vocabulary's arrivalsIn applies as it is. */
const arrival = alias(t.fdiArrivals, "a");
const arrivals = sql`${t.fdiArrivals} a`;

/**
 * The figures' arrivals in the period (arrivalsIn: live arrivals dated in it, on live projects), of
 * the projects the actor may read (and of a unit / a project when asked): unscoped and unfiltered,
 * what getIndicators sums as 实到外资. The date range reads fdi_arrivals_date_idx (SQLite's
 * statistics make it scan the table instead when the year holds most of it, which is then faster);
 * a scope or a unit looks each arrival's project up by its key.
 */
function arrivalsWhere(actor: Actor, period: Period, filters: Pick<ArrivalFilters, "unitId" | "projectId">): SQL {
  const scope = projectScope(actor);
  const onProjects =
    scope || filters.unitId
      ? sql`exists (select 1 from ${t.projects} where ${t.projects.id} = ${arrival.projectId}
          and ${and(scope, filters.unitId ? eq(t.projects.unitId, filters.unitId) : undefined)})`
      : undefined;
  return and(arrivalsIn(period), filters.projectId ? eq(arrival.projectId, filters.projectId) : undefined, onProjects) as SQL;
}

/** 工作台: how many live arrivals are dated within the period, and their sum — what /arrivals lists for it. */
export function summarizeArrivals(actor: Actor, period: Period): { count: number; usd: number } {
  return db().get<{ count: number; usd: number }>(
    sql`select count(*) as count, coalesce(sum(${arrival.amountUsd}), 0) as usd from ${arrivals} where ${arrivalsWhere(actor, period, {})}`,
  )!;
}

/** ORDER BY of the list and its export: by date (newest first by default) or by amount. */
function arrivalOrder(sort: ArrivalSort = DEFAULT_ARRIVAL_SORT): SQL[] {
  const by = sort.dir === "asc" ? asc : desc;
  return sort.key === "amount" ? [by(arrival.amountUsd), by(arrival.arrivedOn), by(arrival.id)] : [by(arrival.arrivedOn), by(arrival.id)];
}

/** Sum of the arrivals matching `where` (US dollars). */
function sumWhere(where: SQL): number {
  return db().get<{ usd: number }>(sql`select coalesce(sum(${arrival.amountUsd}), 0) as usd from ${arrivals} where ${where}`)!.usd;
}

/** The ids of the arrivals matching `where`, in the list's order (a page of them when asked). */
function arrivalIds(where: SQL, sort: ArrivalSort | undefined, page?: { offset: number; limit: number }): number[] {
  return db()
    .all<{ id: number }>(
      sql`
      select ${arrival.id} as id from ${arrivals} where ${where}
      order by ${sql.join(arrivalOrder(sort), sql`, `)}
      ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}
    `,
    )
    .map((row) => row.id);
}

export interface ArrivalListRow {
  id: number;
  arrivedOn: string;
  amountUsd: number;
  reference: string | null;
  projectId: number;
  projectName: string;
  country: string | null;
  createdByName: string | null;
}

export interface ArrivalsOverview {
  /** the twelve months of the chosen year: 实到外资 and 累计 */
  months: MonthRow[];
  yearTotalUsd: number;
  /**
   * 同比 on the one basis (arrival-rules comparisonBasis): the chosen month against that month a
   * year earlier, the current year's 1–N月 against 1–N月, a past year against the year before;
   * `label` names the span (6月, 1–6月, 全年).
   */
  comparison: { label: string; period: Period; previousPeriod: Period; currentUsd: number; previousUsd: number; rate: number | null };
  /** the arrivals of the year (or of the chosen month), newest first; `total` is exact (from the month counts) */
  page: Page<ArrivalListRow>;
  /** the project filtered on, when the actor may see it */
  project: { id: number; name: string } | null;
  /** years offered by the year selector, newest first */
  years: number[];
}

/**
 * The 实到外资 screen: the month totals of the year (one GROUP BY over the date index), the year
 * total and 同比, and one page of the arrivals — all scoped by the projects the actor may read.
 * Unscoped and unfiltered, each total is getIndicators(period).actual_fdi_usd of its period.
 */
export function listArrivals(actor: Actor, filters: ArrivalFilters): ArrivalsOverview {
  const { year } = filters;
  const basis = comparisonBasis(filters, today());
  // the totals read every arrival of two years (tens of ms on a large county): kept until anything
  // is written; the compared span depends on today, so the day is part of the key
  const { byMonth, previousUsd } = cachedFigures(
    `arrivals:${today()}:${scopeKey(actor)}:${year}:${filters.month ?? ""}:${filters.unitId ?? ""}:${filters.projectId ?? ""}`,
    () => ({
      // one pass over the year: each month's sum and count (the count pages the list without a COUNT(*))
      byMonth: db().all<{ month: string; usd: number; n: number }>(sql`
        select substr(${arrival.arrivedOn}, 1, 7) as month, sum(${arrival.amountUsd}) as usd, count(*) as n
        from ${arrivals} where ${arrivalsWhere(actor, { from: `${year}-01-01`, to: `${year}-12-31` }, filters)}
        group by substr(${arrival.arrivedOn}, 1, 7)
      `),
      previousUsd: sumWhere(arrivalsWhere(actor, basis.previous, filters)),
    }),
  );
  const months = monthRows(year, new Map(byMonth.map((row) => [row.month, row.usd])));
  const yearTotalUsd = months[11].cumulativeUsd;
  // the compared span lies within the year: its months are already summed
  const currentUsd = months
    .filter((row) => row.month >= basis.current.from.slice(0, 7) && row.month <= basis.current.to.slice(0, 7))
    .reduce((sum, row) => sum + row.usd, 0);

  const period = listPeriod(filters);
  const listedMonth = filters.month ? period.from.slice(0, 7) : null;
  const total = byMonth.reduce((sum, row) => (listedMonth === null || row.month === listedMonth ? sum + row.n : sum), 0);
  const { offset, limit } = pageWindow(filters);
  // the page's ids (by date from the date index), then the details of those rows only
  const ids = offset >= total ? [] : arrivalIds(arrivalsWhere(actor, period, filters), filters.sort, { offset, limit });
  const details = arrivalDetails(ids);
  const byId = new Map(details.map((row) => [row.id, row]));

  const project = filters.projectId
    ? (db()
        .select({ id: t.projects.id, name: t.projects.name })
        .from(t.projects)
        .where(and(eq(t.projects.id, filters.projectId), visibleProjects(actor)))
        .get() ?? null)
    : null;

  return {
    months,
    yearTotalUsd,
    comparison: {
      label: basis.label,
      period: basis.current,
      previousPeriod: basis.previous,
      currentUsd,
      previousUsd,
      rate: yearOnYear(currentUsd, previousUsd),
    },
    page: pageOf(
      ids.map((id) => byId.get(id)!),
      filters,
      total,
    ),
    project,
    years: yearChoices(year),
  };
}

/** 导出Excel of 实到外资: every arrival of the year (or month) the filters select, newest first. */
export function exportArrivals(actor: Actor, filters: ArrivalFilters): ListExport<ArrivalListRow & { uscc: string | null; unitName: string }> {
  const ids = arrivalIds(arrivalsWhere(actor, listPeriod(filters), filters), filters.sort);
  const parts = [filters.month ? `${filters.year}年${filters.month}月` : `${filters.year}年`];
  if (filters.unitId) parts.push(`负责单位：${db().select({ name: t.units.name }).from(t.units).where(eq(t.units.id, filters.unitId)).get()?.name ?? ""}`);
  if (filters.projectId)
    parts.push(
      `项目：${
        db()
          .select({ name: t.projects.name })
          .from(t.projects)
          .where(and(eq(t.projects.id, filters.projectId), visibleProjects(actor)))
          .get()?.name ?? ""
      }`,
    );
  return {
    title: "实到外资",
    filters: parts,
    columns: [
      { header: "到账日期", type: "date", value: (row) => row.arrivedOn },
      { header: "项目名称", value: (row) => row.projectName, width: 36 },
      { header: "统一社会信用代码", value: (row) => row.uscc, width: 22 },
      { header: "国别/地区", value: (row) => regionLabel(row.country) },
      { header: "负责单位", value: (row) => row.unitName, width: 22 },
      { header: "到账金额（万美元）", type: "wan", value: (row) => row.amountUsd },
      { header: "凭证说明", value: (row) => row.reference, width: 30 },
      { header: "登记人", value: (row) => row.createdByName },
    ],
    chunks: chunksOf(ids, arrivalDetails),
  };
}

/** The rows of the arrivals list (and its export) for the given ids. */
function arrivalDetails(ids: number[]) {
  if (ids.length === 0) return [];
  return db()
    .select({
      id: a.id,
      arrivedOn: a.arrivedOn,
      amountUsd: a.amountUsd,
      reference: a.reference,
      projectId: t.projects.id,
      projectName: t.projects.name,
      country: t.companies.country,
      uscc: t.companies.uscc,
      unitName: t.units.name,
      createdByName: t.users.displayName,
    })
    .from(a)
    .innerJoin(t.projects, eq(t.projects.id, a.projectId))
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .innerJoin(t.units, eq(t.units.id, t.projects.unitId))
    .leftJoin(t.users, eq(t.users.id, a.createdBy))
    .where(inArray(a.id, ids))
    .all();
}

/** This year back to the first year with arrivals (at least 4 years back, at most 10), and the chosen year. */
function yearChoices(chosen: number): number[] {
  const thisYear = Number(today().slice(0, 4));
  // min() over the date index reads one entry
  const first = db().get<{ first: string | null }>(sql`select min(${a.arrivedOn}) as first from ${a}`)!.first;
  const from = Math.max(Math.min(first ? Number(first.slice(0, 4)) : thisYear, thisYear - 4), thisYear - 10);
  const years = new Set<number>([chosen]);
  for (let y = thisYear; y >= from; y--) years.add(y);
  return [...years].sort((x, y) => y - x);
}
