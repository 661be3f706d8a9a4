import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser, safeRedirect } from "../auth/session.server";
import { today } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { failureOf, ProjectPartPage, StageForm } from "../projects/project-forms";
import { stageChangeSchema } from "../projects/project.schema";
import { getProject, moveProjectToStage } from "../projects/projects.server";
import { STAGE_LABELS } from "../projects/stages";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `阶段变更 · ${data?.project.name ?? "项目"}` }];

/** 阶段变更 on its own page: where a change that needs correcting is shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    const { name, stage, version, canEdit } = getProject(user, id);
    return json({ project: { id, name, stage, version, canEdit }, today: today() });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    moveProjectToStage({ actor: user, projectId, ...parseForm(stageChangeSchema, formData) });
    // the 看板 names itself as returnTo; only a path of this site is followed
    return redirect(safeRedirect(formData.get("returnTo"), `/projects/${projectId}#stages`));
  }, formData);
}

export default function StageChange() {
  const { project, today } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="阶段变更">
      <section className="card">
        <p>当前阶段：{STAGE_LABELS[project.stage]}</p>
        {project.canEdit ? (
          <StageForm
            projectId={project.id}
            stage={project.stage}
            version={project.version}
            today={today}
            feedback={feedback}
            returnTo={feedback?.values?.returnTo}
          />
        ) : (
          <p className="muted">只有项目负责人、成员和领导可以变更阶段。</p>
        )}
      </section>
    </ProjectPartPage>
  );
}
