import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { listAttachments } from "../attachments/attachments.server";
import { can } from "../auth/permissions";
import { requirePermission, requireUser } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { getProject, returnSigning, verifySigning } from "../projects/projects.server";
import { verificationSchema } from "../projects/verification.schema";
import { SigningVerification, VERIFICATION_QUESTIONS } from "../projects/signing-verification";
import { ConfirmPage, confirmationQuery, type Confirmation } from "../ui/confirm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `签约甄别 · ${data?.project.name ?? "项目"}` }];

/**
 * 签约甄别 of one project: the project page's box posts here; this page shows the same box on its
 * own when a submission needs correcting (退回 without a reason), and with `?intent=verify|return&…`
 * (the box without JavaScript) the confirmation of that decision.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const asked = confirmationQuery(request, ["verify", "return"] as const);
  return load(() => {
    const project = getProject(user, id);
    const canVerify = can(user.role, "verify:signing");
    const confirmation: Confirmation | null =
      asked && canVerify && project.signedOn && !project.signingVerifiedAt
        ? {
            question: VERIFICATION_QUESTIONS[asked.intent],
            detail:
              asked.intent === "return"
                ? `「${project.name}」（签约日期 ${project.signedOn}）退回原因：${asked.reason ?? ""}`
                : `「${project.name}」（签约日期 ${project.signedOn}）`,
            action: `/projects/${id}/verification`,
            fields: {
              intent: asked.intent,
              version: asked.version ?? String(project.version),
              ...(asked.intent === "return" ? { reason: asked.reason ?? "" } : {}),
            },
            label: asked.intent === "verify" ? "甄别通过" : "退回",
            back: `/projects/${id}`,
            tone: asked.intent === "verify" ? "primary" : "danger",
          }
        : null;
    return json({ project, evidence: listAttachments(user, "project", id), canVerify, confirmation });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "verify:signing");
  const projectId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const input = parseForm(verificationSchema, formData);
    if (input.intent === "verify") verifySigning({ actor: user, projectId, version: input.version });
    else returnSigning({ actor: user, projectId, version: input.version, reason: input.reason });
    return redirect(`/projects/${projectId}`);
  }, formData);
}

export default function Verification() {
  const { project, evidence, canVerify, confirmation } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <>
      <p className="muted">
        <Link to={`/projects/${project.id}`}>← 返回项目</Link>
      </p>
      <h1>签约甄别：{project.name}</h1>
      {confirmation ? (
        <ConfirmPage confirmation={confirmation} />
      ) : (
        <SigningVerification project={project} evidence={evidence} canVerify={canVerify} feedback={feedback ?? null} />
      )}
    </>
  );
}
