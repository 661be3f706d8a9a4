/**
 * The frozen content of a 月度工作进展报告 (DESIGN.md §7): everything the screen, the print view,
 * Word and Excel show, computed once from the figures module when the report is generated and
 * stored as JSON, so every export of one edition shows the same numbers.
 * Money is in base units: US dollars (…Usd) or yuan (…Cny); rates are fractions (0.5 = 50%).
 * Lists hold every row (editions generated before that hold their first 50); the screen, the print
 * view and Word show the first rows and say how many there are, Excel carries them all.
 */
import type { TargetIndicator } from "../figures/indicators";
import type { Stage } from "../projects/stages";

export interface IndicatorLine {
  indicator: TargetIndicator;
  /** e.g. 合同外资（万美元） */
  label: string;
  /** amounts in US dollars (shown in 万美元) when true, counts otherwise */
  money: boolean;
  month: number;
  yearToDate: number;
  target: number | null;
  /** yearToDate ÷ target */
  completion: number | null;
  timeProgress: number;
  /** yearToDate against the same months a year earlier */
  yearOnYear: number | null;
}

export interface RateLine {
  label: "开工率" | "投产率" | "资金到位率";
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface ProjectLine {
  id: number;
  name: string;
  companyName: string;
  countryLabel: string;
  totalInvestmentUsd: number;
  contractedFdiUsd: number | null;
  stageLabel: string;
  /** the date that put it in the list (signing, 开工, 投产 date) */
  date: string | null;
  ownerName: string;
}

export interface StageLine {
  stageLabel: string;
  projects: number;
  totalInvestmentUsd: number;
}

export interface StageChangeLine {
  projectId: number;
  projectName: string;
  fromLabel: string | null;
  toLabel: string;
  occurredOn: string;
}

export interface ChainLine {
  nodeId: number;
  /** 四群八链 · 高档数控机床 */
  name: string;
  /** pursued projects linked to the chain or below it */
  projects: number;
  /** verified signings this month and this year among them */
  signingsMonth: number;
  signingsYear: number;
  /** 空白/薄弱 links of the chain with at least one project / without any */
  gapsAddressed: number;
  gapsOpen: string[];
}

export interface CountryLine {
  label: string;
  /** pursued projects from that country/region */
  projects: number;
  signingsYear: number;
  contractedFdiUsdYear: number;
  actualFdiUsdYear: number;
}

export interface ParkLine {
  name: string;
  projects: number;
  signingsYear: number;
  /** for country parks: pursued projects from their focus countries */
  focusProjects: number | null;
}

export interface CommitmentLine {
  id: number;
  projectName: string;
  item: string;
  amountCny: number;
  paidCny: number;
  dueOn: string;
  statusLabel: string;
}

export interface AppendixLine {
  name: string;
  totalInvestmentUsd: number;
  contractedFdiUsd: number | null;
  countryLabel: string;
  /** 项目进展情况: stage, and the latest activity's summary */
  progress: string;
  ownerName: string;
}

export interface ReportSnapshot {
  /** YYYY-MM */
  month: string;
  /** e.g. 2026年10月 */
  monthLabel: string;
  /** 1–N月 */
  cumulativeLabel: string;
  period: { from: string; to: string };
  indicators: IndicatorLine[];
  rates: RateLine[];
  keyProjects: {
    signed: ProjectLine[];
    started: ProjectLine[];
    producing: ProjectLine[];
    /** signed this year with 总投资 ≥ 1亿美元 */
    big: ProjectLine[];
    /** signed this year, company 世界500强 */
    fortune500: ProjectLine[];
  };
  pipeline: { byStage: StageLine[]; changes: StageChangeLine[]; changesTotal: number };
  chains: ChainLine[];
  countries: CountryLine[];
  parks: ParkLine[];
  commitments: {
    madeCount: number;
    madeCny: number;
    fulfilledCount: number;
    fulfilledCny: number;
    dueNextMonth: CommitmentLine[];
    overdue: CommitmentLine[];
  };
  appendix: AppendixLine[];
  /**
   * One line under each table whose numbers count something other than the numbers near it, without
   * a closing 。 (absent from editions generated before they were written).
   */
  notes?: {
    /** 一、主要指标: signing date vs verification, and the 同比 basis */
    indicators: string;
    /** 三、项目储备: the cohort funnel above vs the snapshot at the month's end */
    pipeline: string;
    /** 四、五: 在谈 as of the month's end */
    negotiating: string;
  };
  /** for the charts of the screen and the print view */
  charts: {
    /** the cohort funnel of the year to the month's end */
    funnel: Array<{ stage: Stage; projects: number; totalInvestmentUsd: number; conversion: number | null }>;
    /** the twelve months ending with the report's month */
    trend: Array<{ month: string; signedProjects: number; contractedFdiUsd: number; actualFdiUsd: number }>;
  };
}
