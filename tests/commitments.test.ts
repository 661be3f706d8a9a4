/**
 * 政策兑现 on a real migrated SQLite file (today is 2026-06-30): who may propose and take each
 * step, the clause rules, payouts and 已兑现, overdue and due windows (the SQL against the pure
 * rules), totals over the filters counted by hand, scope, stale versions and the audit trail.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { isInDueWindow, DUE_WINDOWS } from "../app/commitments/commitment-rules";
import { commitmentSchema, payoutSchema } from "../app/commitments/commitment.schema";
import {
  cancelCommitment,
  commitCommitment,
  getCommitment,
  listCommitmentAudit,
  listCommitmentClauseChoices,
  listCommitments,
  listCommitmentsDueForOwner,
  listOverdueCommitments,
  listProjectCommitments,
  markCommitmentConditionsMet,
  proposeCommitment,
  recordPayout,
  summarizeOverdueCommitments,
  type CommitmentFilters,
} from "../app/commitments/commitments.server";
import { db, t } from "../app/db.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import { fieldErrorsOf } from "../app/lib/form.server";
import { addProjectMember, deleteProject } from "../app/projects/projects.server";
import { action as commitmentAction, loader as commitmentLoader } from "../app/routes/commitments.$id";
import { action as proposeAction } from "../app/routes/projects.$id_.commitments";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";
import { answer, getAs, postAs, routeArgs } from "./support/requests";

let officer: Actor;
let colleague: Actor;
let officer2: Actor;
let leader: Actor;
let staff: Actor;
let admin: Actor;
let companyId: number;
/** P: the officer's; Q: the colleague's (same unit); R: officer2's (other unit) */
const project: Record<string, number> = {};
/** live (to 2027), live2 (no end date), expired (ended yesterday), repealed (today), deleted clause, deleted policy */
const clause: Record<string, number> = {};
const policy: Record<string, number> = {};

const wan = (value: number) => value * 10_000;

function makePolicy(title: string, fields: Partial<typeof t.policies.$inferInsert> = {}): number {
  return db()
    .insert(t.policies)
    .values({ title, level: "county", ...fields })
    .returning({ id: t.policies.id })
    .get().id;
}

function makeClause(policyId: number, fields: Partial<typeof t.policyClauses.$inferInsert> = {}): number {
  return db()
    .insert(t.policyClauses)
    .values({ policyId, number: "第1条", text: "示例条款", incentiveType: "增资奖励", ...fields })
    .returning({ id: t.policyClauses.id })
    .get().id;
}

function row(id: number) {
  return db().select().from(t.commitments).where(eq(t.commitments.id, id)).get()!;
}

function payoutsOf(id: number) {
  return db().select().from(t.payouts).where(eq(t.payouts.commitmentId, id)).orderBy(t.payouts.id).all();
}

function auditRows(id: number) {
  return db()
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, "commitment"), eq(t.auditLog.entityId, id)))
    .orderBy(t.auditLog.id)
    .all();
}

function propose(actor: Actor, projectId: number, fields: Record<string, string> = {}): number {
  const data = commitmentSchema.parse({ clauseId: String(clause.live), item: "增资奖励", amountCny: "100", condition: "", dueOn: "2026-12-31", ...fields });
  return proposeCommitment({ actor, projectId, data });
}

function pay(actor: Actor, id: number, amountWan: string, paidOn = "2026-06-15", reference = "") {
  return recordPayout({ actor, commitmentId: id, data: payoutSchema.parse({ amountCny: amountWan, paidOn, reference, version: String(row(id).version) }) });
}

function commit(actor: Actor, id: number) {
  commitCommitment({ actor, commitmentId: id, version: row(id).version });
}

function fieldError(fn: () => unknown, field: string): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidError);
    return (error as InvalidError).fieldErrors[field];
  }
  expect.unreachable("expected an InvalidError");
}

function countAll() {
  return {
    commitments: db().$count(t.commitments),
    payouts: db().$count(t.payouts),
    audit: db().$count(t.auditLog, eq(t.auditLog.entityType, "commitment")),
  };
}

beforeAll(() => {
  const center = makeUnit("投资促进中心");
  const zone = makeUnit("平湖经济技术开发区");
  officer = makeUser("officer", center);
  colleague = makeUser("officer", center);
  officer2 = makeUser("officer", zone);
  leader = makeUser("leader", center);
  staff = makeUser("staff", center);
  admin = makeUser("admin", center);
  companyId = makeCompany(officer, { name: "示例精工株式会社" });
  project.P = makeProject(officer, { companyId });
  project.Q = makeProject(colleague, { companyId });
  project.R = makeProject(officer2, { companyId: makeCompany(officer2) });

  policy.live = makePolicy("关于更大力度吸引和利用外资工作的若干措施", { effectiveTo: "2027-12-31" });
  policy.live2 = makePolicy("平湖市强链壮群实施方案");
  policy.expired = makePolicy("已到期政策", { effectiveTo: "2026-06-29" });
  policy.repealed = makePolicy("已废止政策", { effectiveTo: "2027-12-31", repealedOn: "2026-06-30" });
  policy.deleted = makePolicy("已删除政策", { deletedAt: Date.now() });
  clause.live = makeClause(policy.live, { number: "第3条", incentiveType: "增资奖励" });
  clause.live2 = makeClause(policy.live2, { number: "第5条", incentiveType: "招大引强项目奖励" });
  clause.expired = makeClause(policy.expired);
  clause.repealed = makeClause(policy.repealed);
  clause.deletedClause = makeClause(policy.live, { number: "第9条", deletedAt: Date.now() });
  clause.deletedPolicy = makeClause(policy.deleted);
});

describe("proposing", () => {
  it("lets an officer propose on an own project: 拟承诺, amounts in yuan, audited", () => {
    const id = propose(officer, project.P, { amountCny: "123.45", condition: "增资款足额到位" });
    expect(row(id)).toMatchObject({
      projectId: project.P,
      clauseId: clause.live,
      status: "proposed",
      amountCny: 1_234_500,
      condition: "增资款足额到位",
      dueOn: "2026-12-31",
      proposedBy: officer.id,
      committedBy: null,
      version: 1,
    });
    const [audit] = auditRows(id);
    expect(audit).toMatchObject({ action: "create", userId: officer.id });
    expect(audit.changes?.amountCny).toEqual([null, 1_234_500]);
  });

  it("lets an officer propose on a project they are a member of", () => {
    addProjectMember({ actor: colleague, projectId: project.Q, userId: officer.id });
    const id = propose(officer, project.Q);
    expect(row(id).status).toBe("proposed");
  });

  it("refuses staff (Forbidden), an officer on a colleague's project (Forbidden) and on another unit's (NotFound)", () => {
    const before = countAll();
    expect(() => propose(staff, project.P)).toThrow(ForbiddenError);
    const other = makeProject(colleague, { companyId });
    expect(() => propose(officer, other)).toThrow(ForbiddenError);
    expect(() => propose(officer, project.R)).toThrow(NotFoundError);
    expect(countAll()).toEqual(before);
  });

  it("lets leaders and admins propose on any project", () => {
    expect(row(propose(leader, project.R)).proposedBy).toBe(leader.id);
    expect(row(propose(admin, project.R)).proposedBy).toBe(admin.id);
  });

  it("requires a clause, an item, a positive amount and a date, with Chinese field messages", () => {
    const result = commitmentSchema.safeParse({ clauseId: "", item: " ", amountCny: "0", dueOn: "" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toMatchObject({
      clauseId: "请选择政策条款",
      item: "请输入承诺事项",
      amountCny: "承诺金额应大于0",
      dueOn: "请选择约定兑现日期",
    });
    expect(commitmentSchema.safeParse({ clauseId: "1", item: "x".repeat(201), amountCny: "1", dueOn: "2026-01-01" }).error?.issues[0].message).toBe(
      "承诺事项不能超过200个字",
    );
    expect(commitmentSchema.safeParse({ clauseId: "1", item: "x", amountCny: "1.234", dueOn: "2026-01-01" }).success).toBe(false);
  });

  it("refuses a clause whose policy is 失效 (ended, or repealed today) and deleted clauses or policies; nothing is written", () => {
    const before = countAll();
    expect(fieldError(() => propose(leader, project.P, { clauseId: String(clause.expired) }), "clauseId")).toBe("该条款所属政策已失效");
    expect(fieldError(() => propose(leader, project.P, { clauseId: String(clause.repealed) }), "clauseId")).toBe("该条款所属政策已失效");
    expect(fieldError(() => propose(leader, project.P, { clauseId: String(clause.deletedClause) }), "clauseId")).toBe("政策条款无效");
    expect(fieldError(() => propose(leader, project.P, { clauseId: String(clause.deletedPolicy) }), "clauseId")).toBe("政策条款无效");
    expect(fieldError(() => propose(leader, project.P, { clauseId: "999999" }), "clauseId")).toBe("政策条款无效");
    expect(countAll()).toEqual(before);
  });

  it("offers only clauses of live policies in force, labelled 《标题》第X条（奖励类型）", () => {
    const choices = listCommitmentClauseChoices();
    expect(choices.map((choice) => choice.id).sort()).toEqual([clause.live, clause.live2].sort());
    expect(choices.find((choice) => choice.id === clause.live)?.label).toBe("《关于更大力度吸引和利用外资工作的若干措施》第3条（增资奖励）");
  });

  it("proposes through /projects/:id/commitments with the form schema, and goes back to the project's commitments", async () => {
    const fields = { clauseId: String(clause.live2), item: "设备投资补助", amountCny: "50", condition: "", dueOn: "2026-10-01" };
    const post = async (actor: Actor, form: Record<string, string>) =>
      answer(async () => proposeAction(routeArgs(await postAs(actor, `/projects/${project.P}/commitments`, form), { id: String(project.P) })));
    const saved = await post(officer, fields);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/projects/${project.P}#commitments`);
    const rows = db()
      .select()
      .from(t.commitments)
      .where(and(eq(t.commitments.projectId, project.P), eq(t.commitments.item, "设备投资补助")))
      .all();
    expect(rows).toMatchObject([{ clauseId: clause.live2, amountCny: wan(50), status: "proposed" }]);
    const refused = await post(officer, { ...fields, clauseId: "" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ fieldErrors: { clauseId: "请选择政策条款" }, values: { item: "设备投资补助" } });
    expect((await post(officer2, { ...fields, clauseId: String(clause.live) })).status).toBe(404);
  });
});

describe("承诺, 条件已达成 and 取消承诺 ask first", () => {
  const page = async (actor: Actor, id: number, query: string) =>
    (await (await answer(async () => commitmentLoader(routeArgs(await getAs(actor, `/commitments/${id}?${query}`), { id: String(id) })))).json()) as {
      confirmation: { question: string; label: string; fields: Record<string, string> } | null;
    };

  it("shows the confirmation page for a step the user may take, and changes nothing until it is posted", async () => {
    const id = propose(officer, project.P);
    const version = String(row(id).version);
    expect((await page(staff, id, `intent=commit&version=${version}`)).confirmation).toMatchObject({
      question: "确定承诺？承诺后即纳入兑现跟踪，不能撤回为拟承诺。",
      label: "承诺",
      fields: { intent: "commit", version },
    });
    // an officer may not commit: no confirmation to show
    expect((await page(officer, id, `intent=commit&version=${version}`)).confirmation).toBeNull();
    expect(row(id).status).toBe("proposed");
    const cancel = await page(staff, id, `intent=cancel&version=${version}&reason=${encodeURIComponent("企业放弃投资")}`);
    expect(cancel.confirmation).toMatchObject({ label: "取消承诺", fields: { intent: "cancel", version, reason: "企业放弃投资" } });
    expect(row(id).status).toBe("proposed");
    const posted = await answer(async () =>
      commitmentAction(routeArgs(await postAs(staff, `/commitments/${id}`, cancel.confirmation!.fields), { id: String(id) })),
    );
    expect(posted.status).toBe(200);
    expect(row(id)).toMatchObject({ status: "cancelled", cancelReason: "企业放弃投资" });
  });
});

describe("the steps", () => {
  it("refuses the officer; staff commits (已承诺, by whom and when) and marks 条件已达成; every step versioned and audited", () => {
    const id = propose(officer, project.P);
    expect(() => commit(officer, id)).toThrow(ForbiddenError);
    expect(() => commit(officer2, id)).toThrow(NotFoundError);
    commit(staff, id);
    expect(row(id)).toMatchObject({ status: "committed", committedBy: staff.id, committedOn: "2026-06-30", version: 2 });
    expect(() => commit(staff, id)).toThrow(InvalidError);
    markCommitmentConditionsMet({ actor: leader, commitmentId: id, version: 2 });
    expect(row(id)).toMatchObject({ status: "conditions_met", version: 3 });
    expect(auditRows(id).map((audit) => [audit.action, audit.changes?.status])).toEqual([
      ["create", undefined],
      ["status", ["proposed", "committed"]],
      ["status", ["committed", "conditions_met"]],
    ]);
    expect(listCommitmentAudit(id).map((entry) => entry.action)).toEqual(["status", "status", "create"]);
  });

  it("marks 条件已达成 only on 已承诺", () => {
    const id = propose(officer, project.P);
    expect(() => markCommitmentConditionsMet({ actor: leader, commitmentId: id, version: 1 })).toThrow(InvalidError);
    expect(row(id).status).toBe("proposed");
  });

  it("refuses a stale version and changes nothing", () => {
    const id = propose(officer, project.P);
    commit(leader, id);
    const before = row(id);
    expect(() => markCommitmentConditionsMet({ actor: leader, commitmentId: id, version: 1 })).toThrow(ConflictError);
    expect(() => cancelCommitment({ actor: leader, commitmentId: id, data: { reason: "企业放弃", version: 1 } })).toThrow(ConflictError);
    expect(() => recordPayout({ actor: staff, commitmentId: id, data: { amountCny: wan(1), paidOn: "2026-06-01", reference: null, version: 1 } })).toThrow(
      ConflictError,
    );
    expect(row(id)).toEqual(before);
    expect(payoutsOf(id)).toHaveLength(0);
  });

  it("cancels from any open status with a reason, never without one, never once 已兑现", () => {
    const proposed = propose(officer, project.P);
    expect(fieldError(() => cancelCommitment({ actor: leader, commitmentId: proposed, data: { reason: "  ", version: 1 } }), "reason")).toBe("请填写取消原因");
    expect(() => cancelCommitment({ actor: officer, commitmentId: proposed, data: { reason: "企业放弃", version: 1 } })).toThrow(ForbiddenError);
    cancelCommitment({ actor: staff, commitmentId: proposed, data: { reason: "企业放弃", version: 1 } });
    expect(row(proposed)).toMatchObject({ status: "cancelled", cancelReason: "企业放弃", version: 2 });
    expect(auditRows(proposed).at(-1)?.changes).toMatchObject({ status: ["proposed", "cancelled"], cancelReason: [null, "企业放弃"] });

    const met = propose(officer, project.P);
    commit(leader, met);
    markCommitmentConditionsMet({ actor: leader, commitmentId: met, version: 2 });
    cancelCommitment({ actor: leader, commitmentId: met, data: { reason: "项目终止", version: 3 } });
    expect(row(met).status).toBe("cancelled");

    const paid = propose(officer, project.P, { amountCny: "10" });
    commit(leader, paid);
    pay(staff, paid, "10");
    expect(() => cancelCommitment({ actor: leader, commitmentId: paid, data: { reason: "x", version: row(paid).version } })).toThrow(InvalidError);
  });
});

describe("payouts", () => {
  it("are recorded only on 已承诺/条件已达成 commitments, by leaders, staff and admins", () => {
    const id = propose(officer, project.P);
    expect(() => pay(staff, id, "10")).toThrow(InvalidError);
    commit(leader, id);
    expect(() => pay(officer, id, "10")).toThrow(ForbiddenError);
    expect(() => pay(officer2, id, "10")).toThrow(NotFoundError);
    expect(fieldError(() => pay(staff, id, "10", "2026-07-01"), "paidOn")).toBe("兑现日期不能晚于今天");
    expect(payoutsOf(id)).toHaveLength(0);
  });

  it("refuse overpayment with the rest in 万元 and write nothing; a partial then the full payout makes it 已兑现 on the last payout date", () => {
    const id = propose(officer, project.P, { amountCny: "100" });
    commit(leader, id);
    pay(staff, id, "40", "2026-05-10", "平财〔2026〕1号");
    expect(row(id)).toMatchObject({ status: "committed", fulfilledOn: null });

    const before = { row: row(id), payouts: payoutsOf(id), audit: auditRows(id) };
    expect(fieldError(() => pay(staff, id, "60.01"), "amountCny")).toBe("超出未兑现金额（剩余 60.00 万元）");
    expect({ row: row(id), payouts: payoutsOf(id), audit: auditRows(id) }).toEqual(before);

    pay(leader, id, "60", "2026-06-15");
    expect(row(id)).toMatchObject({ status: "fulfilled", fulfilledOn: "2026-06-15" });
    expect(payoutsOf(id).map((payout) => [payout.amountCny, payout.paidOn, payout.reference, payout.createdBy])).toEqual([
      [wan(40), "2026-05-10", "平财〔2026〕1号", staff.id],
      [wan(60), "2026-06-15", null, leader.id],
    ]);
    expect(auditRows(id).at(-1)?.changes).toMatchObject({
      payoutCny: [null, wan(60)],
      paidCny: [wan(40), wan(100)],
      status: ["committed", "fulfilled"],
      fulfilledOn: [null, "2026-06-15"],
    });
    expect(() => pay(staff, id, "0.01")).toThrow(InvalidError);

    const detail = getCommitment(staff, id);
    expect(detail).toMatchObject({ paidCny: wan(100), outstandingCny: 0, overdue: false, clauseExpired: false });
    expect(detail.payouts.map((payout) => payout.amountCny)).toEqual([wan(40), wan(60)]);
    expect(detail.can).toEqual({ commit: false, meetConditions: false, cancel: false, pay: false });
  });

  it("dates 已兑现 by the latest payout even when the completing one is back-dated", () => {
    const id = propose(officer, project.P, { amountCny: "30" });
    commit(leader, id);
    markCommitmentConditionsMet({ actor: leader, commitmentId: id, version: row(id).version });
    pay(staff, id, "10", "2026-06-20");
    pay(staff, id, "20", "2026-06-01");
    expect(row(id)).toMatchObject({ status: "fulfilled", fulfilledOn: "2026-06-20" });
  });
});

describe("reading", () => {
  it("answers 404 outside the scope and shows a project's commitments inside it", () => {
    const id = propose(officer, project.P);
    expect(() => getCommitment(officer2, id)).toThrow(NotFoundError);
    expect(() => listProjectCommitments(officer2, project.P)).toThrow(NotFoundError);
    expect(getCommitment(colleague, id).can.commit).toBe(false);
    expect(getCommitment(staff, id).can).toMatchObject({ commit: true, cancel: true, pay: false });
    const rows = listProjectCommitments(officer, project.P);
    expect(rows.find((r) => r.id === id)).toMatchObject({
      clauseLabel: "《关于更大力度吸引和利用外资工作的若干措施》第3条（增资奖励）",
      paidCny: 0,
      overdue: false,
    });
  });

  it("warns when the clause's policy has since expired, and still lets it be honoured", () => {
    const soon = makePolicy("即将到期政策", { effectiveTo: "2026-12-31" });
    const id = propose(officer, project.P, { clauseId: String(makeClause(soon)), amountCny: "5" });
    db().update(t.policies).set({ effectiveTo: "2026-06-01" }).where(eq(t.policies.id, soon)).run();
    expect(getCommitment(leader, id).clauseExpired).toBe(true);
    commit(leader, id);
    pay(staff, id, "5");
    expect(row(id).status).toBe("fulfilled");
  });
});

describe("the list, overdue and totals", () => {
  let unitId: number;
  let owner: ReturnType<typeof makeUser>;
  let outsider: Actor;
  /** a 拟承诺, b overdue 已承诺 part paid, c 条件已达成 due in 20 days, d 已兑现, e cancelled, f 已承诺 due in 77 days */
  const c: Record<string, number> = {};

  beforeAll(() => {
    unitId = makeUnit("独山港经济开发区");
    owner = makeUser("officer", unitId);
    outsider = makeUser("officer", makeUnit("新埭镇"));
    const t1 = makeProject(owner, { companyId: makeCompany(owner) });
    const t2 = makeProject(owner, { companyId: makeCompany(owner) });
    c.a = propose(owner, t1, { amountCny: "100", dueOn: "2026-09-01" });
    c.b = propose(owner, t1, { amountCny: "200", dueOn: "2026-06-29" });
    commit(leader, c.b);
    pay(staff, c.b, "50", "2026-06-10");
    c.c = propose(owner, t2, { amountCny: "300", dueOn: "2026-07-20" });
    commit(leader, c.c);
    markCommitmentConditionsMet({ actor: leader, commitmentId: c.c, version: row(c.c).version });
    c.d = propose(owner, t2, { amountCny: "150", dueOn: "2026-05-01" });
    commit(leader, c.d);
    pay(staff, c.d, "100", "2026-04-20");
    pay(staff, c.d, "50", "2026-04-30");
    c.e = propose(owner, t2, { amountCny: "80", dueOn: "2026-04-01" });
    commit(leader, c.e);
    cancelCommitment({ actor: leader, commitmentId: c.e, data: { reason: "企业放弃", version: row(c.e).version } });
    c.f = propose(owner, t1, { amountCny: "120", dueOn: "2026-09-15", clauseId: String(clause.live2) });
    commit(leader, c.f);
    // a deleted project's commitments count nowhere
    const gone = makeProject(owner, { companyId: makeCompany(owner) });
    const g = propose(owner, gone, { amountCny: "999", dueOn: "2026-01-01" });
    commit(leader, g);
    deleteProject({ actor: leader, projectId: gone, version: projectRow(gone).version });
  });

  const list = (actor: Actor, filters: Partial<CommitmentFilters> = {}) => listCommitments(actor, { page: 1, ...filters });
  const ids = (page: { rows: { id: number }[] }) => page.rows.map((r) => r.id);

  it("puts overdue ones first, then by agreed date; totals over the filters, counted by hand", () => {
    const page = list(leader, { unitId });
    expect(ids(page)).toEqual([c.b, c.e, c.d, c.c, c.a, c.f]);
    expect(page.rows.map((r) => r.overdue)).toEqual([true, false, false, false, false, false]);
    // in pages of any size the order holds across the overdue ones and the rest (fetched apart)
    for (const pageSize of [1, 2, 4]) {
      const joined: number[] = [];
      for (let n = 1; ; n++) {
        const one = list(leader, { unitId, page: n, pageSize });
        joined.push(...ids(one));
        if (!one.hasNext) break;
      }
      expect(joined).toEqual(ids(page));
    }
    expect(page.rows[0]).toMatchObject({ amountCny: wan(200), paidCny: wan(50), status: "committed" });
    // promised: b 200 + c 300 + d 150 + f 120; paid: b 50 + d 150; 拟承诺: a 100; e cancelled counts nowhere
    expect(page.totals).toEqual({ count: 6, promisedCny: wan(770), paidCny: wan(200), outstandingCny: wan(570), proposedCny: wan(100) });
    expect(list(owner).totals).toEqual(page.totals);
    expect(list(leader, { unitId, status: "open" }).totals).toEqual({
      count: 4,
      promisedCny: wan(620),
      paidCny: wan(50),
      outstandingCny: wan(570),
      proposedCny: wan(100),
    });
    expect(list(leader, { unitId, policyId: policy.live2 }).totals).toMatchObject({ count: 1, promisedCny: wan(120), paidCny: 0 });
    expect(ids(list(leader, { unitId, status: "fulfilled" }))).toEqual([c.d]);
    expect(list(outsider).totals).toEqual({ count: 0, promisedCny: 0, paidCny: 0, outstandingCny: 0, proposedCny: 0 });
  });

  it("filters by due window: overdue, within 30 days, within 90 days", () => {
    expect(ids(list(leader, { unitId, window: "overdue" }))).toEqual([c.b]);
    expect(ids(list(leader, { unitId, window: "due30" }))).toEqual([c.c]);
    expect(ids(list(leader, { unitId, window: "due90" }))).toEqual([c.c, c.f]);
    expect(list(leader, { unitId, window: "overdue" }).totals).toMatchObject({ count: 1, promisedCny: wan(200), outstandingCny: wan(150) });
  });

  it("filters in SQL exactly as the pure rules decide, over every commitment", () => {
    const all: { id: number; status: never; dueOn: string; amountCny: number; paidCny: number }[] = [];
    for (let page = 1; ; page++) {
      const result = list(leader, { page });
      all.push(...(result.rows as never[]));
      if (!result.hasNext) break;
    }
    expect(all.length).toBe(list(leader).totals.count);
    for (const window of DUE_WINDOWS) {
      const expected = all
        .filter((r) => isInDueWindow(r, window, "2026-06-30"))
        .map((r) => r.id)
        .sort((x, y) => x - y);
      const actual: number[] = [];
      for (let page = 1; ; page++) {
        const result = list(leader, { window, page });
        actual.push(...ids(result));
        if (!result.hasNext) break;
      }
      expect(actual.sort((x, y) => x - y)).toEqual(expected);
    }
  });

  it("pages by 20 and says when there is more", () => {
    const many = makeProject(owner, { companyId: makeCompany(owner) });
    for (let i = 0; i < 21; i++) propose(leader, many, { amountCny: "1", dueOn: `2026-08-${String(i + 1).padStart(2, "0")}` });
    const first = list(leader, { projectId: many });
    expect(first.rows).toHaveLength(20);
    expect(first).toMatchObject({ hasNext: true, total: 21 });
    expect(first.totals).toMatchObject({ count: 21, proposedCny: wan(21) });
    const second = list(leader, { projectId: many, page: 2 });
    expect(second.rows).toHaveLength(1);
    expect(second.hasNext).toBe(false);
    expect(second.rows[0].dueOn).toBe("2026-08-21");
  });

  it("lists overdue ones for the cockpit and the owner's due ones for 工作台, each in scope", () => {
    const overdue = listOverdueCommitments(owner, 10);
    expect(overdue.map((r) => r.id)).toEqual([c.b]);
    expect(overdue[0]).toMatchObject({ outstandingCny: wan(150), daysUntilDue: -1, ownerName: owner.username });
    expect(listOverdueCommitments(outsider, 10)).toEqual([]);
    expect(listOverdueCommitments(leader, 100).map((r) => r.id)).toContain(c.b);
    expect(summarizeOverdueCommitments(owner)).toEqual({ count: 1, outstandingCny: wan(150) });

    const due = listCommitmentsDueForOwner(owner);
    expect(due.rows.map((r) => r.id)).toEqual([c.b, c.c]);
    expect(due).toMatchObject({ overdue: 1, due30: 1 });
    // the same as the list's `mine` in each window (工作台's 查看全部)
    expect(ids(list(owner, { mine: true, window: "overdue" }))).toEqual([c.b]);
    expect(ids(list(owner, { mine: true, window: "due30" }))).toEqual([c.c]);
    expect(listCommitmentsDueForOwner(owner, 1)).toMatchObject({ rows: [{ id: c.b }], overdue: 1, due30: 1 });
    expect(listCommitmentsDueForOwner(outsider)).toEqual({ rows: [], overdue: 0, due30: 0 });
    expect(list(outsider, { mine: true }).total).toBe(0);
    // a member sees them too
    const t2 = row(c.c).projectId;
    addProjectMember({ actor: owner, projectId: t2, userId: outsider.id });
    expect(listCommitmentsDueForOwner(outsider).rows.map((r) => r.id)).toEqual([c.c]);
  });
});
