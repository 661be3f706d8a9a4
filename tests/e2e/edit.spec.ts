import { expect, test } from "@playwright/test";
import { login } from "./support";

test("an officer edits a project and its company from their detail pages", async ({ page }) => {
  await login(page, "officer");
  const project = page.getByRole("region", { name: "我的项目" }).getByRole("link").first();
  await project.click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  const projectUrl = page.url();
  await page.getByRole("link", { name: "编辑" }).click();
  await expect(page.getByRole("heading", { name: "编辑项目" })).toBeVisible();
  const item = `端到端：约企业高管面谈 ${Date.now().toString(36)}`;
  await page.getByLabel("下次跟进事项").fill(item);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(projectUrl);
  await expect(page.getByText(item).first()).toBeVisible();

  // the 投资方企业 in 项目信息, whatever its name (other specs add projects of their own companies)
  await page.getByRole("region", { name: "项目信息" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);
  const companyUrl = page.url();
  await page.getByRole("link", { name: "编辑" }).click();
  await expect(page.getByRole("heading", { name: "编辑企业" })).toBeVisible();
  await page.getByLabel("所在城市").fill("横滨");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(companyUrl);
  await expect(page.getByText("横滨").first()).toBeVisible();
});
