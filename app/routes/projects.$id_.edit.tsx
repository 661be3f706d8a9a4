import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { canReassignProject } from "../auth/permissions";
import { requirePermission } from "../auth/session.server";
import { ForbiddenError } from "../lib/errors";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { wanInputValue } from "../lib/money";
import { idParam } from "../lib/params";
import { ProjectForm } from "../projects/project-form";
import { projectEditSchema } from "../projects/project.schema";
import { getProject, listProjectFormChoices, updateProject } from "../projects/projects.server";

export const meta: MetaFunction = () => [{ title: "编辑项目 · 招商引资管理系统" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:project:own");
  const id = idParam(params.id);
  return load(() => {
    const project = getProject(user, id);
    if (!project.canEdit) throw new ForbiddenError();
    // a member from another unit sees 负责人/负责单位 but is not offered to change them (the use case refuses anyway)
    const canReassign = canReassignProject(user, { ownerId: project.ownerId, unitId: project.unitId, memberIds: project.members.map((member) => member.id) });
    return json({ project, choices: listProjectFormChoices(user), canReassign });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:project:own");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { version, ...data } = parseForm(projectEditSchema, formData);
    updateProject({ actor: user, id, data, version });
    return redirect(`/projects/${id}`);
  }, formData);
}

export default function EditProject() {
  const { project, choices, canReassign } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const owners = choices.owners.some((owner) => owner.id === project.ownerId)
    ? choices.owners
    : [...choices.owners, { id: project.ownerId, displayName: project.ownerName, unitId: project.unitId, unitName: project.unitName }];
  return (
    <div className="card">
      <p>
        <Link to={`/projects/${project.id}`}>← 返回项目详情</Link>
      </p>
      <h1>编辑项目</h1>
      <ProjectForm
        mode="edit"
        choices={{ ...choices, owners }}
        feedback={feedback}
        hidden={{ version: project.version }}
        fixedOwner={canReassign ? null : { ownerId: project.ownerId, ownerName: project.ownerName, unitId: project.unitId, unitName: project.unitName }}
        defaults={{
          name: project.name,
          companyId: project.companyId,
          companyName: project.companyName,
          projectType: project.projectType,
          channelId: project.channelId,
          ownerId: project.ownerId,
          unitId: project.unitId,
          parkId: project.parkId,
          priority: project.priority,
          totalInvestmentUsd: wanInputValue(project.totalInvestmentUsd),
          contractedFdiUsd: wanInputValue(project.contractedFdiUsd),
          fixedAssetInvestmentCny: wanInputValue(project.fixedAssetInvestmentCny),
          landMu: project.landMu,
          expectedJobs: project.expectedJobs,
          expectedAnnualTaxCny: wanInputValue(project.expectedAnnualTaxCny),
          nextFollowUpOn: project.nextFollowUpOn,
          nextFollowUpItem: project.nextFollowUpItem,
          description: project.description,
        }}
      />
    </div>
  );
}
