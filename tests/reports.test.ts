/**
 * 月度报告 generation, section by section, on the figures fixture (tests/support/figures-fixture.ts)
 * plus a project in 洽谈, a chain with a gap, and commitments. Every expected number is worked out
 * by hand from those records. Today is 2026-06-30.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { createChainNode, linkProjectToChainNode } from "../app/chains/chains.server";
import { db, t } from "../app/db.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../app/lib/errors";
import { addActivity, moveProjectToStage } from "../app/projects/projects.server";
import { fieldErrorsOf } from "../app/lib/form.server";
import { narrativeSchema } from "../app/reports/report.schema";
import { generateReport, getReport, listReports, updateReportNarrative } from "../app/reports/reports.server";
import { buildFiguresFixture, WAN, type FiguresFixture } from "./support/figures-fixture";
import { makeCompany, makeProject, makeUser, projectRow } from "./support/builders";

let f: FiguresFixture;
let admin: Actor;
let P8: number;
const node: Record<string, number> = {};

beforeAll(() => {
  f = buildFiguresFixture();
  admin = makeUser("admin", f.unitA);
  // P8: entered 2026-05-01, 洽谈 since 2026-06-10, with a visit on 06-12
  P8 = makeProject(f.leader, { companyId: makeCompany(f.leader), totalInvestmentUsd: "900", contractedFdiUsd: "600", enteredOn: "2026-05-01" });
  moveProjectToStage({ actor: f.leader, projectId: P8, toStage: "negotiating", occurredOn: "2026-06-10", note: null, version: projectRow(P8).version });
  addActivity({
    actor: f.leader,
    projectId: P8,
    data: { type: "visit", occurredOn: "2026-06-12", participants: null, place: "大阪", summary: "拜访总部，对方确认年内决策", nextStep: null },
  });

  // a chain with a 空白 link served by P1 and a 薄弱 link served by nobody
  const system = db().insert(t.chainSystems).values({ code: "r", name: "测试体系" }).returning({ id: t.chainSystems.id }).get().id;
  node.chain = createChainNode({ actor: admin, data: { systemId: system, parentId: null, level: "chain", name: "数控机床", gapStatus: null } });
  node.control = createChainNode({ actor: admin, data: { systemId: system, parentId: node.chain, level: "link", name: "控制检测", gapStatus: "gap" } });
  node.tools = createChainNode({ actor: admin, data: { systemId: system, parentId: node.chain, level: "link", name: "刀具", gapStatus: "weak" } });
  linkProjectToChainNode({ actor: f.leader, projectId: f.P.P1, data: { nodeId: node.control, role: "fill" } });

  // commitments (amounts in 万元): committed in June due in July; overdue since May; fulfilled in June
  const policy = db().insert(t.policies).values({ title: "示例政策", level: "county", effectiveTo: "2027-12-31" }).returning({ id: t.policies.id }).get().id;
  const clauseId = db().insert(t.policyClauses).values({ policyId: policy, number: "第一条", text: "示例条款" }).returning({ id: t.policyClauses.id }).get().id;
  const commitment = (values: Partial<typeof t.commitments.$inferInsert>) =>
    db()
      .insert(t.commitments)
      .values({ projectId: f.P.P1, clauseId, item: "增资奖励", amountCny: 0, dueOn: "2026-12-31", ...values })
      .returning({ id: t.commitments.id })
      .get().id;
  commitment({ item: "设备补助", amountCny: 50 * WAN, status: "committed", committedOn: "2026-06-05", dueOn: "2026-07-15" });
  const overdue = commitment({ item: "用地保障", amountCny: 80 * WAN, status: "conditions_met", committedOn: "2026-02-01", dueOn: "2026-05-31" });
  db()
    .insert(t.payouts)
    .values({ commitmentId: overdue, amountCny: 30 * WAN, paidOn: "2026-06-01" })
    .run();
  const fulfilled = commitment({
    item: "人才奖励",
    amountCny: 10 * WAN,
    status: "fulfilled",
    committedOn: "2026-03-01",
    fulfilledOn: "2026-06-20",
    dueOn: "2026-06-30",
  });
  db()
    .insert(t.payouts)
    .values({ commitmentId: fulfilled, amountCny: 10 * WAN, paidOn: "2026-06-20" })
    .run();
});

const june = () => getReport(f.staff, generateReport({ actor: f.staff, month: "2026-06", today: "2026-06-30" })).snapshot;

describe("the sections of June 2026", () => {
  it("一、主要指标: the month, 1–6月, target, 完成率, 时序进度, 同比 of the cumulative figure", () => {
    const s = june();
    expect([s.monthLabel, s.cumulativeLabel]).toEqual(["2026年6月", "1–6月"]);
    const line = (indicator: string) => s.indicators.find((row) => row.indicator === indicator)!;
    expect(line("signed_projects")).toMatchObject({ month: 1, yearToDate: 3, target: null, completion: null, timeProgress: 0.5, yearOnYear: 2 });
    expect(line("contracted_fdi_usd")).toMatchObject({ month: 300 * WAN, yearToDate: 8400 * WAN, money: true });
    expect(line("actual_fdi_usd").month).toBe(50 * WAN);
    expect(line("actual_fdi_usd").yearOnYear).toBeCloseTo((3150 - 200) / 200, 10);
    expect(s.rates.map((rate) => [rate.label, rate.numerator, rate.denominator])).toEqual([
      ["开工率", 1, 3],
      ["投产率", 0, 2],
      ["资金到位率", 3050 * WAN, 8400 * WAN],
    ]);
  });

  it("二、重点项目: signed, started and in production this month; 超亿美元 and 世界500强 this year", () => {
    const s = june();
    expect(s.keyProjects.signed.map((p) => [p.id, p.date])).toEqual([[f.P.P2, "2026-06-15"]]);
    expect(s.keyProjects.started).toEqual([]);
    expect(s.keyProjects.producing).toEqual([]);
    expect(s.keyProjects.big.map((p) => p.id)).toEqual([f.P.P1]);
    expect(s.keyProjects.fortune500.map((p) => p.id)).toEqual([f.P.P1]);
  });

  it("三、项目储备: pursued projects by the stage they stood at on 30 June, unverified signings apart, and June's stage changes", () => {
    const s = june();
    // P1 开工, P2 签约 (✓ 06-20), P3 签约 not verified, P4 投产, P7 开工, P8 洽谈; P5 lost, P6 deleted
    expect(s.pipeline.byStage.map((row) => [row.stageLabel, row.projects, row.totalInvestmentUsd / WAN])).toEqual([
      ["线索", 0, 0],
      ["接洽", 0, 0],
      ["洽谈", 1, 900],
      ["签约（待甄别）", 1, 2000],
      ["签约", 1, 500],
      ["注册", 0, 0],
      ["开工", 2, 12300],
      ["投产", 1, 800],
    ]);
    expect(s.pipeline.changes.map((c) => [c.projectId, c.fromLabel, c.toLabel, c.occurredOn])).toEqual([
      [P8, "线索", "洽谈", "2026-06-10"],
      [f.P.P2, "线索", "签约", "2026-06-15"],
    ]);
    expect(s.pipeline.changesTotal).toBe(2);
  });

  it("四、产业链: projects, signings and gaps of each chain", () => {
    const chain = june().chains.find((line) => line.nodeId === node.chain)!;
    // P1 serves it: at 开工 on 30 June, so not 在谈; signed this year; in the 储备, so its gap counts as addressed
    expect(chain).toEqual({
      nodeId: node.chain,
      name: "测试体系 · 数控机床",
      projects: 0,
      signingsMonth: 0,
      signingsYear: 1,
      gapsAddressed: 1,
      gapsOpen: ["刀具"],
    });
  });

  it("五、国别招商: every company here is Japanese", () => {
    // 在谈 on 30 June: P8 alone; signed this year P1, P2, P5 (lost but signed)
    expect(june().countries).toEqual([{ label: "日本", projects: 1, signingsYear: 3, contractedFdiUsdYear: 8400 * WAN, actualFdiUsdYear: 3150 * WAN }]);
  });

  it("六、政策兑现: made and fulfilled in June, due in July, overdue at the month's end", () => {
    const c = june().commitments;
    expect([c.madeCount, c.madeCny, c.fulfilledCount, c.fulfilledCny]).toEqual([1, 50 * WAN, 1, 10 * WAN]);
    expect(c.dueNextMonth.map((line) => [line.item, line.dueOn])).toEqual([["设备补助", "2026-07-15"]]);
    expect(c.overdue.map((line) => [line.item, line.amountCny, line.paidCny, line.statusLabel])).toEqual([["用地保障", 80 * WAN, 30 * WAN, "条件已达成"]]);
  });

  it("附表 在谈项目明细表: projects at 洽谈 on 30 June with their latest activity", () => {
    expect(june().appendix).toEqual([
      {
        name: projectRow(P8).name,
        totalInvestmentUsd: 900 * WAN,
        contractedFdiUsd: 600 * WAN,
        countryLabel: "日本",
        progress: "洽谈：拜访总部，对方确认年内决策",
        ownerName: f.leader.username,
      },
    ]);
  });
});

describe("an earlier month sees the records as they stood then", () => {
  it("April 2026: stages on 30 April, P1 still at 签约, P2 still a 线索, P3 awaiting 甄别, P8 not yet entered", () => {
    const s = getReport(f.staff, generateReport({ actor: f.staff, month: "2026-04", today: "2026-06-30" })).snapshot;
    expect(s.pipeline.byStage.map((row) => row.projects)).toEqual([1, 0, 0, 1, 1, 0, 1, 1]);
    expect(s.pipeline.byStage[3].totalInvestmentUsd).toBe(2000 * WAN);
    expect(s.pipeline.byStage[4].totalInvestmentUsd).toBe(12000 * WAN);
    expect(s.appendix).toEqual([]);
    expect(s.keyProjects.signed).toEqual([]); // P3's signing in April is not verified
    const may = getReport(f.staff, generateReport({ actor: f.staff, month: "2026-05", today: "2026-06-30" })).snapshot;
    expect(may.keyProjects.started.map((p) => [p.id, p.date])).toEqual([[f.P.P1, "2026-05-01"]]);
  });
});

describe("editions, narrative and permissions", () => {
  it("regenerating makes a new edition and keeps the old one readable", () => {
    const first = generateReport({ actor: f.leader, month: "2026-03", today: "2026-06-30" });
    const second = generateReport({ actor: f.staff, month: "2026-03", today: "2026-06-30" });
    expect([getReport(f.staff, first).edition, getReport(f.staff, second).edition]).toEqual([1, 2]);
    expect([getReport(f.staff, first).latest, getReport(f.staff, second).latest]).toEqual([false, true]);
    expect(
      listReports(f.staff)
        .filter((row) => row.month === "2026-03")
        .map((row) => row.edition),
    ).toEqual([2, 1]);
  });

  it("edits 主送, 落款 and the narrative in place, refusing a stale save, and audits what changed", () => {
    const id = generateReport({ actor: f.staff, month: "2026-02", today: "2026-06-30" });
    const version = getReport(f.staff, id).version;
    const data = {
      addressedTo: "市委、市政府",
      issuedBy: "平湖市投资促进中心",
      issuedOn: "2026-07-03",
      problems: "项目落地周期长",
      nextMonthPlan: "赴日招商",
      version,
    };
    updateReportNarrative({ actor: f.staff, id, data });
    expect(getReport(f.staff, id)).toMatchObject({ ...data, version: version + 1 });
    expect(() => updateReportNarrative({ actor: f.leader, id, data: { ...data, problems: "x", nextMonthPlan: null } })).toThrow(ConflictError);
    const audit = db()
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.entityType, "report"))
      .all()
      .filter((row) => row.entityId === id);
    expect(audit.map((row) => row.action)).toEqual(["create", "update"]);
    // generated with no 主送, the staff member's unit and the day: only what the save changed is recorded
    expect(audit[1]!.changes).toEqual({
      addressedTo: [null, "市委、市政府"],
      issuedBy: ["投资促进中心", "平湖市投资促进中心"],
      issuedOn: ["2026-06-30", "2026-07-03"],
      problems: [null, "项目落地周期长"],
      nextMonthPlan: [null, "赴日招商"],
    });
  });

  it("starts a first edition with no 主送, the generating user's unit and the day, and a new edition from the previous one", () => {
    const leaderB = makeUser("leader", f.unitB);
    const first = generateReport({ actor: leaderB, month: "2026-01", today: "2026-06-28" });
    expect(getReport(f.staff, first)).toMatchObject({
      addressedTo: null,
      issuedBy: "平湖经济技术开发区",
      issuedOn: "2026-06-28",
      problems: null,
      nextMonthPlan: null,
      edition: 1,
    });
    const typed = {
      addressedTo: "市委、市政府",
      issuedBy: "平湖市投资促进中心",
      issuedOn: "2026-06-29",
      problems: "一是签约项目开工慢。\n二是缺链环节多。",
      nextMonthPlan: "赴德招商",
      version: getReport(f.staff, first).version,
    };
    updateReportNarrative({ actor: f.staff, id: first, data: typed });
    // regenerated by someone of another unit on another day: the text, 主送 and 落款单位 carry over; 落款日期 is the new day
    const second = generateReport({ actor: f.staff, month: "2026-01", today: "2026-06-30" });
    expect(getReport(f.staff, second)).toMatchObject({
      addressedTo: "市委、市政府",
      issuedBy: "平湖市投资促进中心",
      issuedOn: "2026-06-30",
      problems: "一是签约项目开工慢。\n二是缺链环节多。",
      nextMonthPlan: "赴德招商",
      edition: 2,
    });
    // the first edition keeps its own
    expect(getReport(f.staff, first)).toMatchObject({ issuedOn: "2026-06-29", edition: 1 });
    // a third edition carries the second's (edited again), not the first's
    updateReportNarrative({ actor: f.staff, id: second, data: { ...typed, nextMonthPlan: "赴日招商", version: getReport(f.staff, second).version } });
    const third = generateReport({ actor: f.staff, month: "2026-01", today: "2026-06-30" });
    expect(getReport(f.staff, third)).toMatchObject({ nextMonthPlan: "赴日招商", edition: 3 });
    // another month's first edition does not take January's
    expect(getReport(f.staff, generateReport({ actor: f.staff, month: "2025-12", today: "2026-06-30" }))).toMatchObject({
      addressedTo: null,
      problems: null,
      issuedBy: "投资促进中心",
    });
  });

  it("refuses bad 主送/落款 input at the field, in Chinese", () => {
    const problems = (input: Record<string, string>) => {
      const result = narrativeSchema.safeParse({
        addressedTo: "",
        issuedBy: "",
        issuedOn: "2026-07-03",
        problems: "",
        nextMonthPlan: "",
        version: "3",
        ...input,
      });
      // the messages as the form shows them: the first of each field
      return result.success ? {} : fieldErrorsOf(result.error);
    };
    expect(problems({})).toEqual({});
    expect(
      narrativeSchema.parse({ addressedTo: " 市委、市政府 ", issuedBy: "", issuedOn: "2026-07-03", problems: "", nextMonthPlan: "", version: "3" }),
    ).toMatchObject({ addressedTo: "市委、市政府", issuedBy: null, version: 3 });
    expect(problems({ issuedOn: "" })).toEqual({ issuedOn: "请选择落款日期" });
    expect(problems({ issuedOn: "2026-02-30" })).toEqual({ issuedOn: "落款日期格式应为 YYYY-MM-DD" });
    expect(problems({ addressedTo: "市".repeat(101) })).toEqual({ addressedTo: "主送不能超过100个字" });
    expect(problems({ issuedBy: "单".repeat(101) })).toEqual({ issuedBy: "落款单位不能超过100个字" });
  });

  it("is refused to officers and for a month that has not begun", () => {
    expect(() => generateReport({ actor: f.officer, month: "2026-05", today: "2026-06-30" })).toThrow(ForbiddenError);
    expect(() => listReports(f.officer)).toThrow(ForbiddenError);
    expect(() => generateReport({ actor: f.staff, month: "2026-07", today: "2026-06-30" })).toThrow(InvalidError);
    expect(() => getReport(f.staff, 999_999)).toThrow(NotFoundError);
  });
});
