import { expect, test } from "@playwright/test";
import { newProject, sessionOf } from "./support";

test.use({ storageState: sessionOf("officer") });

test("an officer links a project to a 空白 link as 补链 and the gap view shows it covered", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "产业链" }).click();
  await expect(page).toHaveURL(/\/chains$/);
  await expect(page.getByRole("heading", { name: "产业链", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "缺链补链视图" }).click();
  await expect(page).toHaveURL(/\/chains\/gaps$/);
  await expect(page.getByRole("heading", { level: 1, name: "缺链补链视图" })).toBeVisible();
  const gaps = page.getByRole("table", { name: "空白和薄弱环节" });
  const designRow = gaps.getByRole("row").filter({ has: page.getByRole("link", { name: "芯片设计", exact: true }) });
  await expect(designRow).toContainText("无项目");
  // gaps without a project come first
  await expect(gaps.getByRole("row").nth(1)).toContainText("芯片设计");

  // a project of the officer's own, so the demo's projects keep their links
  const suffix = Date.now().toString(36);
  const projectName = `补链测试项目${suffix}`;
  await newProject(page, { company: `补链测试企业${suffix}`, project: projectName });

  const section = page.getByRole("region", { name: "产业链环节" });
  // the form opens on demand
  await section.getByText("关联产业链环节", { exact: true }).click();
  await section.getByLabel("作用").selectOption({ label: "补链" });
  await section.getByRole("button", { name: "关联", exact: true }).click();
  await expect(section.getByText("请选择产业链环节")).toBeVisible();
  await section.getByLabel("产业链环节").selectOption({ label: "四群八链 › 集成电路 › 芯片设计（空白）" });
  await section.getByLabel("作用").selectOption({ label: "补链" });
  await section.getByRole("button", { name: "关联", exact: true }).click();
  await expect(section.getByRole("listitem").filter({ hasText: "芯片设计" })).toContainText("补链");

  await page.goto("/chains/gaps");
  const covered = page
    .getByRole("table", { name: "空白和薄弱环节" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "芯片设计", exact: true }) });
  await expect(covered).not.toContainText("无项目");
  await expect(covered.getByRole("link", { name: projectName })).toBeVisible();
  await expect(covered).toContainText("补链");

  // the chain's project list includes it through the link below the chain
  await page.goto("/chains");
  await page.getByRole("link", { name: "集成电路", exact: true }).click();
  await expect(page).toHaveURL(/\/chains\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^集成电路/ })).toBeVisible();
  await page.getByRole("link", { name: "查看相关项目" }).click();
  await expect(page).toHaveURL(/\/projects\?/);
  await expect(page.getByRole("link", { name: projectName })).toBeVisible();
});
