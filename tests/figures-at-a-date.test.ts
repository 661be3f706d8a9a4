/**
 * Figures that hold at any date (DESIGN.md §2, §4, §7): a month's report regenerated months later
 * gives the numbers it gave at the month's end, whatever happened since; the logs stay
 * chronological; a re-signing keeps the first signing date; a late verification counts at the
 * signing date but stands as 签约（待甄别） in the snapshot of a date before it; deleted projects count
 * nowhere, their commitments included; arrivals fall in the year of their date. Every expected
 * number is worked out by hand from the records below. The clock moves with onDay().
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { recordArrival } from "../app/arrivals/arrivals.server";
import { cancelCommitment, commitCommitment, proposeCommitment, recordPayout } from "../app/commitments/commitments.server";
import { db, t } from "../app/db.server";
import { getIndicators } from "../app/figures/figures.server";
import { getFunnel } from "../app/figures/funnel.server";
import { liveProject, openCommitmentAt, openCommitmentNow, overdueCommitmentAt, overdueCommitmentNow } from "../app/figures/measures.server";
import { InvalidError } from "../app/lib/errors";
import { addActivity, changeProjectStatus, deleteProject, moveProjectToStage, verifySigning } from "../app/projects/projects.server";
import type { Stage, Status } from "../app/projects/stages";
import { generateReport, getReport } from "../app/reports/reports.server";
import { makeCompany, makeProject, makeUnit, makeUser, onDay, projectRow } from "./support/builders";

const WAN = 10_000;
let leader: Actor;
let staff: Actor;
let clauseId: number;
const P: Record<string, number> = {};
const C: Record<string, number> = {};

const move = (id: number, toStage: Stage, occurredOn: string, note: string | null = null) =>
  moveProjectToStage({ actor: leader, projectId: id, toStage, occurredOn, note, version: projectRow(id).version });
const verify = (id: number) => verifySigning({ actor: leader, projectId: id, version: projectRow(id).version });
const status = (id: number, to: Status, occurredOn: string) =>
  changeProjectStatus({
    actor: leader,
    projectId: id,
    status: to,
    occurredOn,
    reason: "测试原因",
    lostTo: to === "lost" ? "江苏昆山" : null,
    version: projectRow(id).version,
  });
const project = (name: string, total: string, enteredOn: string) =>
  makeProject(leader, { companyId: makeCompany(leader), name, totalInvestmentUsd: total, contractedFdiUsd: total, enteredOn });
const commitment = (projectId: number, item: string, wan: number, dueOn: string) => {
  const id = proposeCommitment({ actor: leader, projectId, data: { clauseId, item, amountCny: wan * WAN, condition: null, dueOn } });
  commitCommitment({ actor: leader, commitmentId: id, version: commitmentVersion(id) });
  return id;
};
const commitmentVersion = (id: number) => db().select({ version: t.commitments.version }).from(t.commitments).where(eq(t.commitments.id, id)).get()!.version;
const arrival = (projectId: number, arrivedOn: string, wan: number) =>
  recordArrival({ actor: staff, projectId, data: { arrivedOn, amountUsd: wan * WAN, reference: null } });
const marchReport = () => getReport(staff, generateReport({ actor: staff, month: "2026-03", today: process.env.FDI_TODAY! })).snapshot;

let atMonthEnd: ReturnType<typeof marchReport>;

beforeAll(() => {
  const unit = makeUnit("投资促进中心");
  leader = makeUser("leader", unit);
  staff = makeUser("staff", unit);
  const policy = db().insert(t.policies).values({ title: "示例政策", level: "county", effectiveTo: "2029-12-31" }).returning({ id: t.policies.id }).get().id;
  clauseId = db().insert(t.policyClauses).values({ policyId: policy, number: "第一条", text: "示例条款" }).returning({ id: t.policyClauses.id }).get().id;

  // ── up to 31 March 2026 ─────────────────────────────────────────────────
  onDay("2026-03-31", () => {
    P.resigned = project("重签项目", "1000", "2026-01-05"); // signed 03-05 ✓ 03-06
    move(P.resigned, "negotiating", "2026-02-01");
    move(P.resigned, "signed", "2026-03-05");
    onDay("2026-03-06", () => verify(P.resigned));
    P.lostLater = project("四月流失项目", "2000", "2026-01-10"); // 洽谈 at the month's end, lost on 04-10
    move(P.lostLater, "negotiating", "2026-03-01");
    onDay("2026-03-02", () =>
      addActivity({
        actor: leader,
        projectId: P.lostLater,
        data: { type: "visit", occurredOn: "2026-03-02", participants: null, place: "东京", summary: "三月拜访", nextStep: null },
      }),
    );
    P.signedLater = project("四月签约项目", "4000", "2026-02-01"); // 接洽 at the month's end, signed on 04-05
    move(P.signedLater, "contacted", "2026-02-10");
    P.onHold = project("暂缓后恢复项目", "800", "2026-01-20"); // 暂缓 since 03-10, active again 04-02
    status(P.onHold, "on_hold", "2026-03-10");
    P.dormant = project("休眠项目", "300", "2026-01-25"); // 休眠 since 03-20: out of the 储备
    status(P.dormant, "dormant", "2026-03-20");

    C.dueApril = commitment(P.resigned, "设备补助", 50, "2026-04-15"); // committed 03-31, paid in full 04-10
    onDay("2026-02-15", () => {
      C.overdue = proposeCommitment({
        actor: leader,
        projectId: P.resigned,
        data: { clauseId, item: "用地保障", amountCny: 80 * WAN, condition: null, dueOn: "2026-03-20" },
      });
      commitCommitment({ actor: leader, commitmentId: C.overdue, version: commitmentVersion(C.overdue) });
    });
    arrival(P.resigned, "2026-03-20", 300);
  });
  atMonthEnd = onDay("2026-03-31", marchReport);

  // ── after the month's end ───────────────────────────────────────────────
  onDay("2026-06-30", () => {
    status(P.lostLater, "lost", "2026-04-10");
    addActivity({
      actor: leader,
      projectId: P.lostLater,
      data: { type: "call", occurredOn: "2026-04-09", participants: null, place: null, summary: "四月电话", nextStep: null },
    });
    move(P.signedLater, "signed", "2026-04-05");
    onDay("2026-04-06", () => verify(P.signedLater));
    status(P.onHold, "active", "2026-04-02");
    move(P.resigned, "negotiating", "2026-04-01", "外方调整投资方案，重新洽谈");
    move(P.resigned, "signed", "2026-04-20");
    P.enteredLater = project("四月新线索", "600", "2026-04-03");
    onDay("2026-04-10", () =>
      recordPayout({
        actor: staff,
        commitmentId: C.dueApril,
        data: { amountCny: 50 * WAN, paidOn: "2026-04-10", reference: null, version: commitmentVersion(C.dueApril) },
      }),
    );
    onDay("2026-04-20", () =>
      cancelCommitment({ actor: leader, commitmentId: C.overdue, data: { reason: "企业放弃申请", version: commitmentVersion(C.overdue) } }),
    );
    commitment(P.resigned, "人才奖励", 10, "2026-09-30");
    arrival(P.resigned, "2026-04-02", 100);
  });
});

describe("a month's report regenerated months later", () => {
  it("gives every number and list it gave at the month's end", () => {
    const later = marchReport();
    expect(later).toEqual(atMonthEnd);
  });

  it("shows the records as they stood on 31 March", () => {
    const s = atMonthEnd;
    // 储备: 重签项目 签约 ✓; 四月流失项目 洽谈; 四月签约项目 接洽; 暂缓后恢复项目 暂缓 at 线索; 休眠项目 out
    expect(s.pipeline.byStage.map((row) => [row.stageLabel, row.projects, row.totalInvestmentUsd / WAN])).toEqual([
      ["线索", 1, 800],
      ["接洽", 1, 4000],
      ["洽谈", 1, 2000],
      ["签约（待甄别）", 0, 0],
      ["签约", 1, 1000],
      ["注册", 0, 0],
      ["开工", 0, 0],
      ["投产", 0, 0],
    ]);
    expect(s.appendix.map((row) => [row.name, row.countryLabel, row.progress])).toEqual([
      ["四月签约项目", "日本", "接洽"],
      ["四月流失项目", "日本", "洽谈：三月拜访"],
    ]);
    expect(s.countries).toEqual([{ label: "日本", projects: 2, signingsYear: 1, contractedFdiUsdYear: 1000 * WAN, actualFdiUsdYear: 300 * WAN }]);
    expect(s.commitments.dueNextMonth.map((line) => [line.item, line.paidCny, line.statusLabel])).toEqual([["设备补助", 0, "已承诺"]]);
    expect(s.commitments.overdue.map((line) => [line.item, line.amountCny])).toEqual([["用地保障", 80 * WAN]]);
    expect([s.commitments.madeCount, s.commitments.madeCny]).toEqual([1, 50 * WAN]);
  });

  it("and April's report sees what happened in April", () => {
    const april = onDay("2026-06-30", () => getReport(staff, generateReport({ actor: staff, month: "2026-04", today: "2026-06-30" })).snapshot);
    // 重签项目 signed again: 签约; 四月签约项目 签约 ✓ 04-06; 暂缓后恢复项目 线索 (active); 四月新线索 线索; 四月流失项目 lost
    expect(april.pipeline.byStage.map((row) => row.projects)).toEqual([2, 0, 0, 0, 2, 0, 0, 0]);
    expect(april.commitments.overdue).toEqual([]); // cancelled on 04-20
    expect([april.commitments.fulfilledCount, april.commitments.fulfilledCny]).toEqual([1, 50 * WAN]);
  });
});

describe("the logs stay chronological", () => {
  it("keeps the first signing date through a re-signing, and the funnel and the snapshot agree on it", () => {
    const row = projectRow(P.resigned);
    expect(row.signedOn).toBe("2026-03-05");
    expect(getIndicators({ from: "2026-03-01", to: "2026-03-31" }).signed_projects).toBe(1);
    expect(getIndicators({ from: "2026-04-01", to: "2026-04-30" }).signed_projects).toBe(1); // 四月签约项目 only
    // the Q1 cohort: 重签项目 reached 签约 (verified) by 31 March
    const q1 = getFunnel({ from: "2026-01-01", to: "2026-03-31" });
    expect(q1.find((line) => line.stage === "signed")!.projects).toBe(1);
  });

  it("refuses a stage or status change dated before the one it follows", () => {
    onDay("2026-06-30", () => {
      expect(() => move(P.resigned, "registered", "2026-04-19")).toThrow(InvalidError);
      expect(() => status(P.onHold, "dormant", "2026-04-01")).toThrow(InvalidError);
      try {
        status(P.onHold, "dormant", "2026-04-01");
      } catch (error) {
        expect((error as InvalidError).fieldErrors).toEqual({ occurredOn: "发生日期不能早于上一次状态变更的发生日期（2026-04-02）" });
      }
    });
  });
});

describe("a late verification", () => {
  it("counts at its signing date once verified, and stands as 签约（待甄别） in a snapshot before the verification", () => {
    const id = onDay("2026-06-30", () => {
      const late = project("迟甄别项目", "1500", "2026-05-02");
      move(late, "signed", "2026-05-20");
      return late;
    });
    const mayBefore = onDay("2026-06-30", () => getReport(staff, generateReport({ actor: staff, month: "2026-05", today: "2026-06-30" })).snapshot);
    expect(mayBefore.indicators.find((line) => line.indicator === "signed_projects")!.month).toBe(0);
    expect(mayBefore.pipeline.byStage[3]).toEqual({ stageLabel: "签约（待甄别）", projects: 1, totalInvestmentUsd: 1500 * WAN });
    onDay("2026-06-10", () => verify(id));
    const mayAfter = onDay("2026-06-30", () => getReport(staff, generateReport({ actor: staff, month: "2026-05", today: "2026-06-30" })).snapshot);
    expect(mayAfter.indicators.find((line) => line.indicator === "signed_projects")!.month).toBe(1);
    expect(mayAfter.keyProjects.signed.map((line) => line.name)).toEqual(["迟甄别项目"]);
    // verified on 06-10: on 31 May it was still awaiting 甄别
    expect(mayAfter.pipeline.byStage[3].projects).toBe(1);
    expect(mayAfter.pipeline.byStage[4].projects).toBe(mayBefore.pipeline.byStage[4].projects);
  });
});

describe("deleted projects", () => {
  it("count nowhere, their commitments and arrivals included", () => {
    const id = onDay("2026-06-30", () => {
      const doomed = project("删除项目", "5000", "2026-06-01");
      move(doomed, "signed", "2026-06-02");
      verify(doomed);
      const made = commitment(doomed, "厂房租金补助", 30, "2026-07-10");
      recordPayout({
        actor: staff,
        commitmentId: made,
        data: { amountCny: 30 * WAN, paidOn: "2026-06-20", reference: null, version: commitmentVersion(made) },
      });
      commitment(doomed, "落户奖励", 20, "2026-06-25");
      arrival(doomed, "2026-06-21", 70);
      return doomed;
    });
    const before = onDay("2026-06-30", () => getReport(staff, generateReport({ actor: staff, month: "2026-06", today: "2026-06-30" })).snapshot);
    // made in June: 人才奖励 (committed 06-30 above) and the two on the doomed project
    expect([before.commitments.madeCount, before.commitments.fulfilledCount, before.commitments.overdue.length]).toEqual([3, 1, 1]);
    onDay("2026-06-30", () => deleteProject({ actor: leader, projectId: id, version: projectRow(id).version }));
    const after = onDay("2026-06-30", () => getReport(staff, generateReport({ actor: staff, month: "2026-06", today: "2026-06-30" })).snapshot);
    expect([after.commitments.madeCount, after.commitments.madeCny, after.commitments.fulfilledCount, after.commitments.fulfilledCny]).toEqual([
      1,
      10 * WAN,
      0,
      0,
    ]);
    expect(after.commitments.overdue).toEqual([]);
    expect(after.commitments.dueNextMonth).toEqual([]);
    expect(after.appendix.map((row) => row.name)).not.toContain("删除项目");
    expect(after.indicators.find((line) => line.indicator === "actual_fdi_usd")!.month).toBe(
      before.indicators.find((line) => line.indicator === "actual_fdi_usd")!.month - 70 * WAN,
    );
  });
});

describe("arrivals across a year boundary", () => {
  it("fall in the year of their date, and 同比 compares the same months", () => {
    onDay("2026-06-30", () => {
      const earlier = project("跨年到账项目", "900", "2024-11-01");
      move(earlier, "signed", "2024-12-10");
      verify(earlier);
      arrival(earlier, "2025-01-15", 40);
      arrival(earlier, "2025-12-31", 90);
      arrival(earlier, "2026-01-01", 60);
    });
    expect(getIndicators({ from: "2025-12-01", to: "2025-12-31" }).actual_fdi_usd).toBe(90 * WAN);
    expect(getIndicators({ from: "2026-01-01", to: "2026-01-31" }).actual_fdi_usd).toBe(60 * WAN);
    const january = onDay("2026-06-30", () => getReport(staff, generateReport({ actor: staff, month: "2026-01", today: "2026-06-30" })).snapshot);
    const line = january.indicators.find((row) => row.indicator === "actual_fdi_usd")!;
    expect([line.month, line.yearToDate]).toEqual([60 * WAN, 60 * WAN]);
    expect(line.yearOnYear).toBeCloseTo((60 - 40) / 40, 10); // January 2026 against January 2025
  });
});

describe("today's open and overdue commitments", () => {
  it("are the figures' open and overdue at today, read on the commitment row alone", () => {
    onDay("2026-05-01", () => commitment(P.resigned, "研发补助", 40, "2026-06-01"));
    onDay("2026-06-30", () => commitment(P.signedLater, "开工奖励", 25, "2026-07-20"));
    const ids = (where: SQL) =>
      db()
        .all<{ id: number }>(
          sql`select c.id from ${t.commitments} c join ${t.projects} on ${t.projects.id} = c.project_id where c.deleted_at is null and ${where} order by c.id`,
        )
        .map((row) => row.id);
    // the row-only terms name the table itself; read them through a query on `commitments`
    const idsNow = (where: SQL) =>
      db()
        .all<{ id: number }>(
          sql`select ${t.commitments.id} as id from ${t.commitments} join ${t.projects} on ${t.projects.id} = ${t.commitments.projectId}
          where ${t.commitments.deletedAt} is null and ${liveProject} and ${where} order by ${t.commitments.id}`,
        )
        .map((row) => row.id);
    const overdue = ids(overdueCommitmentAt("2026-06-30"));
    expect(overdue.length).toBeGreaterThan(0);
    expect(idsNow(overdueCommitmentNow("2026-06-30"))).toEqual(overdue);
    const open = ids(openCommitmentAt("2026-06-30"));
    expect(open.length).toBeGreaterThan(overdue.length);
    expect(idsNow(openCommitmentNow)).toEqual(open);
  });
});
