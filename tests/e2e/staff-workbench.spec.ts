import { expect } from "@playwright/test";
import { test, todayInShanghai } from "./support";

test("staff find the month's report, this month's arrivals and the targets behind 时序进度 on 工作台", async ({ pageAs }) => {
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const page = await pageAs("staff");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();

  const reports = page.getByRole("region", { name: "月度报告" });
  await expect(reports.getByRole("listitem")).toHaveCount(2);
  await expect(reports.getByRole("listitem").last()).toContainText(`${year}年${month}月：`);

  const targets = page.getByRole("region", { name: /^落后于时序进度的目标/ });
  await expect(targets.getByRole("link", { name: /年度目标|设置目标/ })).toBeVisible();

  const arrivals = page.getByRole("region", { name: "本月到账" });
  await expect(arrivals).toContainText(`${year}年${month}月已登记到账`);
  await expect(arrivals).toContainText(/合计 [\d,]+\.\d\d (万|亿)美元/);
  await arrivals.getByRole("link", { name: /^\d+ 笔$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/arrivals\\?year=${year}&month=${month}$`));
  await expect(page.getByRole("heading", { name: new RegExp(`^${year}年${month}月到账记录`) })).toBeVisible();

  // 实到外资 is in the main navigation
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "实到外资" }).click();
  await expect(page).toHaveURL(/\/arrivals$/);
  await expect(page.getByRole("heading", { level: 1, name: "实到外资" })).toBeVisible();

  const officer = await pageAs("officer");
  await officer.goto("/");
  await expect(officer.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await expect(officer.getByRole("region", { name: "本月到账" })).toHaveCount(0);
  await expect(officer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "实到外资" })).toHaveCount(0);
});
