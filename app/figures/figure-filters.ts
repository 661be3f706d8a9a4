/**
 * The project list as the drill-down of a figure: every number on the cockpit links to the list of
 * the projects it counts. These URL filters say which: a funnel cohort and the stage reached, or
 * the verified signings of a period, optionally only 超亿美元 or 世界500强 ones.
 */
import { isValidDate, type Period } from "../lib/dates";
import { STAGE_LABELS, STAGES, type Stage } from "../projects/stages";

/** The rows of the 储备 snapshot a drill-down can ask for; `negotiating_all` is 在谈 (接洽 and 洽谈). */
export const SNAPSHOT_FILTER_ROWS = [
  "lead",
  "contacted",
  "negotiating",
  "signed_unverified",
  "signed",
  "registered",
  "construction",
  "production",
  "negotiating_all",
] as const;
export type SnapshotFilterRow = (typeof SNAPSHOT_FILTER_ROWS)[number];
const SNAPSHOT_ROW_WORDS: Record<SnapshotFilterRow, string> = {
  ...STAGE_LABELS,
  signed_unverified: "签约（待甄别）",
  negotiating_all: "在谈（接洽、洽谈）",
};

export interface FigureListFilter {
  /** projects that entered as 线索 in this period (a funnel cohort) */
  cohort?: Period;
  /** with `cohort`: reached this stage (or a later one) by the cohort's end; 签约 on only when verified */
  reached?: Stage;
  /** verified signings dated in this period */
  signed?: Period;
  /** in the 储备 snapshot at a date, in one of its rows */
  snapshot?: { at: string; row: SnapshotFilterRow };
  big?: boolean;
  fortune500?: boolean;
}

function periodParam(value: string | null): Period | undefined {
  const [from, to] = (value ?? "").split("~");
  return from && to && isValidDate(from) && isValidDate(to) && from <= to ? { from, to } : undefined;
}

function snapshotParam(at: string | null, row: string | null): FigureListFilter["snapshot"] {
  return at && isValidDate(at) && (SNAPSHOT_FILTER_ROWS as readonly string[]).includes(row ?? "") ? { at, row: row as SnapshotFilterRow } : undefined;
}

export function parseFigureFilter(params: URLSearchParams): FigureListFilter {
  const cohort = periodParam(params.get("cohort"));
  const reached = params.get("reached");
  return {
    cohort,
    reached: cohort && (STAGES as readonly string[]).includes(reached ?? "") ? (reached as Stage) : undefined,
    signed: periodParam(params.get("signed")),
    snapshot: snapshotParam(params.get("at"), params.get("row")),
    big: params.get("big") === "1" || undefined,
    fortune500: params.get("f500") === "1" || undefined,
  };
}

/** Search params for a figure's drill-down, to append to /projects. */
export function figureFilterParams(filter: FigureListFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.cohort) params.set("cohort", `${filter.cohort.from}~${filter.cohort.to}`);
  if (filter.cohort && filter.reached) params.set("reached", filter.reached);
  if (filter.signed) params.set("signed", `${filter.signed.from}~${filter.signed.to}`);
  if (filter.snapshot) {
    params.set("at", filter.snapshot.at);
    params.set("row", filter.snapshot.row);
  }
  if (filter.big) params.set("big", "1");
  if (filter.fortune500) params.set("f500", "1");
  return params;
}

/** What the drill-down shows, in words for the list's heading; null when there is none. */
export function describeFigureFilter(filter: FigureListFilter): string | null {
  const parts: string[] = [];
  if (filter.cohort) {
    parts.push(`${filter.cohort.from} 至 ${filter.cohort.to} 新增线索`);
    if (filter.reached) parts.push(`截至 ${filter.cohort.to} 已达到「${STAGE_LABELS[filter.reached]}」或更后阶段`);
  }
  if (filter.signed) parts.push(`${filter.signed.from} 至 ${filter.signed.to} 签约（已甄别）`);
  if (filter.snapshot) parts.push(`${filter.snapshot.at} 储备项目中处于「${SNAPSHOT_ROW_WORDS[filter.snapshot.row]}」`);
  if (filter.big) parts.push("超亿美元");
  if (filter.fortune500) parts.push("世界500强");
  return parts.length ? parts.join("，") : null;
}
