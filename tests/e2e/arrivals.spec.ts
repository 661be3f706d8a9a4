import { expect, type Locator } from "@playwright/test";
import { sessionOf, test, todayInShanghai } from "./support";

/** "1,234.56" (万美元) → hundredths of 万, to compare sums exactly. */
const hundredths = async (cell: Locator) => Math.round(Number((await cell.innerText()).replace(/,/g, "")) * 100);

test.describe("signed in as staff", () => {
  test.use({ storageState: sessionOf("staff") });

  test("staff open 实到外资 from the cockpit: the year's months with 累计, year total and 同比, then the arrivals", async ({ page }) => {
    const year = Number(todayInShanghai().slice(0, 4));
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "领导驾驶舱" }).click();
    await expect(page).toHaveURL(/\/cockpit$/);
    await page.getByRole("navigation", { name: "相关台账" }).getByRole("link", { name: "实到外资" }).click();
    await expect(page).toHaveURL(/\/arrivals$/);
    await expect(page.getByRole("heading", { level: 1, name: "实到外资" })).toBeVisible();
    await expect(page.getByRole("heading", { name: `${year}年各月实到外资` })).toBeVisible();
    await expect(page.getByRole("link", { name: "去项目页登记到账" })).toBeVisible();

    const months = page.getByRole("table", { name: "各月实到外资" });
    for (const header of ["月份", "实到外资（万美元）", "累计（万美元）"]) await expect(months.getByRole("columnheader", { name: header })).toBeVisible();
    const body = months.locator("tbody tr");
    await expect(body).toHaveCount(12);
    await expect(body.first().getByRole("rowheader")).toHaveText("1月");
    await expect(body.last().getByRole("rowheader")).toHaveText("12月");
    // the months add up to December's 累计, which is the year's total
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += await hundredths(body.nth(i).getByRole("cell").nth(0));
    const december = await hundredths(body.last().getByRole("cell").nth(1));
    expect(december).toBe(sum);
    expect(await hundredths(months.locator("tfoot").getByRole("cell").first())).toBe(sum);
    await expect(page.getByText("全年合计")).toBeVisible();
    // 同比 names its span: 1–N月 of the current year (1月 in January, 全年 in December)
    await expect(page.getByText(/^(1–\d+月|1月|全年)同比$/)).toBeVisible();

    // a month with arrivals lists exactly that month's, each opening its project
    let withData = -1;
    for (let i = 0; i < 12 && withData < 0; i++) if ((await hundredths(body.nth(i).getByRole("cell").nth(0))) > 0) withData = i;
    expect(withData).toBeGreaterThanOrEqual(0);
    const month = `${year}-${String(withData + 1).padStart(2, "0")}`;
    await body.nth(withData).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/arrivals\\?year=${year}&month=${withData + 1}$`));
    await expect(page.getByRole("heading", { name: new RegExp(`^${year}年${withData + 1}月到账记录`) })).toBeVisible();
    const list = page.getByRole("table", { name: "到账记录" });
    for (const header of ["到账日期", "项目", "外方国别", "到账金额（万美元）", "凭证说明", "登记人"])
      await expect(list.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
    const rows = list.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const date of await rows.locator("td:first-child").allInnerTexts()) expect(date.startsWith(month)).toBe(true);
    const project = await rows.first().getByRole("link").innerText();
    await rows.first().getByRole("link").click();
    await expect(page).toHaveURL(/\/projects\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(project);

    // the year selector puts the year in the URL
    await page.goto("/arrivals");
    await page.getByLabel("年份").selectOption(String(year - 1));
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(new RegExp(`year=${year - 1}`));
    await expect(page.getByRole("heading", { name: `${year - 1}年各月实到外资` })).toBeVisible();
    await expect(page.getByRole("table", { name: "各月实到外资" }).locator("tbody tr")).toHaveCount(12);
  });
});

test("an officer reads 实到外资 in their scope without record controls", async ({ pageAs }) => {
  const staff = await pageAs("staff");
  await staff.goto("/arrivals");
  const allTotal = await hundredths(staff.getByRole("table", { name: "各月实到外资" }).locator("tfoot").getByRole("cell").first());

  const page = await pageAs("officer");
  await page.goto("/arrivals");
  await expect(page.getByRole("heading", { level: 1, name: "实到外资" })).toBeVisible();
  const months = page.getByRole("table", { name: "各月实到外资" });
  await expect(months.locator("tbody tr")).toHaveCount(12);
  expect(await hundredths(months.locator("tfoot").getByRole("cell").first())).toBeLessThanOrEqual(allTotal);
  await expect(page.getByRole("link", { name: /登记到账/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "登记到账" })).toHaveCount(0);
  await expect(page.getByText(/登记到账/)).toHaveCount(0);
});
