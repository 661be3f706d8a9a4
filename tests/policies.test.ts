/**
 * 政策库 and 政策依据 on a real migrated SQLite file: status derived from the dates, the list's
 * filters, the administrator's edits, who may add a basis, and the flags for expired and expiring
 * bases. Today is 2026-06-30; "expiring" means the policy ends by 2026-09-28.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import {
  addClause,
  addPolicyBasis,
  createPolicy,
  getPolicy,
  getPolicyForEdit,
  listPolicies,
  listPolicyClauseChoices,
  listPolicyFlags,
  listProjectPolicyBases,
  removeClause,
  removePolicyBasis,
  updatePolicy,
} from "../app/policies/policies.server";
import { clauseSchema, policySchema } from "../app/policies/policy.schema";
import { addProjectMember } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser } from "./support/builders";

let admin: Actor;
let officer: Actor;
let colleague: Actor;
let officer2: Actor;
let leader: Actor;
const policy: Record<string, number> = {};
const clause: Record<string, number> = {};
const project: Record<string, number> = {};

const newPolicy = (fields: Record<string, string>) => createPolicy({ actor: admin, data: policySchema.parse({ level: "county", ...fields }) });
const newClause = (policyId: number, fields: Record<string, string> = {}) =>
  addClause({ actor: admin, policyId, data: clauseSchema.parse({ number: "第一条", text: "条款内容（测试）", ...fields }) });
const fieldErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidError) return error.fieldErrors;
    throw error;
  }
  return null;
};

beforeAll(() => {
  const center = makeUnit("投资促进中心");
  admin = makeUser("admin", center);
  officer = makeUser("officer", center);
  colleague = makeUser("officer", center);
  officer2 = makeUser("officer", makeUnit("开发区"));
  leader = makeUser("leader", center);
  policy.valid = newPolicy({ title: "长期有效的政策", issuer: "平湖市人民政府", level: "county", effectiveTo: "2028-12-31" });
  policy.expiring = newPolicy({ title: "九十天内到期的政策", issuer: "浙江省人民政府办公厅", level: "provincial", effectiveTo: "2026-09-28" });
  policy.later = newPolicy({ title: "九十一天后到期的政策", issuer: "平湖市人民政府", effectiveTo: "2026-09-29" });
  policy.expired = newPolicy({ title: "已过期的政策", issuer: "平湖市人民政府", effectiveTo: "2026-06-29" });
  clause.valid = newClause(policy.valid, { incentiveType: "增资奖励" });
  clause.expiring = newClause(policy.expiring, { incentiveType: "税收政策扶持" });
  clause.later = newClause(policy.later);
  clause.expired = newClause(policy.expired);
  const company = makeCompany(officer);
  project.mine = makeProject(officer, { companyId: company });
  project.member = makeProject(leader, { companyId: company });
  addProjectMember({ actor: leader, projectId: project.member, userId: officer.id });
  project.other = makeProject(leader, { companyId: company });
});

describe("the library", () => {
  it("derives 失效 from the dates and filters by status, level, issuer and incentive type", () => {
    const titles = (filters: Parameters<typeof listPolicies>[0]) =>
      listPolicies(filters)
        .rows.map((row) => row.title)
        .sort();
    expect(titles({ status: "expired", page: 1 })).toEqual(["已过期的政策"]);
    expect(titles({ status: "valid", page: 1 })).toEqual(["九十一天后到期的政策", "九十天内到期的政策", "长期有效的政策"].sort());
    expect(titles({ level: "provincial", page: 1 })).toEqual(["九十天内到期的政策"]);
    expect(titles({ issuer: "浙江省人民政府办公厅", page: 1 })).toEqual(["九十天内到期的政策"]);
    expect(titles({ incentiveType: "增资奖励", page: 1 })).toEqual(["长期有效的政策"]);
    expect(titles({ q: "过期", page: 1 })).toEqual(["已过期的政策"]);
    expect(getPolicy(leader, policy.expired).policy.expired).toBe(true);
    expect(listPolicyClauseChoices().map((choice) => choice.id)).not.toContain(clause.expired);
  });

  it("lets only administrators edit, with the end date not before the start, and refuses a stale save", () => {
    expect(policySchema.safeParse({ title: "x", level: "county", effectiveFrom: "2026-05-01", effectiveTo: "2026-04-30" }).error?.issues[0]).toMatchObject({
      path: ["effectiveTo"],
      message: "失效日期不能早于生效日期",
    });
    expect(() => createPolicy({ actor: leader, data: policySchema.parse({ title: "x", level: "county" }) })).toThrow(ForbiddenError);
    const version = getPolicyForEdit(policy.later).version;
    const data = policySchema.parse({
      title: "九十一天后到期的政策",
      level: "county",
      issuer: "平湖市人民政府",
      effectiveTo: "2026-09-29",
      docNumber: "平政发〔2026〕1号",
    });
    updatePolicy({ actor: admin, id: policy.later, data, version });
    expect(getPolicyForEdit(policy.later)).toMatchObject({ docNumber: "平政发〔2026〕1号", version: version + 1 });
    expect(() => updatePolicy({ actor: admin, id: policy.later, data, version })).toThrow(ConflictError);
  });

  it("counts each policy's own clauses in 条款数, without removed ones", () => {
    const three = newPolicy({ title: "三条款政策" });
    const none = newPolicy({ title: "无条款政策" });
    newClause(three, { number: "第一条" });
    newClause(three, { number: "第二条" });
    removeClause({ actor: admin, policyId: three, clauseId: newClause(three, { number: "第三条" }) });
    const counts = Object.fromEntries(listPolicies({ page: 1 }).rows.map((row) => [row.title, row.clauses]));
    expect(counts).toMatchObject({ 三条款政策: 2, 无条款政策: 0, 已过期的政策: 1 });
    expect(listPolicies({ q: "无条款", page: 1 }).rows[0]).toMatchObject({ id: none, clauses: 0 });
  });
});

describe("政策依据", () => {
  it("is added by editors of the project only: 404 outside the officer's scope, 403 inside it", () => {
    expect(addPolicyBasis({ actor: officer, projectId: project.mine, data: { clauseId: clause.valid, note: "增资部分" } })).toBeGreaterThan(0);
    expect(addPolicyBasis({ actor: officer, projectId: project.member, data: { clauseId: clause.expiring, note: null } })).toBeGreaterThan(0);
    expect(() => addPolicyBasis({ actor: officer2, projectId: project.mine, data: { clauseId: clause.valid, note: null } })).toThrow(NotFoundError);
    expect(() => addPolicyBasis({ actor: colleague, projectId: project.mine, data: { clauseId: clause.later, note: null } })).toThrow(ForbiddenError);
  });

  it("refuses a duplicate and a clause of an expired policy, at the field", () => {
    expect(fieldErrors(() => addPolicyBasis({ actor: officer, projectId: project.mine, data: { clauseId: clause.valid, note: null } }))).toEqual({
      clauseId: "该条款已是本项目的政策依据",
    });
    expect(fieldErrors(() => addPolicyBasis({ actor: officer, projectId: project.mine, data: { clauseId: clause.expired, note: null } }))).toEqual({
      clauseId: "该条款所属政策已失效，不能作为新的政策依据",
    });
  });

  it("shows each basis with its state, and the policy page lists the projects resting on each clause", () => {
    expect(listProjectPolicyBases(project.member).map((basis) => [basis.policyTitle, basis.state])).toEqual([["九十天内到期的政策", "expiring"]]);
    const page = getPolicy(leader, policy.valid);
    expect(page.clauses[0]).toMatchObject({ projectCount: 1, commitmentCount: 0 });
    expect(page.clauses[0].projects.map((p) => [p.id, p.note])).toEqual([[project.mine, "增资部分"]]);
    expect(getPolicy(officer2, policy.valid).clauses[0].projectCount).toBe(0);
  });

  it("flags projects whose basis expired or expires within 90 days, for the leader and for the owner's 工作台", () => {
    const id = addPolicyBasis({ actor: leader, projectId: project.other, data: { clauseId: clause.later, note: null } });
    // the policy of clause.later ends on 2026-09-29 (today + 91): not flagged
    expect(listPolicyFlags(leader).map((flag) => flag.projectId)).toEqual([project.member]);
    // an administrator ends the valid policy yesterday: project.mine is now flagged as expired
    const version = getPolicyForEdit(policy.valid).version;
    updatePolicy({
      actor: admin,
      id: policy.valid,
      data: policySchema.parse({ title: "长期有效的政策", level: "county", effectiveTo: "2026-06-29" }),
      version,
    });
    expect(listPolicyFlags(leader).map((flag) => [flag.projectId, flag.state])).toEqual([
      [project.mine, "expired"],
      [project.member, "expiring"],
    ]);
    expect(listPolicyFlags(officer, { mine: true }).map((flag) => flag.projectId)).toEqual([project.mine, project.member]);
    expect(listPolicyFlags(colleague, { mine: true })).toEqual([]);
    removePolicyBasis({ actor: leader, projectId: project.other, basisId: id });
    expect(listProjectPolicyBases(project.other)).toEqual([]);
    expect(() => removePolicyBasis({ actor: leader, projectId: project.other, basisId: id })).toThrow(NotFoundError);
  });
});
