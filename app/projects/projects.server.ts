/**
 * 招商项目: reading and changing projects, their stage, status, signing verification, members and
 * activities. Every function takes the acting user and scopes by what they may see and do.
 */
import { and, asc, count, desc, eq, inArray, isNull, lt, max, or, sql, type SQL } from "drizzle-orm";
import { activityCorrectionProblem, activitySchema, type ActivityCorrectionInput, type ActivityInput, type NewActivityInput } from "../activities/activity";
import { assertCan, can, canEditProject, canReassignProject, type Actor } from "../auth/permissions";
import { diffRecords, selectAudit, writeAudit, type Changes } from "../audit/audit.server";
import { resolveCompany } from "../companies/companies.server";
import { PROJECT_SEARCH, projectSearchText, searchTextMatches } from "../companies/search-index.server";
import { db, t, type Tx } from "../db.server";
import { addDays, today } from "../lib/dates";
import { ForbiddenError, InvalidError, NotFoundError, type FieldErrors } from "../lib/errors";
import { figureFilterConditions } from "../figures/figure-filters.server";
import type { FigureListFilter } from "../figures/figure-filters";
import { cachedFigures, figureCache, followUpWrite } from "../figures/figure-cache.server";
import { COUNT_CAP, lastPage, PAGE_SIZE, pageWindow, type Page } from "../lib/paging";
import { preparedOnce } from "../lib/prepared.server";
import { updateVersioned } from "../lib/versioned-update.server";
import { recordOperation } from "../operations/operation-log.server";
import type { NewProjectInput, ProjectInput } from "./project.schema";
import { listStatusHistory, moveProjectEntry, recordProjectEntry, stageLogDates, statusLogDates } from "./project-log.server";
import { projectMemberIds, requireProjectAccess } from "./project-access.server";
import { memberOf, projectScope, scopeKey, visibleProjects } from "./scope.server";
import { checkStageChange, leadDateProblem, STAGES, STALE_AFTER_DAYS, statusChangeProblems, type ProjectType, type Stage, type Status } from "./stages";
import { DUE_SOON_DAYS, type WorkbenchList } from "./workbench-lists";

// ── listing ───────────────────────────────────────────────────────────────

import { cursorParam, DEFAULT_PROJECT_SORT, NULLABLE_SORT_KEYS, type ProjectCursor, type ProjectSort } from "./listing";

export interface ProjectFilters {
  q?: string;
  stage?: Stage;
  status?: Status;
  unitId?: number;
  ownerId?: number;
  country?: string;
  channelId?: number;
  parkId?: number;
  projectType?: ProjectType;
  /** a chain node: projects linked to it or to any node below it */
  chainNodeId?: number;
  /** pending: 待甄别 signings */
  signing?: "pending" | "verified";
  /** the drill-down of a cockpit figure */
  figure?: FigureListFilter;
  /** a 工作台 list as of today: its 查看全部 */
  desk?: WorkbenchList;
  sort?: ProjectSort;
  page: number;
  /** 20, 50 or 100 (20 when not given) */
  pageSize?: number;
  /** the page starts after (or ends before) this row; `page` then only labels it */
  cursor?: ProjectCursor;
}

const projectListColumns = {
  id: t.projects.id,
  name: t.projects.name,
  companyId: t.projects.companyId,
  companyName: t.companies.name,
  country: t.companies.country,
  projectType: t.projects.projectType,
  stage: t.projects.stage,
  status: t.projects.status,
  totalInvestmentUsd: t.projects.totalInvestmentUsd,
  contractedFdiUsd: t.projects.contractedFdiUsd,
  ownerName: t.users.displayName,
  unitName: t.units.name,
  signedOn: t.projects.signedOn,
  signingVerifiedAt: t.projects.signingVerifiedAt,
  signingReturnedAt: t.projects.signingReturnedAt,
  signingReturnReason: t.projects.signingReturnReason,
  nextFollowUpOn: t.projects.nextFollowUpOn,
  nextFollowUpItem: t.projects.nextFollowUpItem,
  lastActivityOn: t.projects.lastActivityOn,
  updatedAt: t.projects.updatedAt,
};

function selectProjectRows() {
  return db()
    .select(projectListColumns)
    .from(t.projects)
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .innerJoin(t.users, eq(t.users.id, t.projects.ownerId))
    .innerJoin(t.units, eq(t.units.id, t.projects.unitId));
}
export type ProjectListRow = ReturnType<ReturnType<typeof selectProjectRows>["all"]>[number];

/** Projects linked to a chain node or any node below it (links not removed). */
function linkedToChainSubtree(nodeId: number): SQL {
  return sql`${t.projects.id} in (
    select l.project_id from ${t.projectChainLinks} l
    join ${t.chainNodes} n on n.id = l.node_id
    join ${t.chainNodes} root on root.id = ${nodeId}
    where l.deleted_at is null and substr(n.path, 1, length(root.path)) = root.path
  )`;
}

/**
 * What the project search (q) finds: projects whose name contains the text, or whose 投资方企业's
 * Chinese or foreign name does, folded and by pinyin and initials as the company search. The
 * project's search text carries its company's (projectSearchTextOf), so this is one lookup on
 * projects. The one place the project list, its export and the 看板 turn q into SQL.
 */
export function projectTextMatches(q: string): SQL {
  return searchTextMatches(PROJECT_SEARCH, q);
}

/** The WHERE of the project list: the actor's scope and every filter. */
export function projectConditions(actor: Actor, filters: Omit<ProjectFilters, "page">): SQL {
  const conditions: (SQL | undefined)[] = [visibleProjects(actor)];
  const q = filters.q?.trim();
  if (q) conditions.push(projectTextMatches(q));
  if (filters.stage) conditions.push(eq(t.projects.stage, filters.stage));
  if (filters.status) conditions.push(eq(t.projects.status, filters.status));
  if (filters.unitId) conditions.push(eq(t.projects.unitId, filters.unitId));
  if (filters.ownerId) conditions.push(eq(t.projects.ownerId, filters.ownerId));
  if (filters.channelId) conditions.push(eq(t.projects.channelId, filters.channelId));
  if (filters.parkId) conditions.push(eq(t.projects.parkId, filters.parkId));
  if (filters.projectType) conditions.push(eq(t.projects.projectType, filters.projectType));
  if (filters.country) conditions.push(eq(t.companies.country, filters.country));
  if (filters.chainNodeId) conditions.push(linkedToChainSubtree(filters.chainNodeId));
  if (filters.signing === "pending") {
    conditions.push(sql`${t.projects.signedOn} is not null`, isNull(t.projects.signingVerifiedAt));
  }
  if (filters.signing === "verified") conditions.push(sql`${t.projects.signingVerifiedAt} is not null`);
  if (filters.figure) conditions.push(...figureFilterConditions(filters.figure));
  if (filters.desk) conditions.push(workbenchListConditions(actor, filters.desk, today()));
  return and(...conditions) as SQL;
}

/** The stage's place in the pipeline, for sorting by 阶段. */
const stageOrder = sql`case ${t.projects.stage} ${sql.join(
  STAGES.map((stage, index) => sql`when ${stage} then ${sql.raw(String(index))}`),
  sql` `,
)} end`;

const PROJECT_ORDER_COLUMNS = {
  updated: t.projects.updatedAt,
  name: t.projects.name,
  stage: stageOrder,
  investment: t.projects.totalInvestmentUsd,
  contractedFdi: t.projects.contractedFdiUsd,
  followUp: t.projects.nextFollowUpOn,
  signedOn: t.projects.signedOn,
} satisfies Record<ProjectSort["key"], unknown>;

/** ORDER BY of the project list; projects without the date sort last whichever the direction. */
export function projectOrder(sort: ProjectSort = DEFAULT_PROJECT_SORT): SQL[] {
  const by = sort.dir === "asc" ? asc : desc;
  const column = PROJECT_ORDER_COLUMNS[sort.key];
  // SQLite puts NULL first going up: only then the "no date" rows need moving to the end
  const datesLast = sort.dir === "asc" && (sort.key === "followUp" || sort.key === "signedOn") ? [sql`${column} is null`] : [];
  return [...datesLast, by(column), by(t.projects.id)];
}

/** The ORDER BY read backwards, for 上一页: rows without a date come first. */
function projectOrderBackwards(sort: ProjectSort): SQL[] {
  const by = sort.dir === "asc" ? desc : asc;
  const column = PROJECT_ORDER_COLUMNS[sort.key];
  // a descending list read backwards goes up, where SQLite already puts NULL first
  const datesFirst = sort.dir === "asc" && NULLABLE_SORT_KEYS.has(sort.key) ? [sql`${column} is null desc`] : [];
  return [...datesFirst, by(column), by(t.projects.id)];
}

/**
 * The rows after the cursor's row in the list's order (before it, for 上一页), ties broken by id as
 * projectOrder breaks them. A row value comparison, so the planner seeks in the sort column's index.
 */
function projectsPast(cursor: ProjectCursor, sort: ProjectSort): SQL {
  const column = PROJECT_ORDER_COLUMNS[sort.key];
  const value = sort.key === "stage" ? STAGES.indexOf(cursor.value as Stage) : cursor.value;
  // going forward in an ascending list, or back in a descending one, the rows wanted hold larger values
  const beyond = (cursor.direction === "after") === (sort.dir === "asc") ? sql`>` : sql`<`;
  const id = t.projects.id;
  // rows without a date sort last in either direction
  if (value === null) {
    return cursor.direction === "after"
      ? sql`(${column} is null and ${id} ${beyond} ${cursor.id})`
      : sql`(${column} is not null or ${id} ${beyond} ${cursor.id})`;
  }
  const past = sql`(${column}, ${id}) ${beyond} (${value}, ${cursor.id})`;
  return cursor.direction === "after" && NULLABLE_SORT_KEYS.has(sort.key) ? sql`(${past} or ${column} is null)` : past;
}

/** A row's value of the sort column, as its cursor carries it. */
const SORT_VALUE_OF = {
  updated: (row) => row.updatedAt,
  name: (row) => row.name,
  stage: (row) => row.stage,
  investment: (row) => row.totalInvestmentUsd,
  contractedFdi: (row) => row.contractedFdiUsd,
  followUp: (row) => row.nextFollowUpOn,
  signedOn: (row) => row.signedOn,
} satisfies Record<ProjectSort["key"], (row: ProjectListRow) => string | number | null>;

/** The conditions name t.companies (country, 世界500强): those queries join it. */
function needsCompanies(filters: Omit<ProjectFilters, "page">): boolean {
  return Boolean(filters.country || filters.figure?.fortune500);
}

/**
 * FROM of the list's (and the board's) queries: projects alone, or with their company when filtered
 * by it; `indexedBy` names the index projects are read through.
 */
export function projectsFrom(filters: Omit<ProjectFilters, "page">, indexedBy?: string): SQL {
  const projects = indexedBy ? sql`${t.projects} indexed by ${sql.identifier(indexedBy)}` : sql`${t.projects}`;
  return needsCompanies(filters) ? sql`${projects} inner join ${t.companies} on ${t.companies.id} = ${t.projects.companyId}` : projects;
}

/** How many projects match, counted up to COUNT_CAP + 1. */
export function countProjects(where: SQL, filters: Omit<ProjectFilters, "page">): number {
  return db().get<{ n: number }>(sql`select count(*) as n from (select 1 from ${projectsFrom(filters)} where ${where} limit ${COUNT_CAP + 1})`)?.n ?? 0;
}

/** Every list page reads its rows with this one statement, the ids passed as a JSON array: built and prepared once. */
const projectRowsStatement = preparedOnce(() =>
  selectProjectRows()
    .where(sql`${t.projects.id} in (select value from json_each(${sql.placeholder("ids")}))`)
    .prepare(),
);

/** The rows of the given projects, in the order of `ids`. */
export function projectRowsOf(ids: readonly number[]): ProjectListRow[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    projectRowsStatement()
      .all({ ids: JSON.stringify(ids) })
      .map((row) => [row.id, row]),
  );
  return ids.map((id) => byId.get(id)!);
}

export interface ProjectPage extends Page<ProjectListRow> {
  /** the 下一页 link's cursor (the page's last row), when a next page exists */
  after?: string;
  /** the 上一页 link's cursor (the page's first row), from page 3 on: page 2 goes back to page 1 itself */
  before?: string;
}

/**
 * Pages of the project list already read, kept until the next write, follow-ups included (the list
 * shows 下次跟进 and sorts by update time). Apart from the screens' figures, so that paging through
 * the list never pushes the cockpit's out.
 */
const cachedProjectPages = figureCache(200);

/** One page of the project list, kept for everyone who shares it (listReaders) until the next write. */
export function listProjects(actor: Actor, filters: ProjectFilters): ProjectPage {
  return cachedProjectPages(`${listReaders(actor, filters)}:${JSON.stringify(filters)}`, () => readProjectPage(actor, filters), { followUps: true });
}

/**
 * Who shares a cached list of projects (a page, the board's totals): readers of the same projects,
 * or for a 工作台 list (`desk`), which holds the actor's own projects as of today, the actor on the day.
 */
export function listReaders(actor: Actor, filters: { desk?: WorkbenchList }): string {
  return filters.desk ? `user ${actor.id} on ${today()}` : scopeKey(actor);
}

/**
 * Reads one page of the project list. The page's ids come first from `projects` alone (an index walk
 * or a sort of narrow rows), then the joined details of those rows only. A page reached by 下一页 or
 * 上一页 starts from its cursor (keyset paging: an index seek, however deep); a cursor with no rows
 * beyond it any more (deleted, moved) shows page 1.
 */
function readProjectPage(actor: Actor, filters: ProjectFilters): ProjectPage {
  const where = projectConditions(actor, filters);
  const sort = filters.sort ?? DEFAULT_PROJECT_SORT;
  const pageSize = filters.pageSize ?? PAGE_SIZE;
  const idsOf = (condition: SQL, order: SQL[], limit: number, offset = 0) =>
    db()
      .all<{ id: number }>(
        sql`select ${t.projects.id} as id from ${projectsFrom(filters)} where ${condition}
          order by ${sql.join(order, sql`, `)} limit ${limit} offset ${offset}`,
      )
      .map((row) => row.id);
  const cursorOf = (row: ProjectListRow | undefined) => (row ? cursorParam(row.id, SORT_VALUE_OF[sort.key](row)) : undefined);
  const { cursor } = filters;
  let page = 1;
  let ids: number[] = [];
  /** a page read backwards fetched no row after its last one */
  let readBackwards = false;
  if (cursor?.direction === "after") {
    ids = idsOf(and(where, projectsPast(cursor, sort)) as SQL, projectOrder(sort), pageSize + 1);
    page = Math.max(2, filters.page);
  } else if (cursor?.direction === "before") {
    const earlier = idsOf(and(where, projectsPast(cursor, sort)) as SQL, projectOrderBackwards(sort), pageSize + 1);
    // fewer than a page before the cursor: that is page 1, shown whole
    if (earlier.length > pageSize) {
      ids = earlier.slice(0, pageSize).reverse();
      page = Math.max(2, filters.page);
      readBackwards = true;
    }
  } else {
    const { offset, limit } = pageWindow(filters);
    ids = idsOf(where, projectOrder(sort), limit, offset);
    page = Math.min(filters.page, lastPage(pageSize));
  }
  if (ids.length === 0 && cursor) {
    ids = idsOf(where, projectOrder(sort), pageSize + 1);
    page = 1;
  }
  const rows = projectRowsOf(ids.slice(0, pageSize));
  const last = rows.at(-1);
  const hasNext =
    readBackwards && last
      ? idsOf(and(where, projectsPast({ direction: "after", id: last.id, value: SORT_VALUE_OF[sort.key](last) }, sort)) as SQL, projectOrder(sort), 1).length >
        0
      : ids.length > pageSize;
  return {
    rows,
    page,
    pageSize,
    hasNext,
    total: countProjects(where, filters),
    after: hasNext ? cursorOf(rows.at(-1)) : undefined,
    before: page > 2 ? cursorOf(rows[0]) : undefined,
  };
}

// ── reading one ───────────────────────────────────────────────────────────

/** What a timeline shows of an activity (joined with its author in t.users). */
const activityColumns = {
  id: t.activities.id,
  type: t.activities.type,
  occurredOn: t.activities.occurredOn,
  participants: t.activities.participants,
  place: t.activities.place,
  summary: t.activities.summary,
  nextStep: t.activities.nextStep,
  createdBy: t.activities.createdBy,
  createdAt: t.activities.createdAt,
  version: t.activities.version,
  createdByName: t.users.displayName,
};

const idParam = sql.placeholder("id");

/** The project page's fixed reads, run on every view of it: built and prepared once. */
const projectDetailsStatement = preparedOnce(() =>
  db()
    .select({
      companyName: t.companies.name,
      companyForeignName: t.companies.foreignName,
      country: t.companies.country,
      isFortune500: t.companies.isFortune500,
      ownerName: t.users.displayName,
      unitName: t.units.name,
      parkName: t.parks.name,
      channelName: t.channels.name,
    })
    .from(t.projects)
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .innerJoin(t.users, eq(t.users.id, t.projects.ownerId))
    .innerJoin(t.units, eq(t.units.id, t.projects.unitId))
    .leftJoin(t.parks, eq(t.parks.id, t.projects.parkId))
    .leftJoin(t.channels, eq(t.channels.id, t.projects.channelId))
    .where(eq(t.projects.id, idParam))
    .prepare(),
);
const userNameStatement = preparedOnce(() => db().select({ name: t.users.displayName }).from(t.users).where(eq(t.users.id, idParam)).prepare());
const projectMembersStatement = preparedOnce(() =>
  db()
    .select({ id: t.users.id, displayName: t.users.displayName, unitName: t.units.name })
    .from(t.projectMembers)
    .innerJoin(t.users, eq(t.users.id, t.projectMembers.userId))
    .innerJoin(t.units, eq(t.units.id, t.users.unitId))
    .where(eq(t.projectMembers.projectId, idParam))
    .orderBy(asc(t.users.displayName))
    .prepare(),
);
const stageHistoryStatement = preparedOnce(() =>
  db()
    .select({
      id: t.stageChanges.id,
      fromStage: t.stageChanges.fromStage,
      toStage: t.stageChanges.toStage,
      occurredOn: t.stageChanges.occurredOn,
      recordedAt: t.stageChanges.recordedAt,
      note: t.stageChanges.note,
      userName: t.users.displayName,
    })
    .from(t.stageChanges)
    .leftJoin(t.users, eq(t.users.id, t.stageChanges.userId))
    .where(eq(t.stageChanges.projectId, idParam))
    .orderBy(desc(t.stageChanges.id))
    .prepare(),
);
const projectActivitiesStatement = preparedOnce(() =>
  db()
    .select(activityColumns)
    .from(t.activities)
    .leftJoin(t.users, eq(t.users.id, t.activities.createdBy))
    .where(and(eq(t.activities.projectId, idParam), isNull(t.activities.deletedAt)))
    .orderBy(desc(t.activities.occurredOn), desc(t.activities.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);
const activityCountStatement = preparedOnce(() =>
  db()
    .select({ count: count() })
    .from(t.activities)
    .where(and(eq(t.activities.projectId, idParam), isNull(t.activities.deletedAt)))
    .prepare(),
);

export function getProject(actor: Actor, id: number) {
  const project = requireProjectAccess(actor, id, "read");
  const details = projectDetailsStatement().get({ id })!;
  const nameOfUser = (userId: number | null) => (userId ? (userNameStatement().get({ id: userId })?.name ?? null) : null);
  const verifiedByName = nameOfUser(project.signingVerifiedBy);
  const returnedByName = nameOfUser(project.signingReturnedBy);
  const members = projectMembersStatement().all({ id });
  const stageHistory = stageHistoryStatement().all({ id });
  const canEdit = canEditProject(actor, { ownerId: project.ownerId, memberIds: members.map((m) => m.id) });
  const log = stageLogDates(id);
  return {
    ...project,
    ...details,
    verifiedByName,
    returnedByName,
    members,
    stageHistory,
    statusHistory: listStatusHistory(id),
    canEdit,
    /** 线索日期, editable until the first transition */
    enteredOn: log.enteredOn,
    canChangeLeadDate: canEdit && log.transitions === 0,
  };
}

/** The project page's 活动记录 shows this many of the latest activities; 查看更早的活动 adds this many more. */
export const TIMELINE_STEP = 50;

/**
 * 活动记录 of a project the actor may read (from getProject): its latest `limit` live activities, the
 * latest 发生日期 first, and how many it has in all.
 */
export function getProjectTimeline(actor: Actor, project: { id: number; canEdit: boolean }, limit = TIMELINE_STEP) {
  const now = Date.now();
  const activities = projectActivitiesStatement().all({ id: project.id, limit });
  return {
    activities: activities.map((activity) => ({
      ...activity,
      /** 更正 is offered to its author, within the window, on a project they may still edit */
      canCorrect:
        project.canEdit && activityCorrectionProblem({ authorId: activity.createdBy, createdAt: activity.createdAt, actorId: actor.id, now }) === null,
    })),
    activityCount: activityCountStatement().get({ id: project.id })!.count,
  };
}

// ── choices for the form ──────────────────────────────────────────────────

function selectAssignableOwners(unitId: SQL | undefined) {
  return db()
    .select({ id: t.users.id, displayName: t.users.displayName, unitId: t.users.unitId, unitName: t.units.name })
    .from(t.users)
    .innerJoin(t.units, eq(t.units.id, t.users.unitId))
    .where(and(eq(t.users.active, true), inArray(t.users.role, ["officer", "leader", "admin"]), unitId))
    .orderBy(asc(t.units.sortOrder), asc(t.users.displayName));
}

const allOwnersStatement = preparedOnce(() => selectAssignableOwners(undefined).prepare());
const unitOwnersStatement = preparedOnce(() => selectAssignableOwners(eq(t.users.unitId, sql.placeholder("unitId"))).prepare());
const activeUnitsStatement = preparedOnce(() =>
  db().select({ id: t.units.id, name: t.units.name }).from(t.units).where(eq(t.units.active, true)).orderBy(asc(t.units.sortOrder), asc(t.units.id)).prepare(),
);
const activeChannelsStatement = preparedOnce(() =>
  db()
    .select({ id: t.channels.id, name: t.channels.name })
    .from(t.channels)
    .where(eq(t.channels.active, true))
    .orderBy(asc(t.channels.sortOrder), asc(t.channels.id))
    .prepare(),
);
const parksStatement = preparedOnce(() =>
  db().select({ id: t.parks.id, name: t.parks.name }).from(t.parks).where(isNull(t.parks.deletedAt)).orderBy(asc(t.parks.sortOrder), asc(t.parks.id)).prepare(),
);

/** Who may be made 负责人 by the actor: officers choose within their unit, others anyone active. */
export function listAssignableOwners(actor: Actor) {
  return can(actor.role, "update:project:any") ? allOwnersStatement().all() : unitOwnersStatement().all({ unitId: actor.unitId });
}

/** The choices of the project list's filters (run on every list view, so prepared once). */
export function listProjectFilterChoices() {
  // read on every list and board view: kept until the next write (figure-cache.server.ts)
  return cachedFigures("project-filter-choices", () => ({
    owners: allOwnersStatement().all(),
    units: activeUnitsStatement().all(),
    channels: activeChannelsStatement().all(),
    parks: parksStatement().all(),
  }));
}

/** The choices of the project form: as the filters, but owners limited to those the actor may assign. */
export function listProjectFormChoices(actor: Actor) {
  return { ...listProjectFilterChoices(), owners: listAssignableOwners(actor) };
}

function checkOwnerAndUnit(actor: Actor, ownerId: number, unitId: number): void {
  const owner = listAssignableOwners(actor).find((user) => user.id === ownerId);
  if (!owner) throw new InvalidError({ ownerId: "不能指定该负责人" });
  if (!can(actor.role, "update:project:any") && unitId !== actor.unitId) {
    throw new InvalidError({ unitId: "只能选择本单位为负责单位" });
  }
  const unit = db()
    .select({ id: t.units.id })
    .from(t.units)
    .where(and(eq(t.units.id, unitId), eq(t.units.active, true)))
    .get();
  if (!unit) throw new InvalidError({ unitId: "负责单位无效" });
}

function checkReferences(data: ProjectInput): void {
  if (data.channelId && !db().select({ id: t.channels.id }).from(t.channels).where(eq(t.channels.id, data.channelId)).get()) {
    throw new InvalidError({ channelId: "线索来源无效" });
  }
  if (
    data.parkId &&
    !db()
      .select({ id: t.parks.id })
      .from(t.parks)
      .where(and(eq(t.parks.id, data.parkId), isNull(t.parks.deletedAt)))
      .get()
  ) {
    throw new InvalidError({ parkId: "落地载体无效" });
  }
}

function projectValues(data: ProjectInput, companyId: number) {
  const { companyName: _name, companyId: _id, ...fields } = data;
  return { ...fields, companyId, searchText: projectSearchText(fields.name, companyId) };
}

// ── changing ──────────────────────────────────────────────────────────────

export function createProject({ actor, data }: { actor: Actor; data: NewProjectInput }): number {
  assertCan(actor, "create:project");
  const companyId = resolveCompany(data);
  checkOwnerAndUnit(actor, data.ownerId, data.unitId);
  checkReferences(data);
  if (data.enteredOn > today()) throw new InvalidError({ enteredOn: "线索日期不能晚于今天" });
  const { enteredOn, ...fields } = data;
  const values = projectValues(fields, companyId);
  return db().transaction((tx) => {
    const row = tx
      .insert(t.projects)
      .values({ ...values, stage: "lead", status: "active", lastActivityOn: enteredOn, createdBy: actor.id })
      .returning({ id: t.projects.id })
      .get();
    recordProjectEntry(tx, { projectId: row.id, enteredOn, userId: actor.id });
    if (data.ownerId !== actor.id && actor.role === "officer") {
      tx.insert(t.projectMembers).values({ projectId: row.id, userId: actor.id }).run();
    }
    writeAudit(tx, { entityType: "project", entityId: row.id, action: "create", userId: actor.id, changes: diffRecords(null, { ...values, enteredOn }) });
    return row.id;
  });
}

/** Messages for a 负责人/负责单位 change the actor may not make (DESIGN.md §3). */
export const REASSIGN_REFUSAL = {
  ownerId: "只有本单位招商员或领导可以变更负责人",
  unitId: "只有本单位招商员或领导可以变更负责单位",
} as const;

export function updateProject({ actor, id, data, version }: { actor: Actor; id: number; data: ProjectInput; version: number }): void {
  const before = requireProjectAccess(actor, id, "edit");
  const companyId = resolveCompany(data);
  const ownerChanged = data.ownerId !== before.ownerId;
  const unitChanged = data.unitId !== before.unitId;
  if (ownerChanged || unitChanged) {
    // a member from another unit edits, but never takes the project over or moves it to their unit
    if (!canReassignProject(actor, { ownerId: before.ownerId, unitId: before.unitId, memberIds: projectMemberIds(id) })) {
      const errors: FieldErrors = {};
      if (ownerChanged) errors.ownerId = REASSIGN_REFUSAL.ownerId;
      if (unitChanged) errors.unitId = REASSIGN_REFUSAL.unitId;
      throw new InvalidError(errors);
    }
    checkOwnerAndUnit(actor, data.ownerId, data.unitId);
  }
  checkReferences(data);
  const values = projectValues(data, companyId);
  db().transaction((tx) => {
    updateVersioned(tx, { table: t.projects, entityType: "project", id, version, values, before, userId: actor.id });
  });
}

export function moveProjectToStage({
  actor,
  projectId,
  toStage,
  occurredOn,
  note,
  version,
}: {
  actor: Actor;
  projectId: number;
  toStage: Stage;
  occurredOn: string;
  note: string | null;
  version: number;
}): void {
  const project = requireProjectAccess(actor, projectId, "edit");
  const log = stageLogDates(projectId);
  const outcome = checkStageChange({
    from: project.stage,
    to: toStage,
    occurredOn,
    note,
    signedOn: project.signedOn,
    enteredOn: log.enteredOn,
    lastChangedOn: log.lastChangedOn,
    today: today(),
  });
  if (!outcome.ok) throw new InvalidError({ [outcome.field]: outcome.message });
  const changes: Changes = { stage: [project.stage, toStage], occurredOn: [null, occurredOn] };
  if (outcome.setsSignedOn) changes.signedOn = [null, outcome.setsSignedOn];
  if (outcome.skipped.length > 0) changes.skipped = [null, outcome.skipped.join(",")];
  if (note) changes.note = [null, note];
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: t.projects,
      entityType: "project",
      id: projectId,
      version,
      values: { stage: toStage, ...(outcome.setsSignedOn ? { signedOn: outcome.setsSignedOn } : {}) },
      before: project,
      userId: actor.id,
      action: "stage",
      changes,
    });
    tx.insert(t.stageChanges).values({ projectId, fromStage: project.stage, toStage, occurredOn, note, userId: actor.id }).run();
  });
}

/**
 * Corrects the 线索日期 (the log's entry row) while the project has not moved: a lead entered after
 * the first visit gets its true history. Versioned on the project and audited as 线索日期.
 */
export function changeLeadDate({ actor, projectId, enteredOn, version }: { actor: Actor; projectId: number; enteredOn: string; version: number }): void {
  const project = requireProjectAccess(actor, projectId, "edit");
  const log = stageLogDates(projectId);
  const problem = leadDateProblem({ enteredOn, transitions: log.transitions, firstStatusChangeOn: statusLogDates(projectId).firstChangedOn, today: today() });
  if (problem) throw new InvalidError({ enteredOn: problem });
  if (enteredOn === log.enteredOn) return;
  db().transaction((tx) => {
    // a transition recorded since the check bumped the version: the update below refuses it
    updateVersioned(tx, {
      table: t.projects,
      entityType: "project",
      id: projectId,
      version,
      values: {},
      before: project,
      userId: actor.id,
      changes: { enteredOn: [log.enteredOn, enteredOn] },
    });
    moveProjectEntry(tx, projectId, enteredOn);
    refreshLastActivity(tx, projectId);
  });
}

/**
 * 项目状态 with its 发生日期 (may be back-dated, never before the previous status change): the
 * project's status and the status log change together, so the 储备 at any past date is exact.
 */
export function changeProjectStatus({
  actor,
  projectId,
  status,
  occurredOn,
  reason,
  lostTo,
  version,
}: {
  actor: Actor;
  projectId: number;
  status: Status;
  occurredOn: string;
  reason: string | null;
  lostTo: string | null;
  version: number;
}): void {
  const project = requireProjectAccess(actor, projectId, "edit");
  const problems = statusChangeProblems({
    from: project.status,
    to: status,
    reason,
    lostTo,
    occurredOn,
    enteredOn: stageLogDates(projectId).enteredOn,
    lastChangedOn: statusLogDates(projectId).lastChangedOn,
    today: today(),
  });
  if (Object.keys(problems).length > 0) throw new InvalidError(problems);
  const values = {
    status,
    statusReason: status === "active" ? null : reason,
    lostTo: status === "lost" ? lostTo : null,
  };
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: t.projects,
      entityType: "project",
      id: projectId,
      version,
      values,
      before: project,
      userId: actor.id,
      action: "status",
      changes: { ...diffRecords(project, values), occurredOn: [null, occurredOn] },
    });
    tx.insert(t.statusChanges)
      .values({ projectId, fromStatus: project.status, toStatus: status, occurredOn, userId: actor.id, reason: values.statusReason, lostTo: values.lostTo })
      .run();
  });
}

/** A signing a verifier may decide on (甄别通过 or 退回): signed, not yet verified. */
function signingAwaitingVerification(actor: Actor, projectId: number, alreadyVerified: string) {
  const project = requireProjectAccess(actor, projectId, "read");
  assertCan(actor, "verify:signing");
  if (!project.signedOn) throw new InvalidError({}, "项目尚未签约，无需甄别");
  if (project.signingVerifiedAt) throw new InvalidError({}, alreadyVerified);
  return project as typeof project & { signedOn: string };
}

/**
 * 甄别通过: the signing counts from now on. A signing sent back earlier may be verified once fixed;
 * the return is cleared and stays in the 变更记录.
 */
export function verifySigning({ actor, projectId, version }: { actor: Actor; projectId: number; version: number }): void {
  const project = signingAwaitingVerification(actor, projectId, "该签约已甄别");
  const verifiedAt = Date.now();
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: t.projects,
      entityType: "project",
      id: projectId,
      version,
      values: {
        signingVerifiedAt: verifiedAt,
        signingVerifiedOn: today(),
        signingVerifiedBy: actor.id,
        signingReturnedAt: null,
        signingReturnedBy: null,
        signingReturnReason: null,
      },
      userId: actor.id,
      before: project,
      action: "verify",
      changes: {
        signingVerifiedAt: [null, verifiedAt],
        signedOn: [project.signedOn, project.signedOn],
        ...(project.signingReturnedAt ? { signingReturnReason: [project.signingReturnReason, null] } : {}),
      },
    });
    recordOperation({
      kind: "verify",
      summary: `甄别通过：${project.name}（签约日期 ${project.signedOn}）`,
      userId: actor.id,
      entityType: "project",
      entityId: projectId,
    });
  });
}

/**
 * 退回: the signing does not count and shows on its owner's 工作台 with the reason, until it is
 * fixed and verified.
 */
export function returnSigning({ actor, projectId, version, reason }: { actor: Actor; projectId: number; version: number; reason: string }): void {
  const project = signingAwaitingVerification(actor, projectId, "该签约已甄别通过，不能退回");
  const returnedAt = Date.now();
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: t.projects,
      entityType: "project",
      id: projectId,
      version,
      values: { signingReturnedAt: returnedAt, signingReturnedBy: actor.id, signingReturnReason: reason },
      userId: actor.id,
      before: project,
      action: "return",
      changes: { signingReturnReason: [project.signingReturnReason, reason] },
    });
    recordOperation({ kind: "verify", summary: `甄别退回：${project.name}（原因：${reason}）`, userId: actor.id, entityType: "project", entityId: projectId });
  });
}

export function deleteProject({ actor, projectId, version }: { actor: Actor; projectId: number; version: number }): void {
  const project = requireProjectAccess(actor, projectId, "read");
  assertCan(actor, "delete:project");
  db().transaction((tx) => {
    updateVersioned(tx, { table: t.projects, entityType: "project", id: projectId, version, values: {}, before: project, userId: actor.id, softDelete: true });
  });
}

export function addProjectMember({ actor, projectId, userId }: { actor: Actor; projectId: number; userId: number }): void {
  requireProjectAccess(actor, projectId, "edit");
  const user = db()
    .select({ id: t.users.id })
    .from(t.users)
    .where(and(eq(t.users.id, userId), eq(t.users.active, true)))
    .get();
  if (!user) throw new InvalidError({ userId: "用户不存在" });
  db().transaction((tx) => {
    const inserted = tx.insert(t.projectMembers).values({ projectId, userId }).onConflictDoNothing().run();
    if (inserted.changes === 0) throw new InvalidError({ userId: "已是项目成员" });
    writeAudit(tx, { entityType: "project", entityId: projectId, action: "member", userId: actor.id, changes: { memberAdded: [null, userId] } });
  });
}

export function removeProjectMember({ actor, projectId, userId }: { actor: Actor; projectId: number; userId: number }): void {
  requireProjectAccess(actor, projectId, "edit");
  db().transaction((tx) => {
    const removed = tx
      .delete(t.projectMembers)
      .where(and(eq(t.projectMembers.projectId, projectId), eq(t.projectMembers.userId, userId)))
      .run();
    if (removed.changes === 0) throw new NotFoundError();
    writeAudit(tx, { entityType: "project", entityId: projectId, action: "member", userId: actor.id, changes: { memberRemoved: [userId, null] } });
  });
}

/** Users who can be added as members: active officers/leaders/admins not yet on the project. */
export function listMemberCandidates(projectId: number) {
  return memberCandidatesStatement().all({ projectId });
}

const memberCandidatesStatement = preparedOnce(() =>
  db()
    .select({ id: t.users.id, displayName: t.users.displayName, unitName: t.units.name })
    .from(t.users)
    .innerJoin(t.units, eq(t.units.id, t.users.unitId))
    .where(
      and(
        eq(t.users.active, true),
        inArray(t.users.role, ["officer", "leader", "admin"]),
        sql`${t.users.id} not in (select ${t.projectMembers.userId} from ${t.projectMembers} where ${t.projectMembers.projectId} = ${sql.placeholder("projectId")})`,
      ),
    )
    .orderBy(asc(t.units.sortOrder), asc(t.users.displayName))
    .prepare(),
);

/** 变更记录 of a project: its activities, arrivals and commitments, and the files on any of them. */
export function listProjectAudit(projectId: number, limit = 100) {
  return projectAuditStatement().all({ projectId, limit });
}

/** Read on every view of a project page: built and prepared once. */
const projectAuditStatement = preparedOnce(() => {
  const projectId = sql.placeholder("projectId");
  const arrivalIds = sql`select ${t.fdiArrivals.id} from ${t.fdiArrivals} where ${t.fdiArrivals.projectId} = ${projectId}`;
  const commitmentIds = sql`select ${t.commitments.id} from ${t.commitments} where ${t.commitments.projectId} = ${projectId}`;
  const payoutIds = sql`select ${t.payouts.id} from ${t.payouts} where ${t.payouts.commitmentId} in (${commitmentIds})`;
  const filesOn = (entityType: string, ids: SQL) => sql`(${t.attachments.entityType} = ${entityType} and ${t.attachments.entityId} in (${ids}))`;
  return selectAudit("project", projectId, {
    limit: sql.placeholder("limit"),
    including: [
      { entityType: "activity", ids: sql`select ${t.activities.id} from ${t.activities} where ${t.activities.projectId} = ${projectId}` },
      { entityType: "fdi_arrival", ids: arrivalIds },
      { entityType: "commitment", ids: commitmentIds },
      {
        entityType: "attachment",
        ids: sql`select ${t.attachments.id} from ${t.attachments} where (${t.attachments.entityType} = 'project' and ${t.attachments.entityId} = ${projectId}) or ${filesOn("fdi_arrival", arrivalIds)} or ${filesOn("commitment", commitmentIds)} or ${filesOn("payout", payoutIds)}`,
      },
    ],
  }).prepare();
});

// ── activities ────────────────────────────────────────────────────────────

/**
 * 最近活动 of a project: its latest live activity's date (a back-dated visit never moves it back), or
 * its 线索日期 while it has none — what 久未跟进 counts from.
 */
export function refreshLastActivity(tx: Tx, projectId: number): void {
  const latest = tx
    .select({ on: max(t.activities.occurredOn) })
    .from(t.activities)
    .where(and(eq(t.activities.projectId, projectId), isNull(t.activities.deletedAt)))
    .get()?.on;
  const entered = tx
    .select({ on: t.stageChanges.occurredOn })
    .from(t.stageChanges)
    .where(and(eq(t.stageChanges.projectId, projectId), isNull(t.stageChanges.fromStage)))
    .orderBy(asc(t.stageChanges.id))
    .get()?.on;
  const on = latest ?? entered;
  if (on) tx.update(t.projects).set({ lastActivityOn: on }).where(eq(t.projects.id, projectId)).run();
}

/**
 * 添加活动记录. A filled 下次跟进日期 or 下一步 becomes the project's 下次跟进日期 / 下次跟进事项 in the
 * same transaction, versioned and audited on the project.
 */
export function addActivity({
  actor,
  projectId,
  data,
}: {
  actor: Actor;
  projectId: number;
  data: ActivityInput & Partial<Pick<NewActivityInput, "nextFollowUpOn">>;
}): number {
  const project = requireProjectAccess(actor, projectId, "edit");
  if (data.occurredOn > today()) throw new InvalidError({ occurredOn: "活动日期不能晚于今天" });
  const { nextFollowUpOn = null, ...fields } = data;
  activitySchema.parse(fields);
  if (nextFollowUpOn && nextFollowUpOn < fields.occurredOn) throw new InvalidError({ nextFollowUpOn: "下次跟进日期不能早于活动日期" });
  const followUp: { nextFollowUpOn?: string; nextFollowUpItem?: string } = {};
  if (nextFollowUpOn) followUp.nextFollowUpOn = nextFollowUpOn;
  if (fields.nextStep) followUp.nextFollowUpItem = fields.nextStep;
  // a follow-up: the cached pipeline figures stay valid (figure-cache.server.ts)
  return followUpWrite(() =>
    db().transaction((tx) => {
      const row = tx
        .insert(t.activities)
        .values({ ...fields, projectId, companyId: project.companyId, createdBy: actor.id })
        .returning({ id: t.activities.id })
        .get();
      writeAudit(tx, { entityType: "activity", entityId: row.id, action: "create", userId: actor.id, changes: diffRecords(null, { projectId, ...fields }) });
      // read again inside the transaction: the form never showed these fields, so no stale save to refuse
      const current = tx.select().from(t.projects).where(eq(t.projects.id, projectId)).get()!;
      if (Object.keys(diffRecords(current, followUp)).length > 0) {
        updateVersioned(tx, {
          table: t.projects,
          entityType: "project",
          id: projectId,
          version: current.version,
          values: followUp,
          before: current,
          userId: actor.id,
        });
      } else {
        tx.update(t.projects).set({ updatedAt: Date.now() }).where(eq(t.projects.id, projectId)).run();
      }
      refreshLastActivity(tx, projectId);
      return row.id;
    }),
  );
}

/**
 * 更正活动记录: its author, within 7 days of recording it, on a project they may still edit.
 * Versioned and audited; 最近活动 follows a changed date.
 */
export function correctActivity({
  actor,
  projectId,
  activityId,
  data,
}: {
  actor: Actor;
  projectId: number;
  activityId: number;
  data: ActivityCorrectionInput;
}): void {
  requireProjectAccess(actor, projectId, "edit");
  const before = db()
    .select()
    .from(t.activities)
    .where(and(eq(t.activities.id, activityId), eq(t.activities.projectId, projectId), isNull(t.activities.deletedAt)))
    .get();
  if (!before) throw new NotFoundError();
  if (before.createdBy !== actor.id) throw new ForbiddenError("只能更正本人添加的活动记录");
  const problem = activityCorrectionProblem({ authorId: before.createdBy, createdAt: before.createdAt, actorId: actor.id, now: Date.now() });
  if (problem) throw new InvalidError({}, problem);
  const { version, ...values } = data;
  followUpWrite(() =>
    db().transaction((tx) => {
      updateVersioned(tx, { table: t.activities, entityType: "activity", id: activityId, version, values, before, userId: actor.id });
      refreshLastActivity(tx, projectId);
    }),
  );
}

/** One activity of a project, for its correction page (NotFound outside the actor's scope). */
export function getActivity(actor: Actor, projectId: number, activityId: number) {
  const project = getProject(actor, projectId);
  const row = db()
    .select(activityColumns)
    .from(t.activities)
    .leftJoin(t.users, eq(t.users.id, t.activities.createdBy))
    .where(and(eq(t.activities.id, activityId), eq(t.activities.projectId, projectId), isNull(t.activities.deletedAt)))
    .get();
  if (!row) throw new NotFoundError();
  const canCorrect =
    project.canEdit && activityCorrectionProblem({ authorId: row.createdBy, createdAt: row.createdAt, actorId: actor.id, now: Date.now() }) === null;
  return { project, activity: { ...row, canCorrect } };
}

/** Activity timeline of a company: activities on no project or on projects the actor may see. */
export function listCompanyActivities(actor: Actor, companyId: number, limit = 100) {
  const scope = projectScope(actor);
  return db()
    .select({ ...activityColumns, projectId: t.activities.projectId, projectName: t.projects.name })
    .from(t.activities)
    .leftJoin(t.projects, eq(t.projects.id, t.activities.projectId))
    .leftJoin(t.users, eq(t.users.id, t.activities.createdBy))
    .where(
      and(eq(t.activities.companyId, companyId), isNull(t.activities.deletedAt), or(isNull(t.activities.projectId), and(isNull(t.projects.deletedAt), scope))),
    )
    .orderBy(desc(t.activities.occurredOn), desc(t.activities.id))
    .limit(limit)
    .all();
}

// ── 工作台 ────────────────────────────────────────────────────────────────

/** Rows shown per 工作台 section; its 查看全部 leads to the whole list. */
export const WORKBENCH_ROWS = 10;

/** The columns the 工作台 lists' conditions (withinMine) and orders read. */
const DESK_COLUMNS = [
  t.projects.id,
  t.projects.status,
  t.projects.nextFollowUpOn,
  t.projects.lastActivityOn,
  t.projects.updatedAt,
  t.projects.signingReturnedAt,
  t.projects.signingVerifiedAt,
];

/**
 * A 工作台 list as of `day` (workbench-lists.ts), among the actor's own and member projects. Also
 * the project list's `desk` filter: a section's 查看全部 shows the same projects.
 */
export function workbenchListConditions(actor: Actor, list: WorkbenchList, day: string): SQL {
  return and(isNull(t.projects.deletedAt), or(eq(t.projects.ownerId, actor.id), memberOf(actor)), withinMine(list, day)) as SQL;
}

/** What picks a 工作台 list out of the actor's own and member projects. */
function withinMine(list: WorkbenchList, day: string): SQL | undefined {
  const open = inArray(t.projects.status, ["active", "on_hold"]);
  switch (list) {
    case "overdue":
      return and(open, lt(t.projects.nextFollowUpOn, day));
    case "dueSoon":
      return and(open, sql`${t.projects.nextFollowUpOn} between ${day} and ${addDays(day, DUE_SOON_DAYS)}`);
    case "stale":
      return and(eq(t.projects.status, "active"), lt(t.projects.lastActivityOn, addDays(day, -STALE_AFTER_DAYS)));
    case "returned":
      return and(sql`${t.projects.signingReturnedAt} is not null`, isNull(t.projects.signingVerifiedAt));
    case "mine":
      return undefined;
  }
}

/**
 * The actor's desk: the first rows of each 工作台 list and how many it holds, and for verifiers
 * the signings awaiting 甄别 (the project list's `signing=pending`).
 */
export function getWorkbench(actor: Actor) {
  const day = today();
  // Each section's ids and count from `projects` alone, then the joined rows of the ids shown (joining
  // the company, owner and unit of every matching project before the sort cost most of the page).
  // The lists read the actor's projects once, narrow, under the name `projects` their conditions use.
  const mine = sql`select ${sql.join(
    DESK_COLUMNS.map((column) => sql`${column} as ${sql.identifier(column.name)}`),
    sql`, `,
  )} from ${t.projects} where ${workbenchListConditions(actor, "mine", day)}`;
  const lists: [WorkbenchList, SQL][] = [
    ["overdue", asc(t.projects.nextFollowUpOn)],
    ["dueSoon", asc(t.projects.nextFollowUpOn)],
    ["stale", asc(t.projects.lastActivityOn)],
    ["mine", desc(t.projects.updatedAt)],
    ["returned", desc(t.projects.signingReturnedAt)],
  ];
  // each list's first rows, then how many it holds: a count apart is cheaper than a window over the sorted rows
  const found = db().all<{ list: WorkbenchList; id: number | null; total: number | null }>(sql`
    with mine as materialized (${mine})
    ${sql.join(
      [
        ...lists.map(
          ([list, order]) => sql`select * from (
            select ${list} as list, ${t.projects.id} as id, null as total from mine as ${t.projects}
            where ${withinMine(list, day) ?? sql`1`} order by ${order}, ${t.projects.id} limit ${WORKBENCH_ROWS})`,
        ),
        ...lists.map(([list]) => sql`select ${list}, null, count(*) from mine as ${t.projects} where ${withinMine(list, day) ?? sql`1`}`),
      ],
      sql` union all `,
    )}
  `);
  const listed = (list: WorkbenchList) => ({
    ids: found.filter((row) => row.list === list && row.id !== null).map((row) => row.id!),
    total: found.find((row) => row.list === list && row.id === null)?.total ?? 0,
  });
  const pending = () => {
    const rows = db()
      .select({ id: t.projects.id, total: sql<number>`count(*) over ()` })
      .from(t.projects)
      .where(and(isNull(t.projects.deletedAt), sql`${t.projects.signedOn} is not null`, isNull(t.projects.signingVerifiedAt)))
      .orderBy(asc(t.projects.signedOn), asc(t.projects.id))
      .limit(WORKBENCH_ROWS)
      .all();
    return { ids: rows.map((row) => row.id), total: rows[0]?.total ?? 0 };
  };
  const sections = {
    overdue: listed("overdue"),
    dueSoon: listed("dueSoon"),
    stale: listed("stale"),
    projects: listed("mine"),
    returnedSignings: listed("returned"),
    pendingVerification: can(actor.role, "verify:signing") ? pending() : { ids: [], total: 0 },
  };
  const byId = new Map(projectRowsOf([...new Set(Object.values(sections).flatMap((one) => one.ids))]).map((row) => [row.id, row]));
  const rowsOf = (one: { ids: number[] }) => one.ids.map((id) => byId.get(id)!);
  return {
    today: day,
    overdue: rowsOf(sections.overdue),
    dueSoon: rowsOf(sections.dueSoon),
    stale: rowsOf(sections.stale),
    projects: rowsOf(sections.projects),
    returnedSignings: rowsOf(sections.returnedSignings),
    pendingVerification: rowsOf(sections.pendingVerification),
    /** how many projects each section holds, shown or not */
    totals: {
      overdue: sections.overdue.total,
      dueSoon: sections.dueSoon.total,
      stale: sections.stale.total,
      projects: sections.projects.total,
      returnedSignings: sections.returnedSignings.total,
      pendingVerification: sections.pendingVerification.total,
    },
  };
}
