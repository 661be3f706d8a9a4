/**
 * Workbooks as office suites write them, read by the import: files saved by LibreOffice Calc
 * (tests/fixtures), and SpreadsheetML variants written here — namespace prefixes, inline rich
 * strings, phonetic guides, cells without references, booleans and errors.
 */
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { confirmImport, previewImport, storeUpload } from "../app/imports/imports.server";
import { readSpreadsheet } from "../app/imports/read-file.server";
import { db, t } from "../app/db.server";
import { makeUnit, makeUser } from "./support/builders";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", name));
let staff: Actor;
beforeAll(() => {
  staff = makeUser("staff", makeUnit());
});

describe("files saved by LibreOffice Calc", () => {
  it("finds the data sheet after an instructions sheet, the header on row 3, and reads every cell as shown", async () => {
    const sheet = await readSpreadsheet(fixture("libreoffice-ledger.xlsx"), "companies");
    expect(sheet.sheetName).toBe("企业台账");
    expect(sheet.headerRowNumber).toBe(3);
    expect(sheet.headers).toEqual(["序号", "企业名称", "外文名称", "国家/地区", "是否世界500强", "内部编码", "更新日期"]);
    // the blank row between the data is no row in the file at all
    expect(sheet.rows.map((row) => [row.rowNumber, row.cells[1]])).toEqual([
      [4, "瑞穗精密株式会社"],
      [5, "莱茵机械有限公司"],
      [7, "汇澄实业（平湖）有限公司"],
    ]);
    expect(sheet.rows[0].cells[6]).toBe(46086);
    const preview = await previewImport({
      actor: staff,
      token: storeUpload(fixture("libreoffice-ledger.xlsx")),
      fileName: "台账.xlsx",
      kind: "companies",
      mode: "skip",
    });
    expect(preview.counts).toEqual({ create: 3, update: 0, skip: 0, refuse: 0 });
    expect(preview.mapping.filter((column) => !column.field && !column.ignored).map((column) => column.header)).toEqual(["内部编码", "更新日期"]);
  });

  it("imports a CSV ledger LibreOffice saved as .xlsx: full-width names, 1.2亿 and thousands separators", async () => {
    const token = storeUpload(fixture("libreoffice-from-csv.xlsx"));
    await confirmImport({ actor: staff, token, fileName: "台账.xlsx", kind: "companies", mode: "skip" });
    const names = db().select({ name: t.companies.name, country: t.companies.country }).from(t.companies).all();
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "樱花精工株式会社", country: "JP" },
        { name: "ABC Gmbh", country: "DE" },
        { name: '带"引号"的企业', country: "HK" },
      ]),
    );
  });
});

/** A minimal workbook, its parts written by hand. */
async function workbook(sheetXml: string, { prefix = "" } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const ns = prefix ? `xmlns:${prefix.slice(0, -1)}` : "xmlns";
  zip.file("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0"?><${prefix}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${prefix}sheets><${prefix}sheet name="选项" sheetId="2" state="hidden" r:id="rId2"/><${prefix}sheet name="数据" sheetId="1" r:id="rId1"/></${prefix}sheets></${prefix}workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/options.xml"/></Relationships>`,
  );
  zip.file(
    "xl/worksheets/options.xml",
    `<?xml version="1.0"?><${prefix}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData><${prefix}row r="1"><${prefix}c r="A1" t="inlineStr"><${prefix}is><${prefix}t>企业名称</${prefix}t></${prefix}is></${prefix}c></${prefix}row></${prefix}sheetData></${prefix}worksheet>`,
  );
  zip.file(
    "xl/worksheets/data.xml",
    `<?xml version="1.0"?><${prefix}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>${sheetXml}</${prefix}sheetData></${prefix}worksheet>`,
  );
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer" }));
}

describe("SpreadsheetML as other writers lay it out", () => {
  const inline = (text: string, p = "") => `<${p}c t="inlineStr"><${p}is><${p}t>${text}</${p}t></${p}is></${p}c>`;

  it("reads namespace prefixes, cells without references, inline rich text without phonetic guides, booleans and errors", async () => {
    const p = "x:";
    const rows = [
      `<${p}row>${inline("企业名称", p)}${inline("国别", p)}${inline("世界500强", p)}${inline("备注", p)}</${p}row>`,
      `<${p}row><${p}c t="inlineStr"><${p}is><${p}r><${p}t>日立</${p}t></${p}r><${p}r><${p}t xml:space="preserve">建机株式会社</${p}t></${p}r><${p}rPh sb="0" eb="2"><${p}t>ひたち</${p}t></${p}rPh></${p}is></${p}c>${inline("日本", p)}<${p}c t="b"><${p}v>1</${p}v></${p}c><${p}c t="e"><${p}v>#N/A</${p}v></${p}c></${p}row>`,
      `<${p}row r="5"><${p}c r="A5" t="str"><${p}f>A2&amp;"二"</${p}f><${p}v>R&amp;D &lt;二&gt;_x000D_</${p}v></${p}c><${p}c r="B5" t="inlineStr"><${p}is><${p}t>德国</${p}t></${p}is></${p}c></${p}row>`,
    ].join("");
    const sheet = await readSpreadsheet(await workbook(rows, { prefix: p }), "companies");
    expect(sheet.sheetName).toBe("数据");
    expect(sheet.headers).toEqual(["企业名称", "国别", "世界500强", "备注"]);
    expect(sheet.rows.map((row) => [row.rowNumber, ...row.cells])).toEqual([
      [2, "日立建机株式会社", "日本", true],
      [5, "R&D <二>\r", "德国"],
    ]);
  });

  it("names what a file is when it is a spreadsheet of another format", async () => {
    const html = Buffer.from("<html><body><table><tr><td>企业名称</td></tr></table></body></html>");
    await expect(readSpreadsheet(html, "companies")).rejects.toThrow("这是网页或 XML 格式的表格");
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    ods.file("content.xml", "<office:document-content/>");
    await expect(readSpreadsheet(Buffer.from(await ods.generateAsync({ type: "nodebuffer" })), "companies")).rejects.toThrow("OpenDocument 表格（.ods）");
    const xlsb = new JSZip();
    xlsb.file("xl/workbook.bin", "binary");
    await expect(readSpreadsheet(Buffer.from(await xlsb.generateAsync({ type: "nodebuffer" })), "companies")).rejects.toThrow("二进制工作簿（.xlsb）");
  });

  it("refuses a zip that is no workbook with a Chinese message", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const bytes = Buffer.from(await zip.generateAsync({ type: "nodebuffer" }));
    await expect(readSpreadsheet(bytes, "companies")).rejects.toThrow("文件不是 Excel 表格");
  });
});
