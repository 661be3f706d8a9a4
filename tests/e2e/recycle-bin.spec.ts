import { expect, test } from "@playwright/test";
import { login, logout } from "./support";

test("a leader deletes a project and the administrator restores it from 回收站", async ({ page }) => {
  await login(page, "leader");
  await page.goto("/projects?sort=investment");
  const link = page.getByRole("table", { name: "项目列表" }).locator("tbody").getByRole("link").first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const url = page.url();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "删除" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  expect((await page.goto(url))?.status()).toBe(404);
  await logout(page);

  await login(page, "admin");
  await page.getByRole("link", { name: "系统管理" }).click();
  await page.getByRole("button", { name: `恢复 ${name}` }).click();
  await expect(page.getByRole("button", { name: `恢复 ${name}` })).toHaveCount(0);
  await page.goto(url);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("系统管理员 · 恢复")).toBeVisible();
});
