import { expect } from "@playwright/test";
import { changeStageToSigning, newProject, test } from "./support";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);

test("an officer attaches the signed agreement; the leader sees it beside 甄别通过 and downloads it", async ({ pageAs }) => {
  // the officer's own signing, so the demo's signings awaiting 甄别 stay as they are
  const suffix = Date.now().toString(36);
  const name = `附件测试签约项目${suffix}`;
  const owner = await pageAs("officer");
  await newProject(owner, { company: `附件测试企业${suffix}`, project: name });
  const projectUrl = owner.url();
  await changeStageToSigning(owner);

  // the project's owner may attach to it
  const section = owner.locator("section[id^='attachments-project-']");
  await section.getByLabel("附件类型").selectOption({ label: "签约协议" });
  await section.getByLabel("文件").setInputFiles({ name: "投资协议（签字版）.jpg", mimeType: "image/jpeg", buffer: PDF });
  await section.getByRole("button", { name: "上传附件" }).click();
  await expect(owner.getByRole("status")).toContainText("已上传");
  const table = owner.getByRole("table", { name: "附件" });
  await expect(table.getByRole("row", { name: /投资协议（签字版）\.jpg/ })).toContainText("签约协议");
  // typed by content: a PDF named .jpg is a PDF
  await expect(table.getByRole("row", { name: /投资协议/ })).toContainText("PDF");

  const page = await pageAs("leader");
  await page.goto("/");
  await page
    .getByRole("region", { name: /待甄别签约/ })
    .getByRole("table")
    .getByRole("link", { name, exact: true })
    .click();
  await expect(page).toHaveURL(projectUrl);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const box = page.getByRole("region", { name: "签约甄别" });
  const download = page.waitForEvent("download");
  await box.getByRole("link", { name: "投资协议（签字版）.jpg" }).click();
  expect((await download).suggestedFilename()).toBe("投资协议（签字版）.jpg");
  page.once("dialog", (dialog) => dialog.accept());
  await box.getByRole("button", { name: "甄别通过" }).click();
  await expect(page.getByRole("region", { name: "签约甄别" }).getByText("已甄别")).toBeVisible();
});
