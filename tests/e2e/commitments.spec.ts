import { expect } from "@playwright/test";
import { newProject, test, todayInShanghai } from "./support";

/**
 * 政策兑现: the demo data (seeds/demo.ts) has 丰汐's 增资奖励 已承诺 and past its date (overdue). An
 * officer proposes a 500 万元 commitment (拟承诺) on a project of their own; a leader commits it;
 * staff pays it in two instalments, an overpayment refused in between, and it shows 已兑现. An
 * officer of another unit gets 404 on it.
 */
test("the overdue list shows the demo's overdue commitment; a leader commits a 拟承诺, staff pays it in full", async ({ pageAs }) => {
  const suffix = Date.now().toString(36);
  const project = `兑现测试项目${suffix}`;
  const item = `端到端招大引强奖励${suffix}`;
  const officer = await pageAs("officer");
  await newProject(officer, { company: `兑现测试企业${suffix}`, project });
  const proposal = officer.getByRole("region", { name: "政策承诺" });
  await proposal.getByText("新的政策承诺", { exact: true }).click();
  await proposal.getByLabel("政策条款").selectOption({ index: 1 });
  await proposal.getByLabel("承诺事项").fill(item);
  await proposal.getByLabel("承诺金额（万元）").fill("500");
  await proposal.getByLabel("兑现条件").fill("项目投产");
  await proposal.getByLabel("约定兑现日期").fill(`${Number(todayInShanghai().slice(0, 4)) + 1}-06-30`);
  await proposal.getByRole("button", { name: "提出承诺" }).click();
  await expect(proposal.getByRole("row").filter({ hasText: item })).toContainText("拟承诺");

  const page = await pageAs("leader");
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政策兑现" }).click();
  await expect(page).toHaveURL(/\/commitments$/);
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
  const proposedRow = list.getByRole("row").filter({ hasText: project });
  await expect(proposedRow).toContainText("拟承诺");
  await expect(proposedRow).toContainText("500.00");
  await proposedRow.getByRole("link", { name: item }).click();
  await expect(page).toHaveURL(/\/commitments\/\d+$/);
  await expect(page.getByRole("heading", { name: item })).toBeVisible();
  const commitmentUrl = new URL(page.url()).pathname;
  expect(commitmentUrl).toMatch(/^\/commitments\/\d+$/);

  // 承诺 asks first
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "承诺", exact: true }).click();
  await expect(page.getByText("已承诺", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "条件已达成" })).toBeVisible();
  await expect(page.getByText("王局长", { exact: false }).first()).toBeVisible();

  // staff records a partial payout, is refused an overpayment, then pays the rest
  const staff = await pageAs("staff");
  await staff.goto(commitmentUrl);
  await expect(staff.getByRole("button", { name: "承诺", exact: true })).toHaveCount(0);
  await staff.getByLabel("兑现金额（万元）").fill("200");
  await staff.getByLabel("凭证说明").fill("端到端-兑现-第1笔");
  await staff.getByRole("button", { name: "登记兑现" }).click();
  const payouts = staff.getByRole("table", { name: "兑现记录" });
  await expect(payouts).toContainText("端到端-兑现-第1笔");
  await expect(payouts).toContainText("200.00");

  await staff.getByLabel("兑现金额（万元）").fill("300.01");
  await staff.getByRole("button", { name: "登记兑现" }).click();
  await expect(staff.getByText("超出未兑现金额（剩余 300.00 万元）")).toBeVisible();
  await expect(payouts.getByRole("row")).toHaveCount(2);

  await staff.getByLabel("兑现金额（万元）").fill("300");
  await staff.getByRole("button", { name: "登记兑现" }).click();
  await expect(payouts.getByRole("row")).toHaveCount(3);
  await expect(staff.getByText("已兑现", { exact: true })).toBeVisible();
  await expect(staff.getByText("兑现完成日期", { exact: true })).toBeVisible();
  await expect(staff.getByRole("button", { name: "登记兑现" })).toHaveCount(0);
  // 变更记录 names each step
  await expect(staff.getByText("状态：拟承诺 → 已承诺")).toBeVisible();
  await expect(staff.getByText("状态：已承诺 → 已兑现")).toBeVisible();

  await staff.goto("/commitments?status=fulfilled");
  await expect(staff.getByRole("table", { name: "承诺清单" }).getByRole("row").filter({ hasText: project })).toContainText("已兑现");

  // an officer of another unit, not on the project: 404
  const other = await pageAs("officer3");
  const response = await other.goto(commitmentUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
