import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "../auth/session.server";
import { UNKNOWN_INTENT } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { failureOf, ProjectMembers, ProjectPartPage } from "../projects/project-forms";
import { memberRemovalSchema, memberSchema } from "../projects/project.schema";
import { addProjectMember, getProject, listMemberCandidates, removeProjectMember } from "../projects/projects.server";
import { ConfirmPage, confirmationQuery, type Confirmation } from "../ui/confirm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `项目成员 · ${data?.project.name ?? "项目"}` }];

const intentSchema = z.object({ intent: z.enum(["add", "remove"], { error: UNKNOWN_INTENT }) });

/** 项目成员 on its own page; with `?intent=remove&userId=…` the confirmation of 移除. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const asked = confirmationQuery(request, ["remove"] as const);
  return load(() => {
    const { name, members, canEdit } = getProject(user, id);
    const member = asked && canEdit ? members.find((row) => String(row.id) === asked.userId) : undefined;
    const confirmation: Confirmation | null = member
      ? {
          question: `确定将「${member.displayName}」移出项目成员？`,
          detail: `移出后，${member.displayName}（${member.unitName}）不能再编辑「${name}」；变更记录中保留这次移除。`,
          action: `/projects/${id}/members`,
          fields: { intent: "remove", userId: String(member.id) },
          label: "移除",
          back: `/projects/${id}#members`,
        }
      : null;
    return json({ project: { id, name, members, canEdit }, candidates: canEdit ? listMemberCandidates(id) : [], confirmation });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    if (intent === "add") addProjectMember({ actor: user, projectId, userId: parseForm(memberSchema, formData).userId });
    else removeProjectMember({ actor: user, projectId, userId: parseForm(memberRemovalSchema, formData).userId });
    return redirect(`/projects/${projectId}#members`);
  }, formData);
}

export default function Members() {
  const { project, candidates, confirmation } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="项目成员">
      {confirmation ? (
        <ConfirmPage confirmation={confirmation} />
      ) : (
        <ProjectMembers projectId={project.id} members={project.members} candidates={candidates} canEdit={project.canEdit} feedback={feedback} open />
      )}
    </ProjectPartPage>
  );
}
