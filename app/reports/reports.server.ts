/**
 * 月度报告: generated for a month from the figures and frozen as an edition; regenerating makes a
 * new edition and the old ones stay readable. 存在问题, 下月工作计划, 主送 and 落款 are edited in place;
 * a new edition starts from the previous edition's.
 */
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { assertCan, type Actor } from "../auth/permissions";
import { writeAudit, type Changes } from "../audit/audit.server";
import { db, t } from "../db.server";
import { funnelChartSvg, trendChartSvg } from "../figures/charts.server";
import { InvalidError, NotFoundError } from "../lib/errors";
import { updateVersioned } from "../lib/versioned-update.server";
import type { NarrativeInput } from "./report.schema";
import type { ReportSnapshot } from "./report-snapshot";
import { buildReportSnapshot } from "./report-snapshot.server";

/**
 * 生成报告: a new edition of the month's report. Refuses a month that has not begun. The edition
 * carries over the previous (latest remaining) edition's 存在问题, 下月工作计划, 主送 and 落款单位; the
 * first edition of a month starts with no 主送 and the generating user's unit as 落款单位. 落款日期 is
 * the day of generation either way.
 */
export function generateReport({ actor, month, today }: { actor: Actor; month: string; today: string }): number {
  assertCan(actor, "manage:report");
  if (`${month}-01` > today) throw new InvalidError({ month: "报告月份尚未开始" });
  const snapshot = buildReportSnapshot(month);
  return db().transaction((tx) => {
    const last = tx
      .select({ edition: sql<number>`coalesce(max(${t.reports.edition}), 0)` })
      .from(t.reports)
      .where(eq(t.reports.month, month))
      .get()!;
    const previous = tx
      .select({ problems: t.reports.problems, nextMonthPlan: t.reports.nextMonthPlan, addressedTo: t.reports.addressedTo, issuedBy: t.reports.issuedBy })
      .from(t.reports)
      .where(and(eq(t.reports.month, month), isNull(t.reports.deletedAt)))
      .orderBy(desc(t.reports.edition))
      .limit(1)
      .get();
    const carried = previous ?? {
      problems: null,
      nextMonthPlan: null,
      addressedTo: null,
      issuedBy: tx.select({ name: t.units.name }).from(t.units).where(eq(t.units.id, actor.unitId)).get()?.name ?? null,
    };
    const edition = last.edition + 1;
    const { id } = tx
      .insert(t.reports)
      .values({ month, edition, snapshot, ...carried, issuedOn: today, generatedBy: actor.id })
      .returning({ id: t.reports.id })
      .get();
    writeAudit(tx, { entityType: "report", entityId: id, action: "create", userId: actor.id, changes: { month: [null, month], edition: [null, edition] } });
    return id;
  });
}

export function listReports(actor: Actor) {
  assertCan(actor, "manage:report");
  return db()
    .select({
      id: t.reports.id,
      month: t.reports.month,
      edition: t.reports.edition,
      generatedAt: t.reports.generatedAt,
      generatedByName: t.users.displayName,
      editedAt: t.reports.editedAt,
    })
    .from(t.reports)
    .leftJoin(t.users, eq(t.users.id, t.reports.generatedBy))
    .where(isNull(t.reports.deletedAt))
    .orderBy(desc(t.reports.month), desc(t.reports.edition))
    .limit(240)
    .all();
}

/** 工作台: the latest edition of each month's report, null for a month with none yet. */
export function getReportStatus(actor: Actor, months: readonly string[]) {
  assertCan(actor, "manage:report");
  const editions = db()
    .select({ id: t.reports.id, month: t.reports.month, edition: t.reports.edition, generatedAt: t.reports.generatedAt })
    .from(t.reports)
    .where(and(inArray(t.reports.month, [...months]), isNull(t.reports.deletedAt)))
    .orderBy(desc(t.reports.edition))
    .all();
  return months.map((month) => ({ month, latest: editions.find((row) => row.month === month) ?? null }));
}

export interface StoredReport {
  id: number;
  month: string;
  edition: number;
  /** the newest edition of its month? */
  latest: boolean;
  snapshot: ReportSnapshot;
  problems: string | null;
  nextMonthPlan: string | null;
  /** 主送, 落款单位, 落款日期 (YYYY-MM-DD); null on editions made before they existed */
  addressedTo: string | null;
  issuedBy: string | null;
  issuedOn: string | null;
  generatedAt: number;
  generatedByName: string;
  editedAt: number | null;
  editedByName: string | null;
  version: number;
}

export function getReport(actor: Actor, id: number): StoredReport {
  assertCan(actor, "manage:report");
  const row = db()
    .select({
      id: t.reports.id,
      month: t.reports.month,
      edition: t.reports.edition,
      snapshot: t.reports.snapshot,
      problems: t.reports.problems,
      nextMonthPlan: t.reports.nextMonthPlan,
      addressedTo: t.reports.addressedTo,
      issuedBy: t.reports.issuedBy,
      issuedOn: t.reports.issuedOn,
      generatedAt: t.reports.generatedAt,
      generatedByName: sql<string>`coalesce((select display_name from ${t.users} where id = ${t.reports.generatedBy}), '')`,
      editedAt: t.reports.editedAt,
      editedByName: sql<string | null>`(select display_name from ${t.users} where id = ${t.reports.editedBy})`,
      version: t.reports.version,
    })
    .from(t.reports)
    .where(and(eq(t.reports.id, id), isNull(t.reports.deletedAt)))
    .get();
  if (!row) throw new NotFoundError();
  const newest = db()
    .select({ edition: sql<number>`max(${t.reports.edition})` })
    .from(t.reports)
    .where(and(eq(t.reports.month, row.month), isNull(t.reports.deletedAt)))
    .get()!;
  const { snapshot, ...rest } = row;
  return { ...rest, snapshot: snapshot as ReportSnapshot, latest: newest.edition === row.edition };
}

/** Content-Disposition of an export: 招商引资月度报告-2026年10月-第1版.docx (RFC 5987 for the Chinese name). */
export function reportFileName(report: { snapshot: ReportSnapshot; edition: number }, extension: "docx" | "xlsx"): string {
  const name = `招商引资月度报告-${report.snapshot.monthLabel}-第${report.edition}版.${extension}`;
  return `attachment; filename="report-${report.snapshot.month}-v${report.edition}.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * An edition with its charts, rendered on the server as SVG from its frozen figures; the screen
 * also gets them drawn for a phone, the print view (`forPhone: false`) only the page's.
 */
export function getReportWithCharts(actor: Actor, id: number, { forPhone = true }: { forPhone?: boolean } = {}) {
  const report = getReport(actor, id);
  const { funnel, trend } = report.snapshot.charts;
  const page = { funnelSvg: funnelChartSvg(funnel), trendSvg: trendChartSvg(trend) };
  if (!forPhone) return { report, charts: page };
  return { report, charts: { ...page, funnelPhoneSvg: funnelChartSvg(funnel, "phone"), trendPhoneSvg: trendChartSvg(trend, "phone") } };
}

const EDITABLE = ["addressedTo", "issuedBy", "issuedOn", "problems", "nextMonthPlan"] as const;

/** 主送, 落款单位, 落款日期, 存在问题 and 下月工作计划, edited in place with optimistic concurrency and audited. */
export function updateReportNarrative({ actor, id, data }: { actor: Actor; id: number; data: NarrativeInput }): void {
  const report = getReport(actor, id);
  const changes: Changes = {};
  for (const key of EDITABLE) if (data[key] !== report[key]) changes[key] = [report[key], data[key]];
  const narrative = Object.fromEntries(EDITABLE.map((key) => [key, data[key]]));
  db().transaction((tx) => {
    updateVersioned(tx, {
      table: t.reports,
      entityType: "report",
      id,
      version: data.version,
      values: { ...narrative, editedBy: actor.id, editedAt: Date.now() },
      before: { ...report },
      userId: actor.id,
      changes,
    });
  });
}
