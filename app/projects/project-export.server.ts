/**
 * 导出Excel of 招商项目 (and of every cockpit drill-down, which is the same list with a figure
 * filter): every project the filters select in the actor's scope, in the list's order, with the
 * screen's columns plus the key fields, headed as the 招商项目 import reads them (round trip).
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../auth/permissions";
import { regionLabel } from "../companies/regions";
import { db, t } from "../db.server";
import { chunksOf, type ExportColumn, type ListExport } from "../exports/list-workbook.server";
import { describeFigureFilter } from "../figures/figure-filters";
import { projectConditions, projectOrder, type ProjectFilters } from "./projects.server";
import { PRIORITY_LABELS, PROJECT_TYPE_LABELS, STAGE_LABELS, STATUS_LABELS, signingState, SIGNING_STATE_LABELS } from "./stages";
import { WORKBENCH_LIST_LABELS } from "./workbench-lists";

function fetchRows(ids: number[]) {
  const owners = sql`(select display_name from ${t.users} where ${t.users.id} = ${t.projects.ownerId})`;
  return db()
    .select({
      id: t.projects.id,
      name: t.projects.name,
      companyName: t.companies.name,
      uscc: t.companies.uscc,
      country: t.companies.country,
      projectType: t.projects.projectType,
      channelName: t.channels.name,
      ownerName: sql<string>`${owners}`,
      unitName: t.units.name,
      parkName: t.parks.name,
      totalInvestmentUsd: t.projects.totalInvestmentUsd,
      contractedFdiUsd: t.projects.contractedFdiUsd,
      fixedAssetInvestmentCny: t.projects.fixedAssetInvestmentCny,
      landMu: t.projects.landMu,
      expectedJobs: t.projects.expectedJobs,
      priority: t.projects.priority,
      stage: t.projects.stage,
      status: t.projects.status,
      signedOn: t.projects.signedOn,
      signingVerifiedAt: t.projects.signingVerifiedAt,
      signingReturnedAt: t.projects.signingReturnedAt,
      nextFollowUpOn: t.projects.nextFollowUpOn,
      nextFollowUpItem: t.projects.nextFollowUpItem,
      lastActivityOn: t.projects.lastActivityOn,
      description: t.projects.description,
      enteredOn: sql<
        string | null
      >`(select occurred_on from ${t.stageChanges} s where s.project_id = ${t.projects.id} and s.from_stage is null order by s.id limit 1)`,
      stageOn: sql<string | null>`(select occurred_on from ${t.stageChanges} s where s.project_id = ${t.projects.id} order by s.id desc limit 1)`,
    })
    .from(t.projects)
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .innerJoin(t.units, eq(t.units.id, t.projects.unitId))
    .leftJoin(t.channels, eq(t.channels.id, t.projects.channelId))
    .leftJoin(t.parks, eq(t.parks.id, t.projects.parkId))
    .where(inArray(t.projects.id, ids))
    .all();
}

type Row = ReturnType<typeof fetchRows>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "项目名称", value: (row) => row.name, width: 36 },
  { header: "投资方企业", value: (row) => row.companyName, width: 30 },
  { header: "统一社会信用代码", value: (row) => row.uscc, width: 22 },
  { header: "国别/地区", value: (row) => regionLabel(row.country) },
  { header: "项目类型", value: (row) => PROJECT_TYPE_LABELS[row.projectType] },
  { header: "线索来源", value: (row) => row.channelName },
  { header: "负责人", value: (row) => row.ownerName },
  { header: "负责单位", value: (row) => row.unitName, width: 24 },
  { header: "落地载体", value: (row) => row.parkName, width: 24 },
  { header: "总投资（万美元）", type: "wan", value: (row) => row.totalInvestmentUsd },
  { header: "合同外资（万美元）", type: "wan", value: (row) => row.contractedFdiUsd },
  { header: "固定资产投资（万元）", type: "wan", value: (row) => row.fixedAssetInvestmentCny },
  { header: "用地（亩）", type: "decimal", value: (row) => row.landMu },
  { header: "预计就业人数", type: "count", value: (row) => row.expectedJobs },
  { header: "优先级", value: (row) => PRIORITY_LABELS[row.priority] },
  { header: "线索日期", type: "date", value: (row) => row.enteredOn },
  { header: "当前阶段", value: (row) => STAGE_LABELS[row.stage] },
  { header: "阶段日期", type: "date", value: (row) => row.stageOn },
  { header: "签约日期", type: "date", value: (row) => row.signedOn },
  { header: "签约甄别", value: (row) => SIGNING_STATE_LABELS[signingState(row)] },
  { header: "项目状态", value: (row) => STATUS_LABELS[row.status] },
  { header: "下次跟进日期", type: "date", value: (row) => row.nextFollowUpOn },
  { header: "下次跟进事项", value: (row) => row.nextFollowUpItem, width: 30 },
  { header: "最近活动", type: "date", value: (row) => row.lastActivityOn },
  { header: "项目简介", value: (row) => row.description, width: 40 },
];

/** The filters in force, in words (names, not ids). */
function describe(filters: Omit<ProjectFilters, "page">): string[] {
  const parts: string[] = [];
  const nameOf = (table: typeof t.units | typeof t.channels | typeof t.parks, id: number | undefined) =>
    id ? (db().select({ name: table.name }).from(table).where(eq(table.id, id)).get()?.name ?? `#${id}`) : null;
  const figure = filters.figure ? describeFigureFilter(filters.figure) : null;
  if (figure) parts.push(`统计口径：${figure}`);
  if (filters.q) parts.push(`搜索：${filters.q}`);
  if (filters.stage) parts.push(`阶段：${STAGE_LABELS[filters.stage]}`);
  if (filters.status) parts.push(`项目状态：${STATUS_LABELS[filters.status]}`);
  if (filters.unitId) parts.push(`负责单位：${nameOf(t.units, filters.unitId)}`);
  if (filters.ownerId)
    parts.push(`负责人：${db().select({ name: t.users.displayName }).from(t.users).where(eq(t.users.id, filters.ownerId)).get()?.name ?? ""}`);
  if (filters.country) parts.push(`国别/地区：${regionLabel(filters.country)}`);
  if (filters.channelId) parts.push(`线索来源：${nameOf(t.channels, filters.channelId)}`);
  if (filters.parkId) parts.push(`落地载体：${nameOf(t.parks, filters.parkId)}`);
  if (filters.chainNodeId)
    parts.push(`产业链：${db().select({ name: t.chainNodes.name }).from(t.chainNodes).where(eq(t.chainNodes.id, filters.chainNodeId)).get()?.name ?? ""}`);
  if (filters.projectType) parts.push(`项目类型：${PROJECT_TYPE_LABELS[filters.projectType]}`);
  if (filters.signing) parts.push(`签约甄别：${filters.signing === "pending" ? "待甄别" : "已甄别"}`);
  if (filters.desk) parts.push(`工作台：${WORKBENCH_LIST_LABELS[filters.desk]}`);
  return parts;
}

export function exportProjects(actor: Actor, filters: Omit<ProjectFilters, "page">): ListExport<Row> {
  const where = projectConditions(actor, filters);
  const ids = db()
    .select({ id: t.projects.id })
    .from(t.projects)
    .innerJoin(t.companies, eq(t.companies.id, t.projects.companyId))
    .where(where)
    .orderBy(...projectOrder(filters.sort))
    .all()
    .map((row) => row.id);
  return {
    title: filters.figure && describeFigureFilter(filters.figure) ? "招商项目（统计明细）" : "招商项目",
    filters: describe(filters),
    columns: COLUMNS,
    chunks: chunksOf(ids, fetchRows),
  };
}

/** 导出Excel of a fixed set of projects (a park's pipeline, say), with the project list's columns. */
export function exportProjectList(title: string, filters: string[], ids: number[]): ListExport<Row> {
  return { title, filters, columns: COLUMNS, chunks: chunksOf(ids, fetchRows) };
}
