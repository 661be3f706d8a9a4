/**
 * The running server leaves its process id beside the database (`server.pid`), so a command that
 * must not run under a live server (恢复) can tell. A file left by a server killed outright names
 * a dead process and is ignored.
 */
import fs from "node:fs";
import path from "node:path";

export function serverPidFile(databasePath: string): string {
  return path.join(path.dirname(databasePath), "server.pid");
}

/** Writes this process's id; the returned function removes the file if it still names us. */
export function writeServerPid(databasePath: string): () => void {
  const file = serverPidFile(databasePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      // a second server on the same database may have written its own id since
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

/** The id of a live server on this database, or null (no file, unreadable, or a dead process). */
export function runningServerPid(databasePath: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(serverPidFile(databasePath), "utf8").trim();
  } catch {
    return null;
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to another user — still a live server
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}
