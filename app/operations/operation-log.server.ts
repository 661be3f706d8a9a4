/**
 * 操作日志: one row per sign-in, user or permission change, import, export, backup, restore and
 * verification. Written inside the caller's transaction when there is one, so an operation that
 * rolls back leaves no entry.
 */
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import { assertCan, type Actor } from "../auth/permissions";
import { db, t } from "../db.server";
import type { ListExport } from "../exports/list-workbook.server";
import { formatDateTime, isValidDate } from "../lib/dates";
import { COUNT_CAP, PAGE_SIZE, type Page } from "../lib/paging";
import { enumParam, intParam } from "../lib/params";
import { preparedOnce } from "../lib/prepared.server";
import { OPERATION_KIND_CODES, operationKindLabel, type OperationKind } from "./operation-kinds";

export interface OperationEntry {
  kind: OperationKind;
  /** one line in Chinese: what was done, to what */
  summary: string;
  /** the acting user; absent for a failed sign-in or a command run on the server */
  userId?: number | null;
  /** the username as typed (sign-in) or the acting user's */
  username?: string | null;
  /** the client address, for sign-ins */
  address?: string | null;
  entityType?: string | null;
  entityId?: number | null;
}

const insertOperationStatement = preparedOnce(() =>
  db()
    .insert(t.operationLog)
    .values({
      kind: sql.placeholder("kind"),
      summary: sql.placeholder("summary"),
      userId: sql.placeholder("userId"),
      username: sql.placeholder("username"),
      address: sql.placeholder("address"),
      entityType: sql.placeholder("entityType"),
      entityId: sql.placeholder("entityId"),
    })
    .prepare(),
);

/** Records one operation on the app's connection (inside the caller's transaction, if any). */
export function recordOperation(entry: OperationEntry): void {
  insertOperationStatement().run({
    kind: entry.kind,
    summary: entry.summary,
    userId: entry.userId ?? null,
    username: entry.username ?? null,
    address: entry.address ?? null,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
  });
}

// ── 操作日志 screen and export ───────────────────────────────────────────────

export interface OperationFilters {
  userId?: number;
  kind?: OperationKind;
  /** business dates, Asia/Shanghai, inclusive */
  from?: string;
  to?: string;
}

export interface OperationRow {
  id: number;
  at: number;
  kind: string;
  summary: string;
  username: string | null;
  displayName: string | null;
  address: string | null;
}

/** Midnight at the start of a business date (Asia/Shanghai, UTC+8 all year) in epoch ms. */
function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

function operationWhere(filters: OperationFilters) {
  return and(
    filters.userId ? eq(t.operationLog.userId, filters.userId) : undefined,
    filters.kind ? eq(t.operationLog.kind, filters.kind) : undefined,
    filters.from ? gte(t.operationLog.at, startOfDay(filters.from)) : undefined,
    filters.to ? lt(t.operationLog.at, startOfDay(filters.to) + 86_400_000) : undefined,
  );
}

function operationQuery(filters: OperationFilters) {
  return db()
    .select({
      id: t.operationLog.id,
      at: t.operationLog.at,
      kind: t.operationLog.kind,
      summary: t.operationLog.summary,
      username: sql<string | null>`coalesce(${t.operationLog.username}, ${t.users.username})`,
      displayName: t.users.displayName,
      address: t.operationLog.address,
    })
    .from(t.operationLog)
    .leftJoin(t.users, eq(t.users.id, t.operationLog.userId))
    .where(operationWhere(filters))
    .orderBy(desc(t.operationLog.at), desc(t.operationLog.id));
}

export function listOperations(actor: Actor, filters: OperationFilters, page: number): Page<OperationRow> {
  assertCan(actor, "admin:system");
  const rows = operationQuery(filters)
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const total = db()
    .select({ n: sql<number>`count(*)` })
    .from(sql`(select 1 from ${t.operationLog} where ${operationWhere(filters) ?? sql`1`} limit ${COUNT_CAP + 1})`)
    .get()!.n;
  return { rows: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE, total };
}

export function operationFiltersFrom(params: URLSearchParams): OperationFilters {
  const date = (name: string) => {
    const value = params.get(name) ?? "";
    return isValidDate(value) ? value : undefined;
  };
  return {
    userId: intParam(params, "user"),
    kind: enumParam(params, "kind", OPERATION_KIND_CODES),
    from: date("from"),
    to: date("to"),
  };
}

/** 导出Excel of 操作日志: every entry the filters select, read in chunks. */
export function exportOperations(actor: Actor, filters: OperationFilters): ListExport<OperationRow> {
  assertCan(actor, "admin:system");
  const userName = filters.userId ? db().select({ name: t.users.username }).from(t.users).where(eq(t.users.id, filters.userId)).get()?.name : undefined;
  return {
    title: "操作日志",
    filters: [
      userName ? `用户：${userName}` : null,
      filters.kind ? `类别：${operationKindLabel(filters.kind)}` : null,
      filters.from || filters.to ? `日期：${filters.from ?? "…"} 至 ${filters.to ?? "…"}` : null,
    ].filter((part): part is string => part !== null),
    columns: [
      { header: "时间", width: 18, value: (row) => formatDateTime(row.at) },
      { header: "类别", width: 12, value: (row) => operationKindLabel(row.kind) },
      { header: "用户名", width: 14, value: (row) => row.username },
      { header: "姓名", width: 12, value: (row) => row.displayName },
      { header: "内容", width: 60, value: (row) => row.summary },
      { header: "地址", width: 16, value: (row) => row.address },
    ],
    chunks: (function* () {
      const size = 2000;
      for (let offset = 0; ; offset += size) {
        const rows = operationQuery(filters).limit(size).offset(offset).all();
        if (rows.length > 0) yield rows;
        if (rows.length < size) return;
      }
    })(),
  };
}

/** Users to filter by: everyone who appears in the log or can. */
export function operationUserChoices(actor: Actor): Array<{ id: number; label: string }> {
  assertCan(actor, "admin:system");
  return db()
    .select({ id: t.users.id, username: t.users.username, displayName: t.users.displayName })
    .from(t.users)
    .orderBy(asc(t.users.username))
    .all()
    .map((user) => ({ id: user.id, label: `${user.displayName}（${user.username}）` }));
}
