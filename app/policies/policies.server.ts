/**
 * 政策库 and 政策依据: policies with their clauses (kept by administrators), the projects and
 * commitments resting on each clause, and the flags for projects whose basis has expired or is
 * about to (status derived from the dates, see policy-status.ts).
 */
import { and, asc, desc, eq, inArray, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { assertCan, type Actor } from "../auth/permissions";
import { diffRecords, listAudit, writeAudit } from "../audit/audit.server";
import { db, t } from "../db.server";
import { addDays, today } from "../lib/dates";
import { InvalidError, NotFoundError } from "../lib/errors";
import { COUNT_CAP, PAGE_SIZE, type Page } from "../lib/paging";
import { requireProjectAccess } from "../projects/project-access.server";
import { memberOf, visibleProjects } from "../projects/scope.server";
import type { PolicyLevel } from "./labels";
import type { ClauseInput, PolicyBasisInput, PolicyInput } from "./policy.schema";
import { clauseLabel, clauseState, EXPIRY_WARNING_DAYS, isPolicyExpired } from "./policy-status";
import { outer } from "../lib/correlated.server";
import { preparedOnce } from "../lib/prepared.server";
import { updateVersioned } from "../lib/versioned-update.server";

/** 失效 as of `day`, in SQL over t.policies. */
function expiredOn(day: string): SQL {
  return sql`((${t.policies.effectiveTo} is not null and ${t.policies.effectiveTo} < ${day}) or (${t.policies.repealedOn} is not null and ${t.policies.repealedOn} <= ${day}))`;
}

// ── the library ───────────────────────────────────────────────────────────

export interface PolicyFilters {
  q?: string;
  level?: PolicyLevel;
  issuer?: string;
  status?: "valid" | "expired";
  incentiveType?: string;
  page: number;
}

export function listPolicies(filters: PolicyFilters): Page<{
  id: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  level: PolicyLevel;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  expired: boolean;
  clauses: number;
  isSample: boolean;
}> {
  const day = today();
  const q = filters.q?.trim();
  const where = and(
    isNull(t.policies.deletedAt),
    q ? or(like(t.policies.title, `%${q}%`), like(t.policies.docNumber, `%${q}%`)) : undefined,
    filters.level ? eq(t.policies.level, filters.level) : undefined,
    filters.issuer ? eq(t.policies.issuer, filters.issuer) : undefined,
    filters.status === "expired" ? expiredOn(day) : filters.status === "valid" ? sql`not ${expiredOn(day)}` : undefined,
    filters.incentiveType
      ? sql`exists (select 1 from ${t.policyClauses} c where c.policy_id = ${t.policies.id} and c.deleted_at is null and c.incentive_type = ${filters.incentiveType})`
      : undefined,
  );
  const rows = db()
    .select({
      id: t.policies.id,
      title: t.policies.title,
      docNumber: t.policies.docNumber,
      issuer: t.policies.issuer,
      level: t.policies.level,
      effectiveFrom: t.policies.effectiveFrom,
      effectiveTo: t.policies.effectiveTo,
      expired: sql<number>`${expiredOn(day)}`,
      clauses: sql<number>`(select count(*) from ${t.policyClauses} c where c.policy_id = ${outer(t.policies.id)} and c.deleted_at is null)`,
      isSample: t.policies.isSample,
    })
    .from(t.policies)
    .where(where)
    .orderBy(desc(t.policies.issuedOn), desc(t.policies.id))
    .limit(PAGE_SIZE + 1)
    .offset((filters.page - 1) * PAGE_SIZE)
    .all();
  const total = db().get<{ n: number }>(sql`select count(*) as n from (select 1 from ${t.policies} where ${where} limit ${COUNT_CAP + 1})`)!.n;
  return {
    rows: rows.slice(0, PAGE_SIZE).map((row) => ({ ...row, expired: row.expired === 1 })),
    page: filters.page,
    hasNext: rows.length > PAGE_SIZE,
    total,
  };
}

export function listIssuers(): string[] {
  return db()
    .selectDistinct({ issuer: t.policies.issuer })
    .from(t.policies)
    .where(and(isNull(t.policies.deletedAt), sql`${t.policies.issuer} is not null`))
    .orderBy(asc(t.policies.issuer))
    .all()
    .map((row) => row.issuer!);
}

function findPolicy(id: number) {
  const policy = db()
    .select()
    .from(t.policies)
    .where(and(eq(t.policies.id, id), isNull(t.policies.deletedAt)))
    .get();
  if (!policy) throw new NotFoundError();
  return policy;
}

const RELIANT_LIMIT = 50;

/** A policy with its clauses, and for each clause the projects and commitments resting on it (in the actor's scope). */
export function getPolicy(actor: Actor, id: number) {
  const policy = findPolicy(id);
  const clauses = db()
    .select()
    .from(t.policyClauses)
    .where(and(eq(t.policyClauses.policyId, id), isNull(t.policyClauses.deletedAt)))
    .orderBy(asc(t.policyClauses.sortOrder), asc(t.policyClauses.id))
    .all();
  const reliant = (clauseId: number) => {
    const basedOn = and(eq(t.projectPolicyBases.clauseId, clauseId), isNull(t.projectPolicyBases.deletedAt), visibleProjects(actor)) as SQL;
    const projects = db()
      .select({ id: t.projects.id, name: t.projects.name, stage: t.projects.stage, note: t.projectPolicyBases.note })
      .from(t.projectPolicyBases)
      .innerJoin(t.projects, eq(t.projects.id, t.projectPolicyBases.projectId))
      .where(basedOn)
      .orderBy(desc(t.projects.updatedAt))
      .limit(RELIANT_LIMIT)
      .all();
    const projectCount = db()
      .select({ n: sql<number>`count(*)` })
      .from(t.projectPolicyBases)
      .innerJoin(t.projects, eq(t.projects.id, t.projectPolicyBases.projectId))
      .where(basedOn)
      .get()!.n;
    const promised = and(eq(t.commitments.clauseId, clauseId), isNull(t.commitments.deletedAt), visibleProjects(actor)) as SQL;
    const commitments = db()
      .select({
        id: t.commitments.id,
        item: t.commitments.item,
        status: t.commitments.status,
        amountCny: t.commitments.amountCny,
        projectId: t.projects.id,
        projectName: t.projects.name,
      })
      .from(t.commitments)
      .innerJoin(t.projects, eq(t.projects.id, t.commitments.projectId))
      .where(promised)
      .orderBy(asc(t.commitments.dueOn))
      .limit(RELIANT_LIMIT)
      .all();
    const commitmentCount = db()
      .select({ n: sql<number>`count(*)` })
      .from(t.commitments)
      .innerJoin(t.projects, eq(t.projects.id, t.commitments.projectId))
      .where(promised)
      .get()!.n;
    return { projects, projectCount, commitments, commitmentCount };
  };
  return {
    policy: { ...policy, expired: isPolicyExpired(policy, today()) },
    clauses: clauses.map((clause) => ({ ...clause, ...reliant(clause.id) })),
  };
}

export function createPolicy({ actor, data }: { actor: Actor; data: PolicyInput }): number {
  assertCan(actor, "admin:system");
  return db().transaction((tx) => {
    const { id } = tx.insert(t.policies).values(data).returning({ id: t.policies.id }).get();
    writeAudit(tx, { entityType: "policy", entityId: id, action: "create", userId: actor.id, changes: diffRecords(null, data) });
    return id;
  });
}

export function updatePolicy({ actor, id, data, version }: { actor: Actor; id: number; data: PolicyInput; version: number }): void {
  assertCan(actor, "admin:system");
  const before = findPolicy(id);
  db().transaction((tx) => {
    updateVersioned(tx, { table: t.policies, entityType: "policy", id, version, values: data, before, userId: actor.id });
  });
}

export function getPolicyForEdit(id: number) {
  return findPolicy(id);
}

export function addClause({ actor, policyId, data }: { actor: Actor; policyId: number; data: ClauseInput }): number {
  assertCan(actor, "admin:system");
  findPolicy(policyId);
  return db().transaction((tx) => {
    const last = tx
      .select({ sortOrder: sql<number>`coalesce(max(${t.policyClauses.sortOrder}), 0)` })
      .from(t.policyClauses)
      .where(eq(t.policyClauses.policyId, policyId))
      .get()!;
    const { id } = tx
      .insert(t.policyClauses)
      .values({ policyId, ...data, sortOrder: last.sortOrder + 1 })
      .returning({ id: t.policyClauses.id })
      .get();
    writeAudit(tx, {
      entityType: "policy",
      entityId: policyId,
      action: "update",
      userId: actor.id,
      changes: { clauseAdded: [null, `${data.number} ${data.text.slice(0, 40)}`] },
    });
    return id;
  });
}

function findClause(policyId: number, clauseId: number) {
  const clause = db()
    .select()
    .from(t.policyClauses)
    .where(and(eq(t.policyClauses.id, clauseId), eq(t.policyClauses.policyId, policyId), isNull(t.policyClauses.deletedAt)))
    .get();
  if (!clause) throw new NotFoundError();
  return clause;
}

export function updateClause({
  actor,
  policyId,
  clauseId,
  data,
  version,
}: {
  actor: Actor;
  policyId: number;
  clauseId: number;
  data: ClauseInput;
  version: number;
}): void {
  assertCan(actor, "admin:system");
  const before = findClause(policyId, clauseId);
  const changes = diffRecords(before, data);
  // the policy's log names the clause it was: 修改条款「第三条」
  if (Object.keys(changes).length > 0) changes.clause = [before.number, data.number];
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: t.policyClauses,
      entityType: "policy",
      auditEntityId: policyId,
      id: clauseId,
      version,
      values: data,
      before,
      userId: actor.id,
      changes,
    });
  });
}

/** A clause leaves the library (soft): projects and commitments resting on it keep it. */
export function removeClause({ actor, policyId, clauseId }: { actor: Actor; policyId: number; clauseId: number }): void {
  assertCan(actor, "admin:system");
  const clause = findClause(policyId, clauseId);
  db().transaction((tx) => {
    tx.update(t.policyClauses).set({ deletedAt: Date.now() }).where(eq(t.policyClauses.id, clauseId)).run();
    writeAudit(tx, {
      entityType: "policy",
      entityId: policyId,
      action: "update",
      userId: actor.id,
      changes: { clauseRemoved: [`${clause.number} ${clause.text.slice(0, 40)}`, null] },
    });
  });
}

// ── 政策依据 ──────────────────────────────────────────────────────────────

const clauseChoicesStatement = preparedOnce(() =>
  db()
    .select({
      id: t.policyClauses.id,
      number: t.policyClauses.number,
      incentiveType: t.policyClauses.incentiveType,
      policyTitle: t.policies.title,
    })
    .from(t.policyClauses)
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
    .where(
      and(
        isNull(t.policyClauses.deletedAt),
        isNull(t.policies.deletedAt),
        sql`not ((${t.policies.effectiveTo} is not null and ${t.policies.effectiveTo} < ${sql.placeholder("day")}) or (${
          t.policies.repealedOn
        } is not null and ${t.policies.repealedOn} <= ${sql.placeholder("day")}))`,
      ),
    )
    .orderBy(asc(t.policies.id), asc(t.policyClauses.sortOrder), asc(t.policyClauses.id))
    .prepare(),
);

/** Clauses a new basis or commitment may rest on: of live policies not 失效 today, as "《标题》第X条（奖励类型）". */
export function listPolicyClauseChoices(): { id: number; label: string }[] {
  return clauseChoicesStatement()
    .all({ day: today() })
    .map((clause) => ({ id: clause.id, label: clauseLabel(clause) }));
}

export function listProjectPolicyBases(projectId: number) {
  const day = today();
  return projectPolicyBasesStatement()
    .all({ projectId })
    .map(({ repealedOn, ...row }) => ({ ...row, state: clauseState({ effectiveTo: row.effectiveTo, repealedOn }, day) }));
}

// Read on every view of a project page: built and prepared once.
const projectPolicyBasesStatement = preparedOnce(() =>
  db()
    .select({
      id: t.projectPolicyBases.id,
      clauseId: t.policyClauses.id,
      clauseNumber: t.policyClauses.number,
      clauseText: t.policyClauses.text,
      policyId: t.policies.id,
      policyTitle: t.policies.title,
      docNumber: t.policies.docNumber,
      effectiveTo: t.policies.effectiveTo,
      repealedOn: t.policies.repealedOn,
      note: t.projectPolicyBases.note,
    })
    .from(t.projectPolicyBases)
    .innerJoin(t.policyClauses, eq(t.policyClauses.id, t.projectPolicyBases.clauseId))
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
    .where(and(eq(t.projectPolicyBases.projectId, sql.placeholder("projectId")), isNull(t.projectPolicyBases.deletedAt)))
    .orderBy(asc(t.projectPolicyBases.id))
    .prepare(),
);

/** 添加政策依据: only editors of the project; never a clause of a policy no longer in force. */
export function addPolicyBasis({ actor, projectId, data }: { actor: Actor; projectId: number; data: PolicyBasisInput }): number {
  requireProjectAccess(actor, projectId, "edit");
  const clause = db()
    .select({ number: t.policyClauses.number, title: t.policies.title, effectiveTo: t.policies.effectiveTo, repealedOn: t.policies.repealedOn })
    .from(t.policyClauses)
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
    .where(and(eq(t.policyClauses.id, data.clauseId), isNull(t.policyClauses.deletedAt), isNull(t.policies.deletedAt)))
    .get();
  if (!clause) throw new InvalidError({ clauseId: "政策条款不存在" });
  if (isPolicyExpired(clause, today())) throw new InvalidError({ clauseId: "该条款所属政策已失效，不能作为新的政策依据" });
  return db().transaction((tx) => {
    const existing = tx
      .select({ id: t.projectPolicyBases.id })
      .from(t.projectPolicyBases)
      .where(and(eq(t.projectPolicyBases.projectId, projectId), eq(t.projectPolicyBases.clauseId, data.clauseId), isNull(t.projectPolicyBases.deletedAt)))
      .get();
    if (existing) throw new InvalidError({ clauseId: "该条款已是本项目的政策依据" });
    const { id } = tx
      .insert(t.projectPolicyBases)
      .values({ projectId, clauseId: data.clauseId, note: data.note, createdBy: actor.id })
      .returning({ id: t.projectPolicyBases.id })
      .get();
    writeAudit(tx, {
      entityType: "project",
      entityId: projectId,
      action: "update",
      userId: actor.id,
      changes: { policyBasis: [null, `《${clause.title}》${clause.number}`] },
    });
    return id;
  });
}

export function removePolicyBasis({ actor, projectId, basisId }: { actor: Actor; projectId: number; basisId: number }): void {
  requireProjectAccess(actor, projectId, "edit");
  db().transaction((tx) => {
    const basis = tx
      .select({ number: t.policyClauses.number, title: t.policies.title })
      .from(t.projectPolicyBases)
      .innerJoin(t.policyClauses, eq(t.policyClauses.id, t.projectPolicyBases.clauseId))
      .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
      .where(and(eq(t.projectPolicyBases.id, basisId), eq(t.projectPolicyBases.projectId, projectId), isNull(t.projectPolicyBases.deletedAt)))
      .get();
    if (!basis) throw new NotFoundError();
    tx.update(t.projectPolicyBases).set({ deletedAt: Date.now() }).where(eq(t.projectPolicyBases.id, basisId)).run();
    writeAudit(tx, {
      entityType: "project",
      entityId: projectId,
      action: "update",
      userId: actor.id,
      changes: { policyBasis: [`《${basis.title}》${basis.number}`, null] },
    });
  });
}

/**
 * 政策依据预警: pursued projects (in the actor's scope; with `mine`, only their own and member
 * projects) resting on a clause whose policy has expired or ends within 90 days.
 */
export function listPolicyFlags(actor: Actor, { mine = false, limit = 200 }: { mine?: boolean; limit?: number } = {}) {
  const day = today();
  const ending = or(expiredOn(day), sql`${t.policies.effectiveTo} <= ${addDays(day, EXPIRY_WARNING_DAYS)}`);
  // most days no policy has ended or ends soon: then no project is flagged, and the actor's projects need not be read
  if (!db().select({ id: t.policies.id }).from(t.policies).where(ending).limit(1).get()) return [];
  const rows = db()
    .select({
      projectId: t.projects.id,
      projectName: t.projects.name,
      ownerName: t.users.displayName,
      policyId: t.policies.id,
      policyTitle: t.policies.title,
      clauseNumber: t.policyClauses.number,
      effectiveTo: t.policies.effectiveTo,
      repealedOn: t.policies.repealedOn,
    })
    .from(t.projectPolicyBases)
    .innerJoin(t.projects, eq(t.projects.id, t.projectPolicyBases.projectId))
    .innerJoin(t.users, eq(t.users.id, t.projects.ownerId))
    .innerJoin(t.policyClauses, eq(t.policyClauses.id, t.projectPolicyBases.clauseId))
    .innerJoin(t.policies, eq(t.policies.id, t.policyClauses.policyId))
    .where(
      and(
        isNull(t.projectPolicyBases.deletedAt),
        visibleProjects(actor),
        inArray(t.projects.status, ["active", "on_hold"]),
        mine ? or(eq(t.projects.ownerId, actor.id), memberOf(actor)) : undefined,
        ending,
      ),
    )
    .orderBy(asc(t.policies.effectiveTo), asc(t.projects.id))
    .limit(limit)
    .all();
  return rows.map(({ repealedOn, ...row }) => ({ ...row, state: clauseState({ effectiveTo: row.effectiveTo, repealedOn }, day) as "expiring" | "expired" }));
}

/** 变更记录 of a policy, its clauses included (they are logged on it). */
export function listPolicyAudit(policyId: number, limit?: number) {
  return listAudit("policy", policyId, { limit });
}
