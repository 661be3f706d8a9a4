/**
 * 最近活动 follows one rule wherever activities come from or go (DESIGN.md §2, today 2026-06-30): the
 * latest live activity's date, else the 线索日期 — for a visit logged on the page, an imported
 * activity (back-dated ones included), an undone import, and a project imported at a later stage.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newActivitySchema } from "../app/activities/activity";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { confirmImport, storeUpload, undoImport } from "../app/imports/imports.server";
import type { ImportKind } from "../app/imports/kinds";
import { addActivity } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

let staff: Actor;
let officer: Actor & { username: string };
let companyId: number;

beforeAll(() => {
  const unitId = makeUnit("最近活动测试单位");
  staff = makeUser("staff", unitId);
  officer = makeUser("officer", unitId, "最近活动负责人");
  companyId = makeCompany(officer, { name: "最近活动测试企业" });
});

/** A UTF-8 CSV as an office saves one: a header row, then the rows. */
function csv(rows: string[][]): Buffer {
  return Buffer.from(rows.map((row) => row.join(",")).join("\r\n") + "\r\n", "utf8");
}

function importCsv(kind: ImportKind, rows: string[][]): Promise<number> {
  return confirmImport({ actor: staff, token: storeUpload(csv(rows)), fileName: "台账.csv", kind, mode: "skip" });
}

const ACTIVITY_HEADER = ["项目名称", "活动类型", "活动日期", "纪要"];
const visit = (occurredOn: string) => newActivitySchema.parse({ type: "visit", occurredOn, summary: `拜访 ${occurredOn}` });

describe("importing activities", () => {
  it("sets 最近活动 by the same rule as the page: a back-dated import counts, an older one never moves it back", async () => {
    // no activity yet: 最近活动 is the 线索日期, 2026-06-01; the file's visits came before it
    const quiet = makeProject(officer, { companyId, name: "补录活动项目", enteredOn: "2026-06-01" });
    // a visit on 06-20 already logged: the file's older visit leaves it
    const busy = makeProject(officer, { companyId, name: "已有活动项目", enteredOn: "2026-03-01" });
    addActivity({ actor: officer, projectId: busy, data: visit("2026-06-20") });
    expect([projectRow(quiet).lastActivityOn, projectRow(busy).lastActivityOn]).toEqual(["2026-06-01", "2026-06-20"]);

    const batchId = await importCsv("activities", [
      ACTIVITY_HEADER,
      ["补录活动项目", "拜访", "2026-05-10", "补录：首次拜访"],
      ["补录活动项目", "来访", "2026-05-20", "补录：企业来访"],
      ["已有活动项目", "电话", "2026-06-05", "补录：电话沟通"],
    ]);
    expect(db().select().from(t.importBatches).where(eq(t.importBatches.id, batchId)).get()).toMatchObject({ createdCount: 3, refusedCount: 0 });
    expect(projectRow(quiet).lastActivityOn).toBe("2026-05-20");
    expect(projectRow(busy).lastActivityOn).toBe("2026-06-20");
  });
});

describe("撤销导入 of activities", () => {
  it("puts 最近活动 back to the latest remaining activity, else the 线索日期", async () => {
    // a visit logged before the lead was entered: once the import goes, it is the latest again
    const early = makeProject(officer, { companyId, name: "撤销活动项目甲", enteredOn: "2026-03-01" });
    addActivity({ actor: officer, projectId: early, data: visit("2026-02-15") });
    const bare = makeProject(officer, { companyId, name: "撤销活动项目乙", enteredOn: "2026-04-01" });
    const batchId = await importCsv("activities", [
      ACTIVITY_HEADER,
      ["撤销活动项目甲", "拜访", "2026-06-10", "导入：回访"],
      ["撤销活动项目乙", "拜访", "2026-03-20", "导入：线索前的拜访"],
    ]);
    expect([projectRow(early).lastActivityOn, projectRow(bare).lastActivityOn]).toEqual(["2026-06-10", "2026-03-20"]);

    undoImport({ actor: staff, batchId });
    expect(projectRow(early).lastActivityOn).toBe("2026-02-15");
    expect(projectRow(bare).lastActivityOn).toBe("2026-04-01");
  });
});

describe("importing projects", () => {
  it("starts 最近活动 at the 线索日期 for a project imported at a later stage, as for one moved on the page", async () => {
    await importCsv("projects", [
      ["项目名称", "投资方企业", "负责人", "总投资（万美元）", "合同外资（万美元）", "当前阶段", "阶段日期", "线索日期"],
      ["导入洽谈项目", "最近活动测试企业", officer.username, "900", "100", "洽谈", "2026-05-05", "2026-02-02"],
    ]);
    const [project] = db().select().from(t.projects).where(eq(t.projects.name, "导入洽谈项目")).all();
    expect(project).toMatchObject({ stage: "negotiating", lastActivityOn: "2026-02-02" });
  });
});
