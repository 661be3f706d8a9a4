import { expect, test } from "@playwright/test";
import { login, logout, todayInShanghai } from "./support";

test("an officer proposes a commitment on a clause from the project page and a leader commits it", async ({ page }) => {
  const item = `端到端设备补助${Date.now().toString(36)}`;
  await login(page, "officer");
  await page.getByRole("region", { name: "我的项目" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  const section = page.getByRole("region", { name: "政策承诺" });
  await section.getByText("新的政策承诺", { exact: true }).click();
  await section.getByRole("button", { name: "提出承诺" }).click();
  await expect(section.getByText("请选择政策条款")).toBeVisible();
  const clause = section.getByLabel("政策条款");
  await clause.selectOption({ index: 1 });
  await section.getByLabel("承诺事项").fill(item);
  await section.getByLabel("承诺金额（万元）").fill("120");
  await section.getByLabel("兑现条件").fill("设备到厂并验收");
  await section.getByLabel("约定兑现日期").fill(`${Number(todayInShanghai().slice(0, 4)) + 1}-03-31`);
  await section.getByRole("button", { name: "提出承诺" }).click();
  const row = section.getByRole("row").filter({ hasText: item });
  await expect(row).toContainText("拟承诺");
  await expect(row).toContainText("120.00");
  const commitmentUrl = await row.getByRole("link", { name: item }).getAttribute("href");
  await logout(page);

  await login(page, "leader");
  await page.goto(commitmentUrl!);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "承诺", exact: true }).click();
  await expect(page.getByText("已承诺").first()).toBeVisible();
});

test("staff record an arrival on a verified project and its 资金到位率 updates", async ({ page }) => {
  await login(page, "staff");
  await page.goto("/projects?signing=verified");
  await page.getByRole("table", { name: "项目列表" }).locator("tbody").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  const section = page.getByRole("region", { name: "实到外资" });
  const rateBefore = await section.getByText(/%$|—/).first().innerText();
  await section.getByText("登记一笔到账", { exact: true }).click();
  await section.getByLabel("到账金额（万美元）").fill("-5");
  await section.getByRole("button", { name: "登记到账" }).click();
  await expect(section.getByText(/到账金额（万美元）应为/)).toBeVisible();
  await section.getByLabel("到账金额（万美元）").fill("10");
  await section.getByLabel("凭证说明").fill("端到端测试水单");
  await section.getByRole("button", { name: "登记到账" }).click();
  await expect(section.getByRole("table", { name: "到账记录" }).getByRole("row").filter({ hasText: "端到端测试水单" })).toContainText("10.00");
  await expect(section.getByText(/%$/).first()).not.toHaveText(rateBefore);
  await logout(page);

  await login(page, "officer");
  await page.goto("/projects?signing=verified");
  await page.getByRole("table", { name: "项目列表" }).locator("tbody").getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "实到外资" }).getByRole("button", { name: "登记到账" })).toHaveCount(0);
});
