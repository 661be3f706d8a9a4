import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ACTIVITY_TYPE_LABELS, activityCorrectionSchema, CORRECTION_WINDOW_DAYS, type ActivityType } from "../activities/activity";
import { requireUser } from "../auth/session.server";
import { today } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { ActivityCorrectionForm, failureOf, ProjectPartPage } from "../projects/project-forms";
import { correctActivity, getActivity } from "../projects/projects.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `更正活动记录 · ${data?.project.name ?? "项目"}` }];

/** 更正活动记录: its author, within 7 days of recording it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const activityId = idParam(params.activityId);
  return load(() => {
    const { project, activity } = getActivity(user, projectId, activityId);
    return json({ project: { id: project.id, name: project.name }, activity, today: today() });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const activityId = idParam(params.activityId);
  const formData = await readFormData(request);
  return act(() => {
    correctActivity({ actor: user, projectId, activityId, data: parseForm(activityCorrectionSchema, formData) });
    return redirect(`/projects/${projectId}#activity-${activityId}`);
  }, formData);
}

export default function CorrectActivity() {
  const { project, activity, today } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="更正活动记录">
      <section className="card">
        <p className="muted">
          {activity.occurredOn} · {ACTIVITY_TYPE_LABELS[activity.type as ActivityType]} · 记录人 {activity.createdByName ?? ""}
        </p>
        {activity.canCorrect ? (
          <ActivityCorrectionForm key={activity.version} projectId={project.id} activity={activity} today={today} feedback={feedback} />
        ) : (
          <>
            {feedback?.formError ? (
              <p className="form-error" role="alert">
                {feedback.formError}
              </p>
            ) : null}
            <p className="muted">活动记录只能由添加人在{CORRECTION_WINDOW_DAYS}天内更正。</p>
          </>
        )}
      </section>
    </ProjectPartPage>
  );
}
