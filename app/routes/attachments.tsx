import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { attachmentListKeyFrom, AttachmentRefusal, withAttachmentOutcome } from "../attachments/attachment-kinds";
import { attachmentUploadSchema } from "../attachments/attachment.schema";
import { attachmentProblemOf, storeAttachment } from "../attachments/attachments.server";
import { readAttachmentUpload } from "../attachments/upload.server";
import { requireUser, safeRedirect } from "../auth/session.server";
import { parseForm } from "../lib/form.server";
import { toHttpError } from "../lib/http.server";

/** Nothing to show here: uploads are posted from the record's page. */
export function loader() {
  return redirect("/");
}

/**
 * 上传附件 (multipart: entityType, entityId, category, file). The page to go back to comes in the
 * address (`?returnTo=`), so it is known even when the body is refused unread; the outcome goes
 * back with it as a code the page turns into a message.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const returnTo = safeRedirect(new URL(request.url).searchParams.get("returnTo"));
  const upload = await readAttachmentUpload(request);
  const key = attachmentListKeyFrom(upload.fields.get("entityType"), upload.fields.get("entityId"));
  try {
    if (upload.problem) throw new AttachmentRefusal(upload.problem);
    const { entityType, entityId, category } = parseForm(attachmentUploadSchema, upload.fields);
    await storeAttachment({ actor: user, entityType, entityId, category, file: upload.file });
    return redirect(withAttachmentOutcome(returnTo, "uploaded", key));
  } catch (error) {
    const problem = attachmentProblemOf(error);
    if (!problem) throw toHttpError(error);
    return redirect(withAttachmentOutcome(returnTo, problem, key));
  }
}
