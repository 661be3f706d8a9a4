import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { REGIONS } from "../companies/regions";
import { listChainFilterChoices } from "../chains/chains.server";
import { describeFigureFilter, parseFigureFilter } from "../figures/figure-filters";
import { formatTotal } from "../lib/paging";
import { PROJECT_SORTS, projectFiltersFrom } from "../projects/listing";
import { listProjectFilterChoices, listProjects } from "../projects/projects.server";
import { PROJECT_TYPE_LABELS, PROJECT_TYPES, STAGE_LABELS, STAGES, STATUS_LABELS, STATUSES } from "../projects/stages";
import { FilterSelect } from "../ui/filter-select";
import { ExportLink } from "../ui/export-link";
import { Pager } from "../ui/pager";
import { ProjectTable } from "../ui/project-bits";

export const meta: MetaFunction = () => [{ title: "招商项目 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const page = listProjects(user, projectFiltersFrom(params));
  const { owners, units, channels, parks } = listProjectFilterChoices();
  const chainNodes = listChainFilterChoices();
  const figure = describeFigureFilter(parseFigureFilter(params));
  return json({ ...page, owners, units, channels, parks, chainNodes, figure, canCreate: can(user.role, "create:project") });
}

/** The drill-down of a cockpit figure stays on while the other filters change. */
const FIGURE_PARAMS = ["cohort", "reached", "signed", "big", "f500"] as const;

export default function Projects() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <div className="page-head">
        <h1>招商项目</h1>
        {data.canCreate ? (
          <Link to="/projects/new" className="button">
            新建项目
          </Link>
        ) : null}
      </div>
      {data.figure ? (
        <p className="notice" role="note">
          统计口径：{data.figure}。<Link to="/projects">查看全部项目</Link>
        </p>
      ) : null}
      <Form method="get" className="filters card" role="search">
        {FIGURE_PARAMS.map((name) =>
          params.get(name) ? <input key={name} type="hidden" name={name} value={params.get(name) ?? ""} /> : null,
        )}
        <div className="field">
          <label htmlFor="filter-q">项目名称</label>
          <input id="filter-q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
        </div>
        <FilterSelect name="stage" label="阶段" options={STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))} value={params.get("stage")} />
        <FilterSelect name="status" label="项目状态" options={STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))} value={params.get("status")} />
        <FilterSelect name="unit" label="负责单位" options={data.units.map((unit) => ({ value: unit.id, label: unit.name }))} value={params.get("unit")} />
        <FilterSelect name="owner" label="负责人" options={data.owners.map((owner) => ({ value: owner.id, label: owner.displayName }))} value={params.get("owner")} />
        <FilterSelect name="country" label="国别/地区" options={REGIONS.map(([code, label]) => ({ value: code, label }))} value={params.get("country")} />
        <FilterSelect name="channel" label="线索来源" options={data.channels.map((channel) => ({ value: channel.id, label: channel.name }))} value={params.get("channel")} />
        <FilterSelect name="park" label="落地载体" options={data.parks.map((park) => ({ value: park.id, label: park.name }))} value={params.get("park")} />
        <FilterSelect name="chain" label="产业链" options={data.chainNodes.map((node) => ({ value: node.id, label: node.label }))} value={params.get("chain")} />
        <FilterSelect name="type" label="项目类型" options={PROJECT_TYPES.map((type) => ({ value: type, label: PROJECT_TYPE_LABELS[type] }))} value={params.get("type")} />
        <FilterSelect name="signing" label="签约甄别" options={[{ value: "pending", label: "待甄别" }, { value: "verified", label: "已甄别" }]} value={params.get("signing")} />
        <div className="field">
          <label htmlFor="filter-sort">排序</label>
          <select id="filter-sort" name="sort" defaultValue={params.get("sort") ?? "updated"}>
            {Object.entries(PROJECT_SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          查询
        </button>
        <Link to="/projects">清除条件</Link>
      </Form>
      <p className="list-summary">
        <span className="muted">共 {formatTotal(data.total)} 个项目</span>
        <ExportLink to="/projects/export" />
      </p>
      <ProjectTable rows={data.rows} columns={["company", "country", "stage", "status", "investment", "owner", "unit", "followUp"]} empty="没有符合条件的项目" />
      <Pager page={data.page} hasNext={data.hasNext} />
    </>
  );
}
