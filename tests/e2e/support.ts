import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

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

/** The demo officers' usernames by the names pages show (seeds/demo.ts). */
export const DEMO_USERNAME_OF: Record<string, string> = {
  李招商: "officer",
  张招商: "officer2",
  周招商: "officer3",
  吴招商: "officer4",
  徐招商: "officer5",
  王局长: "leader",
};

/** Opens a form folded in a <details> by its summary's text; one already open stays open. */
export async function openDetails(page: Page, summary: string | RegExp) {
  const details = page.locator("details").filter({ has: page.locator("summary").filter({ hasText: summary }) }).first();
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.locator("summary").first().click();
  }
  await expect(details).toHaveAttribute("open", "");
}
