import { expect } from "@playwright/test";
import { newProject, test } from "./support";

test("a leader deletes a project and the administrator restores it from 回收站", async ({ pageAs }) => {
  // a project of its own, so the demo's projects stay in place
  const suffix = Date.now().toString(36);
  const name = `回收站测试项目${suffix}`;
  const page = await pageAs("leader");
  await newProject(page, { company: `回收站测试企业${suffix}`, project: name });
  const url = page.url();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "删除" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  expect((await page.goto(url))?.status()).toBe(404);

  const admin = await pageAs("admin");
  await admin.goto("/");
  await admin.getByRole("link", { name: "系统管理" }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByRole("button", { name: `恢复 ${name}` }).click();
  await expect(admin.getByRole("button", { name: `恢复 ${name}` })).toHaveCount(0);
  await admin.goto(url);
  await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(admin.getByText("系统管理员 · 恢复")).toBeVisible();
});
