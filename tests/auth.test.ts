/**
 * Sign-in on a real database: argon2id parameters, one generic message, and attempt limits.
 */
import { describe, expect, it } from "vitest";
import { attemptLogin, MAX_FAILURES_PER_ACCOUNT, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "../app/auth/login.server";
import { hashPassword } from "../app/auth/password.server";
import { safeRedirect } from "../app/auth/session.server";
import { db, t } from "../app/db.server";
import { makeUnit } from "./support/builders";

async function makeAccount(username: string, password: string, active = true) {
  const unitId = makeUnit();
  db()
    .insert(t.users)
    .values({ username, displayName: username, role: "officer", unitId, passwordHash: await hashPassword(password), active })
    .run();
}

describe("sign-in", () => {
  it("hashes with argon2id at m=19456 KiB, t=2, p=1", async () => {
    expect(await hashPassword("secret")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("answers the same message for an unknown user, a wrong password and a disabled account", async () => {
    await makeAccount("zhang", "right-password");
    await makeAccount("retired", "right-password", false);
    expect(await attemptLogin({ username: "zhang", password: "right-password", address: "10.0.0.1" })).toMatchObject({ ok: true });
    for (const attempt of [
      { username: "nobody", password: "x" },
      { username: "zhang", password: "wrong" },
      { username: "retired", password: "right-password" },
    ]) {
      expect(await attemptLogin({ ...attempt, address: "10.0.0.1" })).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    }
  });

  it("locks an account for an address after 5 failures from it, even for the right password, without locking others", async () => {
    await makeAccount("li", "right-password");
    await makeAccount("wang", "right-password");
    for (let i = 0; i < 5; i++) await attemptLogin({ username: "li", password: "guess", address: "10.1.0.9" });
    expect(await attemptLogin({ username: "li", password: "right-password", address: "10.1.0.9" })).toEqual({ ok: false, message: TOO_MANY_ATTEMPTS });
    expect(await attemptLogin({ username: "wang", password: "right-password", address: "10.1.0.9" })).toMatchObject({ ok: true });
  });

  it("locks an account everywhere when guesses come from many addresses", async () => {
    await makeAccount("liu", "right-password");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      await attemptLogin({ username: "liu", password: "guess", address: `10.2.${Math.floor(i / 250)}.${i % 250}` });
    expect(await attemptLogin({ username: "liu", password: "right-password", address: "10.3.0.1" })).toEqual({ ok: false, message: TOO_MANY_ATTEMPTS });
  });

  it("limits one address trying many accounts", async () => {
    await makeAccount("chen", "right-password");
    for (let i = 0; i < 20; i++) await attemptLogin({ username: `guess${i}`, password: "x", address: "10.9.9.9" });
    expect(await attemptLogin({ username: "chen", password: "right-password", address: "10.9.9.9" })).toEqual({ ok: false, message: TOO_MANY_ATTEMPTS });
    expect(await attemptLogin({ username: "chen", password: "right-password", address: "10.9.9.10" })).toMatchObject({ ok: true });
  });

  it("follows only same-site paths after login", () => {
    expect(safeRedirect("/projects?stage=lead")).toBe("/projects?stage=lead");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    // what a browser makes of a tab or a line break: another host, so refused
    expect(safeRedirect("/\t/evil.example/phish")).toBe("/");
    expect(safeRedirect("/\n/evil.example")).toBe("/");
    expect(safeRedirect("/\r\n//evil.example")).toBe("/");
    // non-Latin-1 text comes back percent-encoded, fit for a Location header
    expect(safeRedirect("/companies?q=汽车")).toBe("/companies?q=%E6%B1%BD%E8%BD%A6");
  });
});
