import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { attachmentListKey, attachmentListKeyFrom, withAttachmentOutcome } from "../attachments/attachment-kinds";
import { deleteAttachmentSchema } from "../attachments/attachment.schema";
import { attachmentProblemOf, deleteAttachment, openAttachment } from "../attachments/attachments.server";
import { requireUser, safeRedirect } from "../auth/session.server";
import { fileDownloadResponse } from "../lib/download.server";
import { parseForm, readFormData } from "../lib/form.server";
import { load, toHttpError } from "../lib/http.server";
import { idParam } from "../lib/params";

/** The file, as a download; 404 unless the user may read the record it hangs on. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return fileDownloadResponse(await load(() => openAttachment(user, id)));
}

/** 删除 (intent=delete, version): soft, then back to the page (`?returnTo=`) with the outcome. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const returnTo = safeRedirect(new URL(request.url).searchParams.get("returnTo"));
  const formData = await readFormData(request);
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
