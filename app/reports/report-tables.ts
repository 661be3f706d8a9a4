/**
 * The report's tables as data: headers and cells carrying both the text the screen and Word show
 * and the number Excel stores. The screen, the print view, Word and Excel all draw from these, so
 * their numbers cannot differ.
 */
import { formatPercent } from "../figures/indicators";
import { formatAmount, formatWan, wanNumber } from "../lib/money";
import type { CommitmentLine, IndicatorLine, ProjectLine, RateLine, ReportSnapshot } from "./report-snapshot";

export interface Cell {
  text: string;
  /** for Excel: the number in the displayed unit (万, a count, or a fraction for rates); null for empty */
  number?: number | null;
  /** for Excel: a business date YYYY-MM-DD, stored as a date; null for empty */
  date?: string | null;
  format?: "wan" | "count" | "percent" | "date";
}

export interface ReportTable {
  /** Excel sheet name (≤ 31 characters) */
  sheet: string;
  title: string;
  headers: string[];
  /** columns aligned right */
  numeric: number[];
  rows: Cell[][];
  /**
   * The line under the table: 共 N 项，列出前 50 项 when the rows are only the first of the list, or
   * what its numbers count when that differs from the numbers near it; null for none
   */
  note: string | null;
}

/** How many rows of a list the screen, the print view and Word show; Excel carries every row. */
export const LIST_LIMIT = 50;

/**
 * A list as a report shows it: its first `limit` rows (all of them when `limit` is null) and, when
 * that leaves rows out, the note saying so (DESIGN.md §4). `total` is how many the list has — more
 * than `rows` holds for a snapshot stored before lists were kept whole (cut at 50 when generated).
 */
export function listed<T>(
  rows: readonly T[],
  { total = rows.length, limit = LIST_LIMIT }: { total?: number; limit?: number | null } = {},
): { rows: T[]; note: string | null } {
  const shown = limit == null ? rows.slice() : rows.slice(0, limit);
  const all = Math.max(total, rows.length);
  return { rows: shown, note: all > shown.length ? `共 ${all} 项，列出前 ${shown.length} 项` : null };
}

/** Options of reportTables: `all` for Excel, which writes every row of every list. */
export interface TableOptions {
  all?: boolean;
}

const text = (value: string | null | undefined): Cell => ({ text: value ?? "" });
const wan = (base: number | null | undefined): Cell =>
  base == null ? { text: "—", number: null, format: "wan" } : { text: formatWan(base), number: wanNumber(base), format: "wan" };
const count = (value: number | null | undefined): Cell =>
  value == null ? { text: "—", number: null, format: "count" } : { text: String(value), number: value, format: "count" };
const percent = (value: number | null | undefined): Cell => ({ text: formatPercent(value), number: value ?? null, format: "percent" });
const date = (value: string | null | undefined): Cell => ({ text: value ?? "—", date: value ?? null, format: "date" });

const indicatorCell = (line: IndicatorLine, value: number | null) => (line.money ? wan(value) : count(value));

function projectTable(sheet: string, title: string, projects: ProjectLine[], limit: number | null): ReportTable {
  const list = listed(projects, { limit });
  return {
    sheet,
    title,
    headers: ["项目名称", "投资方", "国别/地区", "总投资（万美元）", "合同外资（万美元）", "日期", "负责人"],
    numeric: [3, 4],
    rows: list.rows.map((p) => [
      text(p.name),
      text(p.companyName),
      text(p.countryLabel),
      wan(p.totalInvestmentUsd),
      wan(p.contractedFdiUsd),
      date(p.date),
      text(p.ownerName),
    ]),
    note: list.note,
  };
}

function commitmentTable(sheet: string, title: string, lines: CommitmentLine[], limit: number | null): ReportTable {
  const list = listed(lines, { limit });
  return {
    sheet,
    title,
    headers: ["项目", "承诺事项", "承诺金额（万元）", "已兑现（万元）", "约定兑现日期", "状态"],
    numeric: [2, 3],
    rows: list.rows.map((c) => [text(c.projectName), text(c.item), wan(c.amountCny), wan(c.paidCny), date(c.dueOn), text(c.statusLabel)]),
    note: list.note,
  };
}

/** What each rate divides (DESIGN.md §4), for the Excel sheet that shows the parts. */
const RATE_BASIS: Record<RateLine["label"], { basis: string; money: boolean }> = {
  开工率: { basis: "本年签约项目中已开工的项目数 ÷ 本年签约项目数", money: false },
  投产率: { basis: "本年开工项目中已投产的项目数 ÷ 本年开工项目数", money: false },
  资金到位率: { basis: "本年签约项目至月末的实到外资（万美元）÷ 其合同外资（万美元）", money: true },
};

/**
 * The report's tables. The screen, the print view and Word take each list's first LIST_LIMIT rows
 * with the note; Excel (`all`) takes every row the snapshot holds.
 */
export function reportTables(s: ReportSnapshot, { all = false }: TableOptions = {}) {
  const limit = all ? null : LIST_LIMIT;
  const changes = listed(s.pipeline.changes, { total: s.pipeline.changesTotal, limit });
  const appendix = listed(s.appendix, { limit });
  return {
    indicators: {
      sheet: "主要指标",
      title: "主要指标完成情况",
      headers: ["指标", "本月", `${s.cumulativeLabel}累计`, "年度目标", "完成率", "时序进度", "同比"],
      numeric: [1, 2, 3, 4, 5, 6],
      rows: s.indicators.map((line) => [
        text(line.label),
        indicatorCell(line, line.month),
        indicatorCell(line, line.yearToDate),
        indicatorCell(line, line.target),
        percent(line.completion),
        percent(line.timeProgress),
        percent(line.yearOnYear),
      ]),
      note: s.notes?.indicators ?? null,
    } satisfies ReportTable,
    rates: {
      sheet: "开工投产资金到位率",
      title: "开工率、投产率、资金到位率",
      headers: ["指标", "分子", "分母", "比率", "口径"],
      numeric: [1, 2, 3],
      rows: s.rates.map((rate) => {
        const { basis, money } = RATE_BASIS[rate.label] ?? { basis: "", money: false };
        return [
          text(rate.label),
          money ? wan(rate.numerator) : count(rate.numerator),
          money ? wan(rate.denominator) : count(rate.denominator),
          percent(rate.rate),
          text(basis),
        ];
      }),
      note: null,
    } satisfies ReportTable,
    signed: projectTable("本月签约", "本月签约", s.keyProjects.signed, limit),
    started: projectTable("本月开工", "本月开工", s.keyProjects.started, limit),
    producing: projectTable("本月投产", "本月投产", s.keyProjects.producing, limit),
    big: projectTable("超亿美元项目", "超亿美元项目（本年签约）", s.keyProjects.big, limit),
    fortune500: projectTable("世界500强项目", "世界500强项目（本年签约）", s.keyProjects.fortune500, limit),
    pipeline: {
      sheet: "项目储备",
      title: "项目储备",
      headers: ["阶段", "项目数", "总投资（万美元）"],
      numeric: [1, 2],
      rows: s.pipeline.byStage.map((row) => [text(row.stageLabel), count(row.projects), wan(row.totalInvestmentUsd)]),
      note: s.notes?.pipeline ?? null,
    } satisfies ReportTable,
    changes: {
      sheet: "阶段变化",
      title: "本月阶段变化",
      headers: ["项目", "变化", "发生日期"],
      numeric: [],
      rows: changes.rows.map((c) => [text(c.projectName), text(c.fromLabel ? `${c.fromLabel} → ${c.toLabel}` : `新增${c.toLabel}`), date(c.occurredOn)]),
      note: changes.note,
    } satisfies ReportTable,
    chains: {
      sheet: "产业链",
      title: "产业链招商",
      headers: ["产业链", "在谈项目", "本月签约", "本年签约", "已有项目的缺链环节", "尚无项目的缺链环节"],
      numeric: [1, 2, 3, 4],
      rows: s.chains.map((c) => [
        text(c.name),
        count(c.projects),
        count(c.signingsMonth),
        count(c.signingsYear),
        count(c.gapsAddressed),
        text(c.gapsOpen.join("、") || "—"),
      ]),
      note: s.notes?.negotiating ?? null,
    } satisfies ReportTable,
    countries: {
      sheet: "国别地区",
      title: "国别招商",
      headers: ["国别/地区", "在谈项目", "本年签约", "本年合同外资（万美元）", "本年实到外资（万美元）"],
      numeric: [1, 2, 3, 4],
      rows: s.countries.map((c) => [text(c.label), count(c.projects), count(c.signingsYear), wan(c.contractedFdiUsdYear), wan(c.actualFdiUsdYear)]),
      note: s.notes?.negotiating ?? null,
    } satisfies ReportTable,
    parks: {
      sheet: "载体平台",
      title: "载体平台",
      headers: ["载体", "在谈项目", "本年签约", "重点国别项目"],
      numeric: [1, 2, 3],
      rows: s.parks.map((p) => [text(p.name), count(p.projects), count(p.signingsYear), p.focusProjects === null ? text("—") : count(p.focusProjects)]),
      note: s.notes?.negotiating ?? null,
    } satisfies ReportTable,
    commitments: {
      sheet: "政策兑现",
      title: "政策兑现",
      headers: ["项目", "项数", "金额（万元）"],
      numeric: [1, 2],
      rows: [
        [text("本月新承诺"), count(s.commitments.madeCount), wan(s.commitments.madeCny)],
        [text("本月兑现完毕"), count(s.commitments.fulfilledCount), wan(s.commitments.fulfilledCny)],
      ],
      note: null,
    } satisfies ReportTable,
    dueNextMonth: commitmentTable("下月到期承诺", "下月到期", s.commitments.dueNextMonth, limit),
    overdue: commitmentTable("逾期承诺", "逾期未兑现", s.commitments.overdue, limit),
    appendix: {
      sheet: "在谈项目明细表",
      title: "附表 在谈项目明细表",
      headers: ["序号", "项目名称", "总投资（万美元）", "合同外资（万美元）", "外方国别和地区", "项目进展情况", "负责人"],
      numeric: [0, 2, 3],
      rows: appendix.rows.map((a, i) => [
        count(i + 1),
        text(a.name),
        wan(a.totalInvestmentUsd),
        wan(a.contractedFdiUsd),
        text(a.countryLabel),
        text(a.progress),
        text(a.ownerName),
      ]),
      note: appendix.note,
    } satisfies ReportTable,
  };
}

export type ReportTables = ReturnType<typeof reportTables>;

/** The sentences of the report, shared by the screen, the print view and Word. */
export function reportSentences(s: ReportSnapshot) {
  return {
    rates: `${s.rates.map((rate) => `${rate.label} ${formatPercent(rate.rate)}`).join("，")}。`,
    commitments: `本月新承诺 ${s.commitments.madeCount} 项、${formatAmount(s.commitments.madeCny, "元")}；兑现完毕 ${s.commitments.fulfilledCount} 项、${formatAmount(s.commitments.fulfilledCny, "元")}。`,
  };
}

export const REPORT_TITLE = (s: ReportSnapshot) => `${s.monthLabel}招商引资工作进展报告`;
