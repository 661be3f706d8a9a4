/**
 * Sessions live in the database; the browser holds only the session id, in an HttpOnly,
 * SameSite=Lax, signed cookie. A new id is issued at every login and deleted at logout.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookie, redirect } from "@remix-run/node";
import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import { databasePathFromEnv } from "../../db/client";
import { db, t } from "../db.server";
import { countBookkeepingChanges } from "../figures/figure-cache.server";
import { preparedOnce } from "../lib/prepared.server";
import { recordOperation } from "../operations/operation-log.server";
import type { Actor, Permission, Role } from "./permissions";
import { can } from "./permissions";

const SESSION_DAYS = 7;
const SESSION_MS = SESSION_DAYS * 86_400_000;
/** a session unused for 8 hours ends (DESIGN.md §9) */
export const SESSION_IDLE_MS = 8 * 3_600_000;
/** last-seen is written at most this often, so a page view rarely writes */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** SESSION_SECRET, or one generated once and kept beside the database. */
function sessionSecret(): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = path.join(path.dirname(databasePathFromEnv()), "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("hex");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("fdi_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.COOKIE_SECURE === "1",
    secrets: [sessionSecret()],
    maxAge: SESSION_DAYS * 86_400,
  });
  return cookie;
}

export interface SessionUser extends Actor {
  username: string;
  displayName: string;
  unitName: string;
  /** signed in with a one-time password: every page leads to 修改密码 until it is changed */
  mustChangePassword: boolean;
}

/** Runs on every request, so it is prepared once. */
const sessionUserStatement = preparedOnce(() =>
  db()
    .select({
      id: t.users.id,
      role: t.users.role,
      unitId: t.users.unitId,
      username: t.users.username,
      displayName: t.users.displayName,
      unitName: t.units.name,
      mustChangePassword: t.users.mustChangePassword,
      lastSeenAt: t.sessions.lastSeenAt,
    })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .innerJoin(t.units, eq(t.units.id, t.users.unitId))
    .where(
      and(
        eq(t.sessions.id, sql.placeholder("sessionId")),
        gt(t.sessions.expiresAt, sql.placeholder("now")),
        gt(t.sessions.lastSeenAt, sql.placeholder("idleSince")),
        eq(t.users.active, true),
      ),
    )
    .prepare(),
);

const touchSessionStatement = preparedOnce(() =>
  db()
    .update(t.sessions)
    .set({ lastSeenAt: sql`${sql.placeholder("now")}` })
    .where(eq(t.sessions.id, sql.placeholder("sessionId")))
    .prepare(),
);

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const now = Date.now();
  const row = sessionUserStatement().get({ sessionId, now, idleSince: now - SESSION_IDLE_MS });
  if (!row) return null;
  const { lastSeenAt, ...user } = row;
  if (now - lastSeenAt > LAST_SEEN_RESOLUTION_MS) {
    try {
      countBookkeepingChanges(touchSessionStatement().run({ sessionId, now }).changes);
    } catch {
      // a full disk or a busy database must not stop anyone reading; the session just ages sooner
    }
  }
  return user;
}

/** Pages a user with a one-time password may still open. */
const PASSWORD_CHANGE_PATHS = new Set(["/password", "/logout"]);

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  const url = new URL(request.url);
  if (user) {
    if (user.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(url.pathname)) throw redirect("/password");
    return user;
  }
  const hadSession = Boolean(await sessionIdFrom(request).catch(() => null));
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (hadSession) params.set("expired", "1");
  throw redirect(`/login?${params}`, hadSession ? { headers: { "Set-Cookie": await clearCookie() } } : undefined);
}

export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.role as Role, permission)) throw new Response("Forbidden", { status: 403 });
  return user;
}

export async function startSession(userId: number, redirectTo: string, request: Request): Promise<Response> {
  const previous = await sessionIdFrom(request);
  const id = crypto.randomBytes(32).toString("base64url");
  const database = db();
  database.transaction((tx) => {
    if (previous) tx.delete(t.sessions).where(eq(t.sessions.id, previous)).run();
    tx.delete(t.sessions).where(lt(t.sessions.expiresAt, Date.now())).run();
    tx.insert(t.sessions)
      .values({ id, userId, expiresAt: Date.now() + SESSION_MS, lastSeenAt: Date.now() })
      .run();
  });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie().serialize(id) } });
}

/** Ends every session of a user (停用, 重置密码) or all but the one in use (修改密码). */
export function endSessionsOf(userId: number, { except }: { except?: string | null } = {}): void {
  db()
    .delete(t.sessions)
    .where(and(eq(t.sessions.userId, userId), except ? ne(t.sessions.id, except) : undefined))
    .run();
}

export async function currentSessionId(request: Request): Promise<string | null> {
  return sessionIdFrom(request);
}

export async function endSession(request: Request): Promise<Response> {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) {
    const ended = db().delete(t.sessions).where(eq(t.sessions.id, sessionId)).returning({ userId: t.sessions.userId }).get();
    if (ended) recordOperation({ kind: "sign_out", summary: "退出登录", userId: ended.userId });
  }
  return redirect("/login", { headers: { "Set-Cookie": await clearCookie() } });
}

function clearCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}

/**
 * Only paths of this site are followed after login. The target is resolved as a browser would
 * (tabs and line breaks dropped, backslashes read as slashes), so "/\t/evil.example" cannot turn
 * into another host; the answer is the resolved path, percent-encoded, safe in a Location header.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  const base = "http://this.site";
  let resolved: URL;
  try {
    resolved = new URL(target, base);
  } catch {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex -- a redirect target holding a control character is refused
  if (resolved.origin !== base || /[\u0000-\u001F\u007F\\]/.test(target)) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
