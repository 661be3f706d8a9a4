/**
 * 政策兑现 routes called as the browser calls them (real session cookie, form POST, migrated SQLite;
 * today is 2026-06-30): the commitment's page and its steps (/commitments/:id) and 提出承诺 on a
 * project (/projects/:id/commitments). 404 outside the officer's scope or for an unknown id, 403
 * for a role that may not take the step, 400 at the field, 409 for a stale version; nothing is
 * written when refused.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/permissions";
import { commitmentSchema } from "../../app/commitments/commitment.schema";
import { proposeCommitment } from "../../app/commitments/commitments.server";
import { db, t } from "../../app/db.server";
import { action as commitmentAction, loader as commitmentLoader } from "../../app/routes/commitments.$id";
import { action as proposeAction, loader as projectCommitmentsLoader } from "../../app/routes/projects.$id_.commitments";
import { makeCompany, makeProject, makeUnit, makeUser } from "../support/builders";
import { loadAs, locationOf, refusal, submitAs } from "../support/requests";

const STALE = "该记录已被他人修改，请刷新后重试";
const UNKNOWN = 987_654;

let officer: Actor;
let colleague: Actor;
let officer2: Actor;
let leader: Actor;
let staff: Actor;
/** the officer's project, the colleague's (same unit), officer2's (other unit) */
let P: number;
let Q: number;
let R: number;
let clause: number;
let expiredClause: number;
/** proposed on P, and on R */
let onP: number;
let onR: number;

const params = (id: number) => ({ id: String(id) });
const row = (id: number) => db().select().from(t.commitments).where(eq(t.commitments.id, id)).get()!;
const counts = () => ({
  commitments: db()
    .select({ n: sql<number>`count(*)` })
    .from(t.commitments)
    .get()!.n,
  payouts: db()
    .select({ n: sql<number>`count(*)` })
    .from(t.payouts)
    .get()!.n,
  audit: db()
    .select({ n: sql<number>`count(*)` })
    .from(t.auditLog)
    .get()!.n,
});

/** A refused POST changes no commitment, payout or audit row; `id`'s row stays exactly as it was. */
async function unchanged(id: number, post: () => Promise<Response>): Promise<Response> {
  const before = { row: row(id), counts: counts() };
  const response = await post();
  expect(row(id)).toEqual(before.row);
  expect(counts()).toEqual(before.counts);
  return response;
}

function makeClause(fields: Partial<typeof t.policies.$inferInsert> = {}): number {
  const policyId = db()
    .insert(t.policies)
    .values({ title: "示例政策", level: "county", ...fields })
    .returning({ id: t.policies.id })
    .get().id;
  return db()
    .insert(t.policyClauses)
    .values({ policyId, number: "第1条", text: "示例条款", incentiveType: "增资奖励" })
    .returning({ id: t.policyClauses.id })
    .get().id;
}

const proposal = (changes: Record<string, string> = {}) => ({
  clauseId: String(clause),
  item: "增资奖励",
  amountCny: "100",
  condition: "",
  dueOn: "2026-12-31",
  ...changes,
});
const step = (actor: Actor, id: number, intent: string, fields: Record<string, string> = {}) =>
  submitAs(actor, commitmentAction, `/commitments/${id}`, { intent, version: String(row(id).version), ...fields }, params(id));

beforeAll(() => {
  const center = makeUnit();
  const zone = makeUnit();
  officer = makeUser("officer", center);
  colleague = makeUser("officer", center);
  officer2 = makeUser("officer", zone);
  leader = makeUser("leader", center);
  staff = makeUser("staff", center);
  const companyId = makeCompany(officer);
  P = makeProject(officer, { companyId });
  Q = makeProject(colleague, { companyId });
  R = makeProject(officer2, { companyId });
  clause = makeClause({ effectiveTo: "2027-12-31" });
  expiredClause = makeClause({ effectiveTo: "2026-06-29" });
  onP = proposeCommitment({ actor: officer, projectId: P, data: commitmentSchema.parse(proposal()) });
  onR = proposeCommitment({ actor: officer2, projectId: R, data: commitmentSchema.parse(proposal()) });
});

describe("the commitment page (/commitments/:id)", () => {
  it("opens for the officer on their unit's projects and for staff on every unit's", async () => {
    expect((await loadAs(officer, commitmentLoader, `/commitments/${onP}`, params(onP))).status).toBe(200);
    expect((await loadAs(colleague, commitmentLoader, `/commitments/${onP}`, params(onP))).status).toBe(200);
    expect((await loadAs(staff, commitmentLoader, `/commitments/${onR}`, params(onR))).status).toBe(200);
  });

  it("answers 404 — not 403 — for another unit's commitment, an unknown id and a malformed one", async () => {
    expect((await loadAs(officer, commitmentLoader, `/commitments/${onR}`, params(onR))).status).toBe(404);
    expect((await loadAs(officer, commitmentLoader, `/commitments/${UNKNOWN}`, params(UNKNOWN))).status).toBe(404);
    expect((await loadAs(leader, commitmentLoader, "/commitments/-1", { id: "-1" })).status).toBe(404);
  });

  it("the project's 政策承诺 page answers 404 outside the scope", async () => {
    expect((await loadAs(officer, projectCommitmentsLoader, `/projects/${R}/commitments`, params(R))).status).toBe(404);
    expect((await loadAs(officer, projectCommitmentsLoader, `/projects/${P}/commitments`, params(P))).status).toBe(200);
  });
});

describe("the steps (承诺, 条件已达成, 取消, 登记兑现)", () => {
  it("404 for a commitment outside the officer's scope or unknown, before anything else is checked", async () => {
    expect((await unchanged(onR, () => step(officer, onR, "cancel", { reason: "越权" }))).status).toBe(404);
    expect((await submitAs(staff, commitmentAction, `/commitments/${UNKNOWN}`, { intent: "commit", version: "1" }, params(UNKNOWN))).status).toBe(404);
  });

  it("403 to officers for 承诺, 取消 and 登记兑现, even on their own project", async () => {
    expect((await unchanged(onP, () => step(officer, onP, "commit"))).status).toBe(403);
    expect((await unchanged(onP, () => step(officer, onP, "cancel", { reason: "不再需要" }))).status).toBe(403);
    expect((await unchanged(onP, () => step(officer, onP, "payout", { amountCny: "10", paidOn: "2026-06-01", reference: "" }))).status).toBe(403);
  });

  it("400: an unknown intent, 取消 without a reason, a step the status does not allow", async () => {
    expect((await refusal(await unchanged(onP, () => step(staff, onP, "approve")), 400)).fieldErrors).toEqual({ intent: "操作无效，请刷新页面后重试" });
    expect((await refusal(await unchanged(onP, () => step(staff, onP, "cancel", { reason: "  " })), 400)).fieldErrors).toEqual({ reason: "请填写取消原因" });
    expect((await refusal(await unchanged(onP, () => step(staff, onP, "conditionsMet")), 400)).formError).toBe("只有已承诺的事项可以标记条件已达成");
    expect((await refusal(await unchanged(onP, () => step(staff, onP, "payout", { amountCny: "10", paidOn: "2026-06-01" })), 400)).formError).toBe(
      "只有已承诺或条件已达成的承诺可以登记兑现",
    );
  });

  it("409 for a stale version; the current one commits (200, 已承诺)", async () => {
    const stale = await unchanged(onP, () => step(staff, onP, "commit", { version: String(row(onP).version + 1) }));
    expect((await refusal(stale, 409)).formError).toBe(STALE);
    const done = await step(staff, onP, "commit");
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ ok: true, intent: "commit" });
    expect(row(onP)).toMatchObject({ status: "committed", committedBy: staff.id, committedOn: "2026-06-30" });
  });

  it("登记兑现: 400 at the field for a malformed amount, a future date or more than is owed; 409 stale", async () => {
    const payout = (fields: Record<string, string>) => step(leader, onP, "payout", { amountCny: "10", paidOn: "2026-06-01", reference: "", ...fields });
    expect((await refusal(await unchanged(onP, () => payout({ amountCny: "1,0" })), 400)).fieldErrors).toEqual({
      amountCny: "兑现金额应为不超过两位小数的非负数",
    });
    expect((await refusal(await unchanged(onP, () => payout({ amountCny: "0" })), 400)).fieldErrors).toEqual({ amountCny: "兑现金额应大于0" });
    expect((await refusal(await unchanged(onP, () => payout({ paidOn: "2026-07-01" })), 400)).fieldErrors).toEqual({ paidOn: "兑现日期不能晚于今天" });
    expect((await refusal(await unchanged(onP, () => payout({ amountCny: "100.01" })), 400)).fieldErrors.amountCny).toMatch(/^超出未兑现金额/);
    expect((await refusal(await unchanged(onP, () => payout({ version: String(row(onP).version - 1) })), 409)).formError).toBe(STALE);
    expect((await payout({})).status).toBe(200);
    expect(db().select().from(t.payouts).where(eq(t.payouts.commitmentId, onP)).all()).toHaveLength(1);
  });
});

describe("提出承诺 (/projects/:id/commitments)", () => {
  const propose = (actor: Actor, projectId: number, changes: Record<string, string> = {}) =>
    submitAs(actor, proposeAction, `/projects/${projectId}/commitments`, proposal(changes), params(projectId));

  it("404 for a project outside the officer's scope or unknown", async () => {
    expect((await unchanged(onR, () => propose(officer, R))).status).toBe(404);
    expect((await unchanged(onR, () => propose(officer, UNKNOWN))).status).toBe(404);
  });

  it("403 to staff, and to an officer on a colleague's project they are not a member of", async () => {
    expect((await unchanged(onR, () => propose(staff, P))).status).toBe(403);
    expect((await unchanged(onR, () => propose(officer, Q))).status).toBe(403);
  });

  it("400 at the field: no clause, an unknown clause, an expired policy, no item, a zero amount, no due date", async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ clauseId: "" }, { clauseId: "请选择政策条款" }],
      [{ clauseId: String(UNKNOWN) }, { clauseId: "政策条款无效" }],
      [{ clauseId: String(expiredClause) }, { clauseId: "该条款所属政策已失效" }],
      [{ item: "" }, { item: "请输入承诺事项" }],
      [{ amountCny: "0" }, { amountCny: "承诺金额应大于0" }],
      [{ dueOn: "" }, { dueOn: "请选择约定兑现日期" }],
    ];
    for (const [changes, fieldErrors] of cases) {
      const body = await refusal(await unchanged(onR, () => propose(officer, P, changes)), 400);
      expect(body.fieldErrors, JSON.stringify(changes)).toEqual(fieldErrors);
    }
  });

  it("a valid proposal by the owner is 拟承诺 and leads back to the project's commitments", async () => {
    const before = counts().commitments;
    expect(locationOf(await propose(officer, P, { item: "人才用房补助" }))).toBe(`/projects/${P}#commitments`);
    expect(counts().commitments).toBe(before + 1);
    expect(db().select().from(t.commitments).where(eq(t.commitments.item, "人才用房补助")).get()).toMatchObject({
      projectId: P,
      status: "proposed",
      proposedBy: officer.id,
    });
  });
});
