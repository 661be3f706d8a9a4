import { expect, test } from "@playwright/test";
import { sessionOf } from "./support";

const JAPAN_PARK = "中日（平湖）产业合作园";

test.describe("signed in as the leader", () => {
  test.use({ storageState: sessionOf("leader") });

  test("a leader reads a country park's pipeline", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "载体平台" }).click();
    await expect(page).toHaveURL(/\/parks$/);
    const parks = page.getByRole("table", { name: "载体平台" });
    await expect(parks.getByRole("row").filter({ hasText: JAPAN_PARK })).toContainText("国别产业园");
    await expect(parks.getByRole("row").filter({ hasText: JAPAN_PARK })).toContainText("平湖经济技术开发区");
    await expect(page.getByRole("link", { name: "新建载体" })).toHaveCount(0);

    await parks.getByRole("link", { name: JAPAN_PARK }).click();
    await expect(page).toHaveURL(/\/parks\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(JAPAN_PARK) })).toBeVisible();
    // every stage in order, then the total
    const byStage = page.getByRole("table", { name: "按阶段" });
    await expect(byStage.getByRole("rowheader")).toHaveText(["线索", "接洽", "洽谈", "签约（待甄别）", "签约", "注册", "开工", "投产", "合计"]);
    await expect(page.getByRole("table", { name: "按国别/地区" }).getByRole("rowheader", { name: "日本" })).toBeVisible();
    const focus = page.getByRole("table", { name: "重点国别匹配" });
    await expect(focus.getByRole("rowheader", { name: "重点国别项目（日本）" })).toBeVisible();
    await expect(focus.getByRole("rowheader", { name: "其他国别项目" })).toBeVisible();
    await expect(page.getByText(/重点国别项目占比：\d+(\.\d)?%/)).toBeVisible();

    const recent = page.getByRole("table", { name: "最近更新的项目" });
    await expect(recent.getByRole("link").first()).toHaveAttribute("href", /^\/projects\/\d+$/);
    await expect(page.getByRole("link", { name: "查看全部" })).toHaveAttribute("href", /^\/projects\?park=\d+$/);
    await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
  });
});

test.describe("signed in as the administrator", () => {
  test.use({ storageState: sessionOf("admin") });

  test("an administrator edits a park's available land", async ({ page }) => {
    // a country park of its own under the demo's development zone, so the demo's parks stay as they are
    const park = `测试产业园${Date.now().toString(36)}`;
    await page.goto("/parks");
    await page.getByRole("link", { name: "新建载体" }).click();
    await expect(page).toHaveURL(/\/parks\/new$/);
    await expect(page.getByRole("heading", { level: 1, name: "新建载体" })).toBeVisible();
    await page.getByRole("textbox", { name: "名称", exact: true }).fill(park);
    await page.getByLabel("类型").selectOption({ label: "国别产业园" });
    await page.getByLabel("上级载体").selectOption({ label: "平湖经济技术开发区" });
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/parks\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(park) })).toBeVisible();
    await page.getByRole("link", { name: "编辑" }).click();
    await expect(page).toHaveURL(/\/parks\/\d+\/edit$/);
    await expect(page.getByRole("textbox", { name: "名称", exact: true })).toHaveValue(park);
    await expect(page.getByLabel("上级载体")).toHaveValue(/\d+/);

    await page.getByLabel("可用土地（亩）").fill("-1");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("可用土地（亩）应为不超过两位小数的非负数")).toBeVisible();

    await page.getByLabel("可用土地（亩）").fill("356.5");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/parks\/\d+$/);
    await expect(page.locator("dl.facts > div").filter({ hasText: "可用土地（亩）" })).toContainText("356.5");
    await page.goto("/parks");
    await expect(page.getByRole("table", { name: "载体平台" }).getByRole("row").filter({ hasText: park })).toContainText("356.5");
  });
});
