import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { getCompany } from "../companies/companies.server";
import { today } from "../lib/dates";
import { SUBMISSION_TOKEN_FIELD } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";
import { intParam } from "../lib/params";
import { newSubmissionToken, submissionOf, submitOnce } from "../lib/submissions.server";
import { ProjectForm } from "../projects/project-form";
import { newProjectSchema } from "../projects/project.schema";
import { createProject, listProjectFormChoices } from "../projects/projects.server";
import { NotFoundError } from "../lib/errors";

export const meta: MetaFunction = () => [{ title: "新建项目 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "create:project");
  const companyId = intParam(new URL(request.url).searchParams, "companyId");
  let company: { id: number; name: string } | null = null;
  if (companyId) {
    try {
      const found = getCompany(companyId);
      company = { id: found.id, name: found.name };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return json({ user, company, today: today(), choices: listProjectFormChoices(user), submissionToken: newSubmissionToken() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:project");
  const formData = await readFormData(request);
  return act(() => {
    const data = parseForm(newProjectSchema, formData);
    // a second submit of this page leads to the project the first one created
    return redirect(submitOnce(submissionOf(formData, user.id), () => `/projects/${createProject({ actor: user, data })}`));
  }, formData);
}

export default function NewProject() {
  const { user, company, today, choices, submissionToken } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <div className="card">
      <h1>新建项目</h1>
      <ProjectForm
        mode="create"
        choices={choices}
        feedback={feedback}
        hidden={{ [SUBMISSION_TOKEN_FIELD]: submissionToken }}
        defaults={{
          companyId: company?.id ?? null,
          companyName: company?.name ?? "",
          projectType: "new",
          ownerId: user.id,
          unitId: user.unitId,
          priority: "normal",
          enteredOn: today,
        }}
      />
    </div>
  );
}
