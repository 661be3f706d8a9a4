import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../auth/session.server";
import { CommitmentStatusBadge, OverdueBadge } from "../commitments/commitment-bits";
import {
  COMMITMENT_SORT_COLUMNS,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_STATUSES,
  commitmentFiltersFrom,
  DUE_WINDOW_LABELS,
  DUE_WINDOWS,
} from "../commitments/commitment-rules";
import {
  findProjectName,
  listCommitmentFilterChoices,
  listCommitments,
  listOverdueCommitments,
  summarizeOverdueCommitments,
} from "../commitments/commitments.server";
import { formatAmount, formatWan } from "../lib/money";
import { useClientLinks } from "../ui/client-links";
import { ExportLink } from "../ui/export-link";
import { ListTotal, Pager } from "../ui/pager";
import { SortChoices, SortHeader } from "../ui/sort-header";
import { FilterSelect } from "../ui/filter-select";

export const meta: MetaFunction = () => [{ title: "政策兑现 · 招商引资管理系统" }];

const OVERDUE_SHOWN = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const filters = commitmentFiltersFrom(params);
  const projectId = filters.projectId;
  const list = listCommitments(user, filters);
  return json({
    ...list,
    sort: filters.sort,
    overdue: listOverdueCommitments(user, OVERDUE_SHOWN),
    overdueSummary: summarizeOverdueCommitments(user),
    projectName: projectId ? findProjectName(user, projectId) : null,
    mine: Boolean(filters.mine),
    ...listCommitmentFilterChoices(),
  });
}

function Kpi({ title, value, note }: { title: string; value: number; note?: string }) {
  return (
    <section className="card kpi" aria-label={title}>
      <h3>{title}</h3>
      <p className="kpi-value">{formatAmount(value, "元")}</p>
      {note ? (
        <p className="muted" style={{ margin: 0 }}>
          {note}
        </p>
      ) : null}
    </section>
  );
}

export default function Commitments() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const followLink = useClientLinks();
  const { totals } = data;
  return (
    <>
      <div className="page-head">
        <h1>政策兑现</h1>
      </div>

      <div className="kpi-grid">
        <Kpi
          title="承诺总额"
          value={totals.promisedCny}
          note={totals.proposedCny > 0 ? `另有拟承诺 ${formatAmount(totals.proposedCny, "元")}` : "已承诺、条件已达成、已兑现"}
        />
        <Kpi title="已兑现" value={totals.paidCny} />
        <Kpi title="未兑现" value={totals.outstandingCny} />
      </div>

      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">逾期未兑现</h2>
        {data.overdueSummary.count === 0 ? (
          <p className="muted">没有逾期未兑现的承诺</p>
        ) : (
          <>
            <p>
              共 <strong>{data.overdueSummary.count}</strong> 项，未兑现 <strong>{formatAmount(data.overdueSummary.outstandingCny, "元")}</strong>
              {data.overdueSummary.count > data.overdue.length ? (
                <>
                  {"，"}
                  <Link to="/commitments?window=overdue">查看全部</Link>
                </>
              ) : null}
            </p>
            {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
            <table className="data cards" aria-label="逾期未兑现" onClick={followLink}>
              <thead>
                <tr>
                  <th>项目</th>
                  <th>承诺事项</th>
                  <th className="num">未兑现（万元）</th>
                  <th>约定兑现日期</th>
                  <th>逾期</th>
                  <th>负责人</th>
                </tr>
              </thead>
              <tbody>
                {data.overdue.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <a href={`/projects/${row.projectId}`}>{row.projectName}</a>
                    </td>
                    <td data-label="承诺事项">
                      <a href={`/commitments/${row.id}`}>{row.item}</a>
                    </td>
                    <td data-label="未兑现（万元）" className="num">
                      {formatWan(row.outstandingCny)}
                    </td>
                    <td data-label="约定兑现日期">{row.dueOn}</td>
                    <td data-label="逾期">
                      <span className="badge danger">逾期 {-row.daysUntilDue} 天</span>
                    </td>
                    <td data-label="负责人">{row.ownerName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {data.projectName ? (
        <p className="notice" role="note">
          项目：{data.projectName}。<Link to="/commitments">查看全部承诺</Link>
        </p>
      ) : null}
      {data.mine ? (
        <p className="notice" role="note">
          范围：我负责或参与的项目。<Link to="/commitments">查看全部承诺</Link>
        </p>
      ) : null}
      <Form method="get" className="filters card" role="search">
        {["project", "mine", "sort", "dir", "size"].map((name) =>
          params.get(name) ? <input key={name} type="hidden" name={name} value={params.get(name) ?? ""} /> : null,
        )}
        <FilterSelect
          name="status"
          label="状态"
          options={[
            { value: "open", label: "未完结（拟承诺、已承诺、条件已达成）" },
            ...COMMITMENT_STATUSES.map((status) => ({ value: status, label: COMMITMENT_STATUS_LABELS[status] })),
          ]}
          value={params.get("status")}
        />
        <FilterSelect
          name="window"
          label="到期"
          options={DUE_WINDOWS.map((window) => ({ value: window, label: DUE_WINDOW_LABELS[window] }))}
          value={params.get("window")}
        />
        <FilterSelect
          name="policy"
          label="政策"
          options={data.policies.map((policy) => ({ value: policy.id, label: `《${policy.title}》` }))}
          value={params.get("policy")}
        />
        <FilterSelect name="unit" label="负责单位" options={data.units.map((unit) => ({ value: unit.id, label: unit.name }))} value={params.get("unit")} />
        <button type="submit" className="primary">
          查询
        </button>
        <Link to="/commitments">清除条件</Link>
      </Form>

      <p className="list-summary">
        <span>
          <ListTotal total={data.total} />
          {data.sort.key === "urgent" ? <span className="muted">（逾期的排在最前，其余按约定兑现日期）</span> : null}
        </span>
        <ExportLink to="/commitments/export" />
      </p>
      {data.rows.length === 0 ? (
        <p className="muted">没有符合条件的承诺</p>
      ) : (
        <>
          <SortChoices
            sort={data.sort}
            choices={[
              { name: "urgent", label: "逾期优先", firstDir: COMMITMENT_SORT_COLUMNS.urgent },
              { name: "amount", label: "承诺金额", firstDir: COMMITMENT_SORT_COLUMNS.amount },
              { name: "dueOn", label: "约定兑现日期", firstDir: COMMITMENT_SORT_COLUMNS.dueOn },
            ]}
          />
          {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
          <table className="data cards" aria-label="承诺清单" onClick={followLink}>
            <thead>
              <tr>
                <th>项目</th>
                <th>政策条款</th>
                <th>承诺事项</th>
                <SortHeader name="amount" label="承诺金额（万元）" sort={data.sort} firstDir={COMMITMENT_SORT_COLUMNS.amount} className="num" />
                <th className="num">已兑现（万元）</th>
                <SortHeader name="dueOn" label="约定兑现日期" sort={data.sort} firstDir={COMMITMENT_SORT_COLUMNS.dueOn} />
                <th>状态</th>
                <th>逾期</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <a href={`/projects/${row.projectId}`}>{row.projectName}</a>
                  </td>
                  <td data-label="政策条款">{row.clauseLabel}</td>
                  <td data-label="承诺事项">
                    <a href={`/commitments/${row.id}`}>{row.item}</a>
                  </td>
                  <td data-label="承诺金额（万元）" className="num">
                    {formatWan(row.amountCny)}
                  </td>
                  <td data-label="已兑现（万元）" className="num">
                    {formatWan(row.paidCny)}
                  </td>
                  <td data-label="约定兑现日期">{row.dueOn}</td>
                  <td data-label="状态">
                    <CommitmentStatusBadge status={row.status} />
                  </td>
                  <td data-label="逾期">
                    <OverdueBadge overdue={row.overdue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pager page={data.page} hasNext={data.hasNext} total={data.total} pageSize={data.pageSize} />
    </>
  );
}
