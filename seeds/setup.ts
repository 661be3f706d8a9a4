/**
 * `npm run setup`: opens (and migrates) the database, writes the reference data, then the demo data
 * unless SEED_DEMO=0. Safe to run on every start: nothing is written twice.
 */
import crypto from "node:crypto";
import { asc, count } from "drizzle-orm";
import { hashPassword } from "../app/auth/password.server";
import { databasePathFromEnv, openDatabase, type Db } from "../db/client";
import { chainNodes, channels, companies, parks, policies, projects, units, users } from "../db/schema";
import { seedDemo } from "./demo";
import { seedReference } from "./reference";

type CountedTable = typeof units | typeof channels | typeof chainNodes | typeof parks | typeof policies | typeof users | typeof companies | typeof projects;

function rows(db: Db, table: CountedTable): number {
  return db.select({ n: count() }).from(table).get()?.n ?? 0;
}

/**
 * A database without demo data still needs someone to sign in: the first administrator, with the
 * password from ADMIN_PASSWORD or a generated one printed once.
 */
async function createFirstAdmin(db: Db): Promise<void> {
  const unit = db.select({ id: units.id }).from(units).orderBy(asc(units.sortOrder), asc(units.id)).get();
  if (!unit) throw new Error("no unit to place the first administrator in");
  const password = process.env.ADMIN_PASSWORD || crypto.randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password);
  // like every password an administrator hands out, it is changed at the first sign-in
  db.insert(users).values({ username: "admin", displayName: "系统管理员", role: "admin", unitId: unit.id, passwordHash, mustChangePassword: true }).run();
  console.log(
    process.env.ADMIN_PASSWORD
      ? "已创建管理员账号 admin（密码取自 ADMIN_PASSWORD，首次登录后须修改）"
      : `已创建管理员账号 admin，初始密码 initial password: ${password}（仅显示这一次，首次登录后须修改）`,
  );
}

async function main(): Promise<void> {
  const file = databasePathFromEnv();
  const started = performance.now();
  const db = openDatabase(file);
  try {
    seedReference(db);
    const withDemo = process.env.SEED_DEMO !== "0";
    const hadUsers = rows(db, users) > 0;
    if (withDemo) await seedDemo(db);

    const demoNote = !withDemo
      ? "演示数据未写入 demo skipped (SEED_DEMO=0)"
      : hadUsers
        ? "已有用户，未重复写入演示数据 demo already present"
        : "已写入演示数据 demo seeded";
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `数据库就绪 database ready: ${file} — 单位 ${rows(db, units)}、线索来源 ${rows(db, channels)}、` +
        `产业链节点 ${rows(db, chainNodes)}、载体 ${rows(db, parks)}、政策 ${rows(db, policies)}；` +
        `用户 ${rows(db, users)}、企业 ${rows(db, companies)}、项目 ${rows(db, projects)}；${demoNote}（${seconds}s）`,
    );
    if (rows(db, users) === 0) await createFirstAdmin(db);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
