/**
 * What the server checks before it listens (DESIGN.md §9 Operations): that it can write its
 * database, the database's folder (SQLite writes -wal/-shm files there) and the attachment files.
 * A server that starts but cannot save would fail every user at their first save instead.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface StorageProblem {
  path: string;
  /** one line in Chinese: what is wrong and what to do */
  message: string;
}

export function filesFolder(databasePath: string): string {
  return path.join(path.dirname(databasePath), "files");
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "EACCES" || code === "EPERM") return "没有写入权限";
  if (code === "EROFS" || (typeof code === "string" && code.startsWith("SQLITE_READONLY"))) return "文件系统或文件为只读";
  if (code === "ENOSPC" || code === "SQLITE_FULL") return "磁盘已满";
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") return "文件已损坏或不是数据库文件";
  if (code === "SQLITE_CANTOPEN") return "无法打开，所在目录或 -wal、-shm 文件不可写";
  return error instanceof Error ? error.message : String(error);
}

/** Creates and deletes a small file: an empty one could still be made on a full disk. */
function probeFolder(folder: string, label: string): StorageProblem | null {
  const probe = path.join(folder, `.write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, Buffer.alloc(4096));
    fs.unlinkSync(probe);
    return null;
  } catch (error) {
    try {
      fs.rmSync(probe, { force: true });
    } catch {
      // nothing was created
    }
    return {
      path: folder,
      message: `无法写入${label} ${folder}（${reason(error)}）。请确认运行服务器的用户对该目录有读写权限、磁盘有剩余空间，然后重新启动。`,
    };
  }
}

export function checkStorage(databasePath: string): StorageProblem[] {
  const folder = path.dirname(databasePath);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    return [
      {
        path: folder,
        message: `无法创建数据目录 ${folder}（${reason(error)}）。请先创建该目录并授予运行服务器的用户读写权限，或用 DATABASE_PATH 指定其他位置。`,
      },
    ];
  }
  const problems: StorageProblem[] = [];
  const folderProblem = probeFolder(folder, "数据目录");
  if (folderProblem) problems.push(folderProblem);

  // A missing database is created and migrated on first use, which the folder check covers.
  if (fs.existsSync(databasePath)) {
    let connection: Database.Database | undefined;
    try {
      connection = new Database(databasePath, { fileMustExist: true, timeout: 2000 });
      connection.exec("BEGIN IMMEDIATE; ROLLBACK");
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? "");
      // another process holding the write lock is no reason to refuse to start
      if (!code.startsWith("SQLITE_BUSY") && !code.startsWith("SQLITE_LOCKED")) {
        problems.push({
          path: databasePath,
          message: `无法写入数据库文件 ${databasePath}（${reason(error)}）。请确认该文件及同目录下的 -wal、-shm 文件可由运行服务器的用户读写；若文件已损坏，请用 npm run restore 从备份恢复。`,
        });
      }
    } finally {
      connection?.close();
    }
  }

  // Likewise a missing files folder is created by the first upload, inside the folder checked above.
  const files = filesFolder(databasePath);
  if (fs.existsSync(files)) {
    const filesProblem = probeFolder(files, "附件目录");
    if (filesProblem) problems.push(filesProblem);
  }
  return problems;
}
