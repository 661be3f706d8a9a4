import { Form, Link, useSearchParams } from "@remix-run/react";
import { REGIONS } from "../companies/regions";
import { PROJECT_TYPE_LABELS, PROJECT_TYPES, STAGE_LABELS, STAGES, STATUS_LABELS, STATUSES } from "../projects/stages";
import { FilterSelect } from "./filter-select";

/** The drill-down of a cockpit figure or 工作台 list stays on while the other filters change; on the list, so do the sort and page size. */
const KEPT_PARAMS = ["cohort", "reached", "signed", "big", "f500", "desk", "sort", "dir", "size"] as const;

export interface ProjectFilterChoices {
  owners: readonly { id: number; displayName: string }[];
  units: readonly { id: number; name: string }[];
  channels: readonly { id: number; name: string }[];
  parks: readonly { id: number; name: string }[];
  chainNodes: readonly { id: number; label: string }[];
}

/** The filters of 招商项目, shared by the 列表 and the 看板 (both read them with projectFiltersFrom). */
export function ProjectFilterForm({ choices, clearTo }: { choices: ProjectFilterChoices; clearTo: string }) {
  const [params] = useSearchParams();
  return (
    <Form method="get" className="filters card" role="search">
      {KEPT_PARAMS.map((name) => (params.get(name) ? <input key={name} type="hidden" name={name} value={params.get(name) ?? ""} /> : null))}
      <div className="field">
        <label htmlFor="filter-q">搜索项目或企业</label>
        <input id="filter-q" name="q" type="search" defaultValue={params.get("q") ?? ""} placeholder="项目名称、投资方企业名称" />
      </div>
      <FilterSelect name="stage" label="阶段" options={STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))} value={params.get("stage")} />
      <FilterSelect
        name="status"
        label="项目状态"
        options={STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
        value={params.get("status")}
      />
      <FilterSelect name="unit" label="负责单位" options={choices.units.map((unit) => ({ value: unit.id, label: unit.name }))} value={params.get("unit")} />
      <FilterSelect
        name="owner"
        label="负责人"
        options={choices.owners.map((owner) => ({ value: owner.id, label: owner.displayName }))}
        value={params.get("owner")}
      />
      <FilterSelect name="country" label="国别/地区" options={REGIONS.map(([code, label]) => ({ value: code, label }))} value={params.get("country")} />
      <FilterSelect
        name="channel"
        label="线索来源"
        options={choices.channels.map((channel) => ({ value: channel.id, label: channel.name }))}
        value={params.get("channel")}
      />
      <FilterSelect name="park" label="落地载体" options={choices.parks.map((park) => ({ value: park.id, label: park.name }))} value={params.get("park")} />
      <FilterSelect
        name="chain"
        label="产业链"
        options={choices.chainNodes.map((node) => ({ value: node.id, label: node.label }))}
        value={params.get("chain")}
      />
      <FilterSelect
        name="type"
        label="项目类型"
        options={PROJECT_TYPES.map((type) => ({ value: type, label: PROJECT_TYPE_LABELS[type] }))}
        value={params.get("type")}
      />
      <FilterSelect
        name="signing"
        label="签约甄别"
        options={[
          { value: "pending", label: "待甄别" },
          { value: "verified", label: "已甄别" },
        ]}
        value={params.get("signing")}
      />
      <button type="submit" className="primary">
        查询
      </button>
      <Link to={clearTo}>清除条件</Link>
    </Form>
  );
}
