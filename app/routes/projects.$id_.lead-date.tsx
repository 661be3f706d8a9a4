import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/session.server";
import { today } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { failureOf, LeadDateForm, ProjectPartPage } from "../projects/project-forms";
import { leadDateSchema } from "../projects/project.schema";
import { changeLeadDate, getProject } from "../projects/projects.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `线索日期 · ${data?.project.name ?? "项目"}` }];

/** 修改线索日期 on its own page: where a date that needs correcting is shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    const { name, version, enteredOn, canChangeLeadDate } = getProject(user, id);
    return json({ project: { id, name, version, enteredOn, canChangeLeadDate }, today: today() });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { enteredOn, version } = parseForm(leadDateSchema, formData);
    changeLeadDate({ actor: user, projectId, enteredOn, version });
    return redirect(`/projects/${projectId}#stages`);
  }, formData);
}

export default function LeadDate() {
  const { project, today } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="线索日期">
      <section className="card">
        {project.canChangeLeadDate ? (
          <LeadDateForm projectId={project.id} enteredOn={project.enteredOn} version={project.version} today={today} feedback={feedback} />
        ) : (
          <>
            {(feedback?.fieldErrors?.enteredOn ?? feedback?.formError) ? (
              <p className="form-error" role="alert">
                {feedback?.fieldErrors?.enteredOn ?? feedback?.formError}
              </p>
            ) : null}
            <p className="muted">线索日期 {project.enteredOn}。项目有了第一次阶段变更之后，线索日期不能再修改。</p>
          </>
        )}
      </section>
    </ProjectPartPage>
  );
}
