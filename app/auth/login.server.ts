/**
 * Sign-in: argon2id check, one generic message for any wrong credential, and attempts limited
 * per account and address, per address, and per account (DESIGN.md §9).
 *
 * The attempt is counted and recorded (as a failure) in one synchronous step before the password
 * is checked, and turned into a success afterwards: simultaneous requests cannot all slip past the
 * count while the (asynchronous) hash check runs.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import { db, t } from "../db.server";
import { preparedOnce } from "../lib/prepared.server";
import { recordOperation } from "../operations/operation-log.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";

export const WRONG_CREDENTIALS = "用户名或密码错误";
export const TOO_MANY_ATTEMPTS = "登录尝试过于频繁，请15分钟后再试";

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** wrong passwords for one account from one address: that address is refused for that account */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** wrong sign-ins from one address, whatever the accounts */
const MAX_FAILURES_PER_ADDRESS = 20;
/** wrong passwords for one account from all addresses: a guess spread over many machines */
export const MAX_FAILURES_PER_ACCOUNT = 50;

export type LoginResult = { ok: true; userId: number; mustChangePassword: boolean } | { ok: false; message: string };

const failureCounts = preparedOnce(() =>
  db().$client.prepare<{ username: string; address: string; since: number }, { byAccountAndAddress: number; byAddress: number; byAccount: number }>(
    `select
       (select count(*) from login_attempts where username = :username and address = :address and at > :since and succeeded = 0 and cleared = 0) as byAccountAndAddress,
       (select count(*) from login_attempts where address = :address and at > :since and succeeded = 0 and cleared = 0) as byAddress,
       (select count(*) from login_attempts where username = :username and at > :since and succeeded = 0 and cleared = 0) as byAccount`,
  ),
);

/** Counts recent failures and, when under every limit, records this attempt as a failure for now. */
function admitAttempt(username: string, address: string): number | null {
  return db().transaction(() => {
    const counts = failureCounts().get({ username, address, since: Date.now() - LOGIN_WINDOW_MS })!;
    if (
      counts.byAccountAndAddress >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS ||
      counts.byAddress >= MAX_FAILURES_PER_ADDRESS ||
      counts.byAccount >= MAX_FAILURES_PER_ACCOUNT
    ) {
      return null;
    }
    return db().insert(t.loginAttempts).values({ username, address, succeeded: false }).returning({ id: t.loginAttempts.id }).get().id;
  });
}

export async function attemptLogin(input: { username: string; password: string; address: string }): Promise<LoginResult> {
  const username = input.username.trim();
  const address = input.address;
  const attemptId = admitAttempt(username, address);
  if (attemptId === null) {
    recordOperation({ kind: "sign_in_failed", summary: "登录尝试过于频繁，已拒绝", username, address });
    return { ok: false, message: TOO_MANY_ATTEMPTS };
  }
  const user = db()
    .select({ id: t.users.id, passwordHash: t.users.passwordHash, active: t.users.active, mustChangePassword: t.users.mustChangePassword })
    .from(t.users)
    .where(eq(t.users.username, username))
    .get();
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await decoyPasswordHash(), input.password).then(() => false);
  if (!user || !user.active || !valid) {
    const reason = !user ? "用户名不存在" : !user.active ? "账号已停用" : "密码错误";
    recordOperation({ kind: "sign_in_failed", summary: `登录失败：${reason}`, userId: user?.id ?? null, username, address });
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  db().transaction(() => {
    db().update(t.loginAttempts).set({ succeeded: true }).where(eq(t.loginAttempts.id, attemptId)).run();
    db().update(t.users).set({ lastSignInAt: Date.now() }).where(eq(t.users.id, user.id)).run();
    recordOperation({ kind: "sign_in", summary: "登录成功", userId: user.id, username, address });
  });
  return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword };
}

/** Is the account refused from some address right now (shown as 已锁定 to the administrator)? */
export function lockedUsernames(usernames: readonly string[]): Set<string> {
  if (usernames.length === 0) return new Set();
  const since = Date.now() - LOGIN_WINDOW_MS;
  const rows = db()
    .select({ username: t.loginAttempts.username })
    .from(t.loginAttempts)
    .where(and(eq(t.loginAttempts.succeeded, false), eq(t.loginAttempts.cleared, false), gt(t.loginAttempts.at, since)))
    .groupBy(t.loginAttempts.username, t.loginAttempts.address)
    .having(sql`count(*) >= ${MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS}`)
    .all();
  const wanted = new Set(usernames);
  return new Set(rows.map((row) => row.username).filter((name) => wanted.has(name)));
}

/** 解锁: the account's recent failures stop counting (they stay in the log). */
export function clearFailedAttempts(username: string): number {
  return db()
    .update(t.loginAttempts)
    .set({ cleared: true })
    .where(and(eq(t.loginAttempts.username, username), eq(t.loginAttempts.succeeded, false), eq(t.loginAttempts.cleared, false)))
    .run().changes;
}
