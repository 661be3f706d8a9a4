import type { LoaderFunctionArgs } from "@remix-run/node";
import { openAttachment } from "../attachments/attachments.server";
import { requireUser } from "../auth/session.server";
import { fileDownloadResponse } from "../lib/download.server";
import { load } from "../lib/http.server";
import { idParam } from "../lib/params";

/** The file, as a download; 404 unless the user may read the record it hangs on. 删除 is /attachments/:id/delete. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return fileDownloadResponse(await load(() => openAttachment(user, id)));
}
