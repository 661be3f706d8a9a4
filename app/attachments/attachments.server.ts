/**
 * 附件 (DESIGN.md §11): evidence files on projects, commitments, payouts and FDI arrivals.
 *
 * Reading follows the record: whoever may read the record (its project's scope) may list and
 * download its files; anyone else gets NotFound, so ids cannot be probed. Attaching and deleting
 * follow attachment-rules.ts, checked here (not only in the route).
 *
 * The bytes live under `<database folder>/files/<first two hex>/<sha256>`: content-addressed, so the
 * same file uploaded twice is stored once (two rows, one file), written to a temporary file and
 * renamed into place so a reader never sees half a file. Rows are soft-deleted and the bytes stay,
 * so 回收站 can restore them. A refused upload writes nothing: every check runs before the first
 * byte is written, and if the row cannot be written the file just created is removed again.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { databasePathFromEnv } from "../../db/client";
import { filesFolder } from "../../db/preflight";
import { assertCan, type Actor } from "../auth/permissions";
import { diffRecords, writeAudit } from "../audit/audit.server";
import { db, t } from "../db.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../lib/errors";
import { preparedOnce } from "../lib/prepared.server";
import { updateVersioned } from "../lib/versioned-update.server";
import { projectMemberIds, requireProjectAccess } from "../projects/project-access.server";
import { visibleProjects } from "../projects/scope.server";
import {
  ATTACHMENT_ENTITY_LABELS,
  AttachmentRefusal,
  categoryLabel,
  fileTypeLabel,
  isAttachmentEntityType,
  isCategoryOf,
  MAX_ATTACHMENT_BYTES,
  type AttachmentEntityType,
  type AttachmentProblem,
} from "./attachment-kinds";
import { mayAttach } from "./attachment-rules";
import { sniffAttachment } from "./sniff.server";

const at = t.attachments;

// ── the record a file hangs on ────────────────────────────────────────────

interface RecordFacts {
  projectId: number;
  ownerId: number;
  memberIds: number[];
}

/** The live record's project, if the actor may read it (a deleted record or project counts as absent). */
function projectOfRecord(actor: Actor, entityType: AttachmentEntityType, entityId: number): { projectId: number; ownerId: number } | undefined {
  const columns = { projectId: t.projects.id, ownerId: t.projects.ownerId };
  switch (entityType) {
    case "project": {
      const project = requireProjectAccess(actor, entityId, "read");
      return { projectId: project.id, ownerId: project.ownerId };
    }
    case "commitment":
      return db()
        .select(columns)
        .from(t.commitments)
        .innerJoin(t.projects, eq(t.projects.id, t.commitments.projectId))
        .where(and(eq(t.commitments.id, entityId), isNull(t.commitments.deletedAt), visibleProjects(actor)))
        .get();
    case "payout":
      return db()
        .select(columns)
        .from(t.payouts)
        .innerJoin(t.commitments, eq(t.commitments.id, t.payouts.commitmentId))
        .innerJoin(t.projects, eq(t.projects.id, t.commitments.projectId))
        .where(and(eq(t.payouts.id, entityId), isNull(t.payouts.deletedAt), isNull(t.commitments.deletedAt), visibleProjects(actor)))
        .get();
    case "fdi_arrival":
      return db()
        .select(columns)
        .from(t.fdiArrivals)
        .innerJoin(t.projects, eq(t.projects.id, t.fdiArrivals.projectId))
        .where(and(eq(t.fdiArrivals.id, entityId), isNull(t.fdiArrivals.deletedAt), visibleProjects(actor)))
        .get();
  }
}

/** The record's project facts; NotFound unless the actor may read the record. */
function findReadableRecord(actor: Actor, entityType: string, entityId: number): RecordFacts {
  if (!isAttachmentEntityType(entityType)) throw new NotFoundError();
  const project = projectOfRecord(actor, entityType, entityId);
  if (!project) throw new NotFoundError();
  return { ...project, memberIds: projectMemberIds(project.projectId) };
}

/** NotFound outside the actor's scope, Forbidden inside it when they may not attach. */
function authorizeAttaching(actor: Actor, entityType: AttachmentEntityType, entityId: number): void {
  const record = findReadableRecord(actor, entityType, entityId);
  if (!mayAttach(actor, entityType, record)) throw new ForbiddenError();
}

/** May the actor attach files to (and delete files from) this record? NotFound outside their scope. */
export function mayAttachTo(actor: Actor, entityType: AttachmentEntityType, entityId: number): boolean {
  return mayAttach(actor, entityType, findReadableRecord(actor, entityType, entityId));
}

// ── listing ───────────────────────────────────────────────────────────────

/** Live files matching `where`, newest first; each use is read on every view of a page, so prepared once. */
function prepareAttachmentRows(where: SQL) {
  return db()
    .select({
      id: at.id,
      entityType: at.entityType,
      entityId: at.entityId,
      category: at.category,
      fileName: at.fileName,
      mediaType: at.mediaType,
      sizeBytes: at.sizeBytes,
      uploadedByName: t.users.displayName,
      createdAt: at.createdAt,
      version: at.version,
    })
    .from(at)
    .leftJoin(t.users, eq(t.users.id, at.uploadedBy))
    .where(and(isNull(at.deletedAt), where))
    .orderBy(desc(at.createdAt), desc(at.id))
    .prepare();
}
type AttachmentRow = ReturnType<ReturnType<typeof prepareAttachmentRows>["all"]>[number];

function presentAttachment(row: AttachmentRow) {
  return { ...row, categoryLabel: categoryLabel(row.category), typeLabel: fileTypeLabel(row.mediaType) };
}
export type AttachmentView = ReturnType<typeof presentAttachment>;

const recordAttachmentsStatement = preparedOnce(() =>
  prepareAttachmentRows(and(eq(at.entityType, sql.placeholder("entityType")), eq(at.entityId, sql.placeholder("entityId"))) as SQL),
);
/** The files on the live parts (arrivals, payouts) of one record: `partIds` selects the parts' ids. */
function preparePartAttachmentRows(entityType: "fdi_arrival" | "payout", partIds: SQL) {
  return prepareAttachmentRows(and(eq(at.entityType, entityType), sql`${at.entityId} in (${partIds})`) as SQL);
}
const arrivalAttachmentsStatement = preparedOnce(() =>
  preparePartAttachmentRows(
    "fdi_arrival",
    sql`select ${t.fdiArrivals.id} from ${t.fdiArrivals} where ${t.fdiArrivals.projectId} = ${sql.placeholder("projectId")} and ${t.fdiArrivals.deletedAt} is null`,
  ),
);
const payoutAttachmentsStatement = preparedOnce(() =>
  preparePartAttachmentRows(
    "payout",
    sql`select ${t.payouts.id} from ${t.payouts} where ${t.payouts.commitmentId} = ${sql.placeholder("commitmentId")} and ${t.payouts.deletedAt} is null`,
  ),
);

/** The record's files, newest first (NotFound unless the actor may read the record). */
export function listAttachments(actor: Actor, entityType: AttachmentEntityType, entityId: number): AttachmentView[] {
  findReadableRecord(actor, entityType, entityId);
  return recordAttachmentsStatement().all({ entityType, entityId }).map(presentAttachment);
}

function groupByRecord(rows: AttachmentView[]): Record<number, AttachmentView[]> {
  const byRecord: Record<number, AttachmentView[]> = {};
  for (const row of rows) (byRecord[row.entityId] ??= []).push(row);
  return byRecord;
}

/** The files of a project's live arrivals by arrival id, and whether the actor may attach to arrivals (NotFound unless they may read the project). */
export function getArrivalEvidence(actor: Actor, projectId: number): { byRecord: Record<number, AttachmentView[]>; canAttach: boolean } {
  const project = findReadableRecord(actor, "project", projectId);
  return {
    byRecord: groupByRecord(arrivalAttachmentsStatement().all({ projectId }).map(presentAttachment)),
    canAttach: mayAttach(actor, "fdi_arrival", project),
  };
}

/** The files of a commitment's live payouts by payout id, and whether the actor may attach to payouts (NotFound unless they may read the commitment). */
export function getPayoutEvidence(actor: Actor, commitmentId: number): { byRecord: Record<number, AttachmentView[]>; canAttach: boolean } {
  const record = findReadableRecord(actor, "commitment", commitmentId);
  return {
    byRecord: groupByRecord(payoutAttachmentsStatement().all({ commitmentId }).map(presentAttachment)),
    canAttach: mayAttach(actor, "payout", record),
  };
}

// ── storing ───────────────────────────────────────────────────────────────

function storageFolder(): string {
  return filesFolder(databasePathFromEnv());
}

/** Where the bytes of this hash live. */
export function attachmentFilePath(sha256: string): string {
  return path.join(storageFolder(), sha256.slice(0, 2), sha256);
}

/**
 * Writes the bytes under their hash unless they are there already; true when this call created
 * the file. Temporary file, fsync, rename: the final name only ever holds a complete file.
 */
function writeContent(sha256: string, bytes: Buffer): boolean {
  const target = attachmentFilePath(sha256);
  if (fs.existsSync(target)) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  try {
    const fd = fs.openSync(temporary, "wx", 0o640);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return true;
}

/** Bytes no row refers to (live or in the recycle bin) are removed. */
function removeIfUnreferenced(sha256: string): void {
  const used = db().select({ id: at.id }).from(at).where(eq(at.sha256, sha256)).limit(1).get();
  if (!used) fs.rmSync(attachmentFilePath(sha256), { force: true });
}

export const MAX_FILE_NAME_LENGTH = 120;

/**
 * The name as shown and offered on download: no folder parts, no control or direction-override
 * characters (which could make "exe.pdf" read as "fdp.exe"), at most 120 characters with the
 * extension kept; "附件" when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = base
    .replace(/[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFF]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (/^\.*$/.test(name)) return "附件";
  const characters = Array.from(name);
  if (characters.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 && name.length - dot <= 10 ? Array.from(name.slice(dot)) : [];
    name = characters.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join("") + extension.join("");
  }
  return name;
}

export interface UploadedFile {
  /** the name the browser sent */
  name: string;
  bytes: Buffer;
}

/**
 * 上传附件: checks the record (scope, permission), the category, the size and the content, then
 * stores the bytes and writes the row and its audit entry in one transaction. Returns the row's id.
 */
export async function storeAttachment({
  actor,
  entityType,
  entityId,
  category,
  file,
}: {
  actor: Actor;
  entityType: AttachmentEntityType;
  entityId: number;
  category: string;
  file: UploadedFile | null;
}): Promise<number> {
  if (!isAttachmentEntityType(entityType)) throw new InvalidError({}, "记录类型无效");
  authorizeAttaching(actor, entityType, entityId);
  if (!file || (file.name === "" && file.bytes.length === 0)) throw new AttachmentRefusal("no_file");
  if (!isCategoryOf(entityType, category)) throw new AttachmentRefusal("category");
  if (file.bytes.length === 0) throw new AttachmentRefusal("empty");
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new AttachmentRefusal("too_large");
  const { mediaType } = await sniffAttachment(file.bytes, file.name);

  // From here on everything is synchronous: no other request runs between the checks and the write.
  authorizeAttaching(actor, entityType, entityId);
  const values = {
    entityType,
    entityId,
    category,
    fileName: cleanFileName(file.name),
    mediaType,
    sizeBytes: file.bytes.length,
    sha256: crypto.createHash("sha256").update(file.bytes).digest("hex"),
  };
  const created = writeContent(values.sha256, file.bytes);
  try {
    return db().transaction((tx) => {
      const { id } = tx
        .insert(at)
        .values({ ...values, uploadedBy: actor.id })
        .returning({ id: at.id })
        .get();
      writeAudit(tx, { entityType: "attachment", entityId: id, action: "create", userId: actor.id, changes: diffRecords(null, values) });
      return id;
    });
  } catch (error) {
    if (created) removeIfUnreferenced(values.sha256);
    throw error;
  }
}

// ── reading one ───────────────────────────────────────────────────────────

function findLiveAttachment(actor: Actor, attachmentId: number) {
  const row = db()
    .select()
    .from(at)
    .where(and(eq(at.id, attachmentId), isNull(at.deletedAt)))
    .get();
  if (!row) throw new NotFoundError();
  const record = findReadableRecord(actor, row.entityType, row.entityId);
  return { row, record };
}

/** A file to download: NotFound unless the actor may read the record it hangs on (and it is not deleted). */
export function openAttachment(actor: Actor, attachmentId: number): { path: string; fileName: string; mediaType: string; sizeBytes: number } {
  const { row } = findLiveAttachment(actor, attachmentId);
  const file = attachmentFilePath(row.sha256);
  if (!fs.existsSync(file)) throw new NotFoundError("附件文件缺失，请联系系统管理员");
  return { path: file, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes };
}

// ── deleting and restoring ────────────────────────────────────────────────

/** The file 删除 would take away, for its confirmation page: NotFound outside scope, Forbidden for one who may not delete it. */
export function getAttachmentToDelete(actor: Actor, attachmentId: number) {
  const { row, record } = findLiveAttachment(actor, attachmentId);
  const entityType = row.entityType as AttachmentEntityType;
  if (!mayAttach(actor, entityType, record)) throw new ForbiddenError();
  return {
    id: row.id,
    fileName: row.fileName,
    categoryLabel: categoryLabel(row.category),
    entityType,
    entityLabel: ATTACHMENT_ENTITY_LABELS[entityType],
    entityId: row.entityId,
    projectId: record.projectId,
    version: row.version,
  };
}

/** 删除 (soft): by those who may attach to the record; a stale version is refused. Returns the record it hung on. */
export function deleteAttachment({ actor, attachmentId, version }: { actor: Actor; attachmentId: number; version: number }): {
  entityType: AttachmentEntityType;
  entityId: number;
} {
  const { row, record } = findLiveAttachment(actor, attachmentId);
  const entityType = row.entityType as AttachmentEntityType;
  if (!mayAttach(actor, entityType, record)) throw new ForbiddenError();
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: at,
      entityType: "attachment",
      id: attachmentId,
      version,
      values: { deletedBy: actor.id },
      before: row,
      userId: actor.id,
      softDelete: true,
      changes: { fileName: [row.fileName, null], category: [row.category, null] },
    });
  });
  return { entityType, entityId: row.entityId };
}

/** 回收站: a deleted file comes back (administrators only). */
export function restoreAttachment({ actor, attachmentId, version }: { actor: Actor; attachmentId: number; version: number }): void {
  assertCan(actor, "admin:system");
  db().transaction((tx) => {
    const row = tx
      .select()
      .from(at)
      .where(and(eq(at.id, attachmentId), isNotNull(at.deletedAt)))
      .get();
    if (!row) throw new NotFoundError();
    updateVersioned(tx, {
      table: at,
      entityType: "attachment",
      id: attachmentId,
      version,
      values: { deletedBy: null },
      before: row,
      userId: actor.id,
      restore: true,
      changes: { fileName: [null, row.fileName] },
    });
  });
}

/** The project a record belongs to, as a correlated subquery on the attachment row. */
function projectIdOfRecord(): SQL<number | null> {
  return sql<number | null>`case ${at.entityType}
    when 'project' then ${at.entityId}
    when 'commitment' then (select ${t.commitments.projectId} from ${t.commitments} where ${t.commitments.id} = ${at.entityId})
    when 'payout' then (select ${t.commitments.projectId} from ${t.payouts} join ${t.commitments} on ${t.commitments.id} = ${t.payouts.commitmentId} where ${t.payouts.id} = ${at.entityId})
    when 'fdi_arrival' then (select ${t.fdiArrivals.projectId} from ${t.fdiArrivals} where ${t.fdiArrivals.id} = ${at.entityId})
  end`;
}

const deleter = alias(t.users, "deleter");

/** 回收站's 附件: deleted files, newest deletion first, with the record and project they hang on. */
export function listDeletedAttachments({ actor, limit = 100 }: { actor: Actor; limit?: number }) {
  assertCan(actor, "admin:system");
  const rows = db()
    .select({
      id: at.id,
      fileName: at.fileName,
      category: at.category,
      entityType: at.entityType,
      sizeBytes: at.sizeBytes,
      deletedAt: at.deletedAt,
      deletedByName: deleter.displayName,
      version: at.version,
      projectId: projectIdOfRecord(),
    })
    .from(at)
    .leftJoin(deleter, eq(deleter.id, at.deletedBy))
    .where(isNotNull(at.deletedAt))
    .orderBy(desc(at.deletedAt), desc(at.id))
    .limit(limit)
    .all();
  const projectIds = [...new Set(rows.map((row) => row.projectId).filter((id): id is number => id !== null))];
  const projectNames = new Map(
    projectIds.length === 0
      ? []
      : db()
          .select({ id: t.projects.id, name: t.projects.name })
          .from(t.projects)
          .where(inArray(t.projects.id, projectIds))
          .all()
          .map((p) => [p.id, p.name]),
  );
  return rows.map((row) => ({
    ...row,
    categoryLabel: categoryLabel(row.category),
    recordLabel: isAttachmentEntityType(row.entityType) ? ATTACHMENT_ENTITY_LABELS[row.entityType] : row.entityType,
    projectName: row.projectId === null ? null : (projectNames.get(row.projectId) ?? null),
  }));
}

// ── errors as outcomes ────────────────────────────────────────────────────

/**
 * The outcome code a failed upload or delete shows on the page it returns to; null for errors
 * that are answered otherwise (NotFound → 404, Forbidden → 403, a broken disk → 503).
 */
export function attachmentProblemOf(error: unknown): AttachmentProblem | null {
  if (error instanceof AttachmentRefusal) return error.code;
  if (error instanceof ConflictError) return "conflict";
  if (error instanceof InvalidError) return "invalid";
  return null;
}
