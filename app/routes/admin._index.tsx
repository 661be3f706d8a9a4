import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listDeletedRecords, restoreRecord } from "../admin/recycle-bin.server";
import { requirePermission } from "../auth/session.server";
import { regionLabel } from "../companies/regions";
import { formatDateTime } from "../lib/dates";
import { requiredId, versionField } from "../lib/form";
import { parseForm } from "../lib/form.server";
import { act } from "../lib/http.server";

export const meta: MetaFunction = () => [{ title: "系统管理 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  return json(listDeletedRecords({ actor: user }));
}

const restoreSchema = z.object({ entityType: z.enum(["project", "company"]), id: requiredId("记录无效"), version: versionField });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const formData = await request.formData();
  return act(() => {
    restoreRecord({ actor: user, ...parseForm(restoreSchema, formData) });
    return json({ ok: true as const, formError: null });
  }, formData);
}

function RestoreButton({ entityType, id, version, label }: { entityType: string; id: number; version: number; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="entityType" value={entityType} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="secondary" aria-label={`恢复 ${label}`}>
        恢复
      </button>
    </Form>
  );
}

export default function Admin() {
  const { projects, companies } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <>
      <h1>系统管理</h1>
      <section className="card" aria-labelledby="bin-title">
        <h2 id="bin-title">回收站</h2>
        <p className="muted">删除的记录保留在这里，恢复后回到原处，变更记录完整保留。</p>
        {feedback?.formError ? (
          <p className="form-error" role="alert">
            {feedback.formError}
          </p>
        ) : null}
        <h3>招商项目</h3>
        {projects.length === 0 ? (
          <p className="muted">没有已删除的项目</p>
        ) : (
          <table className="data">
            <thead>
              <tr><th>项目名称</th><th>投资方企业</th><th>删除时间</th><th /></tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.id}>
                  <td>{project.name}</td>
                  <td>{project.companyName}</td>
                  <td>{project.deletedAt ? formatDateTime(project.deletedAt) : ""}</td>
                  <td><RestoreButton entityType="project" id={project.id} version={project.version} label={project.name} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>企业</h3>
        {companies.length === 0 ? (
          <p className="muted">没有已删除的企业</p>
        ) : (
          <table className="data">
            <thead>
              <tr><th>企业名称</th><th>国别/地区</th><th>删除时间</th><th /></tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.id}>
                  <td>{company.name}</td>
                  <td>{regionLabel(company.country)}</td>
                  <td>{company.deletedAt ? formatDateTime(company.deletedAt) : ""}</td>
                  <td><RestoreButton entityType="company" id={company.id} version={company.version} label={company.name} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
