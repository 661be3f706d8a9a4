import { expect, test } from "@playwright/test";
import { newProject, sessionOf } from "./support";

const suffix = Date.now().toString(36);
test.use({ storageState: sessionOf("officer") });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("移除 a project member opens a confirmation page; 返回 keeps them, 移除 takes them off", async ({ page }) => {
    const project = `成员移除测试项目${suffix}`;
    const id = await newProject(page, { company: `成员移除测试企业${suffix}`, project });

    // a colleague joins the project
    const members = page.getByRole("region", { name: "项目成员" });
    await members.locator("summary", { hasText: "添加项目成员" }).click();
    const choice = members.getByLabel("添加成员");
    const label = (await choice.locator("option").nth(1).innerText()).trim();
    const member = label.split("（")[0]!;
    await choice.selectOption({ index: 1 });
    await members.getByRole("button", { name: "添加", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${id}(#members)?$`));
    await expect(page.getByRole("region", { name: "项目成员" }).getByRole("listitem").filter({ hasText: label })).toBeVisible();

    // 移除 asks on a page of its own
    await page.getByRole("button", { name: `移除成员 ${member}` }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${id}/members\\?intent=remove&userId=\\d+$`));
    await expect(page.getByRole("heading", { level: 1, name: "项目成员" })).toBeVisible();
    await expect(page.getByRole("heading", { name: `确定将「${member}」移出项目成员？` })).toBeVisible();
    await page.getByRole("link", { name: "返回", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${id}(#members)?$`));
    await expect(page.getByRole("region", { name: "项目成员" }).getByRole("listitem").filter({ hasText: label })).toBeVisible();

    await page.getByRole("button", { name: `移除成员 ${member}` }).click();
    await expect(page.getByRole("heading", { name: `确定将「${member}」移出项目成员？` })).toBeVisible();
    await page.getByRole("button", { name: "移除", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${id}(#members)?$`));
    await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();
    const after = page.getByRole("region", { name: "项目成员" });
    await expect(after.getByText("暂无其他成员")).toBeVisible();
    await expect(after.getByRole("button", { name: `移除成员 ${member}` })).toHaveCount(0);
  });
});

test("an officer corrects their own activity within 7 days; the timeline shows the correction", async ({ page }) => {
  const project = `活动更正测试项目${suffix}`;
  const id = await newProject(page, { company: `活动更正测试企业${suffix}`, project });
  const original = "首次拜访，了解投资意向";
  const corrected = "首次拜访，确认投资意向和用地需求";

  const add = page.getByRole("region", { name: "添加活动记录" });
  await add.getByLabel("活动类型").selectOption({ label: "拜访" });
  await add.getByLabel("纪要").fill(original);
  await add.getByRole("button", { name: "添加记录" }).click();
  const timeline = page.getByRole("list", { name: "活动时间线" });
  await expect(timeline).toContainText(original);

  // the author's own activity of today offers 更正, on its own page
  await timeline.getByRole("link", { name: /^更正 \d{4}-\d{2}-\d{2} 的活动记录$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${id}/activities/\\d+$`));
  await expect(page.getByRole("heading", { level: 1, name: "更正活动记录" })).toBeVisible();
  await expect(page.getByLabel("纪要")).toHaveValue(original);
  await page.getByLabel("纪要").fill(corrected);
  await page.getByLabel("地点").fill("平湖经济技术开发区");
  await page.getByRole("button", { name: "保存更正" }).click();

  await expect(page).toHaveURL(new RegExp(`/projects/${id}(#activity-\\d+)?$`));
  await expect(page.getByRole("heading", { level: 1, name: project })).toBeVisible();
  await expect(timeline).toContainText(corrected);
  await expect(timeline).toContainText("平湖经济技术开发区");
  await expect(timeline).not.toContainText(original);
  await expect(timeline.getByRole("listitem")).toHaveCount(1);
});
