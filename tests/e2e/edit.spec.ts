import { expect, test } from "@playwright/test";
import { newProject, sessionOf } from "./support";

test.use({ storageState: sessionOf("officer") });

test("an officer edits a project and its company from their detail pages", async ({ page }) => {
  // a project and company of its own, so the demo's stay as they are
  const suffix = Date.now().toString(36);
  const company = `更正测试企业${suffix}`;
  await newProject(page, { company, project: `更正测试项目${suffix}` });
  const projectUrl = page.url();
  await page.getByRole("link", { name: "编辑", exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/\d+\/edit$/);
  await expect(page.getByRole("heading", { name: "编辑项目" })).toBeVisible();
  const item = `端到端：约企业高管面谈 ${suffix}`;
  await page.getByLabel("下次跟进事项").fill(item);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(projectUrl);
  await expect(page.getByText(item).first()).toBeVisible();

  // the 投资方企业 in 项目信息
  await page.getByRole("region", { name: "项目信息" }).getByRole("link", { name: company }).click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();
  const companyUrl = page.url();
  await page.getByRole("link", { name: "编辑", exact: true }).click();
  await expect(page).toHaveURL(/\/companies\/\d+\/edit$/);
  await expect(page.getByRole("heading", { name: "编辑企业" })).toBeVisible();
  await page.getByLabel("所在城市").fill("横滨");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(companyUrl);
  await expect(page.getByText("横滨").first()).toBeVisible();
});
