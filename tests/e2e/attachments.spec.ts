import { expect, test } from "@playwright/test";
import { DEMO_USERNAME_OF, login, logout } from "./support";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);

test("an officer attaches the signed agreement; the leader sees it beside 甄别通过 and downloads it", async ({ page }) => {
  await login(page, "leader");
  const pending = page.getByRole("region", { name: /待甄别签约/ });
  const link = pending.getByRole("table").getByRole("link").first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const projectUrl = page.url();
  // the project's owner may attach to it
  const ownerName = (await page.locator("dt", { hasText: "负责人" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  await logout(page);

  await login(page, DEMO_USERNAME_OF[ownerName]!);
  await page.goto(projectUrl);
  const section = page.locator("section[id^='attachments-project-']");
  await section.getByLabel("附件类型").selectOption({ label: "签约协议" });
  await section.getByLabel("文件").setInputFiles({ name: "投资协议（签字版）.jpg", mimeType: "image/jpeg", buffer: PDF });
  await section.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByRole("status")).toContainText("已上传");
  const table = page.getByRole("table", { name: "附件" });
  await expect(table.getByRole("row", { name: /投资协议（签字版）\.jpg/ })).toContainText("签约协议");
  // typed by content: a PDF named .jpg is a PDF
  await expect(table.getByRole("row", { name: /投资协议/ })).toContainText("PDF");
  await logout(page);

  await login(page, "leader");
  await page.goto(projectUrl);
  const box = page.getByRole("region", { name: "签约甄别" });
  const download = page.waitForEvent("download");
  await box.getByRole("link", { name: "投资协议（签字版）.jpg" }).click();
  expect((await download).suggestedFilename()).toBe("投资协议（签字版）.jpg");
  page.once("dialog", (dialog) => dialog.accept());
  await box.getByRole("button", { name: "甄别通过" }).click();
  await expect(page.getByRole("region", { name: "签约甄别" }).getByText("已甄别")).toBeVisible();
});
