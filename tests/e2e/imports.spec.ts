import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Download } from "@playwright/test";
import ExcelJS from "exceljs";
import { sessionOf } from "./support";

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return workbook;
}

test.describe("signed in as staff", () => {
  test.use({ storageState: sessionOf("staff") });

  test("staff import a ledger from the template, fix the refused row from the error file, and export 企业库 back", async ({ page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fdi-import-"));
    const suffix = String(Date.now()).slice(-6);
    const good = `导入良品株式会社${suffix}`;
    const fixed = `导入待改企业${suffix}`;

    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "数据导入" }).click();
    await expect(page).toHaveURL(/\/imports$/);
    await expect(page.getByRole("heading", { level: 1, name: "数据导入" })).toBeVisible();

    // 下载模板: the header with required marks, an example row, drop-downs and instructions
    const templateDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "企业模板" }).click();
    const template = await workbookOf(await templateDownload);
    const sheet = template.worksheets[0];
    expect(sheet.getRow(1).values).toContain("*企业名称");
    expect(sheet.getCell("D2").dataValidation).toMatchObject({ type: "list" });
    expect(template.getWorksheet("填写说明")?.rowCount).toBeGreaterThan(10);

    // fill the template: one good row, one with a country the system does not know
    sheet.spliceRows(2, 1);
    sheet.getRow(2).values = [good, "Ryohin K.K.", "", "日本", "大阪", "精密机械", "是", "否", "否"];
    sheet.getRow(3).values = [fixed, "", "", "火星", "", "", "", "", ""];
    const ledger = path.join(dir, "企业台账.xlsx");
    await template.xlsx.writeFile(ledger);

    await page.getByLabel("导入类型").selectOption("companies");
    await page.getByLabel("文件").setInputFiles(ledger);
    await page.getByRole("button", { name: "预览", exact: true }).click();
    await expect(page.getByRole("heading", { name: "预览：企业台账.xlsx" })).toBeVisible();
    const counts = page.getByRole("status", { name: "预览结果" });
    await expect(counts).toContainText("1新增");
    await expect(counts).toContainText("1拒绝");
    const refused = page.getByRole("table", { name: "被拒绝的行" });
    await expect(refused.getByRole("row", { name: /第 3 行/ })).toContainText("无法识别国别/地区“火星”");

    const errorDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载错误行（.xlsx）" }).click();
    const errors = await workbookOf(await errorDownload);
    const errorSheet = errors.worksheets[0];
    const headers = errorSheet.getRow(1).values as string[];
    expect(headers).toContain("错误说明");
    expect(errorSheet.rowCount).toBe(2);
    expect(String(errorSheet.getRow(2).getCell(headers.indexOf("错误说明")).value)).toContain("火星");

    await page.getByRole("button", { name: "确认导入" }).click();
    await expect(page).toHaveURL(/\/imports\?done=\d+$/);
    await expect(page.getByRole("status").filter({ hasText: "导入完成" })).toContainText("新增 1 条");

    // fix the refused row in the error file and import it
    errorSheet.getRow(2).getCell(headers.indexOf("*国别/地区")).value = "德国";
    const fixedFile = path.join(dir, "企业台账-已改.xlsx");
    await errors.xlsx.writeFile(fixedFile);
    await page.getByLabel("文件").setInputFiles(fixedFile);
    await page.getByRole("button", { name: "预览", exact: true }).click();
    await expect(page.getByRole("heading", { name: "预览：企业台账-已改.xlsx" })).toBeVisible();
    await expect(page.getByRole("status", { name: "预览结果" })).toContainText("1新增");
    await expect(page.getByRole("status", { name: "预览结果" })).toContainText("0拒绝");
    await page.getByRole("button", { name: "确认导入" }).click();
    await expect(page).toHaveURL(/\/imports\?done=\d+$/);
    await expect(page.getByRole("table", { name: "导入记录" }).getByRole("row", { name: /企业台账-已改\.xlsx/ })).toBeVisible();

    // both companies are in 企业库, and its export carries them
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "企业库" }).click();
    await expect(page).toHaveURL(/\/companies$/);
    await page.getByLabel("搜索企业").fill(suffix);
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${suffix}`));
    await expect(page.getByRole("link", { name: good })).toBeVisible();
    await expect(page.getByRole("link", { name: fixed })).toBeVisible();

    const exportDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出Excel" }).click();
    const exported = (await workbookOf(await exportDownload)).worksheets[0];
    expect(exported.getCell("A1").value).toBe("企业库");
    expect(String(exported.getCell("A2").value)).toContain(`搜索：${suffix}`);
    const names = exported.getColumn(1).values.slice(4);
    expect(names).toEqual(expect.arrayContaining([good, fixed]));
    expect(names).toHaveLength(2);
    const row = exported.getRow(names.indexOf(good) + 4);
    expect(row.getCell(4).value).toBe("日本");
    expect(row.getCell(7).value).toBe("是");
  });
});

test.describe("signed in as an officer", () => {
  test.use({ storageState: sessionOf("officer") });

  test("an officer has no 数据导入 and is refused the screen", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "数据导入" })).toHaveCount(0);
    const response = await page.goto("/imports");
    expect(response?.status()).toBe(403);
  });
});
