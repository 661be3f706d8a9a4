import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/session.server";
import { commitmentSchema } from "../commitments/commitment.schema";
import { listProjectCommitments, proposeCommitment } from "../commitments/commitments.server";
import { ProjectCommitments } from "../commitments/project-commitments";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { listPolicyClauseChoices } from "../policies/policies.server";
import { failureOf, ProjectPartPage } from "../projects/project-forms";
import { getProject } from "../projects/projects.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `政策承诺 · ${data?.project.name ?? "项目"}` }];

/** 政策承诺 of a project on its own page: where a proposal that needs correcting is shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    // proposing a commitment is an edit right on the project (DESIGN.md §3)
    const { name, canEdit: canPropose } = getProject(user, id);
    return json({
      project: { id, name },
      commitments: listProjectCommitments(user, id),
      clauseChoices: canPropose ? listPolicyClauseChoices() : [],
      canPropose,
    });
  });
}

/** 提出承诺, then back to the project's commitments. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    proposeCommitment({ actor: user, projectId, data: parseForm(commitmentSchema, formData) });
    return redirect(`/projects/${projectId}#commitments`);
  }, formData);
}

export default function Commitments() {
  const { project, commitments, clauseChoices, canPropose } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="政策承诺">
      <ProjectCommitments projectId={project.id} commitments={commitments} clauseChoices={clauseChoices} canPropose={canPropose} feedback={feedback} open />
    </ProjectPartPage>
  );
}
