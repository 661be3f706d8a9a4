/**
 * The server's connection commits without waiting for the disk and syncs the WAL before it answers
 * (db/durable-commits.ts, decision 0011): one fsync of the WAL file, off the event loop, covering
 * every commit made before it started — and never an answer for a commit no fsync covered.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "../db/client";
import { commitsOnDisk } from "../db/durable-commits";

let dir: string;
let file: string;
let database: Db;
const opened: Db[] = [];

function open(walSyncs: "at-commit" | "deferred"): Db {
  const db = openDatabase(file, { walSyncs });
  opened.push(db);
  return db;
}

const insertUnit = (db: Db, name: string) => db.$client.prepare("insert into units (name, sort_order, active) values (?, 0, 1)").run(name);

/** The fsyncs made while `body` runs, as the inode of the file each one synced. */
async function fsyncsDuring(body: () => Promise<unknown>, { fail = false, delayMs = 0 } = {}): Promise<number[]> {
  const original = fs.fsync;
  const synced: number[] = [];
  const spy = vi.spyOn(fs, "fsync").mockImplementation(((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    synced.push(fs.fstatSync(fd).ino);
    if (fail) return void setTimeout(() => callback(Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" })), delayMs);
    setTimeout(() => original(fd, callback), delayMs);
  }) as typeof fs.fsync);
  try {
    await body();
  } finally {
    spy.mockRestore();
  }
  return synced;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fdi-durable-"));
  file = path.join(dir, "durable.db");
  database = open("deferred");
  // connections other test files left open in this worker start synced: only this test's commits count
  await commitsOnDisk();
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.$client.open) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a connection that defers its WAL syncs", () => {
  it("commits with synchronous = NORMAL; scripts' and tests' connections keep FULL", () => {
    expect(database.$client.pragma("synchronous", { simple: true })).toBe(1);
    expect(open("at-commit").$client.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("syncs the WAL file once after a commit, and not again while nothing new is committed", async () => {
    const wal = fs.statSync(`${file}-wal`).ino;
    expect(await fsyncsDuring(() => commitsOnDisk())).toEqual([]);
    insertUnit(database, "甲");
    expect(await fsyncsDuring(() => commitsOnDisk())).toEqual([wal]);
    expect(await fsyncsDuring(() => commitsOnDisk())).toEqual([]);
  });

  it("answers waiting at the same time share one fsync", async () => {
    insertUnit(database, "甲");
    insertUnit(database, "乙");
    const syncs = await fsyncsDuring(() => Promise.all([commitsOnDisk(), commitsOnDisk(), commitsOnDisk()]), { delayMs: 20 });
    expect(syncs).toHaveLength(1);
  });

  it("a commit made while an fsync runs waits for a second fsync that started after it", async () => {
    const order: string[] = [];
    const syncs = await fsyncsDuring(
      async () => {
        insertUnit(database, "甲");
        const first = commitsOnDisk().then(() => order.push("first answer"));
        // the first fsync has started (it began before this commit): it cannot cover it
        insertUnit(database, "乙");
        const second = commitsOnDisk().then(() => order.push("second answer"));
        await Promise.all([first, second]);
      },
      { delayMs: 20 },
    );
    expect(syncs).toHaveLength(2);
    expect(order).toEqual(["first answer", "second answer"]);
  });

  it("a failed fsync fails the answer, and the next answer tries again", async () => {
    insertUnit(database, "甲");
    let failure: unknown = null;
    await fsyncsDuring(() => commitsOnDisk().catch((error: unknown) => (failure = error)), { fail: true });
    expect(failure).toMatchObject({ code: "EIO" });
    expect(await fsyncsDuring(() => commitsOnDisk())).toHaveLength(1);
  });

  it("a closed connection is left alone: closing it synced what it wrote", async () => {
    insertUnit(database, "甲");
    database.$client.close();
    expect(await fsyncsDuring(() => commitsOnDisk())).toEqual([]);
  });
});
