/**
 * `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` in place of the
 * database (DATABASE_PATH) and its files. The server must be stopped; the current data is moved
 * to `before-restore-<time>/` beside the database, never deleted; everyone signs in again.
 */
import path from "node:path";
import { BackupError, formatBytes, restoreBackup } from "../app/admin/backups.server";
import { formatDateTime } from "../app/lib/dates";
import type { Db } from "../db/client";

async function main(): Promise<void> {
  const folder = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!folder) throw new BackupError("请指定要恢复的备份目录，例如：npm run restore -- data/backups/2026-11-29_203015");
  const result = await restoreBackup(path.resolve(folder));
  const { manifest } = result;
  console.log(`已从备份 ${manifest.name} 恢复数据库：${result.target}`);
  console.log(`  备份时间 ${formatDateTime(Date.parse(manifest.createdAt))}，数据库 ${formatBytes(manifest.database.bytes)}，SHA-256 与完整性检查均已通过`);
  console.log(
    result.asideFolder ? `  原有的 ${result.moved.join("、")} 已移至 ${result.asideFolder}（未删除，确认无误后可自行清理）` : "  原先没有数据库文件，无需移走",
  );
  console.log(`  附件：恢复 ${manifest.files.count} 个，${formatBytes(manifest.files.bytes)}`);
  console.log(`  已清除登录会话 ${result.sessionsEnded} 个，所有用户需重新登录`);
  if (!result.logged) console.warn("  注意：操作日志未能写入");
  console.log("请重新启动服务器。");
}

main()
  .catch((error: unknown) => {
    if (error instanceof BackupError) console.error(`恢复失败：${error.message}`);
    else console.error("恢复失败：", error);
    process.exitCode = 1;
  })
  .finally(() => (globalThis as { __fdiDb?: Db }).__fdiDb?.$client.close());
