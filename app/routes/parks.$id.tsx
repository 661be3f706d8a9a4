import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { formatPercent } from "../figures/indicators";
import { load } from "../lib/http.server";
import { formatWan } from "../lib/money";
import { idParam } from "../lib/params";
import { PARK_KIND_LABELS } from "../parks/labels";
import { getPark } from "../parks/parks.server";
import { STAGE_LABELS } from "../projects/stages";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.park.name ?? "载体"} · 载体平台` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => json({ ...getPark(user, id), canAdmin: can(user.role, "admin:system") }));
}

const area = (value: number | null) => (value == null ? "—" : value.toLocaleString("en-US"));

export default function ParkPage() {
  const { park, parent, children, focusChains, pipeline, byCountry, focusMatch, recent, canAdmin } = useLoaderData<typeof loader>();
  const total = pipeline.reduce((sum, row) => sum + row.projects, 0);
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
        <div className="form-actions" style={{ marginTop: 0 }}>
          <Link to={`/projects?park=${park.id}`} className="button secondary">
            查看项目
          </Link>
          {canAdmin ? (
            <Link to={`/parks/${park.id}/edit`} className="button secondary">
              编辑
            </Link>
          ) : null}
        </div>
      </div>

      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">概况</h2>
        <dl className="facts">
          <div><dt>重点国别</dt><dd>{park.focusCountries.map(regionLabel).join("、") || "—"}</dd></div>
          <div>
            <dt>重点产业链</dt>
            <dd>
              {focusChains.length === 0
                ? "—"
                : focusChains.map((chain, i) => (
                    <span key={chain.id}>
                      {i > 0 ? "、" : ""}
                      <Link to={`/chains/${chain.id}`}>{chain.name}</Link>
                    </span>
                  ))}
            </dd>
          </div>
          <div><dt>可用土地（亩）</dt><dd>{area(park.availableLandMu)}</dd></div>
          <div><dt>标准厂房（㎡）</dt><dd>{area(park.standardFactorySqm)}</dd></div>
          <div><dt>定制厂房（㎡）</dt><dd>{area(park.customFactorySqm)}</dd></div>
          {children.length > 0 ? (
            <div>
              <dt>下级载体</dt>
              <dd>
                {children.map((child, i) => (
                  <span key={child.id}>
                    {i > 0 ? "、" : ""}
                    <Link to={`/parks/${child.id}`}>{child.name}</Link>
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
        {park.description ? <p>{park.description}</p> : null}
      </section>

      {focusMatch ? (
        <section className="card" aria-labelledby="focus-title">
          <h2 id="focus-title">国别匹配</h2>
          <table className="data" aria-label="国别匹配">
            <thead>
              <tr>
                <th></th>
                <th className="num">在谈项目</th>
                <th className="num">总投资（万美元）</th>
                <th className="num">占比</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">重点国别项目（{park.focusCountries.map(regionLabel).join("、")}）</th>
                <td className="num">{focusMatch.focus.projects}</td>
                <td className="num">{formatWan(focusMatch.focus.investment)}</td>
                <td className="num">{formatPercent(total === 0 ? null : focusMatch.focus.projects / total)}</td>
              </tr>
              <tr>
                <th scope="row">其他国别项目</th>
                <td className="num">{focusMatch.others.projects}</td>
                <td className="num">{formatWan(focusMatch.others.investment)}</td>
                <td className="num">{formatPercent(total === 0 ? null : focusMatch.others.projects / total)}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ) : null}

      <div className="columns">
        <section className="card" aria-labelledby="stage-title">
          <h2 id="stage-title">项目储备（按阶段）</h2>
          <table className="data" aria-label="按阶段">
            <thead>
              <tr>
                <th>阶段</th>
                <th className="num">项目数</th>
                <th className="num">总投资（万美元）</th>
              </tr>
            </thead>
            <tbody>
              {pipeline.map((row) => (
                <tr key={row.stage}>
                  <th scope="row">{STAGE_LABELS[row.stage]}</th>
                  <td className="num">{row.projects}</td>
                  <td className="num">{formatWan(row.totalInvestmentUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">进行中、暂缓的项目，含下级载体。</p>
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
                    <td className="num">{formatWan(row.investment)}</td>
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
          <ul>
            {recent.map((project) => (
              <li key={project.id}>
                <Link to={`/projects/${project.id}`}>{project.name}</Link>{" "}
                <span className="muted">
                  {project.companyName} · {regionLabel(project.country)} · {STAGE_LABELS[project.stage]} · {formatWan(project.totalInvestmentUsd)} 万美元
                </span>
              </li>
            ))}
          </ul>
        )}
        <Link to={`/projects?park=${park.id}`}>查看全部</Link>
      </section>
    </>
  );
}
