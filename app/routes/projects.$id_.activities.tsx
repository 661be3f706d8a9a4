import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newActivitySchema } from "../activities/activity";
import { requireUser } from "../auth/session.server";
import { today } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { newSubmissionToken, submissionOf, submitOnce } from "../lib/submissions.server";
import { ActivityForm, failureOf, ProjectPartPage } from "../projects/project-forms";
import { addActivity, getProject } from "../projects/projects.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `添加活动记录 · ${data?.project.name ?? "项目"}` }];

/** 添加活动记录 on its own page: where a submission that needs correcting is shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    const { name, canEdit } = getProject(user, id);
    return json({ project: { id, name, canEdit }, today: today(), submissionToken: newSubmissionToken() });
  });
}

/** Adds the activity once per form token and goes back to the project's timeline. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const data = parseForm(newActivitySchema, formData);
    const location = submitOnce(submissionOf(formData, user.id), () => {
      addActivity({ actor: user, projectId, data });
      return `/projects/${projectId}#activities`;
    });
    return redirect(location);
  }, formData);
}

export default function AddActivity() {
  const { project, today, submissionToken } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="添加活动记录">
      <section className="card">
        {project.canEdit ? (
          <ActivityForm projectId={project.id} today={today} feedback={feedback} submissionToken={submissionToken} />
        ) : (
          <p className="muted">只有项目负责人、成员和领导可以添加活动记录。</p>
        )}
      </section>
    </ProjectPartPage>
  );
}
