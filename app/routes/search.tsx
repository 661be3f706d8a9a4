import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { withoutControlCharacters } from "../lib/text";
import { STAGE_LABELS } from "../projects/stages";
import { searchEverything } from "../search/search.server";

export const meta: MetaFunction = () => [{ title: "搜索 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = withoutControlCharacters(new URL(request.url).searchParams.get("q") ?? "")
    .trim()
    .slice(0, 100);
  return json({ q, results: searchEverything({ actor: user, q }) });
}

function Group({ title, count, more, allHref, children }: { title: string; count: number; more: boolean; allHref: string; children: ReactNode }) {
  return (
    <section className="card search-group" aria-label={title}>
      <h2>
        {title}
        {more ? null : <span className="muted">（{count}）</span>}
      </h2>
      {count === 0 ? <p className="muted">没有找到</p> : <ul>{children}</ul>}
      {more ? (
        <p>
          <Link to={allHref}>查看全部</Link>
        </p>
      ) : null}
    </section>
  );
}

export default function Search() {
  const { q, results } = useLoaderData<typeof loader>();
  const query = encodeURIComponent(q);
  return (
    <>
      <h1>搜索</h1>
      <Form method="get" className="filters card" role="search">
        <div className="field">
          <label htmlFor="search-q">企业、项目或政策</label>
          <input id="search-q" name="q" type="search" defaultValue={q} placeholder="中文、英文、拼音或拼音首字母" />
        </div>
        <div className="form-actions">
          <button type="submit">搜索</button>
        </div>
      </Form>
      {results === null ? (
        <p className="muted">输入企业名称、项目名称或政策标题，可用拼音（如 pinghu）或拼音首字母（如 ph）。</p>
      ) : (
        <>
          <Group title="企业" count={results.companies.rows.length} more={results.companies.more} allHref={`/companies?q=${query}`}>
            {results.companies.rows.map((company) => (
              <li key={company.id}>
                <Link to={`/companies/${company.id}`}>{company.name}</Link>
                {company.foreignName ? <span className="muted">（{company.foreignName}）</span> : null}
                <span className="muted"> · {regionLabel(company.country)}</span>
              </li>
            ))}
          </Group>
          <Group title="招商项目" count={results.projects.rows.length} more={results.projects.more} allHref={`/projects?q=${query}`}>
            {results.projects.rows.map((project) => (
              <li key={project.id}>
                <Link to={`/projects/${project.id}`}>{project.name}</Link>
                <span className="muted">
                  {" "}
                  · {project.companyName} · {STAGE_LABELS[project.stage]}
                </span>
              </li>
            ))}
          </Group>
          <Group title="政策" count={results.policies.rows.length} more={results.policies.more} allHref={`/policies?q=${query}`}>
            {results.policies.rows.map((policy) => (
              <li key={policy.id}>
                <Link to={`/policies/${policy.id}`}>{policy.title}</Link>
                {policy.docNumber ? <span className="muted">（{policy.docNumber}）</span> : null}
                {policy.expired ? <span className="muted"> · 已失效</span> : null}
              </li>
            ))}
          </Group>
        </>
      )}
    </>
  );
}
