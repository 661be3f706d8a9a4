/**
 * The bench's 数据导入 and 导出Excel phase (DESIGN.md §9, §10): on a copy of the large database,
 * a fresh server previews and imports a 50,000-row 企业 workbook through the real screen's HTTP
 * actions, then exports the whole 企业库; timed end to end, with the server's peak memory.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

export interface ImportBenchResult {
  rows: number;
  fileMb: number;
  previewMs: number;
  importMs: number;
  totalMs: number;
  exportMs: number;
  exportedRows: number;
  exportMb: number;
  undoMs: number;
  /** the import's peak (preview and confirm) */
  peakMb: number;
  /** the server's peak during the export (counted from its memory when the export began) */
  exportPeakMb: number;
  met: { importTime: boolean; importMemory: boolean; exportTime: boolean };
}

const COUNTRIES = ["日本", "德国", "中国香港", "韩国", "美国", "新加坡", "Japan", "JP", "台湾", "英国"];

/** A ledger as an office keeps it: a title, the header on row 3, 50,000 companies with a contact each. */
async function writeLedger(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet("企业台账");
  sheet.addRow(["平湖市外资企业台账（基准测试）"]).commit();
  sheet.addRow(["填报单位：投资促进中心"]).commit();
  sheet.addRow(["序号", "企业名称", "外文名称", "国别", "所在城市", "所属行业", "世界500强", "存量外资", "联系人", "联系电话", "备注"]).commit();
  for (let i = 1; i <= rows; i++) {
    sheet
      .addRow([
        i,
        `基准导入企业${String(i).padStart(6, "0")}株式会社`,
        `Bench Import ${i} Co., Ltd.`,
        COUNTRIES[i % COUNTRIES.length],
        ["东京", "慕尼黑", "首尔", "大阪", "新加坡"][i % 5],
        ["精密机械", "新材料", "汽车零部件", "集成电路"][i % 4],
        i % 97 === 0 ? "是" : "否",
        i % 3 === 0 ? "√" : "",
        `联系人${i}`,
        `0573-${String(80000000 + i)}`,
        "基准数据",
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Resets the process's peak RSS (VmHWM), so the next phase's peak is its own. */
function resetPeak(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // not Linux or not permitted: the peak then includes the earlier phases
  }
}

interface Http {
  request(
    method: string,
    pathname: string,
    headers: Record<string, string>,
    body?: Buffer | string,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>;
}

function multipart(fields: Record<string, string>, file: { name: string; field: string; bytes: Buffer }) {
  const boundary = `----bench${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The JSON Remix returns for a document POST is not available; the preview is read from the page's HTML. */
function tokenFrom(html: string): string {
  const match = /name="token" value="([0-9a-f]{64})"/.exec(html);
  if (!match) throw new Error("preview page has no token");
  return match[1];
}

export async function benchImports({
  root,
  dbFile,
  port,
  http,
  signIn,
  waitForServer,
  peakMbOf,
  rows = 50_000,
}: {
  root: string;
  dbFile: string;
  port: number;
  http: Http;
  signIn: (username: string) => Promise<string>;
  waitForServer: (server: ReturnType<typeof spawn>) => Promise<void>;
  peakMbOf: (pid: number) => number;
  rows?: number;
}): Promise<ImportBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fdi-bench-import-"));
  const copy = path.join(dir, "bench.db");
  fs.copyFileSync(dbFile, copy);
  const ledger = path.join(dir, "企业台账.xlsx");
  await writeLedger(ledger, rows);
  const bytes = fs.readFileSync(ledger);

  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: copy, PORT: String(port), HOST: "127.0.0.1", SESSION_SECRET: "bench-secret" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(server);
    const staff = await signIn("staff");
    const origin = `http://127.0.0.1:${port}`;

    // a fresh server: its peak through preview and confirm is the import's
    const started = performance.now();
    const upload = multipart({ intent: "upload", kind: "companies", mode: "skip" }, { name: "企业台账.xlsx", field: "file", bytes });
    const preview = await http.request(
      "POST",
      "/imports",
      { cookie: staff, origin, "content-type": upload.contentType, "content-length": String(upload.body.length) },
      upload.body,
    );
    const previewMs = performance.now() - started;
    if (preview.status !== 200) throw new Error(`preview answered ${preview.status}`);
    const token = tokenFrom(preview.body.toString("utf8"));
    const confirm = new URLSearchParams({ intent: "confirm", token, fileName: "企业台账.xlsx", kind: "companies", mode: "skip" }).toString();
    const importStarted = performance.now();
    const done = await http.request(
      "POST",
      "/imports",
      { cookie: staff, origin, "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(confirm)) },
      confirm,
    );
    const importMs = performance.now() - importStarted;
    if (done.status !== 302) throw new Error(`import answered ${done.status}: ${done.body.toString("utf8").slice(0, 300)}`);
    const totalMs = performance.now() - started;
    const peakMb = peakMbOf(server.pid!);

    const batchId = /done=(\d+)/.exec(String(done.headers.location))?.[1];
    const undoStarted = performance.now();
    const undo = await http.request(
      "POST",
      `/imports/${batchId}/undo`,
      { cookie: staff, origin, "content-type": "application/x-www-form-urlencoded", "content-length": "0" },
      "",
    );
    const undoMs = performance.now() - undoStarted;
    if (undo.status !== 302) throw new Error(`undo answered ${undo.status}`);

    // 导出Excel of the whole 企业库 (the import undone: the large data set as it was)
    resetPeak(server.pid!);
    const exportStarted = performance.now();
    const exported = await http.request("GET", "/companies/export", { cookie: staff });
    const exportMs = performance.now() - exportStarted;
    if (exported.status !== 200) throw new Error(`export answered ${exported.status}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const exportedRows = workbook.worksheets[0].rowCount - 3;
    const exportPeakMb = peakMbOf(server.pid!);

    return {
      rows,
      fileMb: bytes.length / 1024 / 1024,
      previewMs,
      importMs,
      totalMs,
      exportMs,
      exportedRows,
      exportMb: exported.body.length / 1024 / 1024,
      undoMs,
      peakMb,
      exportPeakMb,
      met: { importTime: totalMs <= 30_000, importMemory: peakMb < 500, exportTime: exportMs <= 10_000 },
    };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
