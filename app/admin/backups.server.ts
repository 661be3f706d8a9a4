/**
 * 备份与恢复 (DESIGN.md §11). A backup is a dated folder (Asia/Shanghai time, 2026-11-29_203015)
 * under BACKUP_DIR (default `<database folder>/backups`) holding a copy of the database made
 * with SQLite's backup API while the server runs, the attachment files, and manifest.json (time,
 * size, SHA-256, integrity, row counts). Restoring puts one back while the server is stopped,
 * moving the current data aside rather than deleting it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePathFromEnv } from "../../db/client";
import { filesFolder } from "../../db/preflight";
import { runningServerPid } from "../../db/server-pid";
import { db } from "../db.server";
import { recordOperation } from "../operations/operation-log.server";

/** A failure to tell the operator as is (Chinese, says what to do). */
export class BackupError extends Error {}

export const DEFAULT_KEEP = 14;
const MANIFEST = "manifest.json";
/** only folders named like this are backups; pruning never touches anything else */
const DATED_FOLDER = /^\d{4}-\d{2}-\d{2}_\d{6}(?:-\d+)?$/;

/** Tables whose row counts go into the manifest (and are compared by whoever restores). */
export const COUNTED_TABLES: Record<string, string> = {
  users: "用户",
  companies: "企业",
  contacts: "联系人",
  projects: "项目",
  stage_changes: "阶段变更",
  activities: "活动记录",
  commitments: "政策兑现",
  payouts: "兑现拨付",
  fdi_arrivals: "实到外资",
  attachments: "附件",
  operation_log: "操作日志",
};

export interface BackupManifest {
  format: 1;
  /** ISO 8601, UTC */
  createdAt: string;
  /** the dated folder's name, Asia/Shanghai time */
  name: string;
  /** the live database it was made from */
  source: string;
  database: { file: string; bytes: number; sha256: string };
  /** PRAGMA integrity_check of the copy: "ok" */
  integrity: string;
  rowCounts: Record<string, number>;
  files: { count: number; bytes: number };
  durationMs: number;
}

export interface BackupResult {
  folder: string;
  manifest: BackupManifest;
  keep: number;
  /** names of the older backups deleted to keep the last `keep` */
  removed: string[];
  /** false when the 操作日志 entry could not be written (the backup itself is good) */
  logged: boolean;
}

export interface BackupSummary {
  folder: string;
  name: string;
  /** ISO 8601, UTC */
  at: string;
  databaseBytes: number;
  sha256: string;
  integrity: string;
  filesCount: number;
  filesBytes: number;
  rowCounts: Record<string, number>;
}

export function backupDirFromEnv(): string {
  return process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(path.dirname(databasePathFromEnv()), "backups");
}

export function parseKeep(value: string, source: string): number {
  const keep = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(keep) || keep < 1) throw new BackupError(`${source} 须为正整数（现为「${value}」）`);
  return keep;
}

function keepFromEnv(): number {
  return process.env.BACKUP_KEEP ? parseKeep(process.env.BACKUP_KEEP, "BACKUP_KEEP") : DEFAULT_KEEP;
}

/** Asia/Shanghai has no daylight saving: UTC+8 gives the office's clock. */
export function backupStamp(at: Date): string {
  const iso = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${iso.slice(0, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

function uniqueName(dir: string, base: string): string {
  let name = base;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `${base}-${n}`;
  return name;
}

/** Dated backup folders in `dir`, oldest first. */
export function listBackups(dir = backupDirFromEnv()): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && DATED_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** Deletes the oldest dated folders beyond the last `keep`; nothing else in `dir` is touched. */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = listBackups(dir);
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return removed;
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function countFiles(folder: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  if (!fs.existsSync(folder)) return { count, bytes };
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    count++;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { count, bytes };
}

/**
 * Copies the attachment files while the server may be writing them: a file still being written
 * (`*.tmp`, renamed into place when complete) is skipped, and one removed meanwhile is not an error.
 */
function copyFilesFolder(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith(".tmp")) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.copyFileSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

function integrityOf(connection: Database.Database): string {
  const rows = connection.pragma("integrity_check(20)") as Array<{ integrity_check: string }>;
  const text = rows
    .map((row) => row.integrity_check)
    .join("; ")
    .replace(/\s*\n\s*/g, "; ");
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function rowCountsOf(connection: Database.Database): Record<string, number> {
  const present = new Set((connection.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((row) => row.name));
  const counts: Record<string, number> = {};
  for (const table of Object.keys(COUNTED_TABLES)) {
    if (present.has(table)) counts[table] = (connection.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
  }
  return counts;
}

function readManifest(folder: string): BackupManifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), "utf8")) as BackupManifest;
    if (manifest.format !== 1 || typeof manifest.database?.file !== "string" || typeof manifest.database.sha256 !== "string") return null;
    return manifest;
  } catch {
    return null;
  }
}

/** The newest backup with a readable manifest, for 系统管理; null when there is none. */
export function lastBackup(dir = backupDirFromEnv()): BackupSummary | null {
  for (const name of listBackups(dir).reverse()) {
    const folder = path.join(dir, name);
    const manifest = readManifest(folder);
    if (!manifest) continue;
    return {
      folder,
      name,
      at: manifest.createdAt,
      databaseBytes: manifest.database.bytes,
      sha256: manifest.database.sha256,
      integrity: manifest.integrity,
      filesCount: manifest.files.count,
      filesBytes: manifest.files.bytes,
      rowCounts: manifest.rowCounts,
    };
  }
  return null;
}

/** Writes the 操作日志 entry, waiting out a short lock rather than blocking on it. */
async function recordWithRetry(kind: "backup" | "restore", summary: string): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      recordOperation({ kind, summary });
      return true;
    } catch (error) {
      if (!String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY")) return false;
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
  }
  return false;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * Backs up the live database (DATABASE_PATH) and its files into a new dated folder, checks the
 * copy, keeps the last `keep` backups and records the backup in 操作日志.
 */
export async function backupDatabase(options: { keep?: number; now?: Date } = {}): Promise<BackupResult> {
  const started = performance.now();
  const source = databasePathFromEnv();
  const keep = options.keep ?? keepFromEnv();
  if (!fs.existsSync(source)) throw new BackupError(`数据库文件不存在：${source}（请检查 DATABASE_PATH）`);
  const dir = backupDirFromEnv();
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new BackupError(`无法创建备份目录 ${dir}：${(error as Error).message}`);
  }
  const now = options.now ?? new Date();
  const name = uniqueName(dir, backupStamp(now));
  // built under a name pruning and lastBackup ignore, renamed once complete and checked
  const partial = path.join(dir, `.partial-${name}-${process.pid}`);
  const target = path.join(partial, path.basename(source));
  fs.mkdirSync(partial);
  try {
    // All pages in one step: one read transaction, so a consistent snapshot that another
    // process's writes cannot restart; in WAL mode writers carry on meanwhile.
    await db().$client.backup(target, { progress: () => 0x7fffffff });

    const copy = new Database(target);
    let rowCounts: Record<string, number>;
    const integrity = (() => {
      try {
        // one self-contained file: no -wal/-shm to lose when the folder is copied elsewhere
        copy.pragma("journal_mode = DELETE");
        return integrityOf(copy);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    try {
      if (integrity !== "ok") {
        throw new BackupError(`备份副本的完整性检查未通过（${integrity}）。当前数据库可能已损坏，请立即联系系统管理员，不要删除已有备份。`);
      }
      rowCounts = rowCountsOf(copy);
    } finally {
      copy.close();
    }

    // Files after the database: a row in the copy was committed after its file was written, so
    // every file the copy refers to is already there (later ones are merely extra).
    const files = filesFolder(source);
    if (fs.existsSync(files)) copyFilesFolder(files, path.join(partial, "files"));

    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      name,
      source,
      database: { file: path.basename(source), bytes: fs.statSync(target).size, sha256: await sha256Of(target) },
      integrity,
      rowCounts,
      files: countFiles(path.join(partial, "files")),
      durationMs: Math.round(performance.now() - started),
    };
    fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(partial, path.join(dir, name));

    const removed = pruneBackups(dir, keep);
    const logged = await recordWithRetry(
      "backup",
      `备份数据库至 ${path.join(dir, name)}（数据库 ${formatBytes(manifest.database.bytes)}，附件 ${manifest.files.count} 个，删除旧备份 ${removed.length} 份）`,
    );
    return { folder: path.join(dir, name), manifest, keep, removed, logged };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    await recordWithRetry("backup", `备份失败：${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

/**
 * Checks a backup folder before it is trusted: its manifest, the database file's size and
 * SHA-256 against it, PRAGMA integrity_check, and the files' count and size.
 */
export async function verifyBackup(folder: string): Promise<BackupManifest> {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new BackupError(`备份目录不存在：${folder}`);
  const manifest = readManifest(folder);
  if (!manifest) throw new BackupError(`${folder} 中没有可读的 ${MANIFEST}，不是本系统生成的备份`);
  const file = String(manifest.database.file);
  if (path.basename(file) !== file) throw new BackupError(`${MANIFEST} 中的数据库文件名无效：${file}`);
  const copy = path.join(folder, file);
  if (!fs.existsSync(copy)) throw new BackupError(`备份中缺少数据库文件 ${file}`);
  const bytes = fs.statSync(copy).size;
  const sha256 = await sha256Of(copy);
  if (bytes !== manifest.database.bytes || sha256 !== manifest.database.sha256) {
    throw new BackupError(`备份数据库文件与 ${MANIFEST} 记录的大小或 SHA-256 不符，文件可能已损坏或被改动，未做任何恢复`);
  }
  let integrity: string;
  try {
    const connection = new Database(copy, { readonly: true, fileMustExist: true });
    try {
      integrity = integrityOf(connection);
    } finally {
      connection.close();
    }
  } catch (error) {
    integrity = (error as Error).message;
  }
  if (integrity !== "ok") throw new BackupError(`备份数据库的完整性检查未通过（${integrity}），未做任何恢复`);
  const files = countFiles(path.join(folder, "files"));
  if (files.count !== manifest.files.count || files.bytes !== manifest.files.bytes) {
    throw new BackupError(
      `备份中的附件（${files.count} 个，${formatBytes(files.bytes)}）与 ${MANIFEST} 记录的（${manifest.files.count} 个，${formatBytes(manifest.files.bytes)}）不符，未做任何恢复`,
    );
  }
  return manifest;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** the live database path now holding the backup */
  target: string;
  /** where the previous database, its -wal/-shm and files went; null when there were none */
  asideFolder: string | null;
  moved: string[];
  sessionsEnded: number;
  logged: boolean;
}

function refuseWhileServerRuns(target: string): void {
  const pid = runningServerPid(target);
  if (pid !== null) {
    throw new BackupError(
      `服务器正在运行（进程号 ${pid}），恢复已取消。请先停止服务器再恢复；若确认服务器已停止，请删除 ${path.join(path.dirname(target), "server.pid")} 后重试。`,
    );
  }
}

/**
 * Puts a backup in place of the live database while the server is stopped. Run it in a process
 * of its own (npm run restore): the app's connection must not be open on the file it replaces.
 */
export async function restoreBackup(folder: string, options: { now?: Date } = {}): Promise<RestoreResult> {
  const target = databasePathFromEnv();
  const dataDir = path.dirname(target);
  refuseWhileServerRuns(target);
  const manifest = await verifyBackup(folder);
  if ((globalThis as { __fdiDb?: unknown }).__fdiDb) throw new BackupError("恢复须在单独的进程中运行（npm run restore），本进程已打开数据库");

  fs.mkdirSync(dataDir, { recursive: true });
  const stamp = backupStamp(options.now ?? new Date());
  // Prepared beside the database (same file system: the final step is a rename), sessions
  // ended before it becomes the live file.
  const staging = path.join(dataDir, `.restore-${stamp}.db`);
  fs.copyFileSync(path.join(folder, manifest.database.file), staging);
  let sessionsEnded = 0;
  try {
    const connection = new Database(staging);
    try {
      const hasSessions = connection.prepare("select 1 from sqlite_master where type = 'table' and name = 'sessions'").get();
      if (hasSessions) sessionsEnded = connection.prepare("delete from sessions").run().changes;
    } finally {
      connection.close();
    }

    refuseWhileServerRuns(target);
    const present = [target, `${target}-wal`, `${target}-shm`, filesFolder(target)].filter((live) => fs.existsSync(live));
    const asideFolder = present.length > 0 ? path.join(dataDir, uniqueName(dataDir, `before-restore-${stamp}`)) : null;
    if (asideFolder) fs.mkdirSync(asideFolder);
    for (const live of present) fs.renameSync(live, path.join(asideFolder!, path.basename(live)));
    const moved = present.map((live) => path.basename(live));
    // A -wal left at the target would be replayed into the restored file: never rename over one.
    for (const leftover of [target, `${target}-wal`, `${target}-shm`]) {
      if (fs.existsSync(leftover)) throw new BackupError(`无法移走 ${leftover}，恢复已中止；原有文件在 ${asideFolder}`);
    }
    fs.renameSync(staging, target);
    const backupFiles = path.join(folder, "files");
    if (fs.existsSync(backupFiles)) fs.cpSync(backupFiles, filesFolder(target), { recursive: true });

    const logged = await recordWithRetry(
      "restore",
      `从备份 ${manifest.name}（${manifest.createdAt}）恢复数据库；${asideFolder ? `原数据库与附件已移至 ${asideFolder}` : "原先没有数据库"}；清除登录会话 ${sessionsEnded} 个`,
    );
    return { manifest, target, asideFolder, moved, sessionsEnded, logged };
  } finally {
    fs.rmSync(staging, { force: true });
  }
}
