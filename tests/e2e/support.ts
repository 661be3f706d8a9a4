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
  const details = page
    .locator("details")
    .filter({ has: page.locator("summary").filter({ hasText: summary }) })
    .first();
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.locator("summary").first().click();
  }
  await expect(details).toHaveAttribute("open", "");
}

/**
 * A fresh company and a 线索 project of the signed-in officer, through the pages (with or without
 * JavaScript), so a spec changes none of the demo's projects. Leaves the project's page open and
 * returns its id.
 */
export async function newProject(page: Page, { company, project }: { company: string; project: string }): Promise<number> {
  await page.goto("/companies/new");
  await page.getByLabel("企业名称").fill(company);
  await page.getByLabel("国别/地区").selectOption({ label: "日本" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();
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
