import { expect, test } from "@playwright/test";
import { sessionOf, todayInShanghai } from "./support";

test.use({ storageState: sessionOf("staff") });

function lastMonth(): string {
  const [y, m] = todayInShanghai().split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

test("staff generate last month's report, edit 存在问题, download Word and Excel, and open the print view", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "月度报告" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { level: 1, name: "月度报告" })).toBeVisible();
  await expect(page.getByLabel("报告月份")).toHaveValue(lastMonth());
  // other specs (phone.spec.ts) may have generated reports already: count from what is there
  const generated = page.getByRole("table", { name: "已生成的报告" }).getByRole("row");
  const rowsBefore = (await generated.count()) || 1;
  await page.getByRole("button", { name: "生成报告" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  const [year, month] = lastMonth().split("-").map(Number);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${year}年${month}月招商引资工作进展报告`);
  const edition = Number(/第(\d+)版/.exec((await page.getByRole("heading", { level: 1 }).textContent()) ?? "")?.[1]);
  await expect(page.getByRole("table", { name: "主要指标完成情况" }).locator("thead tr, tbody tr")).toHaveCount(7);

  await page.getByLabel("存在问题").fill("部分项目签约后落地进度偏慢。");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存");
  await page.reload();
  await expect(page.getByLabel("存在问题")).toHaveValue("部分项目签约后落地进度偏慢。");

  const word = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载Word" }).click();
  const docx = await (await word).createReadStream();
  const docxBytes = await new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    docx.on("data", (chunk: Buffer) => chunks.push(chunk));
    docx.on("end", () => resolve(Buffer.concat(chunks)));
  });
  expect(docxBytes.subarray(0, 2).toString()).toBe("PK");
  expect(docxBytes.length).toBeGreaterThan(5000);

  const excel = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载Excel" }).click();
  const download = await excel;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxPath = await download.path();
  const { readFileSync } = await import("node:fs");
  const xlsxBytes = readFileSync(xlsxPath!);
  expect(xlsxBytes.subarray(0, 2).toString()).toBe("PK");

  const reportUrl = page.url();
  await page.goto(`${reportUrl}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("招商引资工作进展报告");
  await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);
  await expect(page.getByRole("img", { name: /招商漏斗/ }).locator("svg")).toBeVisible();
  await expect(page.getByText("部分项目签约后落地进度偏慢。")).toBeVisible();

  // regenerating makes a second edition; the list shows both
  await page.goto("/reports");
  await page.getByRole("button", { name: "生成报告" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`第${edition + 1}版`);
  await page.goto("/reports");
  await expect(generated).toHaveCount(rowsBefore + 2);
});
