/**
 * 招商项目 routes called as the browser calls them (a real session cookie, a form-encoded POST) on a
 * real migrated SQLite file; today is 2026-06-30. What each answers: 404 for a project outside the
 * officer's scope, deleted or unknown (never 403: ids cannot be probed); 403 inside the scope for a
 * role or person who may not do it; 400 with the Chinese message at the field for invalid input;
 * 409 for a stale `version` — and in none of these cases is anything written.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/permissions";
import { db, t } from "../../app/db.server";
import { addProjectMember, deleteProject, moveProjectToStage } from "../../app/projects/projects.server";
import { loader as projectLoader } from "../../app/routes/projects.$id";
import { action as activitiesAction, loader as activitiesLoader } from "../../app/routes/projects.$id_.activities";
import { action as chainLinksAction } from "../../app/routes/projects.$id_.chain-links";
import { action as deleteAction } from "../../app/routes/projects.$id_.delete";
import { action as editAction, loader as editLoader } from "../../app/routes/projects.$id_.edit";
import { action as membersAction } from "../../app/routes/projects.$id_.members";
import { action as policyBasesAction } from "../../app/routes/projects.$id_.policy-bases";
import { action as stageAction, loader as stageLoader } from "../../app/routes/projects.$id_.stage";
import { action as statusAction, loader as statusLoader } from "../../app/routes/projects.$id_.status";
import { action as verificationAction, loader as verificationLoader } from "../../app/routes/projects.$id_.verification";
import { action as newProjectAction, loader as newProjectLoader } from "../../app/routes/projects.new";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "../support/builders";
import { loadAs, locationOf, refusal, submitAs, type RouteFunction } from "../support/requests";

const STALE = "该记录已被他人修改，请刷新后重试";
const NOT_FOUND = "记录不存在或无权查看";

let center: number;
let zone: number;
let officer: Actor;
/** an officer of the same unit who neither owns nor is a member of `Q` */
let colleague: Actor;
/** an officer of another unit */
let officer2: Actor;
let leader: Actor;
let staff: Actor;
let admin: Actor;
let companyId: number;
let companyName: string;
/** the officer's own */
let P: number;
/** the colleague's, in the officer's unit: the officer reads it but may not edit it */
let Q: number;
/** officer2's, in the other unit: outside the officer's scope */
let R: number;
/** officer2's, with the officer as a member: in scope and editable despite the other unit */
let M: number;
/** the officer's, deleted */
let D: number;
/** the officer's, signed on 2026-05-10 and waiting for 甄别 */
let S: number;
const UNKNOWN = 987_654;

const params = (id: number) => ({ id: String(id) });
const auditCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.auditLog)
    .get()!.n;
const activitiesOf = (projectId: number) => db().select().from(t.activities).where(eq(t.activities.projectId, projectId)).all();
const stageLogOf = (projectId: number) => db().select().from(t.stageChanges).where(eq(t.stageChanges.projectId, projectId)).all();

/** The project form as the edit page posts it, with `changes`. */
function projectForm(id: number, changes: Record<string, string> = {}): Record<string, string> {
  const row = projectRow(id);
  return {
    name: row.name,
    companyId: String(row.companyId),
    companyName,
    projectType: row.projectType,
    ownerId: String(row.ownerId),
    unitId: String(row.unitId),
    totalInvestmentUsd: String(row.totalInvestmentUsd / 10_000),
    contractedFdiUsd: String(row.contractedFdiUsd / 10_000),
    priority: row.priority,
    version: String(row.version),
    ...changes,
  };
}

const stageForm = (id: number, changes: Record<string, string> = {}) => ({
  toStage: "contacted",
  occurredOn: "2026-02-01",
  note: "",
  version: String(projectRow(id).version),
  ...changes,
});
const statusForm = (id: number, changes: Record<string, string> = {}) => ({
  status: "on_hold",
  occurredOn: "2026-03-01",
  reason: "企业内部调整",
  lostTo: "",
  version: String(projectRow(id).version),
  ...changes,
});
const activityForm = (changes: Record<string, string> = {}) => ({
  type: "visit",
  occurredOn: "2026-06-01",
  participants: "",
  place: "东京",
  summary: "拜访企业总部",
  nextStep: "",
  ...changes,
});

/**
 * Runs a refused POST and checks nothing was written: the project's row (its version included), its
 * activities and stage log, and the audit log are as they were.
 */
async function refusedWithoutWriting(projectId: number, post: () => Promise<Response>): Promise<Response> {
  const before = { row: projectRow(projectId), activities: activitiesOf(projectId).length, stages: stageLogOf(projectId).length, audit: auditCount() };
  const response = await post();
  expect(projectRow(projectId)).toEqual(before.row);
  expect(activitiesOf(projectId)).toHaveLength(before.activities);
  expect(stageLogOf(projectId)).toHaveLength(before.stages);
  expect(auditCount()).toBe(before.audit);
  return response;
}

beforeAll(() => {
  center = makeUnit("投资促进中心");
  zone = makeUnit("平湖经济技术开发区");
  officer = makeUser("officer", center);
  colleague = makeUser("officer", center);
  officer2 = makeUser("officer", zone);
  leader = makeUser("leader", center);
  staff = makeUser("staff", center);
  admin = makeUser("admin", zone);
  companyId = makeCompany(officer, { name: "路由测试株式会社" });
  companyName = "路由测试株式会社";
  P = makeProject(officer, { companyId });
  Q = makeProject(colleague, { companyId });
  R = makeProject(officer2, { companyId });
  M = makeProject(officer2, { companyId });
  addProjectMember({ actor: officer2, projectId: M, userId: officer.id });
  D = makeProject(officer, { companyId });
  deleteProject({ actor: leader, projectId: D, version: projectRow(D).version });
  S = makeProject(officer, { companyId });
  moveProjectToStage({ actor: officer, projectId: S, toStage: "signed", occurredOn: "2026-05-10", note: null, version: projectRow(S).version });
});

describe("the project page (/projects/:id)", () => {
  it("opens for the officer on their own, their unit's and their member projects", async () => {
    for (const id of [P, Q, M]) expect((await loadAs(officer, projectLoader, `/projects/${id}`, params(id))).status).toBe(200);
  });

  it("answers 404 — not 403 — for another unit's project, a deleted one, an unknown id and a malformed id", async () => {
    for (const id of [R, D, UNKNOWN]) {
      const response = await loadAs(officer, projectLoader, `/projects/${id}`, params(id));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(NOT_FOUND);
    }
    expect((await loadAs(officer, projectLoader, "/projects/abc", { id: "abc" })).status).toBe(404);
    expect((await loadAs(officer, projectLoader, "/projects/1e3", { id: "1e3" })).status).toBe(404);
  });

  it("opens every unit's project for leaders, staff and administrators, and a deleted one for nobody", async () => {
    for (const actor of [leader, staff, admin]) {
      expect((await loadAs(actor, projectLoader, `/projects/${R}`, params(R))).status).toBe(200);
      expect((await loadAs(actor, projectLoader, `/projects/${D}`, params(D))).status).toBe(404);
    }
  });

  it("the part pages (阶段, 状态, 活动, 甄别) answer 404 outside the scope and 200 inside it", async () => {
    const parts: [RouteFunction, string][] = [
      [stageLoader, "stage"],
      [statusLoader, "status"],
      [activitiesLoader, "activities"],
      [verificationLoader, "verification"],
    ];
    for (const [loader, part] of parts) {
      expect((await loadAs(officer, loader, `/projects/${R}/${part}`, params(R))).status, part).toBe(404);
      expect((await loadAs(officer, loader, `/projects/${UNKNOWN}/${part}`, params(UNKNOWN))).status, part).toBe(404);
      expect((await loadAs(officer, loader, `/projects/${P}/${part}`, params(P))).status, part).toBe(200);
    }
  });
});

describe("新建项目 (/projects/new)", () => {
  const newForm = (changes: Record<string, string> = {}) => ({
    name: "新建路由项目",
    companyId: String(companyId),
    companyName,
    projectType: "new",
    ownerId: String(officer.id),
    unitId: String(center),
    totalInvestmentUsd: "2000",
    contractedFdiUsd: "800",
    priority: "normal",
    enteredOn: "2026-06-01",
    ...changes,
  });
  const countNamed = (name: string) => db().select().from(t.projects).where(eq(t.projects.name, name)).all().length;

  it("is forbidden to staff, page and post, and creates nothing", async () => {
    expect((await loadAs(staff, newProjectLoader, "/projects/new")).status).toBe(403);
    const response = await submitAs(staff, newProjectAction, "/projects/new", newForm({ ownerId: String(staff.id), name: "员工建的项目" }));
    expect(response.status).toBe(403);
    expect(countNamed("员工建的项目")).toBe(0);
  });

  it("refuses invalid input with 400 and the Chinese message at each field, keeping the input", async () => {
    const body = await refusal(
      await submitAs(officer, newProjectAction, "/projects/new", newForm({ name: "  ", enteredOn: "2026-07-01", totalInvestmentUsd: "1,2,3" })),
      400,
    );
    expect(body.fieldErrors).toMatchObject({
      name: "请输入项目名称",
      enteredOn: "线索日期不能晚于今天",
      totalInvestmentUsd: "总投资（万美元）应为不超过两位小数的非负数",
    });
    expect(body.values).toMatchObject({ enteredOn: "2026-07-01", totalInvestmentUsd: "1,2,3" });
    expect(countNamed("新建路由项目")).toBe(0);
  });

  it("creates the project and leads to it", async () => {
    const response = await submitAs(officer, newProjectAction, "/projects/new", newForm());
    const created = db().select().from(t.projects).where(eq(t.projects.name, "新建路由项目")).get()!;
    expect(locationOf(response)).toBe(`/projects/${created.id}`);
    expect(created).toMatchObject({ ownerId: officer.id, unitId: center, totalInvestmentUsd: 20_000_000 });
  });
});

describe("编辑项目 (/projects/:id/edit)", () => {
  it("the page: 404 outside the scope, 403 to staff and to a same-unit officer who may not edit, 200 to the owner and a member", async () => {
    expect((await loadAs(officer, editLoader, `/projects/${R}/edit`, params(R))).status).toBe(404);
    expect((await loadAs(officer, editLoader, `/projects/${UNKNOWN}/edit`, params(UNKNOWN))).status).toBe(404);
    expect((await loadAs(staff, editLoader, `/projects/${P}/edit`, params(P))).status).toBe(403);
    expect((await loadAs(officer, editLoader, `/projects/${Q}/edit`, params(Q))).status).toBe(403);
    expect((await loadAs(officer, editLoader, `/projects/${P}/edit`, params(P))).status).toBe(200);
    expect((await loadAs(officer, editLoader, `/projects/${M}/edit`, params(M))).status).toBe(200);
  });

  it("a save outside the scope is 404 and changes nothing", async () => {
    const response = await refusedWithoutWriting(R, () =>
      submitAs(officer, editAction, `/projects/${R}/edit`, projectForm(R, { name: "越权修改" }), params(R)),
    );
    expect(response.status).toBe(404);
    const deleted = await refusedWithoutWriting(D, () =>
      submitAs(leader, editAction, `/projects/${D}/edit`, projectForm(D, { name: "改已删除的" }), params(D)),
    );
    expect(deleted.status).toBe(404);
  });

  it("a save by staff, or by a same-unit officer who is neither owner nor member, is 403 and changes nothing", async () => {
    expect(
      (await refusedWithoutWriting(P, () => submitAs(staff, editAction, `/projects/${P}/edit`, projectForm(P, { name: "员工改名" }), params(P)))).status,
    ).toBe(403);
    expect(
      (await refusedWithoutWriting(Q, () => submitAs(officer, editAction, `/projects/${Q}/edit`, projectForm(Q, { name: "同事改名" }), params(Q)))).status,
    ).toBe(403);
  });

  it("invalid input is 400 with the Chinese messages at the fields and the input echoed", async () => {
    const response = await refusedWithoutWriting(P, () =>
      submitAs(
        officer,
        editAction,
        `/projects/${P}/edit`,
        projectForm(P, { name: "", projectType: "joint", contractedFdiUsd: "5000", totalInvestmentUsd: "1000" }),
        params(P),
      ),
    );
    const body = await refusal(response, 400);
    expect(body.fieldErrors).toMatchObject({ name: "请输入项目名称", projectType: "请选择项目类型" });
    expect(body.formError).toBe("请修正标记的字段");
    expect(body.values).toMatchObject({ name: "", contractedFdiUsd: "5000" });
  });

  it("合同外资 above 总投资 is 400 at 合同外资", async () => {
    const response = await refusedWithoutWriting(P, () =>
      submitAs(officer, editAction, `/projects/${P}/edit`, projectForm(P, { contractedFdiUsd: "5000", totalInvestmentUsd: "1000" }), params(P)),
    );
    expect((await refusal(response, 400)).fieldErrors).toEqual({ contractedFdiUsd: "合同外资不能大于总投资" });
  });

  it("a member from another unit may edit but not move the project to their unit: 400 at 负责单位", async () => {
    const response = await refusedWithoutWriting(M, () =>
      submitAs(officer, editAction, `/projects/${M}/edit`, projectForm(M, { unitId: String(center) }), params(M)),
    );
    expect((await refusal(response, 400)).fieldErrors).toEqual({ unitId: "只有本单位招商员或领导可以变更负责单位" });
  });

  it("a stale version is 409 with 该记录已被他人修改 and the user's input kept", async () => {
    const stale = String(projectRow(P).version - 1 || 99);
    const response = await refusedWithoutWriting(P, () =>
      submitAs(officer, editAction, `/projects/${P}/edit`, projectForm(P, { name: "我的新名称", version: stale }), params(P)),
    );
    const body = await refusal(response, 409);
    expect(body.formError).toBe(STALE);
    expect(body.values).toMatchObject({ name: "我的新名称", version: stale });
  });

  it("a missing or malformed version is 400, never a save over whatever is there", async () => {
    for (const version of ["", "abc", "0"]) {
      const response = await refusedWithoutWriting(P, () =>
        submitAs(officer, editAction, `/projects/${P}/edit`, projectForm(P, { name: "无版本", version }), params(P)),
      );
      expect((await refusal(response, 400)).fieldErrors.version).toBe("页面数据已过期，请刷新后重试");
    }
  });

  it("a valid save at the current version redirects to the project and bumps the version", async () => {
    const version = projectRow(P).version;
    const response = await submitAs(officer, editAction, `/projects/${P}/edit`, projectForm(P, { name: "改过名的项目" }), params(P));
    expect(locationOf(response)).toBe(`/projects/${P}`);
    expect(projectRow(P)).toMatchObject({ name: "改过名的项目", version: version + 1 });
  });
});

describe("阶段变更 (/projects/:id/stage)", () => {
  it("404 outside the scope and for an unknown id; 403 to staff and to a same-unit officer who may not edit", async () => {
    expect((await refusedWithoutWriting(R, () => submitAs(officer, stageAction, `/projects/${R}/stage`, stageForm(R), params(R)))).status).toBe(404);
    expect((await submitAs(officer, stageAction, `/projects/${UNKNOWN}/stage`, stageForm(P), params(UNKNOWN))).status).toBe(404);
    expect((await refusedWithoutWriting(P, () => submitAs(staff, stageAction, `/projects/${P}/stage`, stageForm(P), params(P)))).status).toBe(403);
    expect((await refusedWithoutWriting(Q, () => submitAs(officer, stageAction, `/projects/${Q}/stage`, stageForm(Q), params(Q)))).status).toBe(403);
  });

  it("400 at the field: no target stage, a date in the future, a date before the lead came in", async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ toStage: "" }, { toStage: "请选择目标阶段" }],
      [{ toStage: "won" }, { toStage: "请选择目标阶段" }],
      [{ occurredOn: "2026-07-01" }, { occurredOn: "发生日期不能晚于今天" }],
      [{ occurredOn: "2026-01-09" }, { occurredOn: "发生日期不能早于线索登记日期（2026-01-10）" }],
      [{ occurredOn: "2026/02/01" }, { occurredOn: "发生日期格式应为 YYYY-MM-DD" }],
    ];
    for (const [changes, fieldErrors] of cases) {
      const response = await refusedWithoutWriting(P, () => submitAs(officer, stageAction, `/projects/${P}/stage`, stageForm(P, changes), params(P)));
      expect((await refusal(response, 400)).fieldErrors, JSON.stringify(changes)).toMatchObject(fieldErrors);
    }
  });

  it("409 for a stale version", async () => {
    const response = await refusedWithoutWriting(P, () =>
      submitAs(officer, stageAction, `/projects/${P}/stage`, stageForm(P, { version: String(projectRow(P).version + 1) }), params(P)),
    );
    expect((await refusal(response, 409)).formError).toBe(STALE);
  });

  it("a valid change is logged and leads back to the project's 阶段记录", async () => {
    const response = await submitAs(officer, stageAction, `/projects/${P}/stage`, stageForm(P), params(P));
    expect(locationOf(response)).toBe(`/projects/${P}#stages`);
    expect(projectRow(P).stage).toBe("contacted");
    expect(stageLogOf(P).at(-1)).toMatchObject({ fromStage: "lead", toStage: "contacted", occurredOn: "2026-02-01", userId: officer.id });
  });

  it("going back needs a note: 400 at 说明", async () => {
    const response = await refusedWithoutWriting(P, () =>
      submitAs(officer, stageAction, `/projects/${P}/stage`, stageForm(P, { toStage: "lead", occurredOn: "2026-02-02" }), params(P)),
    );
    expect((await refusal(response, 400)).fieldErrors).toEqual({ note: "退回到之前的阶段需要填写说明" });
  });
});

describe("项目状态 (/projects/:id/status)", () => {
  it("404 outside the scope; 403 to staff and to a same-unit officer who may not edit", async () => {
    expect((await refusedWithoutWriting(R, () => submitAs(officer, statusAction, `/projects/${R}/status`, statusForm(R), params(R)))).status).toBe(404);
    expect((await refusedWithoutWriting(P, () => submitAs(staff, statusAction, `/projects/${P}/status`, statusForm(P), params(P)))).status).toBe(403);
    expect((await refusedWithoutWriting(Q, () => submitAs(officer, statusAction, `/projects/${Q}/status`, statusForm(Q), params(Q)))).status).toBe(403);
  });

  it("400: 流失 without its reason and 流失去向, an unknown status", async () => {
    const lost = await refusedWithoutWriting(P, () =>
      submitAs(officer, statusAction, `/projects/${P}/status`, statusForm(P, { status: "lost", reason: "", lostTo: "" }), params(P)),
    );
    expect((await refusal(lost, 400)).fieldErrors).toEqual({ reason: "流失需要填写原因", lostTo: "流失需要填写流失去向（落户的竞争地区）" });
    const unknown = await refusedWithoutWriting(P, () =>
      submitAs(officer, statusAction, `/projects/${P}/status`, statusForm(P, { status: "paused" }), params(P)),
    );
    expect((await refusal(unknown, 400)).fieldErrors).toMatchObject({ status: "请选择项目状态" });
  });

  it("409 for a stale version; the current version saves", async () => {
    const version = projectRow(P).version;
    const stale = await refusedWithoutWriting(P, () =>
      submitAs(officer, statusAction, `/projects/${P}/status`, statusForm(P, { version: String(version - 1) }), params(P)),
    );
    expect((await refusal(stale, 409)).formError).toBe(STALE);
    const saved = await submitAs(officer, statusAction, `/projects/${P}/status`, statusForm(P), params(P));
    expect(locationOf(saved)).toBe(`/projects/${P}#stages`);
    expect(projectRow(P)).toMatchObject({ status: "on_hold", version: version + 1 });
  });
});

describe("添加活动记录 (/projects/:id/activities)", () => {
  it("404 outside the scope and for a deleted project; 403 to staff and to a same-unit officer who may not edit", async () => {
    expect((await refusedWithoutWriting(R, () => submitAs(officer, activitiesAction, `/projects/${R}/activities`, activityForm(), params(R)))).status).toBe(
      404,
    );
    expect((await refusedWithoutWriting(D, () => submitAs(officer, activitiesAction, `/projects/${D}/activities`, activityForm(), params(D)))).status).toBe(
      404,
    );
    expect((await refusedWithoutWriting(P, () => submitAs(staff, activitiesAction, `/projects/${P}/activities`, activityForm(), params(P)))).status).toBe(403);
    expect((await refusedWithoutWriting(Q, () => submitAs(officer, activitiesAction, `/projects/${Q}/activities`, activityForm(), params(Q)))).status).toBe(
      403,
    );
  });

  it("400 at the field: no 纪要, no type, a date in the future, 下次跟进 before the activity", async () => {
    const response = await refusedWithoutWriting(P, () =>
      submitAs(officer, activitiesAction, `/projects/${P}/activities`, activityForm({ summary: " ", type: "", occurredOn: "2026-07-02" }), params(P)),
    );
    expect((await refusal(response, 400)).fieldErrors).toMatchObject({ summary: "请填写纪要", type: "请选择活动类型", occurredOn: "活动日期不能晚于今天" });
    const followUp = await refusedWithoutWriting(P, () =>
      submitAs(officer, activitiesAction, `/projects/${P}/activities`, activityForm({ nextFollowUpOn: "2026-05-01" }), params(P)),
    );
    expect((await refusal(followUp, 400)).fieldErrors).toEqual({ nextFollowUpOn: "下次跟进日期不能早于活动日期" });
  });

  it("a member from another unit adds one (302 to the timeline)", async () => {
    const response = await submitAs(officer, activitiesAction, `/projects/${M}/activities`, activityForm(), params(M));
    expect(locationOf(response)).toBe(`/projects/${M}#activities`);
    expect(activitiesOf(M)).toHaveLength(1);
  });
});

describe("签约甄别 (/projects/:id/verification)", () => {
  const verify = (actor: Actor, id: number, fields: Record<string, string> = {}) =>
    submitAs(actor, verificationAction, `/projects/${id}/verification`, { intent: "verify", version: String(projectRow(id).version), ...fields }, params(id));

  it("is forbidden (403) to officers — even the owner — and to staff, and verifies nothing", async () => {
    for (const actor of [officer, staff]) {
      const response = await refusedWithoutWriting(S, () => verify(actor, S));
      expect(response.status).toBe(403);
    }
    expect(projectRow(S).signingVerifiedAt).toBeNull();
  });

  it("answers 404 for a deleted or unknown project", async () => {
    expect(
      (await submitAs(leader, verificationAction, `/projects/${D}/verification`, { intent: "verify", version: String(projectRow(D).version) }, params(D)))
        .status,
    ).toBe(404);
    expect((await submitAs(leader, verificationAction, `/projects/${UNKNOWN}/verification`, { intent: "verify", version: "1" }, params(UNKNOWN))).status).toBe(
      404,
    );
  });

  it("400: a project not yet signed, 退回 without its reason, an unknown intent", async () => {
    const unsigned = await refusedWithoutWriting(Q, () => verify(leader, Q));
    expect((await refusal(unsigned, 400)).formError).toBe("项目尚未签约，无需甄别");
    const noReason = await refusedWithoutWriting(S, () => verify(leader, S, { intent: "return", reason: "" }));
    expect((await refusal(noReason, 400)).fieldErrors).toEqual({ reason: "请填写退回原因" });
    const unknown = await refusedWithoutWriting(S, () => verify(leader, S, { intent: "approve" }));
    expect((await refusal(unknown, 400)).fieldErrors).toHaveProperty("intent");
  });

  it("409 for a stale version; then the leader verifies at the current one", async () => {
    const stale = await refusedWithoutWriting(S, () => verify(leader, S, { version: String(projectRow(S).version - 1) }));
    expect((await refusal(stale, 409)).formError).toBe(STALE);
    expect(locationOf(await verify(leader, S))).toBe(`/projects/${S}`);
    expect(projectRow(S)).toMatchObject({ signingVerifiedBy: leader.id, signingVerifiedOn: "2026-06-30" });
    const again = await refusedWithoutWriting(S, () => verify(admin, S));
    expect((await refusal(again, 400)).formError).toBe("该签约已甄别");
  });
});

describe("the project's other parts: 成员, 产业链, 政策依据, 删除", () => {
  const parts: { name: string; action: RouteFunction; path: string; form: Record<string, string> }[] = [
    { name: "members", action: membersAction, path: "members", form: { intent: "add", userId: "1" } },
    { name: "chain-links", action: chainLinksAction, path: "chain-links", form: { intent: "link", nodeId: "1", role: "fill" } },
    { name: "policy-bases", action: policyBasesAction, path: "policy-bases", form: { intent: "add", clauseId: "1", note: "" } },
  ];

  it("each answers 404 outside the officer's scope and 403 to a same-unit officer who may not edit", async () => {
    for (const part of parts) {
      const outside = await refusedWithoutWriting(R, () => submitAs(officer, part.action, `/projects/${R}/${part.path}`, part.form, params(R)));
      expect(outside.status, part.name).toBe(404);
      const unknown = await submitAs(officer, part.action, `/projects/${UNKNOWN}/${part.path}`, part.form, params(UNKNOWN));
      expect(unknown.status, part.name).toBe(404);
      const inside = await refusedWithoutWriting(Q, () => submitAs(officer, part.action, `/projects/${Q}/${part.path}`, part.form, params(Q)));
      expect(inside.status, part.name).toBe(403);
    }
  });

  it("each answers an unknown intent with 400 and 操作无效", async () => {
    for (const part of parts) {
      const response = await submitAs(officer, part.action, `/projects/${P}/${part.path}`, { ...part.form, intent: "drop" }, params(P));
      expect((await refusal(response, 400)).fieldErrors, part.name).toEqual({ intent: "操作无效，请刷新页面后重试" });
    }
  });

  it("删除: 404 outside the scope, 403 to an officer on their own project, 409 stale, 302 for the leader", async () => {
    const X = makeProject(officer, { companyId });
    const version = () => String(projectRow(X).version);
    expect((await submitAs(officer2, deleteAction, `/projects/${X}/delete`, { version: version() }, params(X))).status).toBe(404);
    expect((await refusedWithoutWriting(X, () => submitAs(officer, deleteAction, `/projects/${X}/delete`, { version: version() }, params(X)))).status).toBe(
      403,
    );
    const stale = await refusedWithoutWriting(X, () =>
      submitAs(leader, deleteAction, `/projects/${X}/delete`, { version: String(projectRow(X).version + 1) }, params(X)),
    );
    expect((await refusal(stale, 409)).formError).toBe(STALE);
    expect(locationOf(await submitAs(leader, deleteAction, `/projects/${X}/delete`, { version: version() }, params(X)))).toBe("/projects");
    expect(projectRow(X).deletedAt).not.toBeNull();
    expect((await loadAs(leader, projectLoader, `/projects/${X}`, params(X))).status).toBe(404);
  });
});

describe("the scope follows membership", () => {
  it("an officer removed from another unit's project loses it: 404 from then on", async () => {
    const N = makeProject(officer2, { companyId });
    addProjectMember({ actor: officer2, projectId: N, userId: officer.id });
    expect((await loadAs(officer, projectLoader, `/projects/${N}`, params(N))).status).toBe(200);
    db()
      .delete(t.projectMembers)
      .where(and(eq(t.projectMembers.projectId, N), eq(t.projectMembers.userId, officer.id)))
      .run();
    expect((await loadAs(officer, projectLoader, `/projects/${N}`, params(N))).status).toBe(404);
    expect((await submitAs(officer, activitiesAction, `/projects/${N}/activities`, activityForm(), params(N))).status).toBe(404);
  });
});
