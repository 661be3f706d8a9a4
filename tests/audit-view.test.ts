/**
 * 变更记录 as a person reads it (DESIGN.md §6), on a real migrated SQLite file: names instead of
 * ids, Chinese labels for every field and code, only the fields that changed, one entry per save
 * (however many records it wrote); and every column of the shown record types has a label.
 */
import { eq, getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { activitySchema, newActivitySchema } from "../app/activities/activity";
import { arrivalSchema } from "../app/arrivals/arrival.schema";
import { recordArrival } from "../app/arrivals/arrivals.server";
import type { AuditRowView } from "../app/audit/audit-list";
import { storeAttachment } from "../app/attachments/attachments.server";
import { AUDIT_VOCABULARIES, presentAudit } from "../app/audit/audit-view.server";
import type { Actor } from "../app/auth/permissions";
import { commitmentSchema, payoutSchema } from "../app/commitments/commitment.schema";
import { commitCommitment, listCommitmentAudit, proposeCommitment, recordPayout } from "../app/commitments/commitments.server";
import { addContact, listCompanyAudit, updateContact } from "../app/companies/companies.server";
import { contactSchema } from "../app/companies/company.schema";
import { db, t } from "../app/db.server";
import { confirmImport, storeUpload, undoImport } from "../app/imports/imports.server";
import { parkSchema } from "../app/parks/park.schema";
import { createPark, listParkAudit, updatePark } from "../app/parks/parks.server";
import { listPolicyAudit, updateClause } from "../app/policies/policies.server";
import { clauseSchema } from "../app/policies/policy.schema";
import { projectSchema } from "../app/projects/project.schema";
import { addActivity, changeProjectStatus, listProjectAudit, moveProjectToStage, updateProject } from "../app/projects/projects.server";
import { makeCompany, makeProject, makeUnit, makeUser, projectRow } from "./support/builders";

const HAN = /[\u4e00-\u9fff]/;

let zhang: Actor;
let li: Actor;
let leader: Actor;
let admin: Actor;
let centerId: number;
let zoneId: number;
let companyId: number;
let projectId: number;
let commitmentId: number;
let policyId: number;
let clauseId: number;

function named(actor: Actor, displayName: string): Actor {
  db().update(t.users).set({ displayName }).where(eq(t.users.id, actor.id)).run();
  return actor;
}

function editForm(id: number, changes: Record<string, string>) {
  const row = projectRow(id);
  return projectSchema.parse({
    name: row.name,
    companyName: "明水光子有限公司",
    projectType: row.projectType,
    ownerId: String(row.ownerId),
    unitId: String(row.unitId),
    priority: row.priority,
    totalInvestmentUsd: "1000",
    contractedFdiUsd: "500",
    ...changes,
  });
}

const lines = (rows: readonly AuditRowView[]) =>
  rows.flatMap((row) =>
    row.changes.map((change) =>
      change.before === null
        ? `${change.label}：${change.after}`
        : change.after === null
          ? `${change.label}：${change.before}`
          : `${change.label}：${change.before} → ${change.after}`,
    ),
  );

/** What no entry may show: English, codes, bare ids, or a field that did not change. */
function expectReadable(rows: readonly AuditRowView[]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.actionLabel).toMatch(HAN);
    if (row.partLabel !== null) expect(row.partLabel).toMatch(HAN);
    for (const change of row.changes) {
      expect(change.label).toMatch(HAN);
      for (const value of [change.before, change.after]) {
        if (value === null) continue;
        expect(value, `${change.label}`).not.toMatch(/^\d+$/);
        expect(value, `${change.label}`).not.toMatch(/^[a-z_]+$/);
      }
      if (change.before !== null && change.after !== null) expect(change.before, change.label).not.toBe(change.after);
    }
  }
}

beforeAll(() => {
  centerId = makeUnit("投资促进中心");
  zoneId = makeUnit("平湖经济技术开发区");
  zhang = named(makeUser("officer", centerId), "张三");
  li = named(makeUser("officer", zoneId), "李四");
  leader = named(makeUser("leader", centerId), "王领导");
  admin = named(makeUser("admin", centerId), "赵管理");
  companyId = makeCompany(zhang, { name: "明水光子有限公司" });
  projectId = makeProject(zhang, { companyId });

  policyId = db()
    .insert(t.policies)
    .values({ title: "平湖市外资奖励办法", level: "county", effectiveTo: "2027-12-31" })
    .returning({ id: t.policies.id })
    .get().id;
  clauseId = db()
    .insert(t.policyClauses)
    .values({ policyId, number: "第五条", text: "增资奖励", incentiveType: "增资奖励" })
    .returning({ id: t.policyClauses.id })
    .get().id;

  // the leader hands the project to the zone, moves it on, promises and commits, then puts it on hold
  updateProject({
    actor: leader,
    id: projectId,
    data: editForm(projectId, { ownerId: String(li.id), unitId: String(zoneId) }),
    version: projectRow(projectId).version,
  });
  moveProjectToStage({ actor: leader, projectId, toStage: "contacted", occurredOn: "2026-02-01", note: null, version: projectRow(projectId).version });
  addActivity({ actor: li, projectId, data: activitySchema.parse({ type: "visit", occurredOn: "2026-02-02", summary: "实地考察" }) });
  commitmentId = proposeCommitment({
    actor: leader,
    projectId,
    data: commitmentSchema.parse({ clauseId: String(clauseId), item: "研发设备补助", amountCny: "100", condition: "", dueOn: "2026-12-31" }),
  });
  const commitmentVersion = db().select({ version: t.commitments.version }).from(t.commitments).where(eq(t.commitments.id, commitmentId)).get()!.version;
  commitCommitment({ actor: leader, commitmentId, version: commitmentVersion });
  changeProjectStatus({
    actor: leader,
    projectId,
    status: "on_hold",
    occurredOn: "2026-06-30",
    reason: "资金未到位",
    lostTo: null,
    version: projectRow(projectId).version,
  });
});

describe("a project's 变更记录", () => {
  it("names people, units and companies, labels fields and codes, and lists only what changed", () => {
    const rows = presentAudit("project", listProjectAudit(projectId));
    expectReadable(rows);
    const edit = rows.find((row) => row.actionLabel === "修改" && row.partLabel === null)!;
    // the save changed 负责人 and 负责单位 only: nothing else the form posted is listed
    expect(edit.changes).toEqual([
      { label: "负责人", before: "张三", after: "李四" },
      { label: "负责单位", before: "投资促进中心", after: "平湖经济技术开发区" },
    ]);
    expect(edit.who).toBe("王领导");
    expect(lines(rows)).toEqual(expect.arrayContaining(["阶段：线索 → 接洽", "发生日期：2026-02-01", "项目状态：进行中 → 暂缓", "原因：（空） → 资金未到位"]));
    expect(rows.find((row) => row.actionLabel === "阶段变更")).toBeDefined();
    expect(rows.find((row) => row.actionLabel === "状态变更")).toBeDefined();
  });

  it("shows a new project's values alone, with names", () => {
    const created = presentAudit("project", listProjectAudit(projectId)).find((row) => row.actionLabel === "创建")!;
    expect(created.who).toBe("张三");
    expect(lines([created])).toEqual(
      expect.arrayContaining([
        "投资方企业：明水光子有限公司",
        "负责人：张三",
        "负责单位：投资促进中心",
        "项目类型：新设",
        "优先级：一般",
        "总投资（万美元）：1,000.00",
        "线索日期：2026-01-10",
      ]),
    );
    expect(created.changes.every((change) => change.before === null)).toBe(true);
  });

  it("shows its activities and commitments as parts, without repeating the project", () => {
    const rows = presentAudit("project", listProjectAudit(projectId));
    const activity = rows.find((row) => row.partLabel === "活动记录")!;
    expect(activity.actionLabel).toBe("新增");
    expect(lines([activity])).toEqual(expect.arrayContaining(["活动类型：拜访", "活动日期：2026-02-02", "纪要：实地考察"]));
    const proposed = rows.find((row) => row.partLabel === "政策承诺「研发设备补助」" && row.actionLabel === "新增")!;
    expect(lines([proposed])).toEqual(expect.arrayContaining(["政策条款：《平湖市外资奖励办法》第五条（增资奖励）", "承诺金额（万元）：100.00"]));
    expect(proposed.changes.map((change) => change.label)).not.toContain("项目");
    const committed = rows.find((row) => row.partLabel === "政策承诺「研发设备补助」" && row.actionLabel === "承诺")!;
    expect(lines([committed])).toContain("状态：拟承诺 → 已承诺");
  });
});

describe("a commitment's 变更记录", () => {
  it("reads 状态：拟承诺 → 已承诺 and names who committed", () => {
    const rows = presentAudit("commitment", listCommitmentAudit(commitmentId));
    expectReadable(rows);
    expect(rows.map((row) => row.actionLabel)).toEqual(["承诺", "创建"]);
    expect(lines([rows[0]])).toEqual(["状态：拟承诺 → 已承诺", "承诺人：（空） → 王领导", "承诺日期：（空） → 2026-06-30"]);
    expect(lines([rows[1]])).toContain("项目：" + projectRow(projectId).name);
  });

  it("shows a file put on it as a part, by its name and category", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n", "latin1");
    await storeAttachment({
      actor: leader,
      entityType: "commitment",
      entityId: commitmentId,
      category: "payout_proof",
      file: { name: "兑现凭证.pdf", bytes: pdf },
    });
    const rows = presentAudit("commitment", listCommitmentAudit(commitmentId));
    expectReadable(rows);
    const file = rows.find((row) => row.partLabel === "附件「兑现凭证.pdf」")!;
    expect(file.actionLabel).toBe("新增");
    // what it hangs on and its hash are not shown
    expect(lines([file]).sort()).toEqual(["文件名：兑现凭证.pdf", "文件类型：PDF", "文件大小：0.1 KB", "附件类型：兑现凭证"].sort());
  });
});

describe("companies, policies and parks", () => {
  it("shows a company's contacts by name, only their changed fields", () => {
    const contactId = addContact({ actor: zhang, companyId, data: contactSchema.parse({ name: "王明", title: "总经理" }) });
    const version = db().select({ version: t.contacts.version }).from(t.contacts).where(eq(t.contacts.id, contactId)).get()!.version;
    updateContact({ actor: zhang, companyId, contactId, data: contactSchema.parse({ name: "王明", title: "董事长" }), version });
    const rows = presentAudit("company", listCompanyAudit(companyId));
    expectReadable(rows);
    const edit = rows.find((row) => row.partLabel === "联系人「王明」" && row.actionLabel === "修改")!;
    expect(edit.changes).toEqual([{ label: "职务", before: "总经理", after: "董事长" }]);
    expect(lines(rows)).toContain("国别/地区：日本");
  });

  it("names a changed clause's step and fields", () => {
    const version = db().select({ version: t.policyClauses.version }).from(t.policyClauses).where(eq(t.policyClauses.id, clauseId)).get()!.version;
    updateClause({
      actor: admin,
      policyId,
      clauseId,
      data: clauseSchema.parse({ number: "第五条", text: "增资奖励（修订）", incentiveType: "增资奖励" }),
      version,
    });
    const rows = presentAudit("policy", listPolicyAudit(policyId));
    expectReadable(rows);
    // which clause: the policy has several
    expect(rows[0].actionLabel).toBe("修改条款「第五条」");
    expect(rows[0].changes).toEqual([{ label: "条款内容", before: "增资奖励", after: "增资奖励（修订）" }]);
  });

  it("names a park's parent, focus countries and focus chains", () => {
    const systemId = db().insert(t.chainSystems).values({ code: "test", name: "四群八链" }).returning({ id: t.chainSystems.id }).get().id;
    const chainId = db().insert(t.chainNodes).values({ systemId, level: "chain", name: "新能源汽车", path: "1" }).returning({ id: t.chainNodes.id }).get().id;
    const parentId = createPark({ actor: admin, data: parkSchema.parse({ name: "测试开发区", kind: "development_zone" }) });
    const id = createPark({ actor: admin, data: parkSchema.parse({ name: "中日产业园", kind: "country_park", focusCountries: ["JP"] }) });
    const version = db().select({ version: t.parks.version }).from(t.parks).where(eq(t.parks.id, id)).get()!.version;
    updatePark({
      actor: admin,
      id,
      data: parkSchema.parse({
        name: "中日产业园",
        kind: "country_park",
        parentId: String(parentId),
        focusCountries: ["JP", "KR"],
        focusChainIds: [String(chainId)],
      }),
      version,
    });
    const rows = presentAudit("park", listParkAudit(id));
    expectReadable(rows);
    expect(rows[0].changes).toEqual([
      { label: "上级载体", before: "（空）", after: "测试开发区" },
      { label: "重点国别", before: "日本", after: "日本、韩国" },
      { label: "重点产业链", before: "（空）", after: "四群八链 · 新能源汽车" },
    ]);
  });
});

const pdf = (title: string) => Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog /Title (${title})>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`, "latin1");

describe("one save, one entry", () => {
  it("shows a visit that planned the next follow-up as one entry with both steps, and the next save as its own", () => {
    const id = makeProject(zhang, { companyId, enteredOn: "2026-06-01" });
    addActivity({
      actor: zhang,
      projectId: id,
      data: newActivitySchema.parse({ type: "visit", occurredOn: "2026-06-20", summary: "送样品", nextStep: "报价", nextFollowUpOn: "2026-07-05" }),
    });
    // the same person's next save, within the same millisecond or not, is an entry of its own
    addActivity({ actor: zhang, projectId: id, data: newActivitySchema.parse({ type: "call", occurredOn: "2026-06-21", summary: "确认报价" }) });
    const entries = listProjectAudit(id);
    expect(entries).toHaveLength(4);
    const rows = presentAudit("project", entries);
    expectReadable(rows);
    expect(rows.map((row) => [row.partLabel, row.actionLabel, row.more.length])).toEqual([
      ["活动记录", "新增", 0],
      ["活动记录", "新增", 1],
      [null, "创建", 0],
    ]);
    const visit = rows[1];
    expect(lines([visit])).toEqual(expect.arrayContaining(["活动类型：拜访", "活动日期：2026-06-20", "纪要：送样品"]));
    expect(visit.more).toEqual([
      {
        actionLabel: "修改",
        partLabel: null,
        changes: [
          { label: "下次跟进日期", before: "（空）", after: "2026-07-05" },
          { label: "下次跟进事项", before: "（空）", after: "报价" },
        ],
      },
    ]);
    expect(visit.who).toBe("张三");
  });

  it("shows the files on a project's arrivals and payouts in its log", async () => {
    const id = makeProject(zhang, { companyId, enteredOn: "2026-01-05" });
    db()
      .update(t.projects)
      .set({ stage: "signed", signedOn: "2026-02-01", signingVerifiedAt: Date.now(), signingVerifiedBy: leader.id })
      .where(eq(t.projects.id, id))
      .run();
    const arrivalId = recordArrival({ actor: admin, projectId: id, data: arrivalSchema.parse({ arrivedOn: "2026-03-01", amountUsd: "100", reference: "" }) });
    const promised = proposeCommitment({
      actor: leader,
      projectId: id,
      data: commitmentSchema.parse({ clauseId: String(clauseId), item: "厂房租金补助", amountCny: "50", condition: "", dueOn: "2026-12-31" }),
    });
    const versionOf = () => db().select({ version: t.commitments.version }).from(t.commitments).where(eq(t.commitments.id, promised)).get()!.version;
    commitCommitment({ actor: leader, commitmentId: promised, version: versionOf() });
    const payoutId = recordPayout({
      actor: admin,
      commitmentId: promised,
      data: payoutSchema.parse({ amountCny: "20", paidOn: "2026-06-01", reference: "", version: String(versionOf()) }),
    });
    await storeAttachment({
      actor: admin,
      entityType: "fdi_arrival",
      entityId: arrivalId,
      category: "fx_receipt",
      file: { name: "到账凭证.pdf", bytes: pdf("arrival") },
    });
    await storeAttachment({
      actor: admin,
      entityType: "payout",
      entityId: payoutId,
      category: "payout_proof",
      file: { name: "兑现回单.pdf", bytes: pdf("payout") },
    });

    const rows = presentAudit("project", listProjectAudit(id));
    expectReadable(rows);
    const files = rows.filter((row) => row.partLabel?.startsWith("附件"));
    expect(files.map((row) => [row.partLabel, row.actionLabel])).toEqual([
      ["附件「兑现回单.pdf」", "新增"],
      ["附件「到账凭证.pdf」", "新增"],
    ]);
    expect(lines(files)).toEqual(expect.arrayContaining(["附件类型：外汇登记/到账凭证", "附件类型：兑现凭证"]));
  });

  it("reads an undone import as imported → restored, without derived keys", async () => {
    const uscc = "914403001922038216";
    const id = makeCompany(zhang, { name: "撤销日志株式会社", uscc, city: "大阪" });
    const file = Buffer.from(`企业名称,统一社会信用代码,国别/地区,所在城市\r\n撤销日志精工株式会社,${uscc},日本,东京\r\n`, "utf8");
    const batchId = await confirmImport({ actor: admin, token: storeUpload(file), fileName: "企业台账.csv", kind: "companies", mode: "update" });
    undoImport({ actor: admin, batchId });

    const undo = listCompanyAudit(id).find((entry) => entry.action === "undo")!;
    // the values as imported, then as restored; nameKey and searchText were restored too, but are not the user's
    expect(undo.changes).toEqual({ name: ["撤销日志精工株式会社", "撤销日志株式会社"], city: ["东京", "大阪"] });
    const rows = presentAudit("company", listCompanyAudit(id));
    // the undo and the import (the creation shows the all-digit USCC)
    expectReadable(rows.slice(0, 2));
    expect(rows[0]).toMatchObject({
      actionLabel: "撤销导入",
      changes: [
        { label: "企业名称", before: "撤销日志精工株式会社", after: "撤销日志株式会社" },
        { label: "所在城市", before: "东京", after: "大阪" },
      ],
    });
    expect(rows[1]).toMatchObject({ actionLabel: "修改", changes: expect.arrayContaining([{ label: "所在城市", before: "大阪", after: "东京" }]) });
  });
});

describe("the vocabularies", () => {
  /** Bookkeeping columns never written as changes. */
  const BOOKKEEPING = new Set(["id", "version", "createdAt", "updatedAt", "deletedAt"]);
  const cases: Array<[string, SQLiteTable, string[]]> = [
    ["project", t.projects, []],
    ["activity", t.activities, []],
    ["fdi_arrival", t.fdiArrivals, []],
    ["commitment", t.commitments, []],
    ["attachment", t.attachments, []],
    ["company", t.companies, []],
    ["contact", t.contacts, []],
    ["policy", t.policies, []],
    // clauses are logged on their policy; which policy and the order are not edited
    ["policy", t.policyClauses, ["policyId", "sortOrder"]],
    ["park", t.parks, []],
  ];
  it.each(cases)("label every column of %s", (entityType, table, skipped) => {
    const vocabulary = AUDIT_VOCABULARIES[entityType as keyof typeof AUDIT_VOCABULARIES]!;
    const missing = Object.keys(getTableColumns(table)).filter((column) => !BOOKKEEPING.has(column) && !skipped.includes(column) && !vocabulary.fields[column]);
    expect(missing).toEqual([]);
    for (const spec of Object.values(vocabulary.fields)) expect(spec.label).toMatch(HAN);
  });
});
