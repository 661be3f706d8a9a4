/**
 * A hand-built 月度工作进展报告 (no database): a few lines in every section, with the awkward cases
 * an export must survive — nulls (no target, no 同比, no 合同外资, no date), a 0 completion rate, a
 * rate without a denominator, an empty list (本月投产), more stage changes than are listed, a park
 * that is not a country park, a chain with no open gap. Month 2026-06, so 时序进度 is 50%.
 *
 * Money in base units (US dollars / yuan); the comments give what the report shows (万).
 */
import type { ReportForExport } from "../../app/reports/report-text";
import type { AppendixLine, ProjectLine, ReportSnapshot } from "../../app/reports/report-snapshot";

const WAN = 10_000;

function project(overrides: Partial<ProjectLine> & Pick<ProjectLine, "id" | "name">): ProjectLine {
  return {
    companyName: "测试投资有限公司",
    countryLabel: "日本",
    totalInvestmentUsd: 5_000 * WAN,
    contractedFdiUsd: 3_000 * WAN,
    stageLabel: "签约",
    date: "2026-06-15",
    ownerName: "张三",
    ...overrides,
  };
}

/** A fresh copy each call, so a test may change it. */
export function reportSnapshotFixture(): ReportSnapshot {
  const fortune500 = project({
    id: 1,
    name: "精密轴承扩产项目",
    companyName: "日本精工株式会社",
    totalInvestmentUsd: 12_000 * WAN,
    contractedFdiUsd: 8_000 * WAN,
    date: "2026-03-10",
    ownerName: "李四",
  });
  const signed = project({
    id: 2,
    name: "新能源汽车零部件增资项目",
    companyName: "德国博泽集团",
    countryLabel: "德国",
    totalInvestmentUsd: 500 * WAN,
    contractedFdiUsd: 300 * WAN,
    date: "2026-06-15",
  });
  return {
    month: "2026-06",
    monthLabel: "2026年6月",
    cumulativeLabel: "1–6月",
    period: { from: "2026-06-01", to: "2026-06-30" },
    indicators: [
      // 1 this month, 3 this year of 10 → 30.0%; 同比 +200.0%
      {
        indicator: "signed_projects",
        label: "新签约项目数",
        money: false,
        month: 1,
        yearToDate: 3,
        target: 10,
        completion: 0.3,
        timeProgress: 0.5,
        yearOnYear: 2,
      },
      // 300.00 / 8,400.00 / 28,000.00 万美元 → 30.0%; no 同比
      {
        indicator: "contracted_fdi_usd",
        label: "合同外资（万美元）",
        money: true,
        month: 300 * WAN,
        yearToDate: 8_400 * WAN,
        target: 28_000 * WAN,
        completion: 0.3,
        timeProgress: 0.5,
        yearOnYear: null,
      },
      // no target: 年度目标 and 完成率 —
      {
        indicator: "total_investment_usd",
        label: "总投资（万美元）",
        money: true,
        month: 500 * WAN,
        yearToDate: 12_600 * WAN,
        target: null,
        completion: null,
        timeProgress: 0.5,
        yearOnYear: -0.125,
      },
      // nothing arrived yet: 0.00 of 5,000.00 → 0.0%
      {
        indicator: "actual_fdi_usd",
        label: "实到外资（万美元）",
        money: true,
        month: 0,
        yearToDate: 0,
        target: 5_000 * WAN,
        completion: 0,
        timeProgress: 0.5,
        yearOnYear: null,
      },
      {
        indicator: "big_projects",
        label: "超亿美元项目数",
        money: false,
        month: 0,
        yearToDate: 1,
        target: 2,
        completion: 0.5,
        timeProgress: 0.5,
        yearOnYear: null,
      },
      {
        indicator: "fortune500_projects",
        label: "世界500强项目数",
        money: false,
        month: 0,
        yearToDate: 1,
        target: 1,
        completion: 1,
        timeProgress: 0.5,
        yearOnYear: 0,
      },
    ],
    rates: [
      { label: "开工率", numerator: 1, denominator: 2, rate: 0.5 },
      { label: "投产率", numerator: 0, denominator: 2, rate: 0 },
      { label: "资金到位率", numerator: 0, denominator: 0, rate: null },
    ],
    keyProjects: {
      signed: [
        signed,
        project({
          id: 3,
          name: "高端数控机床项目",
          companyName: "新加坡星辉控股",
          countryLabel: "新加坡",
          totalInvestmentUsd: 23_456_700,
          contractedFdiUsd: null,
          date: "2026-06-28",
          ownerName: "王五",
        }),
      ],
      started: [{ ...fortune500, stageLabel: "开工", date: "2026-06-01" }],
      producing: [],
      big: [fortune500],
      fortune500: [{ ...fortune500, date: null }],
    },
    pipeline: {
      byStage: [
        { stageLabel: "线索", projects: 12, totalInvestmentUsd: 36_000 * WAN },
        { stageLabel: "接洽", projects: 5, totalInvestmentUsd: 9_800 * WAN },
        { stageLabel: "洽谈", projects: 3, totalInvestmentUsd: 6_234.5 * WAN },
        { stageLabel: "签约", projects: 2, totalInvestmentUsd: 28_456_700 },
        { stageLabel: "注册", projects: 0, totalInvestmentUsd: 0 },
        { stageLabel: "开工", projects: 1, totalInvestmentUsd: 12_000 * WAN },
        { stageLabel: "投产", projects: 0, totalInvestmentUsd: 0 },
      ],
      changes: [
        { projectId: 3, projectName: "高端数控机床项目", fromLabel: "洽谈", toLabel: "签约", occurredOn: "2026-06-28" },
        { projectId: 1, projectName: "精密轴承扩产项目", fromLabel: "注册", toLabel: "开工", occurredOn: "2026-06-01" },
        { projectId: 9, projectName: "生物医药研发中心项目", fromLabel: null, toLabel: "线索", occurredOn: "2026-06-03" },
      ],
      changesTotal: 5,
    },
    chains: [
      { nodeId: 11, name: "四群八链 · 高档数控机床", projects: 4, signingsMonth: 1, signingsYear: 2, gapsAddressed: 1, gapsOpen: ["数控系统", "精密主轴"] },
      { nodeId: 12, name: "四群八链 · 汽车零部件", projects: 2, signingsMonth: 0, signingsYear: 1, gapsAddressed: 2, gapsOpen: [] },
    ],
    countries: [
      { label: "日本", projects: 6, signingsYear: 1, contractedFdiUsdYear: 8_000 * WAN, actualFdiUsdYear: 3_000 * WAN },
      { label: "德国", projects: 3, signingsYear: 1, contractedFdiUsdYear: 300 * WAN, actualFdiUsdYear: 0 },
      { label: "中国香港", projects: 2, signingsYear: 0, contractedFdiUsdYear: 0, actualFdiUsdYear: 0 },
    ],
    parks: [
      { name: "中日（平湖）产业合作园", projects: 6, signingsYear: 1, focusProjects: 5 },
      { name: "张江长三角科技城平湖园", projects: 3, signingsYear: 0, focusProjects: null },
    ],
    commitments: {
      madeCount: 2,
      madeCny: 350 * WAN, // 350.00 万元
      fulfilledCount: 1,
      fulfilledCny: 120 * WAN,
      dueNextMonth: [
        {
          id: 21,
          projectName: "精密轴承扩产项目",
          item: "设备投资补助",
          amountCny: 200 * WAN,
          paidCny: 50 * WAN,
          dueOn: "2026-07-15",
          statusLabel: "部分兑现",
        },
      ],
      overdue: [
        { id: 22, projectName: "新能源汽车零部件增资项目", item: "人才奖励", amountCny: 30.5 * WAN, paidCny: 0, dueOn: "2026-05-31", statusLabel: "逾期" },
      ],
    },
    appendix: [
      {
        name: "生物医药研发中心项目",
        totalInvestmentUsd: 1_234.5 * WAN,
        contractedFdiUsd: 1_000 * WAN,
        countryLabel: "美国",
        progress: "洽谈：已完成第二轮商务谈判",
        ownerName: "张三",
      },
      { name: "半导体封装测试项目", totalInvestmentUsd: 5_000 * WAN, contractedFdiUsd: null, countryLabel: "中国台湾", progress: "洽谈", ownerName: "李四" },
      { name: "智能仓储物流项目", totalInvestmentUsd: 100, contractedFdiUsd: 0, countryLabel: "新加坡", progress: "洽谈：客商来访考察", ownerName: "王五" },
    ],
    charts: {
      funnel: [
        { stage: "lead", projects: 12, totalInvestmentUsd: 36_000 * WAN, conversion: null },
        { stage: "signed", projects: 3, totalInvestmentUsd: 148_456_700, conversion: 0.25 },
      ],
      trend: [{ month: "2026-06", signedProjects: 1, contractedFdiUsd: 300 * WAN, actualFdiUsd: 0 }],
    },
  };
}

/** `count` appendix lines (for size and speed checks). */
export function appendixLines(count: number): AppendixLine[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `在谈测试项目${i + 1}号`,
    totalInvestmentUsd: (1_000 + i) * WAN + 5_000,
    contractedFdiUsd: i % 3 === 0 ? null : (500 + i) * WAN,
    countryLabel: ["日本", "德国", "中国香港", "新加坡"][i % 4]!,
    progress: `洽谈：第${(i % 5) + 1}轮商务洽谈，已就选址、用地和设备进口等事项交换意见`,
    ownerName: ["张三", "李四", "王五"][i % 3]!,
  }));
}

/** What the exporters take: the snapshot with an edition's narrative. 下月工作计划 is left empty. */
export function reportExportFixture(overrides: Partial<ReportForExport> = {}): ReportForExport {
  return {
    snapshot: reportSnapshotFixture(),
    edition: 2,
    problems: "一是部分项目资金到位偏慢。\n\n二是产业链缺链环节招引难度较大。",
    nextMonthPlan: null,
    generatedByName: "招商专员",
    generatedAt: Date.UTC(2026, 6, 2, 1, 0),
    ...overrides,
  };
}
