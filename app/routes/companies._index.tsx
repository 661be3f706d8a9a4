import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/session.server";
import { listCompanies } from "../companies/companies.server";
import { COMPANY_SORT_COLUMNS, companyFiltersFrom } from "../companies/listing";
import { REGIONS, regionLabel } from "../companies/regions";
import { useClientLinks } from "../ui/client-links";
import { ExportLink } from "../ui/export-link";
import { ListTotal, Pager } from "../ui/pager";
import { SortChoices, SortHeader } from "../ui/sort-header";

export const meta: MetaFunction = () => [{ title: "企业库 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = new URL(request.url).searchParams;
  const filters = companyFiltersFrom(params);
  return json({ ...listCompanies(filters), sort: filters.sort });
}

/** The sort and page size stay on while the filters change. */
const KEPT_PARAMS = ["sort", "dir", "size"] as const;

export default function Companies() {
  const { rows, page, pageSize, hasNext, total, sort } = useLoaderData<typeof loader>();
  const followLink = useClientLinks();
  const [params] = useSearchParams();
  return (
    <>
      <div className="page-head">
        <h1>企业库</h1>
        <Link to="/companies/new" className="button">
          新建企业
        </Link>
      </div>
      <Form method="get" className="filters card" role="search">
        {KEPT_PARAMS.map((name) => (params.get(name) ? <input key={name} type="hidden" name={name} value={params.get(name) ?? ""} /> : null))}
        <div className="field">
          <label htmlFor="q">搜索企业</label>
          <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} placeholder="中文名称或外文名称" />
        </div>
        <div className="field">
          <label htmlFor="country">国别/地区</label>
          <select id="country" name="country" defaultValue={params.get("country") ?? ""}>
            <option value="">全部</option>
            {REGIONS.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id="fortune500" name="fortune500" type="checkbox" value="1" defaultChecked={params.get("fortune500") === "1"} />
          <label htmlFor="fortune500">世界500强</label>
        </div>
        <div className="field checkbox">
          <input id="chainLeader" name="chainLeader" type="checkbox" value="1" defaultChecked={params.get("chainLeader") === "1"} />
          <label htmlFor="chainLeader">链主企业</label>
        </div>
        <div className="field checkbox">
          <input id="existing" name="existing" type="checkbox" value="1" defaultChecked={params.get("existing") === "1"} />
          <label htmlFor="existing">存量外资企业</label>
        </div>
        <button type="submit" className="primary">
          查询
        </button>
      </Form>
      <p className="list-summary">
        <ListTotal total={total} />
        <ExportLink to="/companies/export" />
      </p>
      <SortChoices
        sort={sort}
        choices={[
          { name: "updated", label: "最近更新", firstDir: COMPANY_SORT_COLUMNS.updated },
          { name: "name", label: "企业名称", firstDir: COMPANY_SORT_COLUMNS.name },
          { name: "country", label: "国别/地区", firstDir: COMPANY_SORT_COLUMNS.country },
        ]}
      />
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
      <table className="data cards" onClick={followLink} aria-label="企业列表">
        <thead>
          <tr>
            <SortHeader name="name" label="企业名称" sort={sort} firstDir={COMPANY_SORT_COLUMNS.name} />
            <th>外文名称</th>
            <SortHeader name="country" label="国别/地区" sort={sort} firstDir={COMPANY_SORT_COLUMNS.country} />
            <th>所在城市</th>
            <th>所属行业</th>
            <th>标签</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={`/companies/${row.id}`}>{row.name}</a>
              </td>
              <td data-label="外文名称" className="card-sub">
                {row.foreignName ?? ""}
              </td>
              <td data-label="国别/地区">{regionLabel(row.country)}</td>
              <td data-label="所在城市">{row.city ?? ""}</td>
              <td data-label="所属行业">{row.industry ?? ""}</td>
              <td data-label="标签">
                {row.isFortune500 ? <span className="badge">世界500强</span> : null} {row.isChainLeader ? <span className="badge">链主企业</span> : null}{" "}
                {row.isExistingInvestor ? <span className="badge">存量外资</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted">没有符合条件的企业</p> : null}
      <Pager page={page} hasNext={hasNext} total={total} pageSize={pageSize} />
    </>
  );
}
