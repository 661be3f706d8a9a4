import { expect, type Page } from "@playwright/test";
import { sessionOf, test } from "./support";

// A phone (DESIGN.md §12): the pages a leader and an officer open between meetings
const PHONE = { viewport: { width: 390, height: 844 } };
test.use({ ...PHONE, hasTouch: true, storageState: sessionOf("leader") });

/** Opens 工作台; on a phone 退出登录 sits in the folded menu, so the page is there when 菜单 shows. */
async function openWorkbench(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await expect(page.locator("summary", { hasText: "菜单" })).toBeVisible();
}

/** Nothing on the page reaches past the screen's right edge, and no table scrolls sideways inside itself. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
    tables: [...document.querySelectorAll<HTMLElement>("table")]
      .filter((table) => table.checkVisibility() && table.scrollWidth > table.clientWidth + 1)
      .map((table) => `${table.getAttribute("aria-label") ?? "table"}: ${table.scrollWidth} px`),
  }));
  expect(widths.page, `${page.url()} is ${widths.page} px wide`).toBeLessThanOrEqual(widths.screen);
  expect(widths.tables, `${page.url()} has tables scrolling sideways`).toEqual([]);
}

test("on a phone the header folds behind 菜单 and no page scrolls sideways", async ({ page }) => {
  await openWorkbench(page);
  const menu = page.locator("summary", { hasText: "菜单" });
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(menu).toBeVisible();
  await expect(nav).toBeHidden();
  // the header keeps to one short row
  expect((await page.locator(".app-header").boundingBox())!.height).toBeLessThan(70);
  await expectNoSidewaysScroll(page);

  await menu.click();
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("link", { name: "招商项目" })).toBeVisible();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await nav.getByRole("link", { name: "招商项目" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { level: 1, name: "招商项目" })).toBeVisible();
  // the menu folds again once the page has changed
  await expect(nav).toBeHidden();
  await expectNoSidewaysScroll(page);

  // the list is cards: the first project's name, its amount with its label, no header row on screen
  const list = page.locator("table.data.cards").first();
  await expect(list.locator("thead")).not.toBeInViewport();
  const firstCard = list.locator("tbody tr").first();
  const card = await firstCard.boundingBox();
  expect(card!.width).toBeLessThanOrEqual(390);
  const firstProject = (await firstCard.getByRole("link").first().innerText()).trim();
  await firstCard.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: firstProject })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto("/");
  await expectNoSidewaysScroll(page);

  await page.goto("/cockpit");
  await expectNoSidewaysScroll(page);
  // two KPI cards to a row, and the charts drawn for the phone at full width
  const cards = page.locator("article.kpi");
  const [first, second, third] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox(), await cards.nth(2).boundingBox()];
  expect(Math.abs(first!.y - second!.y)).toBeLessThan(2);
  expect(third!.y).toBeGreaterThan(first!.y + first!.height - 1);
  for (const name of ["招商漏斗图", /近12个月/]) {
    const chart = page.getByRole("img", { name });
    await expect(chart).toHaveCount(1);
    const box = (await chart.locator("svg").boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.width).toBeLessThanOrEqual(390);
  }
  // amounts of 1亿美元 and more read in 亿美元
  await expect(page.getByRole("article", { name: "合同外资" }).locator(".kpi-value")).toHaveText(/^[\d,]+\.\d\d (亿|万)美元$/);
});

test("the menu opens by keyboard and without scripts", async ({ pageAs }) => {
  const page = await pageAs("officer", { ...PHONE, javaScriptEnabled: false });
  await openWorkbench(page);
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav).toBeHidden();
  await page.locator("summary", { hasText: "菜单" }).focus();
  await page.keyboard.press("Enter");
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "企业库" }).click();
  await expect(page).toHaveURL(/\/companies$/);
  await expect(page.getByRole("heading", { level: 1, name: "企业库" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("on a phone the targets, the board, search, the user list and a report fit the screen", async ({ page }) => {
  await openWorkbench(page);
  // the header search takes the folded menu's whole width
  await page.locator("summary", { hasText: "菜单" }).click();
  const search = page.getByRole("searchbox", { name: "全站搜索" });
  await expect(search).toBeVisible();
  expect((await search.boundingBox())!.width).toBeGreaterThan(330);
  await search.fill("平湖");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("region", { name: "企业" }).getByRole("link").first()).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto("/targets");
  // each indicator a card: no header row on screen, the figures under the indicator's name
  const targets = page.getByRole("table", { name: "目标完成情况" });
  await expect(targets.locator("thead")).not.toBeInViewport();
  const indicator = targets.locator("tbody tr").first();
  const [name, target] = [await indicator.locator("th").boundingBox(), await indicator.locator('td[data-label="年度目标"]').boundingBox()];
  expect(target!.y).toBeGreaterThanOrEqual(name!.y + name!.height - 1);
  await expectNoSidewaysScroll(page);

  await page.goto("/projects/board");
  // the columns stack: the second stage's column is below the first, not beside it
  const columns = page.locator(".board-column");
  const [first, second] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
  expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
  expect(Math.abs(second!.x - first!.x)).toBeLessThan(2);
  await expectNoSidewaysScroll(page);

  await page.goto("/cockpit?by=unit");
  await expectNoSidewaysScroll(page);
});

test("on a phone the admin's user list and a staff report fit the screen, charts drawn for the phone", async ({ pageAs }) => {
  const admin = await pageAs("admin", PHONE);
  await admin.goto("/admin/users");
  await expect(admin.getByRole("link", { name: "leader" })).toBeVisible();
  await expectNoSidewaysScroll(admin);
  await admin.goto("/admin/units");
  await expectNoSidewaysScroll(admin);
  await admin.goto("/admin/log");
  await expectNoSidewaysScroll(admin);

  const page = await pageAs("staff", PHONE);
  await page.goto("/reports");
  const list = page.getByRole("table", { name: "已生成的报告" });
  if (await list.isVisible()) {
    await list.getByRole("link").first().click();
  } else {
    await page.getByRole("button", { name: "生成报告" }).click();
  }
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("招商引资工作进展报告");
  await expectNoSidewaysScroll(page);
  for (const name of [/近12个月/, /招商漏斗/]) {
    const chart = page.getByRole("img", { name }).filter({ visible: true });
    await expect(chart).toHaveCount(1);
    const box = (await chart.locator("svg").boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.width).toBeLessThanOrEqual(390);
  }
});

test("on a phone the list's sorts sit above the cards and change the order", async ({ page }) => {
  await page.goto("/projects");
  const sorts = page.getByRole("navigation", { name: "排序" });
  await expect(sorts).toBeVisible();
  const amounts = async () =>
    (await page.getByRole("table", { name: "项目列表" }).locator('td[data-label="总投资（万美元）"]').allTextContents()).map((text) =>
      Number(text.replace(/,/g, "")),
    );

  await sorts.getByRole("link", { name: "总投资" }).click();
  await expect(page).toHaveURL(/sort=investment&dir=desc/);
  await expect(sorts.getByRole("link", { name: /总投资/ })).toHaveAttribute("aria-current", "true");
  // the list rendered for the new URL says its order (the URL changes before the page does)
  await expect(sorts.getByRole("link", { name: /总投资.*降序/ })).toBeVisible();
  const down = await amounts();
  expect(down.length).toBeGreaterThan(2);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  expect(down[0]).toBeGreaterThan(down[down.length - 1]);

  // tapping the sorted one turns it around, as its column header does
  await sorts.getByRole("link", { name: /总投资/ }).click();
  await expect(page).toHaveURL(/sort=investment&dir=asc/);
  await expect(sorts.getByRole("link", { name: /总投资.*升序/ })).toBeVisible();
  const up = await amounts();
  expect(up).toEqual([...up].sort((a, b) => a - b));
  expect(up[0]).toBeLessThan(down[0]);
  await expectNoSidewaysScroll(page);
});
