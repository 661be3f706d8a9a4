import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { enumParam } from "../lib/params";
import { formatTotal, pageFrom } from "../lib/paging";
import { INCENTIVE_TYPES, POLICY_LEVEL_LABELS, POLICY_LEVELS } from "../policies/labels";
import { listIssuers, listPolicies } from "../policies/policies.server";
import { FilterSelect } from "../ui/filter-select";
import { Pager } from "../ui/pager";

export const meta: MetaFunction = () => [{ title: "政策库 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const issuers = listIssuers();
  const page = listPolicies({
    q: params.get("q")?.slice(0, 100) || undefined,
    level: enumParam(params, "level", POLICY_LEVELS),
    issuer: enumParam(params, "issuer", issuers),
    status: enumParam(params, "status", ["valid", "expired"] as const),
    incentiveType: enumParam(params, "incentive", INCENTIVE_TYPES),
    page: pageFrom(params),
  });
  return json({
    ...page,
    issuers,
    canAdmin: can(user.role, "admin:system"),
    canSeeFlags: can(user.role, "view:cockpit") || can(user.role, "admin:system"),
  });
}

export default function Policies() {
  const { rows, page, hasNext, total, issuers, canAdmin, canSeeFlags } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <div className="page-head">
        <h1>政策库</h1>
        <div className="form-actions" style={{ marginTop: 0 }}>
          {canSeeFlags ? (
            <Link to="/policies/expiring" className="button secondary">
              政策依据失效/临期项目
            </Link>
          ) : null}
          {canAdmin ? (
            <Link to="/policies/new" className="button">
              新建政策
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="filters card" role="search">
        <div className="field">
          <label htmlFor="filter-q">标题或文号</label>
          <input id="filter-q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
        </div>
        <FilterSelect
          name="level"
          label="层级"
          value={params.get("level")}
          options={POLICY_LEVELS.map((level) => ({ value: level, label: POLICY_LEVEL_LABELS[level] }))}
        />
        <FilterSelect name="issuer" label="发文机关" value={params.get("issuer")} options={issuers.map((issuer) => ({ value: issuer, label: issuer }))} />
        <FilterSelect
          name="status"
          label="状态"
          value={params.get("status")}
          options={[
            { value: "valid", label: "有效" },
            { value: "expired", label: "失效" },
          ]}
        />
        <FilterSelect
          name="incentive"
          label="奖励类型"
          value={params.get("incentive")}
          options={INCENTIVE_TYPES.map((type) => ({ value: type, label: type }))}
        />
        <button type="submit" className="primary">
          查询
        </button>
        <Link to="/policies">清除条件</Link>
      </Form>
      <p className="muted">共 {formatTotal(total)} 件政策；失效日期已过或已废止的政策自动显示为失效。</p>
      {rows.length === 0 ? (
        <p className="muted">没有符合条件的政策</p>
      ) : (
        <table className="data cards" aria-label="政策">
          <thead>
            <tr>
              <th>标题</th>
              <th>文号</th>
              <th>发文机关</th>
              <th>层级</th>
              <th>有效期</th>
              <th>状态</th>
              <th className="num">条款数</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((policy) => (
              <tr key={policy.id}>
                <td>
                  <Link to={`/policies/${policy.id}`}>{policy.title}</Link>
                  {policy.isSample ? <span className="badge"> 示例</span> : null}
                </td>
                <td data-label="文号">{policy.docNumber ?? "—"}</td>
                <td data-label="发文机关">{policy.issuer ?? "—"}</td>
                <td data-label="层级">{POLICY_LEVEL_LABELS[policy.level]}</td>
                <td data-label="有效期">
                  {policy.effectiveFrom ?? "—"} 至 {policy.effectiveTo ?? "长期"}
                </td>
                <td data-label="状态">{policy.expired ? <span className="badge danger">失效</span> : <span className="badge verified">有效</span>}</td>
                <td data-label="条款数" className="num">
                  {policy.clauses}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} hasNext={hasNext} />
    </>
  );
}
