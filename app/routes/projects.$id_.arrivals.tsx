import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { arrivalCorrectionSchema, arrivalDeletionSchema, arrivalSchema } from "../arrivals/arrival.schema";
import { deleteArrival, getProjectFunding, recordArrival, updateArrival } from "../arrivals/arrivals.server";
import { ProjectArrivals } from "../arrivals/project-arrivals";
import { requireUser } from "../auth/session.server";
import { UNKNOWN_INTENT } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { formatAmount } from "../lib/money";
import { idParam } from "../lib/params";
import { failureOf, ProjectPartPage } from "../projects/project-forms";
import { getProject } from "../projects/projects.server";
import { ConfirmPage, confirmationQuery, type Confirmation } from "../ui/confirm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `实到外资 · ${data?.project.name ?? "项目"}` }];

const intentSchema = z.object({ intent: z.enum(["record", "update", "delete"], { error: UNKNOWN_INTENT }) });

/** 实到外资 of a project on its own page; with `?intent=delete&arrivalId=…&version=…` the confirmation of 删除. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const asked = confirmationQuery(request, ["delete"] as const);
  return load(() => {
    const { name } = getProject(user, id);
    const funding = getProjectFunding(user, id);
    const arrival = asked && funding.canRecord ? funding.arrivals.find((row) => String(row.id) === asked.arrivalId) : undefined;
    const confirmation: Confirmation | null = arrival
      ? {
          question: `确定删除 ${arrival.arrivedOn} 到账 ${formatAmount(arrival.amountUsd, "美元")} 的记录？`,
          detail: "删除后不再计入实到外资；变更记录中保留这次删除。",
          action: `/projects/${id}/arrivals`,
          fields: { intent: "delete", arrivalId: String(arrival.id), version: asked?.version ?? String(arrival.version) },
          label: "删除",
          back: `/projects/${id}#arrivals`,
        }
      : null;
    return json({ project: { id, name }, funding, confirmation });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    if (intent === "record") recordArrival({ actor: user, projectId, data: parseForm(arrivalSchema, formData) });
    if (intent === "update") {
      const { arrivalId, version, ...data } = parseForm(arrivalCorrectionSchema, formData);
      updateArrival({ actor: user, projectId, arrivalId, data, version });
    }
    if (intent === "delete") deleteArrival({ actor: user, projectId, ...parseForm(arrivalDeletionSchema, formData) });
    return redirect(`/projects/${projectId}#arrivals`);
  }, formData);
}

export default function Arrivals() {
  const { project, funding, confirmation } = useLoaderData<typeof loader>();
  const feedback = failureOf(useActionData<typeof action>());
  return (
    <ProjectPartPage project={project} title="实到外资">
      {confirmation ? (
        <ConfirmPage confirmation={confirmation} />
      ) : (
        <ProjectArrivals
          projectId={project.id}
          funding={funding}
          canRecord={funding.canRecord}
          canRecordReason={funding.canRecordReason}
          feedback={feedback}
          open
        />
      )}
    </ProjectPartPage>
  );
}
