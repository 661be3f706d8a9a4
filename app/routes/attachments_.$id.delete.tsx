import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { attachmentListKey, attachmentListKeyFrom, withAttachmentOutcome } from "../attachments/attachment-kinds";
import { deleteAttachmentQuerySchema, deleteAttachmentSchema } from "../attachments/attachment.schema";
import { attachmentProblemOf, deleteAttachment, getAttachmentToDelete } from "../attachments/attachments.server";
import { requireUser, safeRedirect } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { load, toHttpError } from "../lib/http.server";
import { idParam } from "../lib/params";
import { ConfirmPage, type Confirmation } from "../ui/confirm";

export const meta: MetaFunction = () => [{ title: "删除附件 · 招商引资管理系统" }];

/**
 * The confirmation of 删除 (what a record's 删除 button opens without JavaScript); the address
 * carries the version seen and the page to go back to (`returnTo`).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const query = new URL(request.url).searchParams;
  const asked = deleteAttachmentQuerySchema.safeParse(Object.fromEntries(query));
  // a hand-made address: say so, rather than confirm a delete against a version nobody saw
  if (!asked.success) throw new Response(asked.error.issues[0]!.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return load(() => {
    const attachment = getAttachmentToDelete(user, id);
    const back = safeRedirect(query.get("returnTo"), `/projects/${attachment.projectId}`);
    const confirmation: Confirmation = {
      question: `确定删除附件「${attachment.fileName}」？`,
      detail: `${attachment.categoryLabel}（${attachment.entityLabel}的附件）。删除后可由管理员从回收站恢复。`,
      action: `/attachments/${id}/delete`,
      fields: {
        intent: "delete",
        version: String(asked.data.version ?? attachment.version),
        entityType: attachment.entityType,
        entityId: String(attachment.entityId),
        returnTo: back,
      },
      label: "删除",
      back,
    };
    return json({ confirmation });
  });
}

/** 删除 (intent=delete, version): soft, then back to the page (`returnTo`) with the outcome. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const formData = await readFormData(request);
  const returnTo = safeRedirect(formData.get("returnTo") ?? new URL(request.url).searchParams.get("returnTo"));
  try {
    const { version } = parseForm(deleteAttachmentSchema, formData);
    const record = deleteAttachment({ actor: user, attachmentId: id, version });
    return redirect(withAttachmentOutcome(returnTo, "deleted", attachmentListKey(record.entityType, record.entityId)));
  } catch (error) {
    const problem = attachmentProblemOf(error);
    if (!problem) throw toHttpError(error);
    return redirect(withAttachmentOutcome(returnTo, problem, attachmentListKeyFrom(formData.get("entityType"), formData.get("entityId"))));
  }
}

export default function DeleteAttachment() {
  const { confirmation } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>删除附件</h1>
      </div>
      <ConfirmPage confirmation={confirmation} />
    </>
  );
}
