import { expect, test, type Page } from "@playwright/test";
import { newProject, openDetails, sessionOf, todayInShanghai } from "./support";

const suffix = Date.now().toString(36);
test.use({ storageState: sessionOf("officer") });

/** A business date `days` before today (Asia/Shanghai). */
function daysAgo(days: number): string {
  const [y, m, d] = todayInShanghai().split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** The form folded under a <details> summary on the project page. */
async function detailsForm(page: Page, summary: RegExp) {
  await openDetails(page, summary);
  return page
    .locator("details")
    .filter({ has: page.locator("summary").filter({ hasText: summary }) })
    .first();
}

test("a back-dated status change shows in the 阶段记录 timeline among the stage changes, by its 发生日期", async ({ page }) => {
  const name = `状态记录测试项目${suffix}`;
  await newProject(page, { company: `状态记录测试企业${suffix}`, project: name });
  const projectUrl = page.url();

  // the lead came in two months ago and was contacted six weeks ago
  const lead = await detailsForm(page, /^修改线索日期$/);
  await lead.getByLabel("线索日期").fill(daysAgo(60));
  await lead.getByRole("button", { name: "保存线索日期" }).click();
  await expect(page.getByLabel("阶段时间线")).toContainText(`发生日期 ${daysAgo(60)}`);
  const stage = await detailsForm(page, /^阶段变更$/);
  await stage.getByLabel("目标阶段").selectOption({ label: "接洽" });
  await stage.getByLabel("发生日期").fill(daysAgo(40));
  await stage.getByRole("button", { name: "变更阶段" }).click();
  await expect(page.getByLabel("阶段时间线")).toContainText("线索 → 接洽");

  // 暂缓 three weeks ago, recorded today
  const status = await detailsForm(page, /^项目状态变更$/);
  await expect(status.getByLabel("发生日期")).toHaveValue(todayInShanghai());
  await status.getByLabel("项目状态").selectOption({ label: "暂缓" });
  await status.getByLabel("发生日期").fill(daysAgo(21));
  await status.getByLabel("原因").fill("外方等待总部年度预算审批");
  await status.getByRole("button", { name: "变更状态" }).click();
  await expect(page).toHaveURL(projectUrl + "#stages");

  const items = page.getByLabel("阶段时间线").getByRole("listitem");
  await expect(items).toHaveCount(3);
  // newest 发生日期 first: the status change, then 接洽, then the entry
  await expect(items.nth(0)).toContainText("状态：进行中 → 暂缓");
  await expect(items.nth(0)).toContainText(`发生日期 ${daysAgo(21)} · 李招商 · 记录于 ${todayInShanghai()}`);
  await expect(items.nth(0)).toContainText("原因：外方等待总部年度预算审批");
  await expect(items.nth(1)).toContainText("线索 → 接洽");
  await expect(items.nth(1)).toContainText(`发生日期 ${daysAgo(40)}`);
  await expect(items.nth(2)).toContainText("登记为 线索");
  await expect(items.nth(2)).toContainText(`发生日期 ${daysAgo(60)}`);

  // 流失 today, with its 流失去向, goes on top
  await openDetails(page, /^项目状态变更$/);
  await status.getByLabel("项目状态").selectOption({ label: "流失" });
  await status.getByLabel("原因").fill("对方获得更低的土地价格");
  await status.getByLabel("流失去向").fill("江苏太仓");
  await status.getByRole("button", { name: "变更状态" }).click();
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText("状态：暂缓 → 流失");
  await expect(items.nth(0)).toContainText(`发生日期 ${todayInShanghai()}`);
  await expect(items.nth(0)).toContainText("流失去向：江苏太仓");
  await expect(items.nth(1)).toContainText("状态：进行中 → 暂缓");
});

test("a status change dated before the previous one is refused at 发生日期, in Chinese, and changes nothing", async ({ page }) => {
  const name = `状态日期校验项目${suffix}`;
  await newProject(page, { company: `状态日期校验企业${suffix}`, project: name });
  const projectUrl = page.url();
  const lead = await detailsForm(page, /^修改线索日期$/);
  await lead.getByLabel("线索日期").fill(daysAgo(50));
  await lead.getByRole("button", { name: "保存线索日期" }).click();
  await expect(page.getByLabel("阶段时间线")).toContainText(`发生日期 ${daysAgo(50)}`);

  const status = await detailsForm(page, /^项目状态变更$/);
  await status.getByLabel("项目状态").selectOption({ label: "休眠" });
  await status.getByLabel("发生日期").fill(daysAgo(10));
  await status.getByRole("button", { name: "变更状态" }).click();
  const items = page.getByLabel("阶段时间线").getByRole("listitem");
  await expect(items.nth(0)).toContainText("状态：进行中 → 休眠");

  // back to 进行中, dated before the 休眠: the status page shows the form with the message at the field
  await openDetails(page, /^项目状态变更$/);
  await status.getByLabel("项目状态").selectOption({ label: "进行中" });
  await status.getByLabel("发生日期").fill(daysAgo(20));
  await status.getByRole("button", { name: "变更状态" }).click();
  await expect(page).toHaveURL(/\/projects\/\d+\/status$/);
  const date = page.getByLabel("发生日期");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(`发生日期不能早于上一次状态变更的发生日期（${daysAgo(10)}）`);
  await expect(date).toHaveValue(daysAgo(20));
  await expect(page.getByLabel("项目状态")).toHaveValue("active");

  // nothing changed: still 休眠, two entries in the timeline
  await page.goto(projectUrl);
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("状态：进行中 → 休眠");
  await expect(page.locator(".page-head").getByText("休眠", { exact: true })).toBeVisible();
});
