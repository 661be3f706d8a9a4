import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

/** E2E_PORT lets two runs share a machine; each gets its own server, database and stored sessions. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/** The demo users the specs work as: auth.setup.ts signs each in once through the form and stores the session. */
export const SESSION_USERS = ["officer", "officer2", "officer3", "leader", "staff", "admin"] as const;
export type SessionUser = (typeof SESSION_USERS)[number];

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The stored session of a demo user, for `test.use({ storageState: sessionOf("leader") })`. A spec
 * working with a stored session must not log out or change that user's password: either ends the
 * session every later spec shares.
 */
export function sessionOf(username: SessionUser): string {
  return path.join(here, `.output/sessions-${E2E_PORT}/${username}.json`);
}

/** Signs a page that started signed out in as a demo user, with that user's stored session. */
export async function useSession(page: Page, username: SessionUser) {
  const { cookies } = JSON.parse(fs.readFileSync(sessionOf(username), "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
  await page.context().addCookies(cookies);
}

/**
 * `pageAs(username)`: a page of its own browser context signed in with the user's stored session,
 * for the second (third…) role of a test; closed when the test ends.
 */
export const test = base.extend<{ pageAs: (username: SessionUser, options?: BrowserContextOptions) => Promise<Page> }>({
  pageAs: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (username, options = {}) => {
      const context = await browser.newContext({ ...options, storageState: sessionOf(username) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

export async function login(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();
}

/** Today's date in Asia/Shanghai, as the server sees it. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/** Opens a form folded in a <details> by its summary's text; one already open stays open. */
export async function openDetails(page: Page, summary: string | RegExp) {
  const details = page
    .locator("details")
    .filter({ has: page.locator("summary").filter({ hasText: summary }) })
    .first();
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.locator("summary").first().click();
  }
  await expect(details).toHaveAttribute("open", "");
}

/** A fresh Japanese company through the form; leaves its page open. */
export async function newCompany(page: Page, company: string): Promise<void> {
  await page.goto("/companies/new");
  await page.getByLabel("企业名称").fill(company);
  await page.getByLabel("国别/地区").selectOption({ label: "日本" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();
}

/**
 * A fresh company and a 线索 project of the signed-in officer, through the pages (with or without
 * JavaScript), so a spec changes none of the demo's projects. Leaves the project's page open and
 * returns its id.
 */
export async function newProject(page: Page, { company, project }: { company: string; project: string }): Promise<number> {
  await newCompany(page, company);
  await page.getByRole("link", { name: "新建项目" }).click();
  await expect(page).toHaveURL(/\/projects\/new\?companyId=\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "新建项目" })).toBeVisible();
  await expect(page.getByLabel("投资方企业")).toHaveValue(company);
  await page.getByLabel("项目名称").fill(project);
  await page.getByLabel("总投资（万美元）").fill("1200");
  await page.getByLabel("合同外资（万美元）").fill("800");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();
  return Number(new URL(page.url()).pathname.split("/")[2]);
}

/** Moves the project whose page is open to 签约 (any stage may jump there); the signing then awaits 甄别. */
export async function changeStageToSigning(page: Page) {
  await openDetails(page, /^阶段变更$/);
  await page.getByLabel("目标阶段").selectOption({ label: "签约" });
  await page.getByRole("button", { name: "变更阶段" }).click();
  await expect(page.getByRole("region", { name: "签约甄别" })).toContainText("待甄别");
}
