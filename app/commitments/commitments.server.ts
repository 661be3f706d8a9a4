/**
 * 政策兑现: commitments the county made to projects, their steps (承诺, 条件已达成, 取消) and payouts.
 * Every function takes the acting user and scopes by the projects they may see; every change is
 * versioned and audited in one synchronous transaction. The rules live in commitment-rules.ts;
 * the SQL conditions below mirror them (the integration tests check both agree).
 */
import { and, asc, desc, eq, getTableColumns, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { assertCan, type Actor } from "../auth/permissions";
import { diffRecords, listAudit, writeAudit, type Changes } from "../audit/audit.server";
import { db, t } from "../db.server";
import { cachedFigures } from "../figures/figure-cache.server";
import { openCommitmentNow, overdueCommitmentNow, paidNow } from "../figures/measures.server";
import { today } from "../lib/dates";
import { ConflictError, InvalidError, NotFoundError } from "../lib/errors";
import { COUNT_CAP, PAGE_SIZE, pageOf, pageWindow, type Page } from "../lib/paging";
import { preparedOnce } from "../lib/prepared.server";
import { updateVersioned } from "../lib/versioned-update.server";
import { requireProjectAccess } from "../projects/project-access.server";
import { projectScope, scopeKey, visibleProjects } from "../projects/scope.server";
import { type CancelCommitmentInput, type CommitmentInput, type PayoutInput } from "./commitment.schema";
import { chunksOf, type ListExport } from "../exports/list-workbook.server";
import {
  COMMITMENT_STATUS_LABELS,
  DEFAULT_COMMITMENT_SORT,
  DUE_WINDOW_LABELS,
  canTakeStep,
  clauseLabel,
  daysUntilDue,
  dueWindowEnd,
  isOverdue,
  isPaidInFull,
  isPolicyExpired,
  mayTakeStep,
  OPEN_STATUSES,
  PAYABLE_STATUSES,
  payoutProblem,
  PROMISED_STATUSES,
  STEP_PERMISSIONS,
  STEP_REFUSALS,
  type CommitmentSort,
  type CommitmentStatus,
  type CommitmentStep,
  type DueWindow,
} from "./commitment-rules";

const c = t.commitments;

// ── SQL mirrors of the rules ─────────────────────────────────────────────

/** Sum of the commitment's payouts (yuan), correlated to the outer `commitments` row. */
const paidSql = paidNow;

/** isOverdue: the figures' overdue commitments today (status and date use the status/due index). */
function overdueSql(day: string): SQL {
  return overdueCommitmentNow(day);
}

/** isInDueWindow */
function dueWindowSql(window: DueWindow, day: string): SQL {
  if (window === "overdue") return overdueSql(day);
  return and(openCommitmentNow, sql`${c.dueOn} between ${day} and ${dueWindowEnd(window, day)}`) as SQL;
}

/**
 * Commitments (not deleted) on projects the actor may read, without joining `projects` (a join
 * would make SQLite walk the 10,000 projects of a unit, or look up the project of each of the
 * 20,000 commitments, before the totals or the sort). Those who read every project: not on one
 * of the few deleted projects (found through the deleted_at/updated_at index). Officers: the
 * project, looked up by its key, is in their scope (projectScope, the one definition of it).
 */
function visibleCommitments(actor: Actor): SQL {
  const scope = projectScope(actor);
  const onProjects = scope
    ? sql`exists (select 1 from ${t.projects} where ${t.projects.id} = ${c.projectId} and ${t.projects.deletedAt} is null and ${scope})`
    : sql`${c.projectId} not in (select ${t.projects.id} from ${t.projects} where ${t.projects.deletedAt} is not null)`;
  return and(isNull(c.deletedAt), onProjects) as SQL;
}

/**
 * Commitments on live projects the actor owns or is a member of (the list's `mine`, 工作台's 我的政策
 * 承诺). The project ids come from the owner and member indexes alone and the few deleted projects
 * are left out after, so the rows of the actor's projects are never read.
 */
function onOwnProjects(actor: Actor): SQL {
  return sql`${c.projectId} in (
      select ${t.projects.id} from ${t.projects} where ${t.projects.ownerId} = ${actor.id}
      union select ${t.projectMembers.projectId} from ${t.projectMembers} where ${t.projectMembers.userId} = ${actor.id}
    ) and ${c.projectId} not in (select ${t.projects.id} from ${t.projects} where ${t.projects.deletedAt} is not null)`;
}

// ── listing ───────────────────────────────────────────────────────────────

export type StatusFilter = CommitmentStatus | "open";

export interface CommitmentFilters {
  /** a status, or `open`: 拟承诺/已承诺/条件已达成 */
  status?: StatusFilter;
  window?: DueWindow;
  policyId?: number;
  /** the project's 负责单位 */
  unitId?: number;
  projectId?: number;
  /** only those on projects the actor owns or is a member of */
  mine?: boolean;
  sort?: CommitmentSort;
  page: number;
  /** 20, 50 or 100 (20 when not given) */
  pageSize?: number;
}

/** ORDER BY of the list and its export: `urgent` puts the overdue first, then the agreed date. */
function commitmentOrder(sort: CommitmentSort = DEFAULT_COMMITMENT_SORT, day: string): SQL[] {
  const by = sort.dir === "asc" ? asc : desc;
  switch (sort.key) {
    case "amount":
      return [by(c.amountCny), by(c.id)];
    case "dueOn":
      return [by(c.dueOn), by(c.id)];
    default:
      return [sql`case when ${overdueSql(day)} then 0 else 1 end`, asc(c.dueOn), asc(c.id)];
  }
}

const rowColumns = {
  id: c.id,
  projectId: c.projectId,
  projectName: t.projects.name,
  policyId: t.policyClauses.policyId,
  policyTitle: t.policies.title,
  clauseNumber: t.policyClauses.number,
  incentiveType: t.policyClauses.incentiveType,
  item: c.item,
  amountCny: c.amountCny,
  paidCny: paidSql,
  dueOn: c.dueOn,
  status: c.status,
};

function selectRows() {
  return db()
    .select(rowColumns)
    .from(c)
    .innerJoin(t.projects, eq(t.projects.id, c.projectId))
    .innerJoin(t.policyClauses, eq(t.policyClauses.id, c.clauseId))
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId));
}
type RawRow = ReturnType<ReturnType<typeof selectRows>["all"]>[number];

function presentRow<Row extends RawRow>(row: Row, day: string) {
  const { policyTitle, clauseNumber, incentiveType, ...rest } = row;
  return {
    ...rest,
    clauseLabel: clauseLabel({ policyTitle, number: clauseNumber, incentiveType }),
    overdue: isOverdue(row, day),
  };
}
export type CommitmentRow = ReturnType<typeof presentRow<RawRow>>;

function filterConditions(actor: Actor, filters: CommitmentFilters, day: string): SQL {
  const conditions: (SQL | undefined)[] = [visibleCommitments(actor)];
  if (filters.status === "open") conditions.push(inArray(c.status, OPEN_STATUSES));
  else if (filters.status) conditions.push(eq(c.status, filters.status));
  if (filters.window) conditions.push(dueWindowSql(filters.window, day));
  if (filters.policyId) {
    conditions.push(sql`${c.clauseId} in (select ${t.policyClauses.id} from ${t.policyClauses} where ${t.policyClauses.policyId} = ${filters.policyId})`);
  }
  if (filters.unitId) conditions.push(sql`${c.projectId} in (select ${t.projects.id} from ${t.projects} where ${t.projects.unitId} = ${filters.unitId})`);
  if (filters.projectId) conditions.push(eq(c.projectId, filters.projectId));
  if (filters.mine) conditions.push(onOwnProjects(actor));
  return and(...conditions) as SQL;
}

/**
 * The ids of one page of the list. In the default order (overdue first, then by date) the overdue
 * ones come from the status/due index and the rest by date after them: ordering every commitment
 * by whether it is overdue read the payouts of each.
 */
function pageIds(where: SQL, filters: CommitmentFilters, day: string): number[] {
  const { offset, limit } = pageWindow(filters);
  const idsOf = (condition: SQL, order: SQL[], count: number, skip: number) =>
    db()
      .select({ id: c.id })
      .from(c)
      .where(condition)
      .orderBy(...order)
      .limit(count)
      .offset(skip)
      .all()
      .map((row) => row.id);
  const sort = filters.sort ?? DEFAULT_COMMITMENT_SORT;
  if (sort.key !== "urgent") return idsOf(where, commitmentOrder(sort, day), limit, offset);
  const byDate = [asc(c.dueOn), asc(c.id)];
  const overdue = idsOf(and(where, overdueSql(day)) as SQL, byDate, limit, offset);
  if (overdue.length === limit) return overdue;
  // the page reaches past the overdue ones: how many there are says where the rest start
  const overdueCount =
    overdue.length > 0 || offset === 0
      ? offset + overdue.length
      : db()
          .select({ n: sql<number>`count(*)` })
          .from(c)
          .where(and(where, overdueSql(day)))
          .get()!.n;
  const rest = idsOf(and(where, sql`not (${overdueSql(day)})`) as SQL, byDate, limit - overdue.length, Math.max(0, offset - overdueCount));
  return [...overdue, ...rest];
}

export interface CommitmentTotals {
  /** rows matching the filters */
  count: number;
  /** 承诺总额: 已承诺, 条件已达成 and 已兑现 */
  promisedCny: number;
  /** 已兑现: payouts on those */
  paidCny: number;
  /** 未兑现: promised − paid */
  outstandingCny: number;
  /** 拟承诺 amounts, not yet promised */
  proposedCny: number;
}

/**
 * The 政策兑现 list: one page, overdue ones first, then by agreed date; and totals over every row
 * matching the filters, summed in SQL.
 */
export function listCommitments(actor: Actor, filters: CommitmentFilters): Page<CommitmentRow> & { totals: CommitmentTotals } {
  const day = today();
  const where = filterConditions(actor, filters, day);
  // the page's ids first, from `commitments` alone; then their details for those rows only
  const ids = pageIds(where, filters, day);
  const shownIds = ids.slice(0, filters.pageSize ?? PAGE_SIZE);
  const byId = new Map((shownIds.length > 0 ? selectRows().where(inArray(c.id, shownIds)).all() : []).map((row) => [row.id, presentRow(row, day)]));
  // the totals read every matching commitment and payout: kept until the next write (figure-cache.server.ts)
  const { page: _page, pageSize: _pageSize, sort: _sort, ...question } = filters;
  const readers = filters.mine ? `user ${actor.id}` : scopeKey(actor);
  const totals = cachedFigures(`commitment-totals:${day}:${readers}:${JSON.stringify(question)}`, (): CommitmentTotals => {
    const promised = inArray(c.status, PROMISED_STATUSES);
    const sums = db()
      .select({
        count: sql<number>`count(*)`,
        promisedCny: sql<number>`coalesce(sum(case when ${promised} then ${c.amountCny} end), 0)`,
        proposedCny: sql<number>`coalesce(sum(case when ${c.status} = 'proposed' then ${c.amountCny} end), 0)`,
      })
      .from(c)
      .where(where)
      .get()!;
    const paid = db()
      .select({ paidCny: sql<number>`coalesce(sum(${t.payouts.amountCny}), 0)` })
      .from(t.payouts)
      .innerJoin(c, eq(c.id, t.payouts.commitmentId))
      .where(and(isNull(t.payouts.deletedAt), promised, where))
      .get()!;
    return { ...sums, paidCny: paid.paidCny, outstandingCny: sums.promisedCny - paid.paidCny };
  });
  return {
    ...pageOf(
      ids.map((id) => byId.get(id)!),
      filters,
      Math.min(totals.count, COUNT_CAP + 1),
    ),
    totals,
  };
}

/** 导出Excel of 政策兑现: every commitment the filters select, in the list's order. */
export function exportCommitments(actor: Actor, filters: Omit<CommitmentFilters, "page">): ListExport<CommitmentRow & { unitName: string; ownerName: string }> {
  const day = today();
  const ids = db()
    .select({ id: c.id })
    .from(c)
    .where(filterConditions(actor, { ...filters, page: 1 }, day))
    .orderBy(...commitmentOrder(filters.sort, day))
    .all()
    .map((row) => row.id);
  const fetch = (chunk: number[]) =>
    selectRowsWithOwner()
      .where(inArray(c.id, chunk))
      .all()
      .map((row) => ({ ...presentRow(row, day), unitName: row.unitName, ownerName: row.ownerName }));
  const parts: string[] = [];
  if (filters.status) parts.push(`状态：${filters.status === "open" ? "未完结" : COMMITMENT_STATUS_LABELS[filters.status]}`);
  if (filters.window) parts.push(`到期：${DUE_WINDOW_LABELS[filters.window]}`);
  if (filters.policyId)
    parts.push(`政策：${db().select({ title: t.policies.title }).from(t.policies).where(eq(t.policies.id, filters.policyId)).get()?.title ?? ""}`);
  if (filters.unitId) parts.push(`负责单位：${db().select({ name: t.units.name }).from(t.units).where(eq(t.units.id, filters.unitId)).get()?.name ?? ""}`);
  if (filters.projectId) parts.push(`项目：${findProjectName(actor, filters.projectId) ?? ""}`);
  if (filters.mine) parts.push("范围：我负责或参与的项目");
  return {
    title: "政策兑现",
    filters: parts,
    columns: [
      { header: "项目", value: (row) => row.projectName, width: 34 },
      { header: "负责单位", value: (row) => row.unitName, width: 22 },
      { header: "负责人", value: (row) => row.ownerName },
      { header: "政策条款", value: (row) => row.clauseLabel, width: 40 },
      { header: "承诺事项", value: (row) => row.item, width: 30 },
      { header: "承诺金额（万元）", type: "wan", value: (row) => row.amountCny },
      { header: "已兑现（万元）", type: "wan", value: (row) => row.paidCny },
      { header: "未兑现（万元）", type: "wan", value: (row) => (row.status === "cancelled" ? 0 : row.amountCny - row.paidCny) },
      { header: "约定兑现日期", type: "date", value: (row) => row.dueOn },
      { header: "状态", value: (row) => COMMITMENT_STATUS_LABELS[row.status] },
      { header: "逾期", value: (row) => (row.overdue ? "逾期" : "") },
    ],
    chunks: chunksOf(ids, fetch),
  };
}

function selectRowsWithOwner() {
  return db()
    .select({ ...rowColumns, unitName: t.units.name, ownerName: t.users.displayName })
    .from(c)
    .innerJoin(t.projects, eq(t.projects.id, c.projectId))
    .innerJoin(t.policyClauses, eq(t.policyClauses.id, c.clauseId))
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
    .innerJoin(t.units, eq(t.units.id, t.projects.unitId))
    .innerJoin(t.users, eq(t.users.id, t.projects.ownerId));
}

/** A project's commitments (404 when the project is outside the actor's scope). */
export function listProjectCommitments(actor: Actor, projectId: number) {
  requireProjectAccess(actor, projectId, "read");
  const day = today();
  return projectCommitmentsStatement()
    .all({ projectId })
    .map((row) => presentRow(row, day));
}

// Read on every view of a project page: built and prepared once.
const projectCommitmentsStatement = preparedOnce(() =>
  selectRows()
    .where(and(eq(c.projectId, sql.placeholder("projectId")), isNull(c.deletedAt)))
    .orderBy(asc(c.dueOn), asc(c.id))
    .prepare(),
);

/** Compact rows of the watch lists (工作台, cockpit): with the owner, outstanding and days to go. */
function selectDueRows() {
  return db()
    .select({ ...rowColumns, ownerName: t.users.displayName })
    .from(c)
    .innerJoin(t.projects, eq(t.projects.id, c.projectId))
    .innerJoin(t.users, eq(t.users.id, t.projects.ownerId))
    .innerJoin(t.policyClauses, eq(t.policyClauses.id, c.clauseId))
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId));
}

function presentDueRow(row: RawRow & { ownerName: string }, day: string) {
  return { ...presentRow(row, day), outstandingCny: row.amountCny - row.paidCny, daysUntilDue: daysUntilDue(row, day) };
}
export type DueCommitmentRow = ReturnType<typeof presentDueRow>;

/**
 * 工作台: commitments on the actor's own and member projects that are overdue or due within 30 days
 * (the list's `mine` in the windows overdue and due30) — the first `limit` by date, and how many
 * there are in each window.
 */
export function listCommitmentsDueForOwner(actor: Actor, limit = 10): { rows: DueCommitmentRow[]; overdue: number; due30: number } {
  const day = today();
  // ids and counts from `commitments` alone, then the joined rows of the ids shown
  const found = db()
    .select({ id: c.id, total: sql<number>`count(*) over ()`, overdue: sql<number>`sum(${c.dueOn} < ${day}) over ()` })
    .from(c)
    .where(and(isNull(c.deletedAt), onOwnProjects(actor), openCommitmentNow, lte(c.dueOn, dueWindowEnd("due30", day))))
    .orderBy(asc(c.dueOn), asc(c.id))
    .limit(limit)
    .all();
  if (found.length === 0) return { rows: [], overdue: 0, due30: 0 };
  const rows = selectDueRows()
    .where(
      inArray(
        c.id,
        found.map((row) => row.id),
      ),
    )
    .orderBy(asc(c.dueOn), asc(c.id))
    .all()
    .map((row) => presentDueRow(row, day));
  return { rows, overdue: found[0].overdue, due30: found[0].total - found[0].overdue };
}

/** 逾期未兑现 in the actor's scope, longest overdue first (工作台 of leaders, cockpit, 政策兑现). */
export function listOverdueCommitments(actor: Actor, limit = 10): DueCommitmentRow[] {
  const day = today();
  // ids first: the status/due index hands them over in date order, so the scan stops at `limit`
  const ids = db()
    .select({ id: c.id })
    .from(c)
    .where(and(visibleCommitments(actor), overdueSql(day)))
    .orderBy(asc(c.dueOn), asc(c.id))
    .limit(limit)
    .all()
    .map((row) => row.id);
  if (ids.length === 0) return [];
  return selectDueRows()
    .where(inArray(c.id, ids))
    .orderBy(asc(c.dueOn), asc(c.id))
    .all()
    .map((row) => presentDueRow(row, day));
}

/** How many commitments are overdue in the actor's scope, and what is left to pay on them. */
export function summarizeOverdueCommitments(actor: Actor): { count: number; outstandingCny: number } {
  const day = today();
  // kept until the next write (figure-cache.server.ts)
  return cachedFigures(`commitments-overdue:${day}:${scopeKey(actor)}`, () =>
    db()
      .select({
        count: sql<number>`count(*)`,
        outstandingCny: sql<number>`coalesce(sum(${c.amountCny} - ${paidSql}), 0)`,
      })
      .from(c)
      .where(and(visibleCommitments(actor), overdueSql(day)))
      .get()!,
  );
}

// ── reading one ───────────────────────────────────────────────────────────

/** The commitment if the actor may see its project; NotFound otherwise. */
function findVisibleCommitment(actor: Actor, id: number) {
  const row = db()
    .select(getTableColumns(c))
    .from(c)
    .where(and(eq(c.id, id), visibleCommitments(actor)))
    .get();
  if (!row) throw new NotFoundError();
  return row;
}

const proposer = alias(t.users, "proposer");
const committer = alias(t.users, "committer");

/** One commitment with its project, clause and policy, payouts, and what the actor may do with it. */
export function getCommitment(actor: Actor, id: number) {
  const day = today();
  const row = db()
    .select({
      ...getTableColumns(c),
      projectName: t.projects.name,
      projectOwnerId: t.projects.ownerId,
      unitName: t.units.name,
      ownerName: t.users.displayName,
      policyId: t.policies.id,
      policyTitle: t.policies.title,
      policyDocNumber: t.policies.docNumber,
      policyEffectiveTo: t.policies.effectiveTo,
      policyRepealedOn: t.policies.repealedOn,
      clauseNumber: t.policyClauses.number,
      clauseText: t.policyClauses.text,
      incentiveType: t.policyClauses.incentiveType,
      proposedByName: proposer.displayName,
      committedByName: committer.displayName,
    })
    .from(c)
    .innerJoin(t.projects, eq(t.projects.id, c.projectId))
    .innerJoin(t.units, eq(t.units.id, t.projects.unitId))
    .innerJoin(t.users, eq(t.users.id, t.projects.ownerId))
    .innerJoin(t.policyClauses, eq(t.policyClauses.id, c.clauseId))
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
    .leftJoin(proposer, eq(proposer.id, c.proposedBy))
    .leftJoin(committer, eq(committer.id, c.committedBy))
    .where(and(eq(c.id, id), visibleCommitments(actor)))
    .get();
  if (!row) throw new NotFoundError();
  const payouts = db()
    .select({
      id: t.payouts.id,
      amountCny: t.payouts.amountCny,
      paidOn: t.payouts.paidOn,
      reference: t.payouts.reference,
      createdByName: t.users.displayName,
      createdAt: t.payouts.createdAt,
    })
    .from(t.payouts)
    .leftJoin(t.users, eq(t.users.id, t.payouts.createdBy))
    .where(and(eq(t.payouts.commitmentId, id), isNull(t.payouts.deletedAt)))
    .orderBy(asc(t.payouts.paidOn), asc(t.payouts.id))
    .all();
  const paidCny = payouts.reduce((sum, payout) => sum + payout.amountCny, 0);
  const amounts = { status: row.status, dueOn: row.dueOn, amountCny: row.amountCny, paidCny };
  const may = (step: CommitmentStep) => mayTakeStep(actor, row.status, step);
  return {
    ...row,
    clauseLabel: clauseLabel({ policyTitle: row.policyTitle, number: row.clauseNumber, incentiveType: row.incentiveType }),
    payouts,
    paidCny,
    outstandingCny: row.amountCny - paidCny,
    overdue: isOverdue(amounts, day),
    daysUntilDue: daysUntilDue(row, day),
    /** the clause's policy is 失效 today: a warning, the promise can still be honoured */
    clauseExpired: isPolicyExpired({ effectiveTo: row.policyEffectiveTo, repealedOn: row.policyRepealedOn }, day),
    can: { commit: may("commit"), meetConditions: may("meetConditions"), cancel: may("cancel"), pay: may("pay") },
  };
}

/** 变更记录 of a commitment, the files on it and on its payouts included. */
export function listCommitmentAudit(id: number, limit?: number) {
  const payoutIds = sql`select ${t.payouts.id} from ${t.payouts} where ${t.payouts.commitmentId} = ${id}`;
  return listAudit("commitment", id, {
    limit,
    including: [
      {
        entityType: "attachment",
        ids: sql`select ${t.attachments.id} from ${t.attachments} where (${t.attachments.entityType} = 'commitment' and ${t.attachments.entityId} = ${id}) or (${t.attachments.entityType} = 'payout' and ${t.attachments.entityId} in (${payoutIds}))`,
      },
    ],
  });
}

// ── choices ───────────────────────────────────────────────────────────────

/** The clauses a commitment may rest on: those a new policy basis may rest on. */
export { listPolicyClauseChoices as listCommitmentClauseChoices } from "../policies/policies.server";

const policyChoicesStatement = preparedOnce(() =>
  db().select({ id: t.policies.id, title: t.policies.title }).from(t.policies).where(isNull(t.policies.deletedAt)).orderBy(asc(t.policies.id)).prepare(),
);
const unitChoicesStatement = preparedOnce(() =>
  db().select({ id: t.units.id, name: t.units.name }).from(t.units).where(eq(t.units.active, true)).orderBy(asc(t.units.sortOrder), asc(t.units.id)).prepare(),
);

/** The choices of the list's filters: policies (expired ones too) and units. */
export function listCommitmentFilterChoices() {
  return { policies: policyChoicesStatement().all(), units: unitChoicesStatement().all() };
}

/** The name of a project the actor may see, for the list's project filter; null otherwise. */
export function findProjectName(actor: Actor, projectId: number): string | null {
  return (
    db()
      .select({ name: t.projects.name })
      .from(t.projects)
      .where(and(eq(t.projects.id, projectId), visibleProjects(actor)))
      .get()?.name ?? null
  );
}

// ── changing ──────────────────────────────────────────────────────────────

/** The clause exists, neither it nor its policy is deleted, and the policy is not 失效 today. */
function checkClause(clauseId: number, day: string): void {
  const clause = db()
    .select({
      clauseDeletedAt: t.policyClauses.deletedAt,
      policyDeletedAt: t.policies.deletedAt,
      effectiveTo: t.policies.effectiveTo,
      repealedOn: t.policies.repealedOn,
    })
    .from(t.policyClauses)
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
    .where(eq(t.policyClauses.id, clauseId))
    .get();
  if (!clause || clause.clauseDeletedAt !== null || clause.policyDeletedAt !== null) throw new InvalidError({ clauseId: "政策条款无效" });
  if (isPolicyExpired(clause, day)) throw new InvalidError({ clauseId: "该条款所属政策已失效" });
}

/** 提出承诺 (拟承诺) on a project, resting on a clause of a policy in force. */
export function proposeCommitment({ actor, projectId, data }: { actor: Actor; projectId: number; data: CommitmentInput }): number {
  // proposing a commitment is an edit right on the project (DESIGN.md §3: officers on their own projects)
  requireProjectAccess(actor, projectId, "edit");
  const { clauseId, item, amountCny, condition, dueOn } = data;
  const values = { clauseId, item, amountCny, condition, dueOn };
  if (!Number.isSafeInteger(amountCny) || amountCny <= 0) throw new InvalidError({ amountCny: "承诺金额应大于0" });
  checkClause(clauseId, today());
  return db().transaction((tx) => {
    const { id } = tx
      .insert(c)
      .values({ ...values, projectId, status: "proposed", proposedBy: actor.id })
      .returning({ id: c.id })
      .get();
    writeAudit(tx, { entityType: "commitment", entityId: id, action: "create", userId: actor.id, changes: diffRecords(null, { projectId, ...values }) });
    return id;
  });
}

/** Loads the commitment for a step: scope (404), permission (403), version (409), status (400). */
function findForStep(actor: Actor, commitmentId: number, step: CommitmentStep, version: number) {
  const before = findVisibleCommitment(actor, commitmentId);
  assertCan(actor, STEP_PERMISSIONS[step]);
  if (before.version !== version) throw new ConflictError();
  if (!canTakeStep(before.status, step)) throw new InvalidError({}, STEP_REFUSALS[step]);
  return before;
}

function changeStatus(
  actor: Actor,
  before: ReturnType<typeof findVisibleCommitment>,
  values: Partial<typeof c.$inferInsert> & { status: CommitmentStatus },
): void {
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: c,
      entityType: "commitment",
      id: before.id,
      version: before.version,
      values,
      before,
      userId: actor.id,
      action: "status",
      where: eq(c.status, before.status),
    });
  });
}

/** 承诺: 拟承诺 → 已承诺, recording who committed and when. */
export function commitCommitment({ actor, commitmentId, version }: { actor: Actor; commitmentId: number; version: number }): void {
  const before = findForStep(actor, commitmentId, "commit", version);
  changeStatus(actor, before, { status: "committed", committedBy: actor.id, committedOn: today() });
}

/** 条件已达成: 已承诺 → 条件已达成. */
export function markCommitmentConditionsMet({ actor, commitmentId, version }: { actor: Actor; commitmentId: number; version: number }): void {
  const before = findForStep(actor, commitmentId, "meetConditions", version);
  changeStatus(actor, before, { status: "conditions_met" });
}

/** 取消, with its reason, from any open status. */
export function cancelCommitment({ actor, commitmentId, data }: { actor: Actor; commitmentId: number; data: CancelCommitmentInput }): void {
  const reason = data.reason?.trim();
  if (!reason) throw new InvalidError({ reason: "请填写取消原因" });
  const before = findForStep(actor, commitmentId, "cancel", data.version);
  changeStatus(actor, before, { status: "cancelled", cancelReason: reason, cancelledOn: today() });
}

/**
 * 登记兑现: a payout on an 已承诺/条件已达成 commitment. The payouts may not exceed the promised
 * amount; the one that completes it makes the commitment 已兑现 on the latest payout date.
 */
export function recordPayout({ actor, commitmentId, data }: { actor: Actor; commitmentId: number; data: PayoutInput }): number {
  const day = today();
  const before = findForStep(actor, commitmentId, "pay", data.version);
  if (data.paidOn > day) throw new InvalidError({ paidOn: "兑现日期不能晚于今天" });
  // immediate: the write lock is taken at the start, so the payouts summed below cannot change before this one is added
  return db().transaction(
    (tx) => {
      const paid = tx
        .select({ sum: sql<number>`coalesce(sum(${t.payouts.amountCny}), 0)`, lastOn: sql<string | null>`max(${t.payouts.paidOn})` })
        .from(t.payouts)
        .where(and(eq(t.payouts.commitmentId, commitmentId), isNull(t.payouts.deletedAt)))
        .get()!;
      const problem = payoutProblem({ amountCny: before.amountCny, paidCny: paid.sum }, data.amountCny);
      if (problem) throw new InvalidError({ amountCny: problem });
      const paidAfter = paid.sum + data.amountCny;
      const changes: Changes = {
        payoutCny: [null, data.amountCny],
        paidOn: [null, data.paidOn],
        paidCny: [paid.sum, paidAfter],
      };
      if (data.reference) changes.reference = [null, data.reference];
      const values: Partial<typeof c.$inferInsert> = {};
      if (isPaidInFull({ amountCny: before.amountCny, paidCny: paidAfter })) {
        values.status = "fulfilled";
        values.fulfilledOn = paid.lastOn !== null && paid.lastOn > data.paidOn ? paid.lastOn : data.paidOn;
        changes.status = [before.status, "fulfilled"];
        changes.fulfilledOn = [null, values.fulfilledOn];
      }
      updateVersioned(tx, {
        table: c,
        entityType: "commitment",
        id: commitmentId,
        version: before.version,
        values,
        before,
        userId: actor.id,
        changes,
        where: inArray(c.status, PAYABLE_STATUSES),
      });
      const { id } = tx
        .insert(t.payouts)
        .values({ commitmentId, amountCny: data.amountCny, paidOn: data.paidOn, reference: data.reference, createdBy: actor.id })
        .returning({ id: t.payouts.id })
        .get();
      return id;
    },
    { behavior: "immediate" },
  );
}
