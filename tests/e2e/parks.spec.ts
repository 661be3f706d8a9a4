import { expect, test } from "@playwright/test";
import { login, logout } from "./support";

test("a leader reads a country park's pipeline; an administrator edits its land", async ({ page }) => {
  await login(page, "leader");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "载体平台" }).click();
  await page.getByRole("table", { name: "载体平台" }).getByRole("link", { name: "中日（平湖）产业合作园" }).click();
  await expect(page.getByRole("heading", { name: /中日（平湖）产业合作园/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "按阶段" }).getByRole("row")).toHaveCount(8);
  const focus = page.getByRole("table", { name: "国别匹配" }).getByRole("row").filter({ hasText: "重点国别项目（日本）" });
  await expect(focus).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
  await logout(page);

  await login(page, "admin");
  await page.goto("/parks");
  await page.getByRole("link", { name: "中日（平湖）产业合作园" }).click();
  await page.getByRole("link", { name: "编辑" }).click();
  await page.getByLabel("可用土地（亩）").fill("-1");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("可用土地（亩）应为不超过两位小数的非负数")).toBeVisible();
  await page.getByLabel("可用土地（亩）").fill("356.5");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/parks\/\d+$/);
  await expect(page.getByText("356.5")).toBeVisible();
});
