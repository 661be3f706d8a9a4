import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { formatDateTime } from "../lib/dates";
import { formatTotal, pageFrom } from "../lib/paging";
import { OPERATION_KIND_CODES, operationKindLabel } from "../operations/operation-kinds";
import { listOperations, operationFiltersFrom, operationUserChoices } from "../operations/operation-log.server";
import { ExportLink } from "../ui/export-link";
import { FilterSelect } from "../ui/filter-select";
import { Pager } from "../ui/pager";

export const meta: MetaFunction = () => [{ title: "操作日志 · 系统管理" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const params = new URL(request.url).searchParams;
  const filters = operationFiltersFrom(params);
  return json({ filters, page: listOperations(user, filters, pageFrom(params)), users: operationUserChoices(user) });
}

export default function OperationLog() {
  const { filters, page, users } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="log-title">
      <div className="page-head">
        <h2 id="log-title">操作日志</h2>
        <ExportLink to="/admin/log/export" />
      </div>
      <p className="muted">登录、用户与权限变更、导入、导出、备份与恢复、甄别。各条记录自身的修改见其页面的变更记录。</p>
      <Form method="get" className="filters">
        <FilterSelect name="user" label="用户" options={users.map((user) => ({ value: user.id, label: user.label }))} value={filters.userId} />
        <FilterSelect
          name="kind"
          label="类别"
          options={OPERATION_KIND_CODES.map((kind) => ({ value: kind, label: operationKindLabel(kind) }))}
          value={filters.kind}
        />
        <div className="field">
          <label htmlFor="filter-from">起始日期</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">截止日期</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="form-actions">
          <button type="submit" className="secondary">
            筛选
          </button>
        </div>
      </Form>
      <p className="muted">共 {formatTotal(page.total)} 条</p>
      <table className="data cards" aria-label="操作日志">
        <thead>
          <tr>
            <th>时间</th>
            <th>类别</th>
            <th>用户</th>
            <th>内容</th>
            <th>地址</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id}>
              <td>{formatDateTime(row.at)}</td>
              <td data-label="类别">{operationKindLabel(row.kind)}</td>
              <td data-label="用户">{row.displayName ? `${row.displayName}（${row.username}）` : (row.username ?? "系统")}</td>
              <td data-label="内容">{row.summary}</td>
              <td data-label="地址">{row.address ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.rows.length === 0 ? <p className="muted">没有符合条件的记录</p> : null}
      <Pager page={page.page} hasNext={page.hasNext} />
    </section>
  );
}
