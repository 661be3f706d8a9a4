/**
 * `npm run reliability` (after `npm run build`: it starts the production server on the build):
 * DESIGN.md §9 — `kill -9` during concurrent writes loses no acknowledged write and leaves
 * `PRAGMA integrity_check` = ok.
 *
 * On a freshly set-up demo database in a temporary folder it starts the server, signs in as demo
 * officers, and has several writers add 活动记录 through the project page's real form action, each
 * noting the writes the server acknowledged (the redirect back to the project). At a random moment it kills the server
 * with SIGKILL, restarts it, and checks that every write acknowledged so far (all rounds) is in the
 * database and that integrity_check is ok. Then it times the same single-row write transactions
 * under synchronous = NORMAL and FULL on a temporary copy of the database (the cost of FULL).
 * Exits non-zero on any lost write or integrity failure.
 *
 * Options: --rounds <n> (5), --writers <n> (4), --port <n> (3600), --writes <n> per mode for the
 * NORMAL/FULL comparison (1000), --dir <folder> where the temporary files go (default the system's
 * temporary folder; give a folder on the production disk to time FULL where it matters).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const rounds = Number(option("rounds", "5"));
const writerCount = Number(option("writers", "4"));
const port = Number(option("port", "3600"));
const syncWrites = Number(option("writes", "1000"));
const tempRoot = path.resolve(option("dir", os.tmpdir()));
/** the server is killed this long after the writers start: a random moment mid-writes */
const KILL_AFTER_MS: [number, number] = [400, 2500];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pads to a terminal width: a Chinese character takes two columns. */
function pad(text: string | number, width: number, left = false): string {
  const value = String(text);
  const columns = [...value].reduce((sum, char) => sum + (char.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
  const fill = " ".repeat(Math.max(0, width - columns));
  return left ? value + fill : fill + value;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request on a connection of its own: a killed server resets it, nothing is retried. */
function request(method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: pathname, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

function postForm(pathname: string, form: Record<string, string>, cookie?: string): Promise<Answer> {
  const body = new URLSearchParams(form).toString();
  return request(
    "POST",
    pathname,
    {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(body)),
      origin: `http://127.0.0.1:${port}`,
      ...(cookie ? { cookie } : {}),
    },
    body,
  );
}

async function signIn(username: string): Promise<string> {
  const answer = await postForm("/login", { username, password: "demo1234", redirectTo: "/" });
  const cookie = ([] as string[])
    .concat(answer.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("fdi_session="));
  if (answer.status !== 302 || !cookie) throw new Error(`以 ${username} 登录失败（HTTP ${answer.status}）`);
  return cookie;
}

function startServer(databasePath: string): ChildProcess & { log: string[] } {
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: databasePath, PORT: String(port), HOST: "127.0.0.1", SESSION_SECRET: "reliability-secret" },
    stdio: ["ignore", "ignore", "pipe"],
  }) as ChildProcess & { log: string[] };
  server.log = [];
  server.stderr!.on("data", (chunk: Buffer) => server.log.push(chunk.toString()));
  return server;
}

async function waitForServer(server: ChildProcess & { log: string[] }): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`服务器启动失败：${server.log.join("")}`);
    try {
      if ((await request("GET", "/login")).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error("服务器 30 秒内未能启动");
}

function exited(server: ChildProcess): Promise<void> {
  return server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : new Promise((resolve) => server.once("exit", () => resolve()));
}

/** Yesterday in Asia/Shanghai: never "in the future" for the form, whatever the hour. */
const occurredOn = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

interface Writer {
  username: string;
  projectIds: number[];
}

/**
 * Adds activities until the server goes away; returns the markers of the writes acknowledged
 * (the action's redirect: its transaction committed before the answer was sent).
 */
async function runWriter(writer: Writer, cookie: string, label: string, stats: { refused: number }): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let n = 1; ; n++) {
    const marker = `${label}-${n}`;
    const projectId = writer.projectIds[n % writer.projectIds.length];
    let answer: Answer;
    try {
      answer = await postForm(
        `/projects/${projectId}/activities?_data=${encodeURIComponent("routes/projects.$id_.activities")}`,
        { type: "call", occurredOn, summary: marker },
        cookie,
      );
    } catch {
      return acknowledged; // the server was killed
    }
    // a data request answers the action's redirect back to the project as 204 + X-Remix-Redirect
    if (answer.status === 204 && answer.headers["x-remix-redirect"]) acknowledged.push(marker);
    else stats.refused++;
  }
}

function storedMarkers(databasePath: string, runId: string): Set<string> {
  const connection = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = connection.prepare("select summary from activities where summary like ?").all(`可靠性测试 ${runId}%`) as Array<{ summary: string }>;
    return new Set(rows.map((row) => row.summary));
  } finally {
    connection.close();
  }
}

function integrityOf(databasePath: string): string {
  const connection = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return (connection.pragma("integrity_check") as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join("; ");
  } finally {
    connection.close();
  }
}

/** A demo database set up by the real `npm run setup`, in `dir`. */
function setUpDatabase(dir: string): string {
  const file = path.join(dir, "setup", "fdi-crm.db");
  const setup = spawnSync(process.execPath, ["--import", "tsx", "seeds/setup.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: file },
    encoding: "utf8",
  });
  if (setup.status !== 0) throw new Error(`初始化数据库失败：${setup.stderr}`);
  return file;
}

/** A copy made through SQLite's backup API, so it is whole whatever the source's WAL holds. */
async function copyDatabase(from: string, to: string): Promise<void> {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const source = new Database(from, { readonly: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

function writersFor(databasePath: string): Writer[] {
  const connection = new Database(databasePath, { readonly: true });
  try {
    const rows = connection
      .prepare(
        `select u.username, p.id from users u join projects p on p.owner_id = u.id and p.deleted_at is null
         where u.role = 'officer' and u.active = 1 order by u.username, p.id`,
      )
      .all() as Array<{ username: string; id: number }>;
    const byUser = new Map<string, number[]>();
    for (const row of rows) byUser.set(row.username, [...(byUser.get(row.username) ?? []), row.id]);
    return [...byUser].map(([username, projectIds]) => ({ username, projectIds }));
  } finally {
    connection.close();
  }
}

interface RoundResult {
  round: number;
  killedAfterMs: number;
  acknowledged: number;
  total: number;
  found: number;
  lost: number;
  unacknowledgedStored: number;
  refused: number;
  integrity: string;
}

async function killRounds(databasePath: string): Promise<RoundResult[]> {
  const runId = crypto.randomBytes(4).toString("hex");
  const officers = writersFor(databasePath);
  if (officers.length === 0) throw new Error("演示数据中没有负责项目的招商员");
  const writers = Array.from({ length: writerCount }, (_, i) => officers[i % officers.length]);
  const acknowledged: string[] = [];
  const results: RoundResult[] = [];
  let server = startServer(databasePath);
  try {
    await waitForServer(server);
    for (let round = 1; round <= rounds; round++) {
      const cookies = new Map<string, string>();
      for (const writer of writers) if (!cookies.has(writer.username)) cookies.set(writer.username, await signIn(writer.username));
      const stats = { refused: 0 };
      const running = writers.map((writer, i) => runWriter(writer, cookies.get(writer.username)!, `可靠性测试 ${runId} 第${round}轮 写入者${i + 1}`, stats));
      const killedAfterMs = Math.round(KILL_AFTER_MS[0] + Math.random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]));
      await sleep(killedAfterMs);
      server.kill("SIGKILL");
      await exited(server);
      const thisRound = (await Promise.all(running)).flat();
      acknowledged.push(...thisRound);

      server = startServer(databasePath);
      await waitForServer(server);
      const stored = storedMarkers(databasePath, runId);
      const found = acknowledged.filter((marker) => stored.has(marker)).length;
      const known = new Set(acknowledged);
      results.push({
        round,
        killedAfterMs,
        acknowledged: thisRound.length,
        total: acknowledged.length,
        found,
        lost: acknowledged.length - found,
        unacknowledgedStored: [...stored].filter((marker) => !known.has(marker)).length,
        refused: stats.refused,
        integrity: integrityOf(databasePath),
      });
      process.stderr.write(`· 第 ${round} 轮：确认 ${thisRound.length} 条，累计找到 ${found}/${acknowledged.length}\n`);
    }
  } finally {
    server.kill("SIGTERM");
    await exited(server);
  }
  return results;
}

interface SyncTiming {
  mode: "NORMAL" | "FULL";
  writes: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * The same single-row write transactions (an activity each, autocommit) under NORMAL and FULL on
 * one WAL database, in alternating blocks so a drift of the disk does not favour either.
 */
function compareSynchronous(databasePath: string): SyncTiming[] {
  const connection = new Database(databasePath);
  connection.pragma("journal_mode = WAL");
  const company = connection.prepare("select id from companies order by id limit 1").get() as { id: number };
  const insert = connection.prepare("insert into activities (company_id, type, occurred_on, summary) values (?, 'call', ?, ?)");
  const samples: Record<SyncTiming["mode"], number[]> = { NORMAL: [], FULL: [] };
  const blocks = 10;
  const perBlock = Math.max(1, Math.round(syncWrites / blocks));
  try {
    for (let block = 0; block < blocks * 2; block++) {
      const mode = block % 2 === 0 ? "NORMAL" : "FULL";
      connection.pragma(`synchronous = ${mode}`);
      for (let i = 0; i < perBlock; i++) {
        const started = performance.now();
        insert.run(company.id, occurredOn, `同步模式对比 ${mode} ${block}-${i}`);
        samples[mode].push(performance.now() - started);
      }
    }
  } finally {
    connection.close();
  }
  return (["NORMAL", "FULL"] as const).map((mode) => {
    const sorted = [...samples[mode]].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return { mode, writes: sorted.length, meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, "build", "index.js"))) throw new Error("找不到 build/index.js：请先运行 npm run build");
  fs.mkdirSync(tempRoot, { recursive: true });
  const work = fs.mkdtempSync(path.join(tempRoot, "fdi-crm-reliability-"));
  try {
    const fresh = setUpDatabase(work);
    const live = path.join(work, "live", "fdi-crm.db");
    await copyDatabase(fresh, live);
    const results = await killRounds(live);

    const syncCopy = path.join(work, "sync", "fdi-crm.db");
    await copyDatabase(fresh, syncCopy);
    const timings = compareSynchronous(syncCopy);

    console.log(`\nkill -9 可靠性测试 · ${rounds} 轮 · ${writerCount} 个并发写入者（新增活动记录）· Node ${process.version} · 临时目录 ${work}\n`);
    const widths = [6, 12, 12, 12, 10, 8, 16];
    const row = (cells: Array<string | number>, integrity: string) => cells.map((cell, i) => pad(cell, widths[i], i === 0)).join("") + `  ${integrity}`;
    console.log(row(["轮次", "强杀时刻", "本轮确认", "累计确认", "找到", "丢失", "未确认已写入"], "完整性"));
    for (const r of results)
      console.log(row([r.round, `${r.killedAfterMs} ms`, r.acknowledged, r.total, r.found, r.lost, r.unacknowledgedStored], r.integrity));
    const last = results[results.length - 1];
    const refused = results.reduce((sum, r) => sum + r.refused, 0);
    const failed = results.some((r) => r.lost > 0 || r.integrity !== "ok") || !last || last.total === 0;
    console.log(
      `\n合计：确认写入 ${last?.total ?? 0} 条，找到 ${last?.found ?? 0} 条，丢失 ${last?.lost ?? 0} 条；完整性 ${results.every((r) => r.integrity === "ok") ? "ok" : "未通过"}${refused ? `；另有 ${refused} 次写入被拒绝（非 200）` : ""}`,
    );
    console.log("（“未确认已写入”是强杀时已提交、尚未来得及应答的写入，不算丢失。）");

    const [normal, full] = timings;
    console.log(`\n同步模式写入代价（${normal.writes} 次单行写事务 / 模式，WAL，${path.dirname(syncCopy)}）：`);
    for (const t of timings)
      console.log(`  synchronous = ${t.mode.padEnd(6)} 平均 ${t.meanMs.toFixed(3)} ms/次，p50 ${t.p50Ms.toFixed(3)} ms，p95 ${t.p95Ms.toFixed(3)} ms`);
    console.log(`  FULL / NORMAL = ${(full.meanMs / normal.meanMs).toFixed(1)} 倍（FULL 每次提交都把 WAL 同步到磁盘，断电也不丢已确认的写入）`);

    if (failed) {
      console.error(!last || last.total === 0 ? "\n未通过：没有任何写入得到确认，测试无效" : "\n未通过：有已确认的写入丢失或完整性检查未通过");
      process.exitCode = 1;
    } else {
      console.log("\n通过：没有丢失任何已确认的写入，完整性检查均为 ok");
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
