import { expect, type Page } from "@playwright/test";
import { newCompany, sessionOf, test } from "./support";

const suffix = Date.now().toString(36);
test.use({ storageState: sessionOf("officer") });

/** A fresh company with one contact, so the demo's contacts stay as they are. */
async function companyWithContact(page: Page, company: string, contact: string) {
  await newCompany(page, company);
  const add = page.locator("details", { has: page.locator("summary", { hasText: "添加联系人" }) });
  await add.locator("summary").click();
  await add.getByLabel("姓名").fill(contact);
  await add.getByLabel("职务").fill("部长");
  await add.getByRole("button", { name: "添加联系人" }).click();
  await expect(page.locator("summary", { hasText: contact })).toBeVisible();
}

test("an officer removes a contact after the browser asks; 变更记录 keeps the removal", async ({ page }) => {
  const contact = `田中${suffix}`;
  await companyWithContact(page, `联系人移除测试${suffix}`, contact);
  await page.locator("summary", { hasText: contact }).click();

  // dismissing the question keeps the contact
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("button", { name: `移除联系人 ${contact}` }).click();
  await expect(page.locator("summary", { hasText: contact })).toBeVisible();

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe(`确定移除联系人「${contact}」？`);
    void dialog.accept();
  });
  await page.getByRole("button", { name: `移除联系人 ${contact}` }).click();
  await expect(page.locator("summary", { hasText: contact })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "变更记录" })).toBeVisible();
});

test("without JavaScript 移除 opens a confirmation page of its own", async ({ pageAs }) => {
  const page = await pageAs("officer", { javaScriptEnabled: false });
  const company = `联系人无脚本测试${suffix}`;
  const contact = `铃木${suffix}`;
  await companyWithContact(page, company, contact);
  await page.locator("summary", { hasText: contact }).click();
  await page.getByRole("button", { name: `移除联系人 ${contact}` }).click();

  await expect(page).toHaveURL(/\/companies\/\d+\/contacts\/\d+\/remove\?version=\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "移除联系人" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `确定从「${company}」移除联系人「${contact} · 部长」？` })).toBeVisible();
  // 返回 leaves it in place
  await page.getByRole("link", { name: "返回" }).click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);
  await expect(page.locator("summary", { hasText: contact })).toBeVisible();

  await page.locator("summary", { hasText: contact }).click();
  await page.getByRole("button", { name: `移除联系人 ${contact}` }).click();
  await page.getByRole("button", { name: "移除", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: company })).toBeVisible();
  await expect(page.locator("summary", { hasText: contact })).toHaveCount(0);
});
