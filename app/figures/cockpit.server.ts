/**
 * 领导驾驶舱: everything the cockpit shows for a period, composed from the figures module's one
 * vocabulary (measures.server.ts) — the KPI cards and rates, the cohort funnel, the 储备 snapshot at
 * the period's end, the breakdowns of all three by one dimension, the trend, the big signings and
 * the units' targets. Cached until anything is written (figure-cache.server.ts).
 */
import { inArray } from "drizzle-orm";
import { regionLabel } from "../companies/regions";
import { db, t } from "../db.server";
import type { Period } from "../lib/dates";
import { PROJECT_TYPE_LABELS, type ProjectType } from "../projects/stages";
import { funnelChartSvg, trendChartSvg } from "./charts.server";
import { cachedFigures } from "./figure-cache.server";
import type { Breakdown } from "./breakdowns";
import { getBreakdown, getKpiCards, getMonthlyTrend, getRates, listBigSignings } from "./figures.server";
import { getFunnelBreakdown, getFunnelWithBreakdown, type FunnelBreakdownRow } from "./funnel.server";
import { yearToDate } from "./indicators";
import { NEGOTIATING_ROWS } from "./measures.server";
import { pipelineLinesOf, snapshotCountsAt, type PipelineLine, type SnapshotCount } from "./snapshot.server";
import { getUnitTargetProgress } from "./targets.server";

/** A breakdown table shows at most this many values and says how many there are. */
export const BREAKDOWN_ROW_LIMIT = 20;

/** The first rows of a list and how many there are in all ("共 N 项，列出前 M 项"). */
export interface Capped<T> {
  total: number;
  rows: T[];
}

function capped<T>(rows: T[], limit = BREAKDOWN_ROW_LIMIT): Capped<T> {
  return { total: rows.length, rows: rows.slice(0, limit) };
}

export function getCockpit(period: Period, by: Breakdown) {
  return cachedFigures(`cockpit:${period.from}:${period.to}:${by}`, () => computeCockpit(period, by));
}

/** The 储备 snapshot's totals: every row, the whole snapshot and 在谈 (接洽 and 洽谈). */
function snapshotSummary(at: string, counts: readonly SnapshotCount[]) {
  const lines = pipelineLinesOf(counts);
  const sum = (of: readonly PipelineLine[]) => ({
    projects: of.reduce((total, line) => total + line.projects, 0),
    totalInvestmentUsd: of.reduce((total, line) => total + line.totalInvestmentUsd, 0),
  });
  return {
    at,
    lines,
    total: sum(lines),
    negotiating: sum(lines.filter((line) => (NEGOTIATING_ROWS as readonly string[]).includes(line.row))),
  };
}

function computeCockpit(period: Period, by: Breakdown) {
  const { funnel, breakdown: funnelBreakdown } = getFunnelWithBreakdown(period, by);
  // counted by the breakdown's values: without chains, where a project may count under several or
  // none, each project is under one value, so the values add up to the snapshot
  const snapshot = snapshotCountsAt(period.to, by);
  return {
    ...periodFigures(period),
    funnel,
    funnelSvg: funnelChartSvg(funnel),
    funnelPhoneSvg: funnelChartSvg(funnel, "phone"),
    snapshot: snapshotSummary(period.to, by === "chain" ? snapshotCountsAt(period.to) : snapshot),
    breakdown: getBreakdowns(period, by, { snapshot, funnel: funnelBreakdown }),
  };
}

/**
 * What the cockpit shows whatever the breakdown — KPIs, rates, the trend, big signings and the units'
 * targets — kept apart, so that choosing another breakdown reads only its own tables.
 */
function periodFigures(period: Period) {
  return cachedFigures(`cockpit-period:${period.from}:${period.to}`, () => {
    const trend = getMonthlyTrend(period.to.slice(0, 7));
    return {
      period,
      kpis: getKpiCards(period),
      rates: getRates(period),
      trend,
      trendSvg: trendChartSvg(trend),
      trendPhoneSvg: trendChartSvg(trend, "phone"),
      bigSignings: listBigSignings(period),
      unitTargets: getUnitTargetProgress(yearToDate(period)),
    };
  });
}

/**
 * One dimension's three tables: the period's signings and arrivals, the cohort funnel of the
 * period's new leads, and the 储备 snapshot at the period's end, each value named the same way
 * (未填 where the project has none) and each table cut to its first rows.
 */
export function getBreakdowns(period: Period, by: Breakdown, read: { snapshot?: readonly SnapshotCount[]; funnel?: FunnelBreakdownRow[] } = {}) {
  const signings = getBreakdown(period, by);
  const funnel = read.funnel ?? getFunnelBreakdown(period, by);
  const snapshot = read.snapshot ?? snapshotCountsAt(period.to, by);
  const groups = new Map<string | null, SnapshotCount[]>();
  for (const count of snapshot) {
    const group = groups.get(count.key);
    if (group) group.push(count);
    else groups.set(count.key, [count]);
  }
  const label = breakdownLabeller(by, [...signings.map((row) => row.key), ...funnel.map((row) => row.key), ...groups.keys()]);
  const snapshotRows = [...groups].map(([key, counts]) => ({
    key,
    label: label(key),
    lines: pipelineLinesOf(counts),
    projects: counts.reduce((total, count) => total + count.projects, 0),
    totalInvestmentUsd: counts.reduce((total, count) => total + count.totalInvestmentUsd, 0),
  }));
  snapshotRows.sort((a, b) => b.projects - a.projects || b.totalInvestmentUsd - a.totalInvestmentUsd || a.label.localeCompare(b.label, "zh"));
  return {
    by,
    /** the snapshot's date: the period's end */
    at: period.to,
    signings: capped(signings.map((row) => ({ ...row, label: label(row.key) }))),
    funnel: capped(funnel.map((row) => ({ key: row.key, label: label(row.key), funnel: row.funnel }))),
    snapshot: capped(snapshotRows),
  };
}

/**
 * The name a breakdown value is shown under, the same in every table: regions and project types by
 * their Chinese labels, units, officers, channels, parks and chains by their current names (retired
 * and deleted ones included: old projects still point at them), 未填 where the project has none.
 */
function breakdownLabeller(by: Breakdown, keys: ReadonlyArray<string | null>): (key: string | null) => string {
  if (by === "country") return (key) => (key === null ? "未填" : regionLabel(key));
  if (by === "projectType") return (key) => (key === null ? "未填" : (PROJECT_TYPE_LABELS[key as ProjectType] ?? key));
  const ids = [...new Set(keys.filter((key): key is string => key !== null).map(Number))].filter(Number.isInteger);
  const names = new Map(referenceNames(by, ids).map((row) => [String(row.id), row.name]));
  return (key) => (key === null ? "未填" : (names.get(key) ?? key));
}

function referenceNames(by: Exclude<Breakdown, "country" | "projectType">, ids: number[]): { id: number; name: string }[] {
  if (ids.length === 0) return [];
  switch (by) {
    case "unit":
      return db().select({ id: t.units.id, name: t.units.name }).from(t.units).where(inArray(t.units.id, ids)).all();
    case "owner":
      return db().select({ id: t.users.id, name: t.users.displayName }).from(t.users).where(inArray(t.users.id, ids)).all();
    case "channel":
      return db().select({ id: t.channels.id, name: t.channels.name }).from(t.channels).where(inArray(t.channels.id, ids)).all();
    case "park":
      return db().select({ id: t.parks.id, name: t.parks.name }).from(t.parks).where(inArray(t.parks.id, ids)).all();
    case "chain":
      return db().select({ id: t.chainNodes.id, name: t.chainNodes.name }).from(t.chainNodes).where(inArray(t.chainNodes.id, ids)).all();
  }
}

export type Cockpit = ReturnType<typeof computeCockpit>;
