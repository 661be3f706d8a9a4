import { expect, test } from "@playwright/test";
import { login, logout } from "./support";

/**
 * 政策兑现 on the demo data (seeds/demo.ts): 丰汐's 增资奖励 is 已承诺 and past its date (overdue),
 * 法肯里德's 招大引强项目奖励 (500 万元) is 拟承诺. A leader commits the latter; staff pays it in two
 * instalments, an overpayment refused in between, and it shows 已兑现. An officer of another unit
 * gets 404 on it.
 */
test("the overdue list shows the demo's overdue commitment; a leader commits a 拟承诺, staff pays it in full", async ({ page }) => {
  await login(page, "leader");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政策兑现" }).click();
  await expect(page.getByRole("heading", { name: "政策兑现", exact: true })).toBeVisible();
  for (const title of ["承诺总额", "已兑现", "未兑现"]) {
    await expect(page.getByRole("region", { name: title, exact: true })).toContainText("万元");
  }

  // 逾期未兑现 comes first and holds the demo's overdue commitment
  const overdue = page.getByRole("region", { name: "逾期未兑现" });
  const overdueRow = overdue.getByRole("row").filter({ has: page.getByRole("link", { name: "丰汐汽车电驱动部件增资项目" }) });
  await expect(overdueRow).toContainText("增资奖励（示例）");
  await expect(overdueRow).toContainText(/逾期 \d+ 天/);
  // and it leads the list, flagged
  const list = page.getByRole("table", { name: "承诺清单" });
  await expect(list.getByRole("row").nth(1)).toContainText("丰汐汽车电驱动部件增资项目");
  await expect(list.getByRole("row").nth(1)).toContainText("逾期");

  // filter to 拟承诺 through the URL-backed form
  await page.getByLabel("状态").selectOption({ label: "拟承诺" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/status=proposed/);
  const proposedRow = list.getByRole("row").filter({ hasText: "法肯里德新能源汽车电子新设项目" });
  await expect(proposedRow).toContainText("拟承诺");
  await expect(proposedRow).toContainText("500.00");
  await proposedRow.getByRole("link", { name: "招大引强项目奖励（示例）" }).click();
  await expect(page.getByRole("heading", { name: "招大引强项目奖励（示例）" })).toBeVisible();
  const commitmentUrl = new URL(page.url()).pathname;
  expect(commitmentUrl).toMatch(/^\/commitments\/\d+$/);

  // 承诺 asks first
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "承诺", exact: true }).click();
  await expect(page.getByText("已承诺", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "条件已达成" })).toBeVisible();
  await expect(page.getByText("王局长", { exact: false }).first()).toBeVisible();
  await logout(page);

  // staff records a partial payout, is refused an overpayment, then pays the rest
  await login(page, "staff");
  await page.goto(commitmentUrl);
  await expect(page.getByRole("button", { name: "承诺", exact: true })).toHaveCount(0);
  await page.getByLabel("兑现金额（万元）").fill("200");
  await page.getByLabel("凭证说明").fill("端到端-兑现-第1笔");
  await page.getByRole("button", { name: "登记兑现" }).click();
  const payouts = page.getByRole("table", { name: "兑现记录" });
  await expect(payouts).toContainText("端到端-兑现-第1笔");
  await expect(payouts).toContainText("200.00");

  await page.getByLabel("兑现金额（万元）").fill("300.01");
  await page.getByRole("button", { name: "登记兑现" }).click();
  await expect(page.getByText("超出未兑现金额（剩余 300.00 万元）")).toBeVisible();
  await expect(payouts.getByRole("row")).toHaveCount(2);

  await page.getByLabel("兑现金额（万元）").fill("300");
  await page.getByRole("button", { name: "登记兑现" }).click();
  await expect(payouts.getByRole("row")).toHaveCount(3);
  await expect(page.getByText("已兑现", { exact: true })).toBeVisible();
  await expect(page.getByText("兑现完成日期", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "登记兑现" })).toHaveCount(0);
  // 变更记录 names each step
  await expect(page.getByText("状态：拟承诺 → 已承诺")).toBeVisible();
  await expect(page.getByText("状态：已承诺 → 已兑现")).toBeVisible();

  await page.goto("/commitments?status=fulfilled");
  await expect(page.getByRole("table", { name: "承诺清单" }).getByRole("row").filter({ hasText: "法肯里德新能源汽车电子新设项目" })).toContainText("已兑现");
  await logout(page);

  // an officer of another unit, not on the project: 404
  await login(page, "officer3");
  const response = await page.goto(commitmentUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
