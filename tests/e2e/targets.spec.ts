import { expect } from "@playwright/test";
import { test, todayInShanghai } from "./support";

test("staff set a year's target and the progress table measures the figures against it; a leader reads it", async ({ pageAs }) => {
  const year = Number(todayInShanghai().slice(0, 4)) + 1;
  const page = await pageAs("staff");
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "领导驾驶舱" }).click();
  await expect(page).toHaveURL(/\/cockpit$/);
  await page.getByRole("link", { name: "年度目标" }).click();
  await expect(page).toHaveURL(/\/targets/);
  await expect(page.getByRole("heading", { level: 1, name: "年度目标" })).toBeVisible();

  await page.goto(`/targets?year=${year}`);
  const form = page.getByRole("region", { name: `设置${year}年全市目标` });
  await form.getByLabel("新签约项目数").fill("三十");
  await form.getByRole("button", { name: "保存目标" }).click();
  await expect(form.getByText("新签约项目数应为不超过100000的整数")).toBeVisible();
  await form.getByLabel("新签约项目数").fill("40");
  await form.getByLabel("实到外资（万美元）").fill("48000");
  await form.getByRole("button", { name: "保存目标" }).click();
  await expect(page.getByRole("status")).toHaveText("目标已保存");
  await page.reload();
  await expect(form.getByLabel("新签约项目数")).toHaveValue("40");
  await expect(form.getByLabel("实到外资（万美元）")).toHaveValue("48000");

  // this year's progress: the seeded county targets against the figures to date
  await page.goto("/targets");
  const table = page.getByRole("table", { name: "目标完成情况" });
  const signedRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "新签约项目数" }) });
  await expect(signedRow.getByRole("cell").nth(0)).toHaveText("30");

  const leader = await pageAs("leader");
  await leader.goto("/targets");
  await expect(leader.getByRole("table", { name: "目标完成情况" })).toBeVisible();
  await expect(leader.getByRole("button", { name: "保存目标" })).toHaveCount(0);

  const officer = await pageAs("officer");
  const response = await officer.goto("/targets");
  expect(response?.status()).toBe(403);
});
