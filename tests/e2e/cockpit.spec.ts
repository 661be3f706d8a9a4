import { expect, test, type Page } from "@playwright/test";
import { sessionOf } from "./support";

test.use({ storageState: sessionOf("leader") });

/** Back to the cockpit from a list it opened: the URL and the page both. */
async function backToCockpit(page: Page) {
  await page.goBack();
  await expect(page).toHaveURL(/\/cockpit(\?|$)/);
  await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱" })).toBeVisible();
}

test("a leader follows the funnel's 洽谈 number to the list of exactly those projects, and a KPI to its signings", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "领导驾驶舱" }).click();
  await expect(page).toHaveURL(/\/cockpit$/);
  await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱" })).toBeVisible();
  await expect(page.getByRole("img", { name: "招商漏斗图" }).locator("svg")).toBeVisible();
  await expect(page.getByRole("img", { name: /近12个月/ }).locator("svg")).toBeVisible();

  const funnel = page.getByRole("table", { name: "招商漏斗" });
  const negotiating = funnel
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "洽谈" }) })
    .getByRole("link");
  const count = Number(await negotiating.innerText());
  expect(count).toBeGreaterThan(0);
  await negotiating.click();
  await expect(page).toHaveURL(/\/projects\?cohort=\d{4}-\d{2}-\d{2}(~|%7E)\d{4}-\d{2}-\d{2}&reached=negotiating/);
  await expect(page.getByRole("note")).toContainText("已达到「洽谈」或更后阶段");
  await expect(page.getByText(`共 ${count} 项`)).toBeVisible();

  await backToCockpit(page);
  const signings = page.getByRole("article", { name: "新签约项目数" });
  const signed = Number(await signings.getByRole("link").innerText());
  await signings.getByRole("link").click();
  await expect(page).toHaveURL(/\/projects\?/);
  await expect(page.getByRole("note")).toContainText("签约（已甄别）");
  await expect(page.getByText(`共 ${signed} 项`)).toBeVisible();

  // breakdowns: by unit, each count opens that unit's signings
  await backToCockpit(page);
  await page.getByRole("navigation", { name: "分类维度" }).getByRole("link", { name: "负责单位" }).click();
  await expect(page).toHaveURL(/by=unit/);
  const byUnit = page.getByRole("table", { name: "按负责单位统计" });
  const first = byUnit.getByRole("row").nth(1);
  const unitCount = Number(await first.getByRole("link").innerText());
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/projects\?/);
  await expect(page.getByText(`共 ${unitCount} 项`)).toBeVisible();
});
