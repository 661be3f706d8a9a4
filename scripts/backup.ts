/**
 * `npm run backup [-- --keep N]`: an online copy of the database (DATABASE_PATH) and its files
 * into a dated folder under BACKUP_DIR, checked, the last N kept (BACKUP_KEEP, default 14).
 * Safe while the server runs. Exits non-zero on any failure, so a scheduler reports it.
 */
import path from "node:path";
import { BackupError, backupDatabase, COUNTED_TABLES, formatBytes, parseKeep } from "../app/admin/backups.server";
import type { Db } from "../db/client";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  if (value === undefined || value.startsWith("--")) throw new BackupError(`--${name} 后面须跟一个值`);
  return value;
}

async function main(): Promise<void> {
  const keepOption = option("keep");
  const result = await backupDatabase({ keep: keepOption === undefined ? undefined : parseKeep(keepOption, "--keep") });
  const { manifest } = result;
  const counts = Object.entries(manifest.rowCounts)
    .map(([table, n]) => `${COUNTED_TABLES[table] ?? table} ${n.toLocaleString("en-US")}`)
    .join("、");
  console.log(`备份完成：${result.folder}`);
  console.log(`  数据库 ${manifest.database.file}：${formatBytes(manifest.database.bytes)}，SHA-256 ${manifest.database.sha256}`);
  console.log(`  完整性检查：${manifest.integrity}`);
  console.log(`  记录数：${counts}`);
  console.log(`  附件：${manifest.files.count} 个，${formatBytes(manifest.files.bytes)}`);
  console.log(`  用时 ${(manifest.durationMs / 1000).toFixed(2)} 秒`);
  console.log(
    result.removed.length > 0
      ? `  保留最近 ${result.keep} 份，删除旧备份 ${result.removed.length} 份：${result.removed.join("、")}`
      : `  保留最近 ${result.keep} 份，无需删除旧备份`,
  );
  if (!result.logged) console.warn(`  注意：操作日志未能写入（数据库正忙或只读），备份本身完好：${path.join(result.folder, "manifest.json")}`);
}

main()
  .catch((error: unknown) => {
    if (error instanceof BackupError) console.error(`备份失败：${error.message}`);
    else console.error("备份失败：", error);
    process.exitCode = 1;
  })
  .finally(() => (globalThis as { __fdiDb?: Db }).__fdiDb?.$client.close());
