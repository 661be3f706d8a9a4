/**
 * 领导驾驶舱 and 年度目标 on the figures fixture (tests/support/figures-fixture.ts, today 2026-06-30):
 * the 储备 snapshot at the period's end, the breakdowns of signings, funnel and snapshot by one
 * dimension, the units' targets, and the drill-downs the cockpit links to — every number worked out
 * by hand from the fixture's header.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../app/auth/permissions";
import { getBreakdowns, getCockpit } from "../app/figures/cockpit.server";
import { figureFilterParams, parseFigureFilter } from "../app/figures/figure-filters";
import { PIPELINE_ROWS } from "../app/figures/measures.server";
import { targetsSchema } from "../app/figures/target.schema";
import { getTargetProgress, getTargetSheet, getUnitTargetProgress, saveTargets } from "../app/figures/targets.server";
import { listProjects } from "../app/projects/projects.server";
import { projectFiltersFrom } from "../app/projects/listing";
import { makeUnit } from "./support/builders";
import { buildFiguresFixture, WAN } from "./support/figures-fixture";

let unitA: number;
let unitB: number;
let leader: Actor;
let staff: Actor;
let P: Record<string, number>;

beforeAll(() => {
  ({ unitA, unitB, leader, staff, P } = buildFiguresFixture());
});

const H1_2026 = { from: "2026-01-01", to: "2026-06-30" };

/** [row, projects, 总投资 in 万美元] of each snapshot line. */
const lines = (of: readonly { row: string; projects: number; totalInvestmentUsd: number }[]) =>
  of.map((line) => [line.row, line.projects, line.totalInvestmentUsd / WAN]);

/** The project ids of the list a drill-down URL opens (as the project list reads its URL). */
const listed = (query: string) =>
  listProjects(leader, { ...projectFiltersFrom(new URLSearchParams(query)), page: 1 })
    .rows.map((row) => row.id)
    .sort((a, b) => a - b);

describe("the cockpit's 储备 snapshot", () => {
  it("stands at the period's end: pursued projects by their stage then, unverified signings in their own row", () => {
    // P1 开工 12,000; P2 签约 500 (✓ 06-20); P3 签约（待甄别） 2,000; P4 投产 800; P7 开工 300.
    // P5 is 流失 since 03-15, P6 deleted: in no row.
    const { snapshot } = getCockpit(H1_2026, "unit");
    expect(snapshot.at).toBe("2026-06-30");
    expect(lines(snapshot.lines)).toEqual([
      ["lead", 0, 0],
      ["contacted", 0, 0],
      ["negotiating", 0, 0],
      ["signed_unverified", 1, 2000],
      ["signed", 1, 500],
      ["registered", 0, 0],
      ["construction", 2, 12300],
      ["production", 1, 800],
    ]);
    expect(snapshot.lines.map((line) => line.label)).toEqual(["线索", "接洽", "洽谈", "签约（待甄别）", "签约", "注册", "开工", "投产"]);
    expect(snapshot.total).toEqual({ projects: 5, totalInvestmentUsd: 15600 * WAN });
    expect(snapshot.negotiating).toEqual({ projects: 0, totalInvestmentUsd: 0 });
  });

  it("counts a signing at its stage only from the day it was verified", () => {
    // 2026-01-06: P1 (线索 01-05) and P5 (线索 01-02, signs 01-20) are leads; P4 开工 since 2025-09-01;
    // P7 reached 开工 on 01-05 but was verified on 01-08, so it stands in 签约（待甄别）.
    expect(lines(getCockpit({ from: "2026-01-01", to: "2026-01-06" }, "unit").snapshot.lines).filter(([, n]) => n !== 0)).toEqual([
      ["lead", 2, 12100],
      ["signed_unverified", 1, 300],
      ["construction", 1, 800],
    ]);
    // two days later P7 counts at 开工
    expect(lines(getCockpit({ from: "2026-01-01", to: "2026-01-08" }, "unit").snapshot.lines).filter(([, n]) => n !== 0)).toEqual([
      ["lead", 2, 12100],
      ["construction", 2, 1100],
    ]);
  });

  it("opens, from each row, the list of exactly the projects it counts", () => {
    const at = "2026-06-30";
    const query = (row: (typeof PIPELINE_ROWS)[number]) => figureFilterParams({ snapshot: { at, row } }).toString();
    expect(query("signed_unverified")).toBe("at=2026-06-30&row=signed_unverified");
    const drill = listProjects(leader, { figure: parseFigureFilter(new URLSearchParams(query("signed_unverified"))), page: 1 });
    expect(drill.rows.map((row) => row.id)).toEqual([P.P3]);
    expect(listed(query("construction"))).toEqual([P.P1, P.P7]);
    expect(listed(query("production"))).toEqual([P.P4]);
    expect(listed(query("signed"))).toEqual([P.P2]);
    // every row's number equals its list
    const { snapshot } = getCockpit(H1_2026, "unit");
    expect(snapshot.lines.map((line) => listed(query(line.row)).length)).toEqual(snapshot.lines.map((line) => line.projects));
  });
});

describe("the cockpit's breakdowns", () => {
  it("by unit: signings, the funnel of the period's leads and the snapshot at its end, named alike", () => {
    const breakdown = getCockpit(H1_2026, "unit").breakdown;
    expect(breakdown.by).toBe("unit");
    expect(breakdown.at).toBe("2026-06-30");
    // signings: A has P1 and P5, B has P2
    expect(breakdown.signings).toEqual({
      total: 2,
      rows: [
        {
          key: String(unitA),
          name: "投资促进中心",
          label: "投资促进中心",
          projects: 2,
          contractedFdiUsd: 8100 * WAN,
          totalInvestmentUsd: 12100 * WAN,
          actualFdiUsd: 3100 * WAN,
        },
        {
          key: String(unitB),
          name: "平湖经济技术开发区",
          label: "平湖经济技术开发区",
          projects: 1,
          contractedFdiUsd: 300 * WAN,
          totalInvestmentUsd: 500 * WAN,
          actualFdiUsd: 50 * WAN,
        },
      ],
    });
    // funnel (cohort: leads entered in H1 2026): A has P1 (开工, 注册 skipped), P3 (unverified: stops at 洽谈),
    // P5 (签约, then lost: stays at 签约); B has P2 (签约)
    expect(breakdown.funnel.total).toBe(2);
    expect(breakdown.funnel.rows.map((row) => [row.label, row.funnel.map((step) => step.projects)])).toEqual([
      ["投资促进中心", [3, 3, 3, 2, 1, 1, 0]],
      ["平湖经济技术开发区", [1, 1, 1, 1, 0, 0, 0]],
    ]);
    // snapshot at 06-30: A has P1 and P7 (开工), P3 (待甄别), P4 (投产); B has P2 (签约)
    expect(breakdown.snapshot.total).toBe(2);
    const [a, b] = breakdown.snapshot.rows;
    expect([a.key, a.label, a.projects, a.totalInvestmentUsd / WAN]).toEqual([String(unitA), "投资促进中心", 4, 15100]);
    expect(lines(a.lines).filter(([, n]) => n !== 0)).toEqual([
      ["signed_unverified", 1, 2000],
      ["construction", 2, 12300],
      ["production", 1, 800],
    ]);
    expect([b.key, b.label, b.projects, b.totalInvestmentUsd / WAN]).toEqual([String(unitB), "平湖经济技术开发区", 1, 500]);
    expect(lines(b.lines).filter(([, n]) => n !== 0)).toEqual([["signed", 1, 500]]);
  });

  it("a breakdown's cell opens the list of its projects: the drill-down narrowed to the value", () => {
    const snapshotOfA = (row: "construction" | "signed_unverified") => `${figureFilterParams({ snapshot: { at: "2026-06-30", row } })}&unit=${unitA}`;
    expect(listed(snapshotOfA("construction"))).toEqual([P.P1, P.P7]);
    expect(listed(snapshotOfA("signed_unverified"))).toEqual([P.P3]);
    expect(listed(`${figureFilterParams({ snapshot: { at: "2026-06-30", row: "signed" } })}&unit=${unitA}`)).toEqual([]);
    expect(listed(`${figureFilterParams({ cohort: H1_2026, reached: "signed" })}&unit=${unitA}`)).toEqual([P.P1, P.P5]);
  });

  it("puts projects without a value under 未填, and names regions and project types in Chinese", () => {
    // no fixture project has a 线索来源
    const byChannel = getBreakdowns(H1_2026, "channel");
    expect(byChannel.signings.rows.map((row) => [row.key, row.label, row.projects])).toEqual([[null, "未填", 3]]);
    expect(byChannel.funnel.rows.map((row) => [row.key, row.label, row.funnel[0].projects])).toEqual([[null, "未填", 4]]);
    expect(byChannel.snapshot.rows.map((row) => [row.key, row.label, row.projects])).toEqual([[null, "未填", 5]]);
    const byCountry = getBreakdowns(H1_2026, "country");
    expect(byCountry.snapshot.rows.map((row) => [row.key, row.label, row.projects])).toEqual([["JP", "日本", 5]]);
    expect(byCountry.signings.rows.map((row) => row.label)).toEqual(["日本"]);
    // P2 is a 增资; the snapshot's others are 新设
    const byType = getBreakdowns(H1_2026, "projectType");
    expect(byType.snapshot.rows.map((row) => [row.label, row.projects])).toEqual([
      ["新设", 4],
      ["增资", 1],
    ]);
    // no project serves a chain: the chain breakdown is empty, not an error
    const byChain = getBreakdowns(H1_2026, "chain");
    expect([byChain.signings.total, byChain.funnel.total, byChain.snapshot.total]).toEqual([0, 0, 0]);
  });
});

describe("units' targets", () => {
  beforeAll(() => {
    const unitC = makeUnit("独山港经济开发区");
    saveTargets({
      actor: staff,
      data: targetsSchema.parse({ year: "2026", unitId: String(unitA), signed_projects: "4", contracted_fdi_usd: "20000", ...versions(2026, unitA) }),
    });
    saveTargets({
      actor: staff,
      data: targetsSchema.parse({ year: "2026", unitId: String(unitB), signed_projects: "1", actual_fdi_usd: "100", ...versions(2026, unitB) }),
    });
    // a unit with a target in another year only is not listed for 2026
    saveTargets({ actor: staff, data: targetsSchema.parse({ year: "2025", unitId: String(unitC), signed_projects: "3", ...versions(2025, unitC) }) });
  });

  /** [unit, indicator, 本年累计, 年度目标, 完成率, 时序进度, behind] */
  const table = (units: ReturnType<typeof getUnitTargetProgress>) =>
    units.flatMap((unit) =>
      unit.cards.map((card) => [
        unit.unitName,
        card.indicator,
        card.yearToDate,
        card.target,
        card.completion,
        card.timeProgress,
        card.completion! < card.timeProgress,
      ]),
    );

  it("show each unit's year to date against its own targets, only the indicators it has a target for", () => {
    // to 06-30 (时序进度 6/12): A signed P1 and P5 (合同外资 8,000 + 100); B signed P2 and received 50 on it
    expect(table(getUnitTargetProgress(H1_2026))).toEqual([
      ["投资促进中心", "signed_projects", 2, 4, 0.5, 0.5, false],
      ["投资促进中心", "contracted_fdi_usd", 8100 * WAN, 20000 * WAN, 0.405, 0.5, true],
      ["平湖经济技术开发区", "signed_projects", 1, 1, 1, 0.5, false],
      ["平湖经济技术开发区", "actual_fdi_usd", 50 * WAN, 100 * WAN, 0.5, 0.5, false],
    ]);
  });

  it("on the cockpit, to the end of the chosen period; on 年度目标, to today", () => {
    // Q1 (时序进度 3/12): A has signed P5 (01-20) and P1 (03-10); B nothing yet, so B is behind
    expect(table(getCockpit({ from: "2026-01-01", to: "2026-03-31" }, "unit").unitTargets)).toEqual([
      ["投资促进中心", "signed_projects", 2, 4, 0.5, 0.25, false],
      ["投资促进中心", "contracted_fdi_usd", 8100 * WAN, 20000 * WAN, 0.405, 0.25, false],
      ["平湖经济技术开发区", "signed_projects", 0, 1, 0, 0.25, true],
      ["平湖经济技术开发区", "actual_fdi_usd", 0, 100 * WAN, 0, 0.25, true],
    ]);
    // a March-only period still measures the year to its end
    expect(getCockpit({ from: "2026-03-01", to: "2026-03-31" }, "unit").unitTargets).toEqual(
      getCockpit({ from: "2026-01-01", to: "2026-03-31" }, "unit").unitTargets,
    );
    const progress = getTargetProgress(2026);
    expect(progress.units).toEqual(getUnitTargetProgress(H1_2026));
    expect(getTargetProgress(2025).units.map((unit) => [unit.unitName, unit.cards.map((card) => [card.yearToDate, card.completion])])).toEqual([
      ["独山港经济开发区", [[0, 0]]],
    ]);
    expect(getTargetProgress(2027).units).toEqual([]);
  });

  it("follow a changed target at once (figures are cached until anything is written)", () => {
    const before = getUnitTargetProgress(H1_2026);
    expect(getUnitTargetProgress(H1_2026)).toBe(before);
    saveTargets({
      actor: staff,
      data: targetsSchema.parse({ year: "2026", unitId: String(unitA), signed_projects: "5", contracted_fdi_usd: "20000", ...versions(2026, unitA) }),
    });
    const after = getUnitTargetProgress(H1_2026)[0].cards[0];
    expect([after.target, after.completion]).toEqual([5, 0.4]);
  });
});

/** The versions the target form would carry for a year's current targets. */
function versions(year: number, unitId: number | null = null): Record<string, string> {
  return Object.fromEntries(getTargetSheet(year, unitId).map((row) => [`version_${row.indicator}`, String(row.version)]));
}
