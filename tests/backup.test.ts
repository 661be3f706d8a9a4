/**
 * 备份与恢复 (DESIGN.md §9, §11): an online backup taken while another process writes holds every
 * row committed before it began and passes integrity_check; `npm run restore` puts it in place
 * (sessions ended, the old data moved aside), refuses under a live server and refuses a damaged
 * backup; only the oldest dated folders are pruned.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { activitySchema } from "../app/activities/activity";
import { backupDatabase, lastBackup, listBackups } from "../app/admin/backups.server";
import { db, t } from "../app/db.server";
import { addActivity } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const live = process.env.DATABASE_PATH!;

const made: string[] = [];
function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fdi-crm-${label}-`));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function runScript(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function query<T>(file: string, sql: string): T[] {
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return connection.prepare(sql).all() as T[];
  } finally {
    connection.close();
  }
}

function integrity(file: string): string {
  return query<{ integrity_check: string }>(file, "pragma integrity_check")
    .map((row) => row.integrity_check)
    .join("; ");
}

/** Overwrites a few b-tree pages with garbage: the file still opens, integrity_check fails. */
function damagePages(file: string): void {
  const pages = Math.floor(fs.statSync(file).size / 4096);
  const fd = fs.openSync(file, "r+");
  for (const page of [3, Math.floor(pages / 2), pages - 2]) fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * 4096 + 16);
  fs.closeSync(fd);
}

/** A database at `<dir>/fdi-crm.db` to restore over: a copy of the test database as it is now. */
async function currentDatabaseIn(dir: string): Promise<string> {
  const file = path.join(dir, "fdi-crm.db");
  await db().$client.backup(file);
  return file;
}

function beforeRestoreFolders(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith("before-restore-"));
}

/** The writer child (tests/support/backup-writer.ts): its commits in order, as it reported them. */
function startWriter(companyId: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/backup-writer.ts", live, String(companyId)], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const commits: Array<{ id: number; at: number }> = [];
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      const [id, at] = line.split(" ").map(Number);
      commits.push({ id, at });
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    commits,
    async until(count: number) {
      const deadline = Date.now() + 15_000;
      while (commits.length < count) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`writer reported ${commits.length} of ${count} commits`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    stop() {
      child.stdin.end("stop\n");
      return exited;
    },
  };
}

const savedEnv = { BACKUP_DIR: process.env.BACKUP_DIR, BACKUP_KEEP: process.env.BACKUP_KEEP };
afterEach(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("npm run backup / npm run restore", () => {
  it("backs up while another process writes: every row committed before it began, intact, and restored in place", { timeout: 90_000 }, async () => {
    const unit = makeUnit();
    const officer = makeUser("officer", unit);
    const companyId = makeCompany(officer);
    const projectId = makeProject(officer, { companyId });
    const activityId = addActivity({
      actor: officer,
      projectId,
      data: activitySchema.parse({ type: "visit", occurredOn: "2026-06-10", summary: "备份前的拜访纪要" }),
    });
    db()
      .insert(t.sessions)
      .values({ id: "session-before-backup", userId: officer.id, expiresAt: Date.now() + 86_400_000, lastSeenAt: Date.now() })
      .run();
    // some bulk, so the copy takes long enough for the writer to commit alongside it
    const pad = db().$client.prepare("insert into activities (company_id, type, occurred_on, summary) values (?, 'other', '2026-05-01', ?)");
    db().$client.transaction(() => {
      for (let i = 0; i < 20_000; i++) pad.run(companyId, `填充记录 ${i} ${"纪要".repeat(100)}`);
    })();

    const writer = startWriter(companyId);
    await writer.until(30);
    const before = writer.commits.map((commit) => commit.id);
    const backupDir = tempDir("backups");
    process.env.BACKUP_DIR = backupDir;
    const started = Date.now();
    const result = await backupDatabase({ keep: 5 });
    const finished = Date.now();
    const atFinish = writer.commits.length;
    await writer.until(atFinish + 20);
    expect(await writer.stop()).toBe(0);
    const all = writer.commits.map((commit) => commit.id);
    // the writer really wrote while the backup ran
    expect(writer.commits.some((commit) => commit.at >= started && commit.at <= finished)).toBe(true);

    const copy = path.join(result.folder, path.basename(live));
    expect(result.manifest.integrity).toBe("ok");
    expect(integrity(copy)).toBe("ok");
    expect(sha256(copy)).toBe(result.manifest.database.sha256);
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
    const inCopy = query<{ id: number }>(copy, "select id from activities where summary like '并发写入 %' order by id").map((row) => row.id);
    const copied = new Set(inCopy);
    expect(before.filter((id) => !copied.has(id))).toEqual([]);
    // a snapshot: the writer's rows up to some commit, none missing in between, none after
    expect(inCopy).toEqual(all.slice(0, inCopy.length));
    expect(inCopy.length).toBeLessThan(all.length);
    expect(query(copy, `select id from activities where id = ${activityId} and summary = '备份前的拜访纪要'`)).toHaveLength(1);
    expect(query<{ n: number }>(copy, "select count(*) as n from activities")[0].n).toBe(result.manifest.rowCounts.activities);
    expect(query<{ n: number }>(copy, "select count(*) as n from sessions")[0].n).toBeGreaterThan(0);
    const logged = db()
      .select()
      .from(t.operationLog)
      .all()
      .filter((row) => row.kind === "backup");
    expect(logged.map((row) => row.summary).join("\n")).toContain(result.manifest.name);

    const target = tempDir("restore-target");
    const previous = await currentDatabaseIn(target);
    const previousSha = sha256(previous);
    fs.mkdirSync(path.join(target, "files", "ab"), { recursive: true });
    fs.writeFileSync(path.join(target, "files", "ab", "old-file"), "附件");
    const restored = runScript("restore", [result.folder], { DATABASE_PATH: previous });
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(`已从备份 ${result.manifest.name} 恢复数据库`);

    expect(integrity(previous)).toBe("ok");
    const afterRestore = query<{ id: number }>(previous, "select id from activities where summary like '并发写入 %' order by id").map((row) => row.id);
    expect(afterRestore).toEqual(inCopy);
    expect(query(previous, `select id from activities where id = ${activityId}`)).toHaveLength(1);
    expect(query<{ n: number }>(previous, "select count(*) as n from sessions")[0].n).toBe(0);
    const restoreLog = query<{ kind: string; summary: string }>(previous, "select kind, summary from operation_log order by id desc limit 1")[0];
    expect(restoreLog.kind).toBe("restore");
    expect(restoreLog.summary).toContain(result.manifest.name);
    // the replaced data is kept, unchanged
    const [aside] = beforeRestoreFolders(target);
    expect(sha256(path.join(target, aside, "fdi-crm.db"))).toBe(previousSha);
    expect(fs.readFileSync(path.join(target, aside, "files", "ab", "old-file"), "utf8")).toBe("附件");
    expect(fs.existsSync(path.join(target, "files", "ab", "old-file"))).toBe(false);
  });

  it("refuses to restore while the server's pid file names a live process, and ignores a stale one", { timeout: 60_000 }, async () => {
    process.env.BACKUP_DIR = tempDir("backups");
    const { folder } = await backupDatabase();
    const target = tempDir("restore-running");
    const current = await currentDatabaseIn(target);
    const currentSha = sha256(current);

    fs.writeFileSync(path.join(target, "server.pid"), `${process.pid}\n`);
    const refused = runScript("restore", [folder], { DATABASE_PATH: current });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`服务器正在运行（进程号 ${process.pid}）`);
    expect(sha256(current)).toBe(currentSha);
    expect(beforeRestoreFolders(target)).toEqual([]);

    const ended = spawnSync(process.execPath, ["-e", ""]);
    fs.writeFileSync(path.join(target, "server.pid"), `${ended.pid}\n`);
    const restored = runScript("restore", [folder], { DATABASE_PATH: current });
    expect(restored.status).toBe(0);
    expect(beforeRestoreFolders(target)).toHaveLength(1);
  });

  it("keeps the last N: only the oldest dated folders go, nothing else in the folder is touched", { timeout: 60_000 }, async () => {
    const dir = tempDir("backups");
    process.env.BACKUP_DIR = dir;
    const old = ["2026-01-01_080000", "2026-01-02_080000", "2026-01-03_080000", "2026-01-04_080000", "2026-01-05_080000"];
    for (const name of old) fs.mkdirSync(path.join(dir, name));
    const others = ["notes.txt", "2025-12-31_000000", "2026-01-01", "手工备份", ".partial-2025-12-30_000000"];
    fs.writeFileSync(path.join(dir, "notes.txt"), "说明");
    fs.writeFileSync(path.join(dir, "2025-12-31_000000"), "a file named like a backup");
    for (const name of others.slice(2)) fs.mkdirSync(path.join(dir, name));

    process.env.BACKUP_KEEP = "3";
    const first = await backupDatabase();
    expect(first.removed).toEqual(old.slice(0, 3));
    expect(listBackups(dir)).toEqual([...old.slice(3), first.manifest.name]);

    const invalid = runScript("backup", ["--keep", "0"], { BACKUP_DIR: dir });
    expect(invalid.status).not.toBe(0);
    expect(invalid.stderr).toContain("--keep 须为正整数");
    expect(listBackups(dir)).toHaveLength(3);

    // a second apart, so the folder names differ by their time
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = runScript("backup", ["--keep", "2"], { BACKUP_DIR: dir });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("删除旧备份 2 份");
    const kept = listBackups(dir);
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe(first.manifest.name);
    for (const name of others) expect(fs.existsSync(path.join(dir, name))).toBe(true);

    const last = lastBackup(dir)!;
    expect(last.name).toBe(kept[1]);
    expect(last.folder).toBe(path.join(dir, kept[1]));
    expect(last.integrity).toBe("ok");
    expect(last.databaseBytes).toBe(fs.statSync(path.join(dir, kept[1], path.basename(live))).size);
    expect(last.filesCount).toBe(0);
  });

  it("refuses a damaged backup: bytes changed, a wrong SHA-256 in the manifest, a copy failing integrity_check", { timeout: 90_000 }, async () => {
    process.env.BACKUP_DIR = tempDir("backups");
    const { folder } = await backupDatabase();
    const target = tempDir("restore-damaged");
    const current = await currentDatabaseIn(target);
    const currentSha = sha256(current);
    const file = path.basename(live);

    const variant = (name: string, damage: (copy: string, manifest: { database: { bytes: number; sha256: string } }) => void) => {
      const copyFolder = path.join(tempDir("damaged"), name);
      fs.cpSync(folder, copyFolder, { recursive: true });
      const manifestFile = path.join(copyFolder, "manifest.json");
      const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
      damage(path.join(copyFolder, file), manifest);
      fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      return copyFolder;
    };
    const flipped = variant("flipped", (copy) => damagePages(copy));
    const wrongSha = variant("wrong-sha", (_copy, manifest) => {
      manifest.database.sha256 = "0".repeat(64);
    });
    const corrupt = variant("corrupt", (copy, manifest) => {
      damagePages(copy);
      manifest.database.sha256 = sha256(copy);
      manifest.database.bytes = fs.statSync(copy).size;
    });

    for (const [backup, message] of [
      [flipped, "SHA-256 不符"],
      [wrongSha, "SHA-256 不符"],
      [corrupt, "完整性检查未通过"],
    ]) {
      const refused = runScript("restore", [backup], { DATABASE_PATH: current });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain(message);
      expect(sha256(current)).toBe(currentSha);
      expect(beforeRestoreFolders(target)).toEqual([]);
    }
  });

  it("fails loudly, leaving no backup folder, when the copy of the database fails integrity_check", { timeout: 60_000 }, async () => {
    const dir = tempDir("backup-damaged-live");
    const damaged = await currentDatabaseIn(dir);
    damagePages(damaged);
    const result = runScript("backup", [], { DATABASE_PATH: damaged, BACKUP_DIR: path.join(dir, "backups") });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("完整性检查未通过");
    expect(fs.readdirSync(path.join(dir, "backups"))).toEqual([]);
  });
});
