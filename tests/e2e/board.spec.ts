import { expect, test, type Page } from "@playwright/test";
import { newProject, sessionOf } from "./support";

const suffix = Date.now().toString(36);
test.use({ storageState: sessionOf("officer") });
const STAGE_LABELS = ["线索", "接洽", "洽谈", "签约", "注册", "开工", "投产"] as const;

/** A stage's column: a region named by its heading, "线索 12 项 · 3,500.00 万美元". */
const column = (page: Page, label: string) => page.getByRole("region", { name: new RegExp(`^${label}\\s*[\\d,]+ 项`) });

/** The count in a column's heading. */
async function countOf(page: Page, label: string): Promise<number> {
  const heading = (await column(page, label).getByRole("heading", { level: 2 }).innerText()).replace(/\s+/g, " ");
  const match = new RegExp(`^${label}\\s*([\\d,]+) 项 · [\\d,.]+ 万美元`).exec(heading);
  expect(match, `heading of ${label}: ${heading}`).not.toBeNull();
  return Number(match![1]!.replace(/,/g, ""));
}

/** A card on the board, by its project's name. */
const card = (page: Page, name: string) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });

test.describe("signed in as the leader", () => {
  test.use({ storageState: sessionOf("leader") });

  test("看板 shows a column per stage with its count, the same count the list gives", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "招商项目" }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await page.getByRole("navigation", { name: "视图" }).getByRole("link", { name: "看板" }).click();
    await expect(page).toHaveURL(/\/projects\/board$/);
    await expect(column(page, "线索")).toBeVisible();

    for (const label of STAGE_LABELS) await expect(column(page, label)).toHaveCount(1);
    const counts = Object.fromEntries(await Promise.all(STAGE_LABELS.map(async (label) => [label, await countOf(page, label)] as const)));
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);

    // each column shows its first cards and counts the rest
    for (const label of STAGE_LABELS) {
      const region = column(page, label);
      const cards = await region.getByRole("listitem").count();
      const moreLink = region.getByRole("link", { name: /^另有 [\d,]+ 项$/ });
      const more = (await moreLink.count()) > 0 ? Number((await moreLink.innerText()).replace(/[^\d]/g, "")) : 0;
      expect(cards + more, `cards of ${label}`).toBe(counts[label]);
    }

    // the list filtered to a stage counts what its column counts
    const busiest = STAGE_LABELS.reduce((best, label) => (counts[label]! > counts[best]! ? label : best));
    await page.goto("/projects");
    await page.getByLabel("阶段", { exact: true }).selectOption({ label: busiest });
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/stage=/);
    await expect(page.getByRole("status").filter({ hasText: /^共 / })).toHaveText(`共 ${counts[busiest]!.toLocaleString("en-US")} 项`);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a card's own 变更阶段 form moves the project and comes back to the board", async ({ page }) => {
    const name = `看板无脚本测试项目${suffix}`;
    await newProject(page, { company: `看板无脚本测试企业${suffix}`, project: name });
    const board = `/projects/board?q=${encodeURIComponent(name)}`;
    await page.goto(board);
    await expect(column(page, "线索").getByRole("link", { name, exact: true })).toBeVisible();

    const ours = card(page, name);
    await ours.locator("summary", { hasText: "变更阶段" }).click();
    await ours.getByLabel("目标阶段").selectOption({ label: "接洽" });
    // the submit button (the <summary> above the form has the same words)
    await ours.locator("form").getByRole("button", { name: "变更阶段" }).click();

    await expect(page).toHaveURL((url) => url.pathname === "/projects/board" && url.searchParams.get("q") === name);
    await expect(column(page, "接洽").getByRole("link", { name, exact: true })).toBeVisible();
    await expect(column(page, "线索").getByRole("link", { name, exact: true })).toHaveCount(0);
    expect(await countOf(page, "接洽")).toBe(1);
    expect(await countOf(page, "线索")).toBe(0);
  });
});

test("dragging a card to another column opens its stage form with that stage chosen", async ({ page }) => {
  const name = `看板拖动测试项目${suffix}`;
  const id = await newProject(page, { company: `看板拖动测试企业${suffix}`, project: name });
  await page.goto(`/projects/board?q=${encodeURIComponent(name)}`);
  const ours = card(page, name);
  await expect(column(page, "线索").getByRole("link", { name, exact: true })).toBeVisible();
  const form = page.locator(`details#move-${id}`);
  await expect(form).not.toHaveAttribute("open", "");

  await ours.dragTo(column(page, "洽谈"));

  // nothing moved yet: the card's form is open with 洽谈 chosen and the date to confirm
  await expect(form).toHaveAttribute("open", "");
  await expect(form.getByLabel("目标阶段")).toHaveValue("negotiating");
  await expect(form.getByLabel("发生日期")).toBeFocused();
  await expect(column(page, "线索").getByRole("link", { name, exact: true })).toBeVisible();

  await form.locator("form").getByRole("button", { name: "变更阶段" }).click();
  await expect(column(page, "洽谈").getByRole("link", { name, exact: true })).toBeVisible();
  await expect(column(page, "线索").getByRole("link", { name, exact: true })).toHaveCount(0);
  await expect(page).toHaveURL((url) => url.pathname === "/projects/board");
});
