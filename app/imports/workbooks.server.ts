/**
 * The workbooks of 数据导入: the 下载模板 of each kind (headers, one example row, drop-down lists
 * for coded columns, a sheet of instructions) and the error file of a preview (the refused rows as
 * the file had them, with 错误说明, ready to fix and import again).
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import { REGIONS } from "../companies/regions";
import { db, t } from "../db.server";
import { xmlSafeText } from "../lib/text";
import { DUPLICATE_MODE_LABELS, IMPORT_FIELDS, IMPORT_KIND_LABELS, type ImportKind } from "./kinds";
import type { RowError } from "./plan.server";
import { cleanText, type CellValue } from "./values";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Lists the template's drop-downs offer for columns whose values come from the database. */
function databaseChoices(): Record<string, string[]> {
  const names = (rows: { name: string }[]) => rows.map((row) => row.name);
  return {
    country: REGIONS.map(([, label]) => label),
    channel: names(db().select({ name: t.channels.name }).from(t.channels).where(eq(t.channels.active, true)).orderBy(asc(t.channels.sortOrder)).all()),
    owner: names(
      db()
        .select({ name: t.users.displayName })
        .from(t.users)
        .where(and(eq(t.users.active, true), inArray(t.users.role, ["officer", "leader", "admin"])))
        .orderBy(asc(t.users.unitId), asc(t.users.displayName))
        .all(),
    ),
    unit: names(db().select({ name: t.units.name }).from(t.units).where(eq(t.units.active, true)).orderBy(asc(t.units.sortOrder)).all()),
    park: names(db().select({ name: t.parks.name }).from(t.parks).where(isNull(t.parks.deletedAt)).orderBy(asc(t.parks.sortOrder)).all()),
  };
}

const columnLetter = (index: number) => {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

const TEMPLATE_ROWS = 2000;

export async function importTemplate(kind: ImportKind): Promise<Buffer> {
  const fields = IMPORT_FIELDS[kind];
  const fromDatabase = databaseChoices();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "招商引资管理系统";
  const sheet = workbook.addWorksheet(`${IMPORT_KIND_LABELS[kind]}导入`, { views: [{ state: "frozen", ySplit: 1 }] });
  const options = workbook.addWorksheet("选项", { state: "hidden" });
  const guide = workbook.addWorksheet("填写说明");

  sheet.columns = fields.map((field) => ({
    header: field.required ? `*${field.label}` : field.label,
    key: field.key,
    width: Math.min(40, Math.max(12, field.label.length * 2 + 4, String(field.example).length * 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(fields.map((field) => field.example));
  fields.forEach((field, index) => {
    const cell = sheet.getRow(1).getCell(index + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: field.required ? "FFFDE2E1" : "FFE8EEF7" } };
    cell.note = field.hint;
    const choices = field.choices && field.choices.length > 0 ? [...field.choices] : fromDatabase[field.key];
    if (!choices || choices.length === 0) return;
    const optionColumn = columnLetter(index);
    options.getCell(`${optionColumn}1`).value = field.label;
    choices.forEach((choice, row) => (options.getCell(`${optionColumn}${row + 2}`).value = choice));
    const range = `选项!$${optionColumn}$2:$${optionColumn}$${choices.length + 1}`;
    for (let row = 2; row <= TEMPLATE_ROWS; row++) {
      sheet.getCell(`${columnLetter(index)}${row}`).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [range],
        showErrorMessage: false,
      };
    }
  });
  const dateColumns = fields.flatMap((field, index) => (/日期/.test(field.label) ? [index + 1] : []));
  for (const column of dateColumns) sheet.getColumn(column).numFmt = "yyyy-mm-dd";

  guide.columns = [
    { header: "列名", key: "label", width: 24 },
    { header: "必填", key: "required", width: 8 },
    { header: "填写说明", key: "hint", width: 90 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const field of fields) guide.addRow({ label: field.label, required: field.required ? "是" : "", hint: field.hint });
  guide.addRow({});
  const notes = [
    `导入类型：${IMPORT_KIND_LABELS[kind]}。第一张工作表的第1行是表头；第2行是示例（名称以“【示例】”开头的行不会导入），可直接覆盖。`,
    "表头可以放在前10行中的任意一行，上方可以有标题；列的顺序不限，系统按列名（及常见同义列名）识别，预览时可以调整对应关系。",
    "日期可写 2026-03-05、2026/3/5、2026.3.5、2026年3月5日或使用 Excel 日期格式；金额可写 12,000、1.2亿、1,200万，按表头括号中的单位换算。",
    "是/否列可写 是、否、√、×、Y、N、1、0，空白为否。全角数字和字母会自动转为半角。",
    `与系统中已有记录重复时（统一社会信用代码或规范化名称相同）可选择：${Object.values(DUPLICATE_MODE_LABELS).join("、")}。“更新已有记录”只更新文件中填写了的单元格。`,
    "预览不会写入任何数据；确认导入时，所有可导入的行在一次操作中写入，被拒绝的行可下载为错误文件，修改后再次导入。",
    "支持 .xlsx（Excel、WPS、LibreOffice 保存）和 .csv（UTF-8 或 GBK 编码）；旧版 .xls 请另存为 .xlsx。单个文件不超过 20 MB、10 万行。",
  ];
  for (const note of notes) guide.addRow({ label: "说明", hint: note });
  guide.getColumn("hint").alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The refused rows as the file had them, each with 原行号 and 错误说明. */
export async function refusedRowsWorkbook(
  kind: ImportKind,
  refused: { headers: string[]; rows: { rowNumber: number; cells: CellValue[]; errors: RowError[] }[] },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${IMPORT_KIND_LABELS[kind]}-被拒绝的行`, { views: [{ state: "frozen", ySplit: 1 }] });
  // the headers and the reasons quote the file's own text: nothing XML cannot hold may reach the workbook
  const header = sheet.addRow([...refused.headers.map(xmlSafeText), "原行号", "错误说明"]);
  header.font = { bold: true };
  header.getCell(refused.headers.length + 2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E1" } };
  for (const row of refused.rows) {
    const cells = refused.headers.map((_, index) => {
      const value = row.cells[index] ?? null;
      return typeof value === "string" ? xmlSafeText(cleanText(value)) : value;
    });
    const explanation = row.errors.map((error) => `${error.column}：${error.message}`).join("；");
    sheet.addRow([...cells, row.rowNumber, xmlSafeText(explanation)]);
  }
  refused.headers.forEach((text, index) => (sheet.getColumn(index + 1).width = Math.max(10, Math.min(36, text.length * 2 + 4))));
  sheet.getColumn(refused.headers.length + 2).width = 60;
  sheet.getColumn(refused.headers.length + 2).alignment = { wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
