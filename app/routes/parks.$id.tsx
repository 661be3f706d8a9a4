import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditList } from "../audit/audit-list";
import { auditOnPage } from "../audit/audit-view.server";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { formatPercent } from "../figures/indicators";
import { load } from "../lib/http.server";
import { formatWan } from "../lib/money";
import { idParam } from "../lib/params";
import { LinkList } from "../ui/link-list";
import { PARK_KIND_LABELS } from "../parks/labels";
import { getPark, listParkAudit } from "../parks/parks.server";
import { ExportLink } from "../ui/export-link";
import { StageBadge, StagePipelineTable, StatusBadge } from "../ui/project-bits";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.park.name ?? "载体"} · 载体平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() =>
    json({
      ...getPark(user, id),
      audit: auditOnPage("park", new URL(request.url), (limit) => listParkAudit(id, limit)),
      canAdmin: can(user.role, "admin:system"),
    }),
  );
}

const area = (value: number | null) => (value == null ? "—" : value.toLocaleString("en-US"));

export default function ParkPage() {
  const { park, parent, children, focusChains, pipeline, byCountry, focusMatch, recent, audit, canAdmin } = useLoaderData<typeof loader>();
  const focusNames = park.focusCountries.map(regionLabel).join("、");
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/parks">载体平台</Link>
            {parent ? (
              <>
                {" › "}
                <Link to={`/parks/${parent.id}`}>{parent.name}</Link>
              </>
            ) : null}
          </p>
          <h1>
            {park.name} <span className="muted">{PARK_KIND_LABELS[park.kind]}</span>
          </h1>
        </div>
        {canAdmin ? (
          <div className="form-actions" style={{ marginTop: 0 }}>
            <Link to={`/parks/${park.id}/edit`} className="button secondary">
              编辑
            </Link>
          </div>
        ) : null}
      </div>

      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">概况</h2>
        <dl className="facts">
          <div>
            <dt>类型</dt>
            <dd>{PARK_KIND_LABELS[park.kind]}</dd>
          </div>
          <div>
            <dt>上级载体</dt>
            <dd>{parent ? <Link to={`/parks/${parent.id}`}>{parent.name}</Link> : "—"}</dd>
          </div>
          {children.length > 0 ? (
            <div>
              <dt>下级载体</dt>
              <dd>
                <LinkList items={children} to={(id) => `/parks/${id}`} />
              </dd>
            </div>
          ) : null}
          <div>
            <dt>重点国别</dt>
            <dd>{focusNames || "—"}</dd>
          </div>
          <div>
            <dt>重点产业链</dt>
            <dd>
              <LinkList items={focusChains} to={(id) => `/chains/${id}`} />
            </dd>
          </div>
          <div>
            <dt>可用土地（亩）</dt>
            <dd>{area(park.availableLandMu)}</dd>
          </div>
          <div>
            <dt>标准厂房（㎡）</dt>
            <dd>{area(park.standardFactorySqm)}</dd>
          </div>
          <div>
            <dt>定制厂房（㎡）</dt>
            <dd>{area(park.customFactorySqm)}</dd>
          </div>
        </dl>
        {park.description ? <p>{park.description}</p> : null}
      </section>

      {focusMatch ? (
        <section className="card" aria-labelledby="focus-title">
          <h2 id="focus-title">重点国别匹配</h2>
          <table className="data" aria-label="重点国别匹配">
            <thead>
              <tr>
                <th></th>
                <th className="num">项目数</th>
                <th className="num">总投资（万美元）</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">重点国别项目（{focusNames}）</th>
                <td className="num">{focusMatch.focus.projects}</td>
                <td className="num">{formatWan(focusMatch.focus.totalInvestmentUsd)}</td>
              </tr>
              <tr>
                <th scope="row">其他国别项目</th>
                <td className="num">{focusMatch.others.projects}</td>
                <td className="num">{formatWan(focusMatch.others.totalInvestmentUsd)}</td>
              </tr>
            </tbody>
          </table>
          <p>
            重点国别项目占比：<strong>{formatPercent(focusMatch.share)}</strong>
          </p>
        </section>
      ) : null}

      <div className="columns">
        <section className="card" aria-labelledby="stage-title">
          <h2 id="stage-title">项目储备（按阶段）</h2>
          <StagePipelineTable label="按阶段" rows={pipeline} />
          <p className="list-summary">
            <span className="muted">进行中、暂缓的项目，含下级载体；已签约尚未甄别的项目计入「签约（待甄别）」。</span>
            <ExportLink to={`/parks/${park.id}/export`} label="导出Excel（项目明细）" />
          </p>
        </section>
        <section className="card" aria-labelledby="country-title">
          <h2 id="country-title">项目储备（按国别/地区）</h2>
          {byCountry.length === 0 ? (
            <p className="muted">暂无项目</p>
          ) : (
            <table className="data" aria-label="按国别/地区">
              <thead>
                <tr>
                  <th>国别/地区</th>
                  <th className="num">项目数</th>
                  <th className="num">总投资（万美元）</th>
                </tr>
              </thead>
              <tbody>
                {byCountry.map((row) => (
                  <tr key={row.country}>
                    <th scope="row">{regionLabel(row.country)}</th>
                    <td className="num">{row.projects}</td>
                    <td className="num">{formatWan(row.totalInvestmentUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="recent-title">
        <h2 id="recent-title">最近更新的项目</h2>
        {recent.length === 0 ? (
          <p className="muted">暂无项目</p>
        ) : (
          <table className="data cards" aria-label="最近更新的项目">
            <thead>
              <tr>
                <th>项目名称</th>
                <th>投资方企业</th>
                <th>国别/地区</th>
                {children.length > 0 ? <th>落地载体</th> : null}
                <th>阶段</th>
                <th>项目状态</th>
                <th className="num">总投资（万美元）</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((project) => (
                <tr key={project.id}>
                  <td>
                    <a href={`/projects/${project.id}`}>{project.name}</a>
                  </td>
                  <td data-label="投资方企业" className="card-sub">
                    {project.companyName}
                  </td>
                  <td data-label="国别/地区">{regionLabel(project.country)}</td>
                  {children.length > 0 ? <td data-label="落地载体">{project.parkName}</td> : null}
                  <td data-label="阶段" className="card-inline">
                    <StageBadge stage={project.stage} signedOn={project.signedOn} signingVerifiedAt={project.signingVerifiedAt} />
                  </td>
                  <td data-label="项目状态" className="card-inline">
                    <StatusBadge status={project.status} />
                  </td>
                  <td data-label="总投资（万美元）" className="num">
                    {formatWan(project.totalInvestmentUsd)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href={`/projects?park=${park.id}`}>查看全部</a>
          {children.length > 0 ? <span className="muted">（落地载体为本载体的项目，下级载体的项目在其页面查看）</span> : null}
        </p>
      </section>

      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">变更记录</h2>
        <AuditList rows={audit.rows} olderHref={audit.olderHref} />
      </section>
    </>
  );
}
