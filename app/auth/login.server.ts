/**
 * Sign-in: argon2id check, one generic message for any wrong credential, and attempts limited
 * per account and per address (DESIGN.md §9).
 */
import { and, eq, gt, sql } from "drizzle-orm";
import { db, t } from "../db.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";

export const WRONG_CREDENTIALS = "用户名或密码错误";
export const TOO_MANY_ATTEMPTS = "登录尝试过于频繁，请15分钟后再试";

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

export type LoginResult = { ok: true; userId: number } | { ok: false; message: string };

function recentFailures(column: "username" | "address", value: string): number {
  const since = Date.now() - WINDOW_MS;
  const col = column === "username" ? t.loginAttempts.username : t.loginAttempts.address;
  const row = db()
    .select({ n: sql<number>`count(*)` })
    .from(t.loginAttempts)
    .where(and(eq(col, value), eq(t.loginAttempts.succeeded, false), gt(t.loginAttempts.at, since)))
    .get();
  return row?.n ?? 0;
}

export async function attemptLogin(input: { username: string; password: string; address: string }): Promise<LoginResult> {
  const username = input.username.trim();
  if (
    recentFailures("username", username) >= MAX_FAILURES_PER_ACCOUNT ||
    recentFailures("address", input.address) >= MAX_FAILURES_PER_ADDRESS
  ) {
    return { ok: false, message: TOO_MANY_ATTEMPTS };
  }
  const user = db()
    .select({ id: t.users.id, passwordHash: t.users.passwordHash, active: t.users.active })
    .from(t.users)
    .where(eq(t.users.username, username))
    .get();
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await decoyPasswordHash(), input.password).then(() => false);
  const succeeded = Boolean(user && user.active && valid);
  db().insert(t.loginAttempts).values({ username, address: input.address, succeeded }).run();
  return succeeded && user ? { ok: true, userId: user.id } : { ok: false, message: WRONG_CREDENTIALS };
}
