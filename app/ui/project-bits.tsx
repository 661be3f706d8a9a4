import { regionLabel } from "../companies/regions";
import { formatWan } from "../lib/money";
import { signingState, STAGE_LABELS, STATUS_LABELS, type Stage, type Status } from "../projects/stages";
import type { Sort } from "../lib/sorting";
import { PROJECT_SORT_COLUMNS } from "../projects/listing";
import { useClientLinks } from "./client-links";
import { SortChoices, SortHeader, type SortChoice } from "./sort-header";

export function StageBadge({
  stage,
  signedOn,
  signingVerifiedAt,
  signingReturnedAt,
}: {
  stage: Stage;
  signedOn: string | null;
  signingVerifiedAt: number | null;
  signingReturnedAt?: number | null;
}) {
  const state = signingState({ signedOn, signingVerifiedAt, signingReturnedAt });
  return (
    <span className="stage">
      <span className="badge">{STAGE_LABELS[stage]}</span>
      {state === "pending" ? <span className="badge pending"> 待甄别</span> : null}
      {state === "returned" ? <span className="badge danger"> 甄别退回</span> : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const tone = status === "lost" || status === "abandoned" ? " danger" : "";
  return <span className={`badge${tone}`}>{STATUS_LABELS[status]}</span>;
}

export interface ProjectRow {
  id: number;
  name: string;
  companyName: string;
  country: string;
  stage: Stage;
  status: Status;
  totalInvestmentUsd: number;
  contractedFdiUsd?: number;
  ownerName: string;
  unitName: string;
  signedOn: string | null;
  signingVerifiedAt: number | null;
  signingReturnedAt?: number | null;
  signingReturnReason?: string | null;
  nextFollowUpOn: string | null;
  nextFollowUpItem: string | null;
  lastActivityOn: string;
}

export type ProjectColumn =
  "company" | "country" | "stage" | "status" | "investment" | "contractedFdi" | "owner" | "unit" | "followUp" | "lastActivity" | "signedOn" | "returnReason";
type Column = ProjectColumn;

/** The row fields each column shows; every row shows its id and name. */
const COLUMN_FIELDS = {
  company: ["companyName"],
  country: ["country"],
  stage: ["stage", "signedOn", "signingVerifiedAt", "signingReturnedAt"],
  status: ["status"],
  investment: ["totalInvestmentUsd"],
  contractedFdi: ["contractedFdiUsd"],
  owner: ["ownerName"],
  unit: ["unitName"],
  followUp: ["nextFollowUpOn", "nextFollowUpItem"],
  lastActivity: ["lastActivityOn"],
  signedOn: ["signedOn"],
  returnReason: ["signingReturnReason"],
} as const satisfies Record<Column, readonly (keyof ProjectRow)[]>;

/** What a ProjectTable with these columns reads of a row. */
export type ProjectRowFor<C extends Column> = Pick<ProjectRow, "id" | "name" | (typeof COLUMN_FIELDS)[C][number]>;

/** The fields of `row` that a ProjectTable with `columns` shows: what a loader sends of a short list. */
export function projectRowFor<C extends Column>(row: ProjectRow, columns: readonly C[]): ProjectRowFor<C> {
  const shown: Record<string, unknown> = { id: row.id, name: row.name };
  for (const column of columns) for (const field of COLUMN_FIELDS[column]) shown[field] = row[field];
  return shown as ProjectRowFor<C>;
}

type SortKey = keyof typeof PROJECT_SORT_COLUMNS;

/**
 * Projects as a table. With `sort` (the project list) the headers of sortable columns sort it;
 * without (工作台 and other short lists) they are plain.
 */
export function ProjectTable<C extends Column>({
  rows,
  columns,
  empty = "暂无项目",
  sort,
  label,
}: {
  rows: readonly ProjectRowFor<C>[];
  columns: readonly C[];
  empty?: string;
  sort?: Sort<SortKey>;
  label?: string;
}) {
  const followLink = useClientLinks();
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  const has = (column: Column) => (columns as readonly Column[]).includes(column);
  const head = (key: SortKey, text: string, className?: string) =>
    sort ? (
      <SortHeader name={key} label={text} sort={sort} firstDir={PROJECT_SORT_COLUMNS[key]} className={className} />
    ) : (
      <th className={className}>{text}</th>
    );
  // the phone's sort links: the sortable columns shown, and the default order
  const sortChoices: SortChoice[] = (
    [
      ["updated", "最近更新", true],
      ["name", "项目名称", true],
      ["stage", "阶段", has("stage")],
      ["investment", "总投资", has("investment")],
      ["contractedFdi", "合同外资", has("contractedFdi")],
      ["signedOn", "签约日期", has("signedOn")],
      ["followUp", "下次跟进", has("followUp")],
    ] as const
  )
    .filter(([, , shown]) => shown)
    .map(([name, text]) => ({ name, label: text, firstDir: PROJECT_SORT_COLUMNS[name] }));
  return (
    <>
      {sort ? <SortChoices choices={sortChoices} sort={sort} /> : null}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
      <table className="data cards" onClick={followLink} aria-label={label}>
        <thead>
          <tr>
            {head("name", "项目名称")}
            {has("company") ? <th>投资方企业</th> : null}
            {has("country") ? <th>国别/地区</th> : null}
            {has("stage") ? head("stage", "阶段") : null}
            {has("status") ? <th>项目状态</th> : null}
            {has("investment") ? head("investment", "总投资（万美元）", "num") : null}
            {has("contractedFdi") ? head("contractedFdi", "合同外资（万美元）", "num") : null}
            {has("owner") ? <th>负责人</th> : null}
            {has("unit") ? <th>负责单位</th> : null}
            {has("signedOn") ? head("signedOn", "签约日期") : null}
            {has("followUp") ? head("followUp", "下次跟进") : null}
            {has("lastActivity") ? <th>最近活动</th> : null}
            {has("returnReason") ? <th>退回原因</th> : null}
          </tr>
        </thead>
        <tbody>
          {(rows as readonly ProjectRow[]).map((row) => (
            // each cell reads only the fields of its column (COLUMN_FIELDS), shown only when the column is
            <tr key={row.id}>
              <td>
                <a href={`/projects/${row.id}`}>{row.name}</a>
              </td>
              {has("company") ? (
                <td data-label="投资方企业" className="card-sub">
                  {row.companyName}
                </td>
              ) : null}
              {has("country") ? (
                <td data-label="国别/地区" className="card-hide">
                  {regionLabel(row.country)}
                </td>
              ) : null}
              {has("stage") ? (
                <td data-label="阶段" className="card-inline">
                  <StageBadge stage={row.stage} signedOn={row.signedOn} signingVerifiedAt={row.signingVerifiedAt} signingReturnedAt={row.signingReturnedAt} />
                </td>
              ) : null}
              {has("status") ? (
                <td data-label="项目状态" className="card-inline">
                  <StatusBadge status={row.status} />
                </td>
              ) : null}
              {has("investment") ? (
                <td className="num" data-label="总投资（万美元）">
                  {formatWan(row.totalInvestmentUsd)}
                </td>
              ) : null}
              {has("contractedFdi") ? (
                <td className="num" data-label="合同外资（万美元）">
                  {row.contractedFdiUsd === undefined ? "—" : formatWan(row.contractedFdiUsd)}
                </td>
              ) : null}
              {has("owner") ? <td data-label="负责人">{row.ownerName}</td> : null}
              {has("unit") ? (
                <td data-label="负责单位" className="card-hide">
                  {row.unitName}
                </td>
              ) : null}
              {has("signedOn") ? <td data-label="签约日期">{row.signedOn ?? "—"}</td> : null}
              {has("followUp") ? (
                <td data-label="下次跟进">
                  {row.nextFollowUpOn ?? "—"}
                  {row.nextFollowUpItem ? <div className="muted">{row.nextFollowUpItem}</div> : null}
                </td>
              ) : null}
              {has("lastActivity") ? (
                <td data-label="最近活动" className="card-hide">
                  {row.lastActivityOn}
                </td>
              ) : null}
              {has("returnReason") ? <td data-label="退回原因">{row.signingReturnReason ?? ""}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * 项目储备 by the snapshot's rows (线索 … 投产, with 签约（待甄别）): count and 总投资 per row with a 合计
 * row; counts link to their list when `listOf` is given. The rows and their labels come from the
 * figures' vocabulary (PIPELINE_ROWS, PIPELINE_ROW_LABELS), passed in by the loader.
 */
export function StagePipelineTable<Row extends string>({
  label,
  rows,
  listOf,
}: {
  label: string;
  rows: readonly { row: Row; label: string; projects: number; totalInvestmentUsd: number }[];
  listOf?: (row: Row) => string;
}) {
  const projects = rows.reduce((sum, row) => sum + row.projects, 0);
  const investment = rows.reduce((sum, row) => sum + row.totalInvestmentUsd, 0);
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th>阶段</th>
          <th className="num">项目数</th>
          <th className="num">总投资（万美元）</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.row}>
            <th scope="row">{row.label}</th>
            <td className="num">{listOf && row.projects > 0 ? <a href={listOf(row.row)}>{row.projects}</a> : row.projects}</td>
            <td className="num">{formatWan(row.totalInvestmentUsd)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">合计</th>
          <td className="num">{projects}</td>
          <td className="num">{formatWan(investment)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
