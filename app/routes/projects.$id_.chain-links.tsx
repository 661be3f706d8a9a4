import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "../auth/session.server";
import { chainLinkSchema, chainUnlinkSchema } from "../chains/chain.schema";
import { linkProjectToChainNode, listChainNodeChoices, listProjectChainLinks, unlinkProjectFromChainNode } from "../chains/chains.server";
import { LINK_ROLE_LABELS } from "../chains/labels";
import { ProjectChainLinks } from "../chains/project-chain-links";
import { UNKNOWN_INTENT } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { failureOf, ProjectPartPage } from "../projects/project-forms";
import { getProject } from "../projects/projects.server";
import { ConfirmPage, confirmationQuery, type Confirmation } from "../ui/confirm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `产业链环节 · ${data?.project.name ?? "项目"}` }];

const intentSchema = z.object({ intent: z.enum(["link", "unlink"], { error: UNKNOWN_INTENT }) });

/** 产业链环节 of a project on its own page; with `?intent=unlink&linkId=…` the confirmation of 取消关联. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const asked = confirmationQuery(request, ["unlink"] as const);
  return load(() => {
    const { name, canEdit } = getProject(user, id);
    const links = listProjectChainLinks(id);
    const link = asked && canEdit ? links.find((row) => String(row.id) === asked.linkId) : undefined;
    const confirmation: Confirmation | null = link
      ? {
          question: `确定取消项目与「${link.label}」的关联？`,
          detail: `「${name}」将不再计入该环节的${LINK_ROLE_LABELS[link.role]}项目；变更记录中保留这次取消。`,
          action: `/projects/${id}/chain-links`,
          fields: { intent: "unlink", linkId: String(link.id) },
          label: "取消关联",
          back: `/projects/${id}#chain-links`,
        }
      : null;
    return json({ project: { id, name, canEdit }, links, choices: canEdit ? listChainNodeChoices() : [], confirmation });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    if (intent === "link") linkProjectToChainNode({ actor: user, projectId, data: parseForm(chainLinkSchema, formData) });
    else unlinkProjectFromChainNode({ actor: user, projectId, linkId: parseForm(chainUnlinkSchema, formData).linkId });
    return redirect(`/projects/${projectId}#chain-links`);
  }, formData);
}

export default function ChainLinks() {
  const { project, links, choices, confirmation } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="产业链环节">
      {confirmation ? (
        <ConfirmPage confirmation={confirmation} />
      ) : (
        <ProjectChainLinks projectId={project.id} links={links} choices={choices} canEdit={project.canEdit} feedback={feedback} open />
      )}
    </ProjectPartPage>
  );
}
