/**
 * Durable commits without blocking the event loop (decision 0011). A connection opened with
 * `walSyncs: "deferred"` (db/client.ts) commits with `synchronous = NORMAL`: the WAL is written at
 * each commit but not synced. The server then awaits `commitsOnDisk()` before it sends any answer:
 * one fsync of the WAL on libuv's thread pool covers every commit made before it started, so an
 * acknowledged save survives a power cut as under FULL, while the one thread goes on serving reads
 * during the disk's time instead of waiting for it at every commit.
 */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

interface WalSync {
  /** resolves when every commit made on the connection before the call is on disk */
  commitsOnDisk(): Promise<void>;
  /** the same, synchronously: at exit */
  commitsOnDiskNow(): void;
}

/**
 * The connections that defer their syncs. On globalThis: the server (server.ts) and the app's build
 * each load this module, and the server must reach the connection the build opened.
 */
const registry = globalThis as unknown as { __fdiWalSyncs?: Set<WalSync> };
const walSyncs = (registry.__fdiWalSyncs ??= new Set());

let exitHookInstalled = false;

/** Makes `sqlite` (in WAL mode) defer its WAL syncs to `commitsOnDisk()`. */
export function deferWalSyncs(sqlite: Database.Database, file: string): void {
  sqlite.pragma("synchronous = NORMAL");
  const walFile = `${file}-wal`;
  const totalChanges = sqlite.prepare("select total_changes()").pluck();
  // Kept open for the life of the process: closing any descriptor of a file drops the process's
  // POSIX locks on it, and SQLite's are not ours to drop. The WAL keeps its inode while a
  // connection is open (SQLite resets and truncates it, never deletes it then).
  let descriptor: number | null = null;
  const walDescriptor = () => {
    if (descriptor === null) {
      descriptor = fs.openSync(walFile, "r");
      // the WAL's directory entry is on disk too, once
      const directory = fs.openSync(path.dirname(walFile), "r");
      try {
        fs.fsyncSync(directory);
      } finally {
        fs.closeSync(directory);
      }
    }
    return descriptor;
  };
  /** total_changes() when the last completed fsync started */
  let synced = Number(totalChanges.get());
  let running: Promise<void> | null = null;

  const syncOnce = (): Promise<void> => {
    const covered = Number(totalChanges.get());
    const fd = walDescriptor();
    return new Promise<void>((resolve, reject) =>
      fs.fsync(fd, (error) => {
        running = null;
        if (error) return reject(error);
        synced = Math.max(synced, covered);
        resolve();
      }),
    );
  };

  const sync: WalSync = {
    async commitsOnDisk() {
      // closing a connection checkpoints and syncs what it wrote
      if (!sqlite.open) return void walSyncs.delete(sync);
      const wanted = Number(totalChanges.get());
      // an fsync already running may have started before the latest commits: wait for it, then start one that covers them
      while (synced < wanted) await (running ??= syncOnce());
    },
    commitsOnDiskNow() {
      if (sqlite.open && Number(totalChanges.get()) > synced) fs.fsyncSync(walDescriptor());
    },
  };
  walSyncs.add(sync);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // a script that writes through the app's connection and exits: its last commits reach the disk too
    process.on("exit", () => {
      for (const each of walSyncs) each.commitsOnDiskNow();
    });
  }
}

/** Resolves when every commit made so far, on every connection that defers its syncs, is on disk. */
export async function commitsOnDisk(): Promise<void> {
  for (const sync of walSyncs) await sync.commitsOnDisk();
}
