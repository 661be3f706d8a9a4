import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/session.server";
import { today } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { failureOf, ProjectPartPage, StatusForm } from "../projects/project-forms";
import { statusChangeSchema } from "../projects/project.schema";
import { changeProjectStatus, getProject } from "../projects/projects.server";
import { STATUS_LABELS } from "../projects/stages";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `项目状态 · ${data?.project.name ?? "项目"}` }];

/** 项目状态 on its own page: where a change that needs correcting is shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    const { name, status, version, canEdit } = getProject(user, id);
    return json({ project: { id, name, status, version, canEdit }, today: today() });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    changeProjectStatus({ actor: user, projectId, ...parseForm(statusChangeSchema, formData) });
    return redirect(`/projects/${projectId}#stages`);
  }, formData);
}

export default function StatusChange() {
  const { project, today } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="项目状态">
      <section className="card">
        <p>当前状态：{STATUS_LABELS[project.status]}</p>
        {project.canEdit ? (
          <StatusForm projectId={project.id} version={project.version} today={today} feedback={feedback} />
        ) : (
          <p className="muted">只有项目负责人、成员和领导可以变更项目状态。</p>
        )}
      </section>
    </ProjectPartPage>
  );
}
