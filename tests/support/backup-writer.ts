/**
 * Another process writing into the database while a test backs it up (tests/backup.test.ts):
 * inserts activities, each in a transaction of its own, and prints `<id> <epoch ms>` once each has
 * committed. Stops when stdin says "stop" or closes.
 *
 *   node --import tsx tests/support/backup-writer.ts <database file> <company id>
 */
import { openDatabase } from "../../db/client";

const [file, companyArg] = process.argv.slice(2);
const companyId = Number(companyArg);
if (!file || !Number.isInteger(companyId)) throw new Error("usage: backup-writer.ts <database file> <company id>");

// the app's pragmas (WAL, synchronous, busy_timeout); the test has migrated the file already
const sqlite = openDatabase(file, { migrations: false }).$client;
const insert = sqlite.prepare<[number, string], { id: number }>(
  "insert into activities (company_id, type, occurred_on, summary) values (?, 'call', '2026-06-01', ?) returning id",
);

let stopping = false;
process.stdin.on("data", (chunk: Buffer) => {
  if (chunk.toString().includes("stop")) stopping = true;
});
process.stdin.on("end", () => (stopping = true));

let written = 0;
function step(): void {
  if (stopping) {
    sqlite.close();
    process.stdin.destroy();
    return;
  }
  try {
    const { id } = insert.get(companyId, `并发写入 ${++written}`)!;
    process.stdout.write(`${id} ${Date.now()}\n`);
  } catch (error) {
    // the backup's own 操作日志 row can hold the lock a moment: that write is simply not reported
    if (!String((error as { code?: unknown }).code).startsWith("SQLITE_BUSY")) throw error;
  }
  // a short pause, as between two users' saves: back to back, the writer would starve every
  // other connection's busy wait
  setTimeout(step, 2);
}
step();
