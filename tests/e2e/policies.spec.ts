import { expect, test } from "@playwright/test";
import { login, logout, todayInShanghai } from "./support";

function shift(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

test("a project gains a policy basis; when the policy's end date passes it shows 失效 and the project is flagged", async ({ page }) => {
  const today = todayInShanghai();
  const title = `端到端测试政策${Date.now().toString(36)}`;

  await login(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政策库" }).click();
  await page.getByRole("link", { name: "新建政策" }).click();
  await expect(page.getByRole("heading", { name: "新建政策" })).toBeVisible();
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("层级").selectOption({ label: "县" });
  await page.getByLabel("发文机关").fill("平湖市人民政府");
  await page.getByLabel("生效日期").fill(shift(today, -100));
  await page.getByLabel("失效日期").fill(shift(today, -101));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("失效日期不能早于生效日期")).toBeVisible();
  await page.getByLabel("失效日期").fill(shift(today, 30));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(title) })).toBeVisible();
  const policyUrl = page.url();
  const addClause = page.getByRole("region", { name: "添加条款" });
  await addClause.getByLabel("条款编号").fill("第三条");
  await addClause.getByLabel("奖励类型").selectOption({ label: "增资奖励" });
  await addClause.getByLabel("条款内容").fill("对增资项目按实到外资给予奖励（测试条款）。");
  await addClause.getByRole("button", { name: "添加条款" }).click();
  await expect(page.getByRole("region", { name: "条款 第三条" })).toBeVisible();
  await logout(page);

  // an officer rests one of their projects on the clause
  await login(page, "officer");
  // the project's name as the list shows it; then wait for the page that carries it (the link navigates on the client)
  const projectLink = page.getByRole("region", { name: "我的项目" }).getByRole("link").first();
  const projectName = (await projectLink.innerText()).trim();
  await projectLink.click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(projectName);
  const projectUrl = page.url();
  const bases = page.getByRole("region", { name: "政策依据" });
  await bases.getByText("添加政策条款", { exact: true }).click();
  await bases.getByLabel("政策条款").selectOption({ label: `《${title}》第三条（增资奖励）` });
  await bases.getByLabel("说明").fill("增资部分适用");
  await bases.getByRole("button", { name: "添加政策依据" }).click();
  const row = bases.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("即将失效");
  await expect(bases.getByRole("note")).toContainText("即将失效");
  await logout(page);

  // the policy is ended: it shows 失效 and the project is flagged for leaders and on the owner's 工作台
  await login(page, "admin");
  await page.goto(`${policyUrl}/edit`);
  await page.getByLabel("失效日期").fill(shift(today, -1));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(policyUrl);
  await expect(page.getByRole("heading", { name: new RegExp(title) })).toContainText("失效");
  await page.goto("/policies?status=expired");
  await expect(page.getByRole("table", { name: "政策" }).getByRole("row").filter({ hasText: title })).toContainText("失效");
  await logout(page);

  await login(page, "leader");
  await page.goto("/policies");
  await page.getByRole("link", { name: "政策依据失效/临期项目" }).click();
  await expect(page.getByRole("table", { name: "政策依据失效/临期项目" }).getByRole("row").filter({ hasText: projectName })).toContainText("已失效");
  await logout(page);

  await login(page, "officer");
  await expect(page.getByRole("table", { name: "政策依据预警" }).getByRole("link", { name: projectName })).toBeVisible();
  await page.goto(projectUrl);
  await expect(page.getByRole("region", { name: "政策依据" }).getByRole("row").filter({ hasText: title })).toContainText("已失效");
  expect((await page.goto("/policies/expiring"))?.status()).toBe(403);
});
