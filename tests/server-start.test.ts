/**
 * DESIGN.md §9 Operations: the server checks at start that it can write its database, its folder
 * and the files folder, and says which path and what to do when it cannot; it leaves its process
 * id beside the database for `npm run restore`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { checkStorage } from "../db/preflight";
import { runningServerPid, serverPidFile, writeServerPid } from "../db/server-pid";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fdi-crm-start-"));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function healthyDatabase(dir: string): string {
  const file = path.join(dir, "fdi-crm.db");
  const connection = new Database(file);
  connection.pragma("journal_mode = WAL");
  connection.exec("create table t (x)");
  connection.close();
  return file;
}

describe("storage check at server start", () => {
  it("passes a writable database, folder and files folder, leaving nothing behind", () => {
    const dir = tempDir();
    const file = healthyDatabase(dir);
    fs.mkdirSync(path.join(dir, "files"));
    expect(checkStorage(file)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(["fdi-crm.db", "files"]);
    expect(fs.readdirSync(path.join(dir, "files"))).toEqual([]);
    // a database not created yet is fine: the first use creates it in the checked folder
    expect(checkStorage(path.join(tempDir(), "new", "fdi-crm.db"))).toEqual([]);
  });

  it("names the path and what to do when the database, its folder or the files folder cannot be written", () => {
    const dir = tempDir();
    const notADatabase = path.join(dir, "fdi-crm.db");
    fs.writeFileSync(notADatabase, "这不是数据库文件".repeat(100));
    fs.writeFileSync(path.join(dir, "files"), "a file where the files folder should be");
    const problems = checkStorage(notADatabase);
    expect(problems.map((p) => p.path)).toEqual([notADatabase, path.join(dir, "files")]);
    expect(problems[0].message).toContain("无法写入数据库文件");
    expect(problems[0].message).toContain("npm run restore");
    expect(problems[1].message).toContain("无法写入附件目录");

    const blocked = path.join(dir, "blocked.txt");
    fs.writeFileSync(blocked, "");
    const [folder] = checkStorage(path.join(blocked, "fdi-crm.db"));
    expect(folder.path).toBe(blocked);
    expect(folder.message).toContain("无法创建数据目录");
  });

  it("a server refuses to start, exit code 1, with the message", () => {
    const dir = tempDir();
    const file = path.join(dir, "fdi-crm.db");
    fs.writeFileSync(file, "这不是数据库文件".repeat(100));
    const server = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: file, PORT: "0" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(server.status).toBe(1);
    expect(server.stderr).toContain(`无法写入数据库文件 ${file}`);
    expect(server.stderr).toContain("服务器未启动");
    expect(fs.existsSync(serverPidFile(file))).toBe(false);
  });
});

describe("server.pid", () => {
  it("names a live server; a dead process's file is ignored; removal only of our own", () => {
    const file = path.join(tempDir(), "fdi-crm.db");
    expect(runningServerPid(file)).toBeNull();
    const remove = writeServerPid(file);
    expect(fs.readFileSync(serverPidFile(file), "utf8").trim()).toBe(String(process.pid));
    expect(runningServerPid(file)).toBe(process.pid);

    const ended = spawnSync(process.execPath, ["-e", ""]);
    fs.writeFileSync(serverPidFile(file), `${ended.pid}\n`);
    expect(runningServerPid(file)).toBeNull();
    // another server's file is not ours to remove
    remove();
    expect(fs.existsSync(serverPidFile(file))).toBe(true);

    fs.writeFileSync(serverPidFile(file), `${process.pid}\n`);
    remove();
    expect(fs.existsSync(serverPidFile(file))).toBe(false);
    fs.writeFileSync(serverPidFile(file), "not a number");
    expect(runningServerPid(file)).toBeNull();
  });
});
