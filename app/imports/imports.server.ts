/**
 * 数据导入 (DESIGN.md §10): an uploaded file is kept by its sha256 under the data folder, previewed
 * (nothing written), then imported in one transaction as a batch that 撤销导入 can take back while
 * nothing it wrote has changed since. Staff and administrators only.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq, sql } from "drizzle-orm";
import { databasePathFromEnv } from "../../db/client";
import { assertCan, can, type Actor } from "../auth/permissions";
import { auditStamp, writeAudit } from "../audit/audit.server";
import { withCompanySearchPaused } from "../companies/search-index.server";
import { db, t, type Tx } from "../db.server";
import { InvalidError, NotFoundError } from "../lib/errors";
import { preparedOnce } from "../lib/prepared.server";
import { updateVersioned } from "../lib/versioned-update.server";
import { recordOperation } from "../operations/operation-log.server";
import { refreshLastActivity } from "../projects/projects.server";
import { IMPORT_FIELDS, IMPORT_KIND_LABELS, matchHeaders, missingRequired, type ColumnMapping, type DuplicateMode, type ImportKind } from "./kinds";
import { CompanyIndex, companyPlanner } from "./plan-companies.server";
import { ProjectIndex, projectPlanner } from "./plan-projects.server";
import { activityPlanner, arrivalPlanner } from "./plan-records.server";
import { planRows, type PlanCounts, type PlannedRow, type RowError, type Writer } from "./plan.server";
import { readSpreadsheet, type ReadSheet } from "./read-file.server";
import type { CellValue } from "./values";

// ── the uploaded file ─────────────────────────────────────────────────────

function uploadsFolder(): string {
  return path.join(path.dirname(databasePathFromEnv()), "imports");
}

const TOKEN = /^[0-9a-f]{64}$/;

/** Keeps the uploaded bytes under their sha256 (the token the preview and the import refer to). */
export function storeUpload(bytes: Buffer): string {
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  fs.mkdirSync(uploadsFolder(), { recursive: true });
  const file = path.join(uploadsFolder(), sha256);
  if (!fs.existsSync(file)) fs.writeFileSync(file, bytes);
  return sha256;
}

function readUpload(token: string): Buffer {
  if (!TOKEN.test(token)) throw new InvalidError({ file: "请重新选择文件" }, "请重新选择文件");
  try {
    return fs.readFileSync(path.join(uploadsFolder(), token));
  } catch {
    throw new InvalidError({ file: "上传的文件已失效，请重新选择文件" }, "上传的文件已失效，请重新选择文件");
  }
}

// ── planning ──────────────────────────────────────────────────────────────

export interface ImportRequest {
  actor: Actor;
  /** the sha256 storeUpload returned */
  token: string;
  fileName: string;
  kind: ImportKind;
  mode: DuplicateMode;
  /** field per column as the user adjusted it in the preview ("" = 不导入); automatic when absent */
  columnFields?: readonly string[];
}

function mappingFor(kind: ImportKind, sheet: ReadSheet, columnFields?: readonly string[]): ColumnMapping[] {
  const automatic = matchHeaders(kind, sheet.headers);
  if (!columnFields) return automatic;
  const known = new Set(IMPORT_FIELDS[kind].map((field) => field.key));
  const taken = new Set<string>();
  return automatic.map((column) => {
    const chosen = columnFields[column.index];
    if (chosen === undefined) return column;
    if (chosen === "" || !known.has(chosen) || taken.has(chosen)) return { ...column, field: null, ignored: chosen === "" ? true : column.ignored };
    taken.add(chosen);
    return { ...column, field: chosen, ignored: false };
  });
}

/** Plans every row (handed to `onRow`): synchronous once the file is read, so 确认导入 runs it inside its transaction. */
function planImport(
  { kind, mode, actor }: Pick<ImportRequest, "kind" | "mode" | "actor">,
  sheet: ReadSheet,
  mapping: ColumnMapping[],
  onRow: (row: PlannedRow) => void,
): PlanCounts {
  const missing = missingRequired(kind, mapping);
  if (missing.length > 0) {
    throw new InvalidError(
      { mapping: `缺少必填列：${missing.map((field) => field.label).join("、")}` },
      `缺少必填列：${missing.map((field) => field.label).join("、")}（可在下方“列对应”中指定）`,
    );
  }
  const companies = CompanyIndex.load();
  if (kind === "companies") return planRows(kind, mode, sheet, mapping, companyPlanner(companies), onRow);
  const projects = ProjectIndex.load();
  if (kind === "projects")
    return planRows(kind, mode, sheet, mapping, projectPlanner(companies, projects, { mayReassign: can(actor.role, "update:project:any") }), onRow);
  if (kind === "activities") return planRows(kind, mode, sheet, mapping, activityPlanner(companies, projects), onRow);
  return planRows(kind, mode, sheet, mapping, arrivalPlanner(projects), onRow);
}

/**
 * The file last previewed, as read: 确认导入 (or 重新预览 with another mapping) usually follows within
 * minutes, and reading a 50,000-row workbook again would cost seconds and a second round of memory.
 * One file is kept, for a quarter of an hour; the import itself lets it go.
 */
let lastRead: { token: string; kind: ImportKind; sheet: ReadSheet; at: number } | null = null;
const KEEP_READ_MS = 15 * 60_000;

async function readSheet(token: string, kind: ImportKind): Promise<ReadSheet> {
  if (lastRead && lastRead.token === token && lastRead.kind === kind && Date.now() - lastRead.at < KEEP_READ_MS) return lastRead.sheet;
  lastRead = null;
  const sheet = await readSpreadsheet(readUpload(token), kind);
  lastRead = { token, kind, sheet, at: Date.now() };
  return sheet;
}

async function readAndMap(request: ImportRequest) {
  assertCan(request.actor, "import:data");
  const sheet = await readSheet(request.token, request.kind);
  return { sheet, mapping: mappingFor(request.kind, sheet, request.columnFields) };
}

/** Rows shown on the preview screen per list (the error file has every refused row). */
export const PREVIEW_ROWS = 200;

export interface PreviewRow {
  rowNumber: number;
  label: string;
  errors: RowError[];
  note: string | null;
  outcome: PlannedRow["outcome"];
}

export interface ImportPreview {
  token: string;
  fileName: string;
  kind: ImportKind;
  mode: DuplicateMode;
  sheetName: string | null;
  headerRowNumber: number;
  mapping: ColumnMapping[];
  /** required fields no column maps to (the plan cannot run until they are mapped) */
  missing: string[];
  counts: PlanCounts;
  refused: PreviewRow[];
  duplicates: PreviewRow[];
  /** rows to be written, first ones */
  accepted: PreviewRow[];
  total: number;
}

const previewRow = (row: PlannedRow): PreviewRow => ({
  rowNumber: row.rowNumber,
  label: row.label,
  errors: row.errors,
  note: row.note ?? null,
  outcome: row.outcome,
});

/** 预览: what the import would do, row by row. Writes nothing. */
export async function previewImport(request: ImportRequest): Promise<ImportPreview> {
  const { sheet, mapping } = await readAndMap(request);
  const base = {
    token: request.token,
    fileName: request.fileName,
    kind: request.kind,
    mode: request.mode,
    sheetName: sheet.sheetName,
    headerRowNumber: sheet.headerRowNumber,
    mapping,
  };
  const missing = missingRequired(request.kind, mapping).map((field) => field.label);
  if (missing.length > 0) {
    return { ...base, missing, counts: { create: 0, update: 0, skip: 0, refuse: 0 }, refused: [], duplicates: [], accepted: [], total: 0 };
  }
  const refused: PreviewRow[] = [];
  const duplicates: PreviewRow[] = [];
  const accepted: PreviewRow[] = [];
  let total = 0;
  const counts = planImport(request, sheet, mapping, (row) => {
    total++;
    if (row.outcome === "refuse" && refused.length < PREVIEW_ROWS) refused.push(previewRow(row));
    if (row.duplicate && duplicates.length < PREVIEW_ROWS) duplicates.push(previewRow(row));
    if ((row.outcome === "create" || row.outcome === "update") && accepted.length < 20) accepted.push(previewRow(row));
  });
  return { ...base, missing, counts, refused, duplicates, accepted, total };
}

/** The refused rows with their original cells, for the error file. */
export async function refusedRows(request: ImportRequest) {
  const { sheet, mapping } = await readAndMap(request);
  const byNumber = new Map(sheet.rows.map((row) => [row.rowNumber, row]));
  const rows: { rowNumber: number; cells: CellValue[]; errors: RowError[] }[] = [];
  planImport(request, sheet, mapping, (row) => {
    if (row.outcome === "refuse") rows.push({ rowNumber: row.rowNumber, cells: byNumber.get(row.rowNumber)?.cells ?? [], errors: row.errors });
  });
  return { headers: sheet.headers, rows };
}

const insertBatchRecordStatement = preparedOnce(() =>
  db()
    .insert(t.importBatchRecords)
    .values({
      batchId: sql.placeholder("batchId"),
      entityType: sql.placeholder("entityType"),
      entityId: sql.placeholder("entityId"),
      action: sql.placeholder("action"),
      before: sql.placeholder("before"),
      versionAfter: sql.placeholder("versionAfter"),
    })
    .prepare(),
);

/** Above this many rows the company search index is rebuilt once instead of row by row. */
const BULK_ROWS = 1000;

const TABLES = {
  company: t.companies,
  contact: t.contacts,
  project: t.projects,
  activity: t.activities,
  fdi_arrival: t.fdiArrivals,
} as const;
type RecordType = keyof typeof TABLES;

/** 确认导入: every accepted row in one transaction, recorded as a batch; returns the batch id. */
export async function confirmImport(request: ImportRequest): Promise<number> {
  const { sheet, mapping } = await readAndMap(request);
  if (lastRead?.sheet === sheet) lastRead = null;
  const { actor } = request;
  const sha256 = request.token;
  return withSmallPageCache(() =>
    db().transaction((tx) => {
      const batch = tx
        .insert(t.importBatches)
        .values({ kind: request.kind, fileName: request.fileName.slice(0, 255), sha256, duplicateMode: request.mode, userId: actor.id })
        .returning({ id: t.importBatches.id })
        .get();
      const renamed: Writer["renamed"] = [];
      const activityProjects = new Set<number>();
      const writer: Writer = {
        tx,
        actor,
        renamed,
        activityProjects,
        record: (entry) => {
          insertBatchRecordStatement().run({ batchId: batch.id, ...entry, before: entry.before ?? null });
        },
      };
      // each accepted row is written as soon as it is planned, in file order
      const writeAll = () => planImport(request, sheet, mapping, (row) => row.write?.(writer));
      const counts =
        sheet.rows.length > BULK_ROWS && (request.kind === "companies" || request.kind === "projects")
          ? withCompanySearchPaused(tx, () => ({ renamed, result: writeAll() }))
          : writeAll();
      if (counts.create + counts.update === 0) throw new InvalidError({}, "没有可导入的行（全部被跳过或拒绝）");
      // the same rule as a visit logged on the page, back-dated rows included
      for (const projectId of activityProjects) refreshLastActivity(tx, projectId);
      tx.update(t.importBatches)
        .set({ createdCount: counts.create, updatedCount: counts.update, skippedCount: counts.skip, refusedCount: counts.refuse })
        .where(eq(t.importBatches.id, batch.id))
        .run();
      writeAudit(tx, {
        entityType: "import_batch",
        entityId: batch.id,
        action: "import",
        userId: actor.id,
        changes: { fileName: [null, request.fileName], kind: [null, request.kind], created: [null, counts.create], updated: [null, counts.update] },
      });
      recordOperation({
        kind: "import",
        summary: `导入${IMPORT_KIND_LABELS[request.kind]}「${request.fileName}」：新增 ${counts.create}，更新 ${counts.update}，跳过 ${counts.skip}，拒绝 ${counts.refuse}`,
        userId: actor.id,
        entityType: "import_batch",
        entityId: batch.id,
      });
      return batch.id;
    }),
  );
}

/**
 * An import touches far more pages than a page cache needs to keep (SQLite spills the rest to the
 * WAL as it goes), so its transaction runs with a small cache and the server's memory stays down.
 */
function withSmallPageCache<T>(write: () => T): T {
  const sqlite = db().$client;
  const normal = Number(sqlite.pragma("cache_size", { simple: true }));
  sqlite.pragma("cache_size = -8192");
  try {
    return write();
  } finally {
    sqlite.pragma(`cache_size = ${normal}`);
  }
}

// ── 导入记录 and 撤销导入 ──────────────────────────────────────────────────

export function listImportBatches(actor: Actor, limit = 50) {
  assertCan(actor, "import:data");
  return db()
    .select({
      id: t.importBatches.id,
      kind: t.importBatches.kind,
      fileName: t.importBatches.fileName,
      sha256: t.importBatches.sha256,
      duplicateMode: t.importBatches.duplicateMode,
      createdCount: t.importBatches.createdCount,
      updatedCount: t.importBatches.updatedCount,
      skippedCount: t.importBatches.skippedCount,
      refusedCount: t.importBatches.refusedCount,
      createdAt: t.importBatches.createdAt,
      undoneAt: t.importBatches.undoneAt,
      userName: t.users.displayName,
    })
    .from(t.importBatches)
    .innerJoin(t.users, eq(t.users.id, t.importBatches.userId))
    .orderBy(desc(t.importBatches.id))
    .limit(limit)
    .all();
}

export function getImportBatch(actor: Actor, batchId: number) {
  const batch = listImportBatches(actor, 1_000_000).find((row) => row.id === batchId);
  if (!batch) throw new NotFoundError();
  return batch;
}

const RECORD_LABELS: Record<RecordType, string> = { company: "企业", contact: "联系人", project: "项目", activity: "活动记录", fdi_arrival: "到账记录" };

/** What hangs on a record the batch created and came from elsewhere: undoing would orphan it. */
const DEPENDENTS: Partial<Record<RecordType, { table: RecordType | "commitment"; column: string; reason: string }[]>> = {
  company: [
    { table: "project", column: "company_id", reason: "导入后已有新的招商项目" },
    { table: "activity", column: "company_id", reason: "导入后已有新的活动记录" },
    { table: "contact", column: "company_id", reason: "导入后已添加联系人" },
  ],
  project: [
    { table: "activity", column: "project_id", reason: "导入后已有新的活动记录" },
    { table: "fdi_arrival", column: "project_id", reason: "导入后已登记实到外资" },
    { table: "commitment", column: "project_id", reason: "导入后已有政策承诺" },
  ],
};
const TABLE_NAMES: Record<RecordType | "commitment", string> = {
  company: "companies",
  contact: "contacts",
  project: "projects",
  activity: "activities",
  fdi_arrival: "fdi_arrivals",
  commitment: "commitments",
};

/** The first few records of the batch that changed since, or gained dependents from elsewhere. */
function undoProblems(tx: Tx, batchId: number): string[] {
  const problems: string[] = [];
  const types = tx.all<{ type: RecordType }>(sql`select distinct entity_type as type from ${t.importBatchRecords} where batch_id = ${batchId}`);
  for (const { type } of types) {
    const table = sql.raw(TABLE_NAMES[type]);
    const changed = tx.all<{ id: number }>(sql`
      select r.entity_id as id from ${t.importBatchRecords} r left join ${table} x on x.id = r.entity_id
      where r.batch_id = ${batchId} and r.entity_type = ${type}
        and (x.id is null or x.deleted_at is not null or x.version != r.version_after)
      limit 5`);
    for (const row of changed) problems.push(`${RECORD_LABELS[type]} #${row.id}：导入后已被修改或删除`);
    for (const dependent of DEPENDENTS[type] ?? []) {
      const hanging = tx.all<{ id: number }>(sql`
        select r.entity_id as id from ${t.importBatchRecords} r
        where r.batch_id = ${batchId} and r.entity_type = ${type} and r.action = 'create' and exists (
          select 1 from ${sql.raw(TABLE_NAMES[dependent.table])} d
          where d.${sql.raw(dependent.column)} = r.entity_id and d.deleted_at is null
            and d.id not in (select entity_id from ${t.importBatchRecords} where batch_id = ${batchId} and entity_type = ${dependent.table}))
        limit 5`);
      for (const row of hanging) problems.push(`${RECORD_LABELS[type]} #${row.id}：${dependent.reason}`);
    }
  }
  return problems.slice(0, 5);
}

/**
 * 撤销导入: soft-deletes what the batch created and puts back what it updated, in one
 * transaction — refused when any of those records has changed since (its version moved, it was
 * deleted, or records of others now hang on it). Set-based, so a 50,000-row batch undoes at once.
 */
export function undoImport({ actor, batchId }: { actor: Actor; batchId: number }): void {
  assertCan(actor, "import:data");
  db().transaction((tx) => {
    const batch = tx.select().from(t.importBatches).where(eq(t.importBatches.id, batchId)).get();
    if (!batch) throw new NotFoundError();
    if (batch.undoneAt) throw new InvalidError({}, "该次导入已撤销");
    const problems = undoProblems(tx, batchId);
    if (problems.length > 0) throw new InvalidError({}, `不能撤销：导入的记录已有变化（${problems.join("；")}）`);
    const now = Date.now();
    const created = (type: RecordType) =>
      sql`select entity_id from ${t.importBatchRecords} where batch_id = ${batchId} and entity_type = ${type} and action = 'create'`;
    // 最近活动 of the projects whose imported activities go
    const touchedProjects = tx
      .all<{ id: number }>(sql`select distinct project_id as id from ${t.activities} where project_id is not null and id in (${created("activity")})`)
      .map((row) => row.id);
    for (const type of Object.keys(TABLES) as RecordType[]) {
      // set-based, not updateVersioned row by row: a 50,000-row batch is one statement per table
      tx.run(sql`update ${sql.raw(TABLE_NAMES[type])} set deleted_at = ${now}, version = version + 1 where id in (${created(type)})`);
    }
    tx.run(sql`
      insert into ${t.auditLog} (entity_type, entity_id, action, user_id, at, changes)
      select entity_type, entity_id, 'delete', ${actor.id}, ${auditStamp(tx)}, json_object('importBatch', json_array(${batchId}, null))
      from ${t.importBatchRecords} where batch_id = ${batchId} and action = 'create'`);
    const updated = tx
      .select()
      .from(t.importBatchRecords)
      .where(and(eq(t.importBatchRecords.batchId, batchId), eq(t.importBatchRecords.action, "update")))
      .all();
    for (const record of updated) {
      const type = record.entityType as RecordType;
      const table = TABLES[type];
      const before = record.before ?? {};
      // unchanged since the import (checked above): the row holds the imported values, at the version read here
      const imported = tx.select().from(table).where(eq(table.id, record.entityId)).get() as Record<string, unknown> & { version: number };
      // imported → restored, so the log reads "A → B"; derived keys (nameKey, searchText) stay out
      updateVersioned(tx, {
        table,
        entityType: type,
        id: record.entityId,
        version: imported.version,
        values: before,
        before: imported,
        userId: actor.id,
        action: "undo",
      });
    }
    for (const projectId of touchedProjects) refreshLastActivity(tx, projectId);
    tx.update(t.importBatches).set({ undoneAt: now, undoneBy: actor.id }).where(eq(t.importBatches.id, batchId)).run();
    writeAudit(tx, { entityType: "import_batch", entityId: batchId, action: "undo", userId: actor.id });
    recordOperation({ kind: "import", summary: `撤销导入 #${batchId}「${batch.fileName}」`, userId: actor.id, entityType: "import_batch", entityId: batchId });
  });
}
