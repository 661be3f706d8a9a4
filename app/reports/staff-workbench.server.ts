/**
 * 工作台 for staff (综合/统计员) and administrators: the month's report, the arrivals dated this
 * month and the targets behind 时序进度 — the monthly round that ends in the report. The figures
 * are the figures module's: the month's arrivals are the vocabulary's arrivalsIn (through
 * summarizeArrivals, the /arrivals screen's count and sum: for staff, who see every project,
 * getIndicators' 实到外资 of the month), the targets getKpiCards'.
 */
import { summarizeArrivals } from "../arrivals/arrivals.server";
import { can, type Actor } from "../auth/permissions";
import { listTargetsBehind } from "../figures/targets.server";
import { addDays, monthPeriod, today } from "../lib/dates";
import { getReportStatus } from "./reports.server";

/** Null for roles that keep no targets (officers, leaders): their 工作台 has no staff section. */
export function getStaffWorkbench(actor: Actor, day: string = today()) {
  if (!can(actor.role, "manage:targets")) return null;
  const thisMonth = day.slice(0, 7);
  // a month's report is written once it has ended: last month's is the one due now
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  return {
    reports: getReportStatus(actor, [lastMonth, thisMonth]),
    arrivals: { month: thisMonth, ...summarizeArrivals(actor, monthPeriod(thisMonth)) },
    targets: listTargetsBehind(actor, day),
  };
}

export type StaffWorkbench = NonNullable<ReturnType<typeof getStaffWorkbench>>;
