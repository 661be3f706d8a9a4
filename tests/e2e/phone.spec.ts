import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support";

// A phone (DESIGN.md §12): the pages a leader and an officer open between meetings
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** Signs in; on a phone 退出登录 sits in the folded menu, so the sign-in is done when 菜单 shows. */
async function login(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator("summary", { hasText: "菜单" })).toBeVisible();
}

/** Nothing on the page reaches past the screen's right edge. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, `${page.url()} is ${widths.page} px wide`).toBeLessThanOrEqual(widths.screen);
}

test("on a phone the header folds behind 菜单 and no page scrolls sideways", async ({ page }) => {
  await login(page, "leader");
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
  await firstCard.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
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

test("the menu opens by keyboard and without scripts", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: "zh-CN" });
  const page = await context.newPage();
  await login(page, "officer");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav).toBeHidden();
  await page.locator("summary", { hasText: "菜单" }).focus();
  await page.keyboard.press("Enter");
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "企业库" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "企业库" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await context.close();
});
