/**
 * Projects on a real migrated SQLite file: stage rules, permission scope, optimistic concurrency,
 * and the audit trail.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { db, t } from "../app/db.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import { projectSchema } from "../app/projects/project.schema";
import {
  addActivity,
  addProjectMember,
  changeProjectStatus,
  getProject,
  getWorkbench,
  listProjects,
  moveProjectToStage,
  updateProject,
  verifySigning,
  WORKBENCH_ROWS,
} from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

let officer: Actor;
let colleague: Actor;
let officer2: Actor;
let leader: Actor;
let staff: Actor;
let companyId: number;

beforeAll(() => {
  const center = makeUnit("投资促进中心");
  const zone = makeUnit("平湖经济技术开发区");
  officer = makeUser("officer", center);
  colleague = makeUser("officer", center);
  officer2 = makeUser("officer", zone);
  leader = makeUser("leader", center);
  staff = makeUser("staff", center);
  companyId = makeCompany(officer, { name: "示例精工株式会社" });
});

function stageLog(projectId: number) {
  return db().select().from(t.stageChanges).where(eq(t.stageChanges.projectId, projectId)).orderBy(t.stageChanges.id).all();
}

function auditOf(projectId: number) {
  return db()
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, "project"), eq(t.auditLog.entityId, projectId)))
    .orderBy(t.auditLog.id)
    .all();
}

const expectError = (fn: () => unknown, type: new (...args: never[]) => Error) => expect(fn).toThrow(type);

describe("creating a project", () => {
  it("starts at 线索 with the lead date in the log and a create audit row", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-02-03", totalInvestmentUsd: "123.45", contractedFdiUsd: "100" });
    const row = projectRow(id);
    expect(row).toMatchObject({ stage: "lead", status: "active", totalInvestmentUsd: 1_234_500, lastActivityOn: "2026-02-03" });
    expect(stageLog(id)).toMatchObject([{ fromStage: null, toStage: "lead", occurredOn: "2026-02-03" }]);
    const [audit] = auditOf(id);
    expect(audit.action).toBe("create");
    expect(audit.changes?.totalInvestmentUsd).toEqual([null, 1_234_500]);
  });

  it("refuses staff, and an officer naming another unit, writing nothing", () => {
    const projectsBefore = listProjects(leader, { page: 1 }).total;
    expectError(() => makeProject(staff, { companyId }), ForbiddenError);
    try {
      makeProject(officer, { companyId, unitId: officer2.unitId });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).fieldErrors.unitId).toBe("只能选择本单位为负责单位");
    }
    expect(listProjects(leader, { page: 1 }).total).toBe(projectsBefore);
  });

  it("refuses an unknown 投资方企业 with a field error", () => {
    try {
      makeProject(officer, { companyId: companyId, companyName: "没有这家企业" } as never);
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidError).fieldErrors.companyName).toContain("企业库中没有该企业");
    }
  });
});

describe("stage changes", () => {
  it("logs a forward skip and sets the signing date on the first transition past 签约", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-01-05" });
    moveProjectToStage({ actor: officer, projectId: id, toStage: "negotiating", occurredOn: "2026-02-01", note: null, version: projectRow(id).version });
    moveProjectToStage({ actor: officer, projectId: id, toStage: "registered", occurredOn: "2026-03-15", note: null, version: projectRow(id).version });
    const row = projectRow(id);
    expect(row.stage).toBe("registered");
    expect(row.signedOn).toBe("2026-03-15");
    expect(row.signingVerifiedAt).toBeNull();
    expect(stageLog(id).map((c) => [c.fromStage, c.toStage, c.occurredOn])).toEqual([
      [null, "lead", "2026-01-05"],
      ["lead", "negotiating", "2026-02-01"],
      ["negotiating", "registered", "2026-03-15"],
    ]);
    const stageAudit = auditOf(id).filter((a) => a.action === "stage");
    expect(stageAudit[1].changes).toMatchObject({ stage: ["negotiating", "registered"], skipped: [null, "signed"], signedOn: [null, "2026-03-15"] });
  });

  it("needs a note to go back, and keeps the first signing date", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-01-05" });
    moveProjectToStage({ actor: officer, projectId: id, toStage: "signed", occurredOn: "2026-02-01", note: null, version: projectRow(id).version });
    const version = projectRow(id).version;
    expectError(
      () => moveProjectToStage({ actor: officer, projectId: id, toStage: "negotiating", occurredOn: "2026-02-10", note: null, version }),
      InvalidError,
    );
    expect(stageLog(id)).toHaveLength(2);
    moveProjectToStage({ actor: officer, projectId: id, toStage: "negotiating", occurredOn: "2026-02-10", note: "合同条款重议", version });
    moveProjectToStage({ actor: officer, projectId: id, toStage: "signed", occurredOn: "2026-04-01", note: null, version: projectRow(id).version });
    expect(projectRow(id).signedOn).toBe("2026-02-01");
    expect(stageLog(id).at(-2)?.note).toBe("合同条款重议");
  });

  it("refuses a future date or a date before the lead came in, writing nothing", () => {
    const id = makeProject(officer, { companyId, enteredOn: "2026-03-01" });
    const version = projectRow(id).version;
    expectError(() => moveProjectToStage({ actor: officer, projectId: id, toStage: "contacted", occurredOn: "2026-07-01", note: null, version }), InvalidError);
    expectError(() => moveProjectToStage({ actor: officer, projectId: id, toStage: "contacted", occurredOn: "2026-02-28", note: null, version }), InvalidError);
    expect(projectRow(id)).toMatchObject({ stage: "lead", version });
    expect(stageLog(id)).toHaveLength(1);
  });

  it("lets only a leader verify a signing, once", () => {
    const id = makeProject(officer, { companyId });
    expectError(() => verifySigning({ actor: leader, projectId: id, version: projectRow(id).version }), InvalidError);
    moveProjectToStage({ actor: officer, projectId: id, toStage: "signed", occurredOn: "2026-05-05", note: null, version: projectRow(id).version });
    expectError(() => verifySigning({ actor: officer, projectId: id, version: projectRow(id).version }), ForbiddenError);
    verifySigning({ actor: leader, projectId: id, version: projectRow(id).version });
    expect(projectRow(id).signingVerifiedBy).toBe(leader.id);
    expectError(() => verifySigning({ actor: leader, projectId: id, version: projectRow(id).version }), InvalidError);
    expect(auditOf(id).filter((a) => a.action === "verify")).toHaveLength(1);
  });
});

describe("status", () => {
  it("needs 原因 and 流失去向 for 流失, 原因 for 放弃", () => {
    const id = makeProject(officer, { companyId });
    const version = projectRow(id).version;
    try {
      changeProjectStatus({ actor: officer, projectId: id, status: "lost", occurredOn: "2026-06-30", reason: null, lostTo: null, version });
      expect.unreachable();
    } catch (error) {
      expect(Object.keys((error as InvalidError).fieldErrors).sort()).toEqual(["lostTo", "reason"]);
    }
    expectError(
      () => changeProjectStatus({ actor: officer, projectId: id, status: "abandoned", occurredOn: "2026-06-30", reason: " ", lostTo: null, version }),
      InvalidError,
    );
    changeProjectStatus({ actor: officer, projectId: id, status: "lost", occurredOn: "2026-06-30", reason: "土地指标不足", lostTo: "江苏昆山", version });
    expect(projectRow(id)).toMatchObject({ status: "lost", statusReason: "土地指标不足", lostTo: "江苏昆山" });
  });
});

describe("permission scope", () => {
  it("answers NotFound to an officer of another unit, and leaves them out of lists", () => {
    const id = makeProject(officer, { companyId, name: "范围测试项目" });
    expectError(() => getProject(officer2, id), NotFoundError);
    expect(listProjects(officer2, { page: 1, q: "范围测试项目" }).rows).toHaveLength(0);
    expect(listProjects(leader, { page: 1, q: "范围测试项目" }).rows).toHaveLength(1);
    expect(getProject(staff, id).canEdit).toBe(false);
  });

  it("lets a same-unit colleague read but not edit; membership grants both", () => {
    const id = makeProject(officer, { companyId });
    expect(getProject(colleague, id).canEdit).toBe(false);
    expectError(
      () =>
        moveProjectToStage({ actor: colleague, projectId: id, toStage: "contacted", occurredOn: "2026-06-01", note: null, version: projectRow(id).version }),
      ForbiddenError,
    );
    expectError(() => getProject(officer2, id), NotFoundError);
    addProjectMember({ actor: officer, projectId: id, userId: officer2.id });
    expect(getProject(officer2, id).canEdit).toBe(true);
    moveProjectToStage({ actor: officer2, projectId: id, toStage: "contacted", occurredOn: "2026-06-01", note: null, version: projectRow(id).version });
    expect(projectRow(id).stage).toBe("contacted");
  });

  it("refuses activities from staff and from other units", () => {
    const id = makeProject(officer, { companyId });
    const activity = { type: "visit" as const, occurredOn: "2026-06-20", participants: null, place: "大阪", summary: "拜访总部", nextStep: null };
    expectError(() => addActivity({ actor: staff, projectId: id, data: activity }), ForbiddenError);
    expectError(() => addActivity({ actor: officer2, projectId: id, data: activity }), NotFoundError);
    addActivity({ actor: officer, projectId: id, data: activity });
    expect(projectRow(id).lastActivityOn).toBe("2026-06-20");
  });
});

describe("optimistic concurrency", () => {
  it("refuses a stale save and keeps the newer values", () => {
    const id = makeProject(officer, { companyId, name: "并发测试" });
    const stale = projectRow(id).version;
    const edit = (name: string) =>
      projectSchema.parse({
        name,
        companyName: "示例精工株式会社",
        projectType: "new",
        ownerId: officer.id,
        unitId: officer.unitId,
        priority: "normal",
        totalInvestmentUsd: "1000",
        contractedFdiUsd: "500",
      });
    updateProject({ actor: officer, id, data: edit("第一次修改"), version: stale });
    expect(() => updateProject({ actor: leader, id, data: edit("过期的修改"), version: stale })).toThrow(ConflictError);
    expect(() => updateProject({ actor: leader, id, data: edit("过期的修改"), version: stale })).toThrow("该记录已被他人修改，请刷新后重试");
    expect(projectRow(id)).toMatchObject({ name: "第一次修改", version: stale + 1 });
    const updates = auditOf(id).filter((a) => a.action === "update");
    expect(updates).toHaveLength(1);
    expect(updates[0].changes).toEqual({ name: ["并发测试", "第一次修改"] });
  });
});

describe("工作台", () => {
  it("lists overdue, due-soon and stale projects of the owner", () => {
    const unit = makeUnit();
    const owner = makeUser("officer", unit);
    const company = makeCompany(owner);
    const overdue = makeProject(owner, { companyId: company, nextFollowUpOn: "2026-06-29", enteredOn: "2026-06-01" });
    const dueSoon = makeProject(owner, { companyId: company, nextFollowUpOn: "2026-07-07", enteredOn: "2026-06-01" });
    makeProject(owner, { companyId: company, nextFollowUpOn: "2026-07-08", enteredOn: "2026-06-01" });
    const stale = makeProject(owner, { companyId: company, enteredOn: "2026-04-30" });
    makeProject(owner, { companyId: company, enteredOn: "2026-05-01" });
    const desk = getWorkbench(owner);
    expect(desk.overdue.map((p) => p.id)).toEqual([overdue]);
    expect(desk.dueSoon.map((p) => p.id)).toEqual([dueSoon]);
    expect(desk.stale.map((p) => p.id)).toEqual([stale]);
    expect(desk.pendingVerification).toEqual([]);
    expect(desk.totals).toMatchObject({ overdue: 1, dueSoon: 1, stale: 1, projects: 5, pendingVerification: 0 });
  });

  it("shows the first rows of a long section with how many it holds; its 查看全部 (the list's desk filter) shows them all", () => {
    const owner = makeUser("officer", makeUnit());
    const company = makeCompany(owner);
    const overdue: number[] = [];
    for (let i = 0; i <= WORKBENCH_ROWS; i++) {
      overdue.push(makeProject(owner, { companyId: company, nextFollowUpOn: `2026-06-${String(i + 1).padStart(2, "0")}`, enteredOn: "2026-06-01" }));
    }
    const dueSoon = makeProject(owner, { companyId: company, nextFollowUpOn: "2026-07-01", enteredOn: "2026-06-01" });
    const desk = getWorkbench(owner);
    // the earliest follow-ups first, WORKBENCH_ROWS of them
    expect(desk.overdue.map((p) => p.id)).toEqual(overdue.slice(0, WORKBENCH_ROWS));
    expect(desk.totals.overdue).toBe(WORKBENCH_ROWS + 1);
    expect(desk.dueSoon.map((p) => p.id)).toEqual([dueSoon]);
    expect(desk.totals.dueSoon).toBe(1);
    const all = listProjects(owner, { desk: "overdue", sort: { key: "followUp", dir: "asc" }, page: 1, pageSize: 50 });
    expect(all.total).toBe(WORKBENCH_ROWS + 1);
    expect(all.rows.map((p) => p.id)).toEqual(overdue);
    expect(listProjects(owner, { desk: "dueSoon", page: 1 }).rows.map((p) => p.id)).toEqual([dueSoon]);
    // another officer's desk filter holds none of them
    expect(listProjects(makeUser("officer", makeUnit()), { desk: "overdue", page: 1 }).total).toBe(0);
  });
});
