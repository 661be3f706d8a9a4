/**
 * Whatever a user can type never breaks an export (DESIGN.md §9): text with characters XML 1.0
 * forbids — Word's Shift+Enter (U+000B), U+0001, U+FFFE/U+FFFF, a lone surrogate — in a project
 * name, a person's name and the report narrative still gives Word and Excel files whose every XML
 * part parses strictly, and narrative text that looks like the Word export's table marker stays text.
 */
import { describe, expect, it } from "vitest";
import { listWorkbookStream } from "../app/exports/list-workbook.server";
import { refusedRowsWorkbook } from "../app/imports/workbooks.server";
import { renderReportDocx } from "../app/reports/report-docx.server";
import { renderReportXlsx } from "../app/reports/report-xlsx.server";
import { reportExportFixture, reportSnapshotFixture } from "./support/report-fixture";
import { readXmlParts, withPart } from "./support/xml-parts";

/** Text as a user might leave it: each forbidden kind once, between ordinary words. */
const TYPED = "樱野\u000B精密\u0001扩产\uFFFE项目\uFFFF二期\uD800期";

/** Parses every XML part of an Office file strictly; returns the parts' text. */
async function xmlParts(file: Buffer): Promise<Record<string, string>> {
  const { parts, problems } = await readXmlParts(file);
  expect(problems).toEqual([]);
  return parts;
}

const tableCount = (xml: string) => (xml.match(/<w:tbl>/g) ?? []).length;

function typedReport(problems: string) {
  const snapshot = reportSnapshotFixture();
  snapshot.keyProjects.signed[0]!.name = TYPED;
  snapshot.keyProjects.signed[0]!.ownerName = "张\u0001三";
  snapshot.appendix[0]!.progress = `洽谈：${TYPED}`;
  snapshot.pipeline.changes[0]!.projectName = TYPED;
  return reportExportFixture({
    snapshot,
    problems,
    nextMonthPlan: `计划\u000B第二行\uFFFF`,
    generatedByName: "招商\u0001专员",
    addressedTo: `市委\u000B、市政府\uD800`,
    issuedBy: `平湖市\u0001投资促进中心`,
    issuedOn: "2026-07-03",
  });
}

describe("the strict reading of an Office file", () => {
  it("fails a document.xml into which a control character slipped, or whose markup is broken", async () => {
    const docx = await renderReportDocx(reportExportFixture());
    expect((await readXmlParts(docx)).problems).toEqual([]);
    const slipped = await withPart(docx, "word/document.xml", (xml) => xml.replace("七、存在问题", "七、存在\u0001问题"));
    const { problems } = await readXmlParts(slipped);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith("word/document.xml: "))).toBe(true);
    // markup the character check lets through but the parser refuses: an element left open
    const broken = await withPart(docx, "word/document.xml", (xml) => xml.replace("<w:body>", "<w:body><w:p>"));
    expect((await readXmlParts(broken)).problems).toEqual([expect.stringMatching(/^word\/document\.xml: /)]);
  });
});

describe("the Word report with typed control characters and a forged table marker", () => {
  it("parses strictly and keeps the words around the characters it drops", async () => {
    const parts = await xmlParts(await renderReportDocx(typedReport(`一是\u000B资金\uFFFE到位偏慢。`)));
    const document = parts["word/document.xml"]!;
    expect(document).toContain("樱野精密扩产项目二期期");
    expect(document).toContain("一是资金到位偏慢。");
    expect(document).toContain("计划第二行");
    expect(document).toContain("市委、市政府：");
    expect(document).toContain("平湖市投资促进中心");
    expect(parts["docProps/core.xml"]).toContain("招商专员");
  });

  it("keeps ⟦表0⟧ typed in the narrative as text and splices no table for it", async () => {
    const plain = (await xmlParts(await renderReportDocx(reportExportFixture())))["word/document.xml"]!;
    const document = (await xmlParts(await renderReportDocx(reportExportFixture({ problems: "一是⟦表0⟧资金到位偏慢。\n二是⟦表3⟧仍需推进。" }))))[
      "word/document.xml"
    ]!;
    expect(document).toContain("一是⟦表0⟧资金到位偏慢。");
    expect(document).toContain("二是⟦表3⟧仍需推进。");
    // the same tables as the fixture without the typed markers, none more
    expect(tableCount(document)).toBe(tableCount(plain));
  });
});

describe("the Excel report and the list exports with typed control characters", () => {
  it("gives a report workbook whose every part parses strictly", async () => {
    const parts = await xmlParts(await renderReportXlsx(typedReport("一是\u000B资金\uFFFE到位偏慢。")));
    const all = Object.values(parts).join("");
    expect(all).toContain("樱野精密扩产项目二期期");
  });

  it("gives a list workbook whose every part parses strictly, a cell cut at Excel's limit included", async () => {
    const chunks: Buffer[] = [];
    // a cell longer than Excel's 32,767 characters, cut through a surrogate pair (𠀀 is two UTF-16 units)
    const long = `${"测".repeat(32_766)}𠀀尾`;
    const stream = listWorkbookStream({
      title: `清单${TYPED}`,
      filters: [`名称：${TYPED}`],
      columns: [{ header: `名称${TYPED}`, value: (row: { name: string }) => row.name }],
      chunks: [[{ name: TYPED }, { name: long }]],
    });
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const parts = await xmlParts(Buffer.concat(chunks));
    const sheet = parts["xl/worksheets/sheet1.xml"]!;
    expect(sheet).toContain("樱野精密扩产项目二期期");
    // the cut falls inside 𠀀: the half left over is dropped, not written as U+FFFD
    expect(sheet).not.toContain("\uFFFD");
    expect(sheet).toContain(`${"测".repeat(32_766)}</t>`);
  });

  it("gives a refused-rows workbook whose every part parses strictly, the file's own headers included", async () => {
    const file = await refusedRowsWorkbook("companies", {
      headers: [`企业名称${TYPED}`, "国别"],
      rows: [{ rowNumber: 2, cells: [TYPED, "日本"], errors: [{ column: `企业名称${TYPED}`, message: `无法识别“${TYPED}”` }] }],
    });
    const parts = await xmlParts(file);
    expect(Object.values(parts).join("")).toContain("樱野精密扩产项目二期期");
  });
});
