import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "../auth/session.server";
import { UNKNOWN_INTENT } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { addPolicyBasis, listPolicyClauseChoices, listProjectPolicyBases, removePolicyBasis } from "../policies/policies.server";
import { policyBasisRemovalSchema, policyBasisSchema } from "../policies/policy.schema";
import { ProjectPolicyBases } from "../policies/project-policy-bases";
import { failureOf, ProjectPartPage } from "../projects/project-forms";
import { getProject } from "../projects/projects.server";
import { ConfirmPage, confirmationQuery, type Confirmation } from "../ui/confirm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `政策依据 · ${data?.project.name ?? "项目"}` }];

const intentSchema = z.object({ intent: z.enum(["add", "remove"], { error: UNKNOWN_INTENT }) });

/** 政策依据 of a project on its own page; with `?intent=remove&basisId=…` the confirmation of 移除. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const asked = confirmationQuery(request, ["remove"] as const);
  return load(() => {
    const { name, canEdit } = getProject(user, id);
    const bases = listProjectPolicyBases(id);
    const basis = asked && canEdit ? bases.find((row) => String(row.id) === asked.basisId) : undefined;
    const confirmation: Confirmation | null = basis
      ? {
          question: `确定移除政策依据《${basis.policyTitle}》${basis.clauseNumber}？`,
          detail: "已提出的政策承诺不受影响；变更记录中保留这次移除。",
          action: `/projects/${id}/policy-bases`,
          fields: { intent: "remove", basisId: String(basis.id) },
          label: "移除",
          back: `/projects/${id}#policy-bases`,
        }
      : null;
    return json({ project: { id, name, canEdit }, bases, clauseChoices: canEdit ? listPolicyClauseChoices() : [], confirmation });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    if (intent === "add") addPolicyBasis({ actor: user, projectId, data: parseForm(policyBasisSchema, formData) });
    else removePolicyBasis({ actor: user, projectId, basisId: parseForm(policyBasisRemovalSchema, formData).basisId });
    return redirect(`/projects/${projectId}#policy-bases`);
  }, formData);
}

export default function PolicyBases() {
  const { project, bases, clauseChoices, confirmation } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="政策依据">
      {confirmation ? (
        <ConfirmPage confirmation={confirmation} />
      ) : (
        <ProjectPolicyBases projectId={project.id} bases={bases} clauseChoices={clauseChoices} canEdit={project.canEdit} feedback={feedback} open />
      )}
    </ProjectPartPage>
  );
}
