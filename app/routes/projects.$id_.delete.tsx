import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requireUser } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { failureOf, ProjectPartPage } from "../projects/project-forms";
import { projectDeletionSchema } from "../projects/project.schema";
import { deleteProject, getProject } from "../projects/projects.server";
import { ConfirmPage, type Confirmation } from "../ui/confirm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `删除项目 · ${data?.project.name ?? "项目"}` }];

/** The confirmation of 删除 (the project page's button opens it without JavaScript). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    const { name, version } = getProject(user, id);
    const confirmation: Confirmation | null = can(user.role, "delete:project")
      ? {
          question: `确定删除项目「${name}」？`,
          detail: "删除后项目不再出现在列表和统计中，可由系统管理员从回收站恢复。",
          action: `/projects/${id}/delete`,
          fields: { version: String(version) },
          label: "删除",
          back: `/projects/${id}`,
        }
      : null;
    return json({ project: { id, name }, confirmation });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    deleteProject({ actor: user, projectId, version: parseForm(projectDeletionSchema, formData).version });
    return redirect("/projects");
  }, formData);
}

export default function DeleteProject() {
  const { project, confirmation } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="删除项目">
      {confirmation ? <ConfirmPage confirmation={confirmation} error={feedback?.formError} /> : <p className="muted">只有领导和系统管理员可以删除项目。</p>}
    </ProjectPartPage>
  );
}
