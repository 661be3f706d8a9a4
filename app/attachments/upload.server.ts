/**
 * Reads an attachment upload (multipart/form-data) with a cap: the file part is kept in memory up to
 * 20 MB and drained beyond it, so a file too large becomes a Chinese message, not a 500, and the
 * form's other fields are still read. The server refuses bodies over 20 MB + 64 KB before this runs.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { unreadableSubmission } from "../lib/form.server";
import { MAX_ATTACHMENT_BYTES, type AttachmentProblem } from "./attachment-kinds";
import type { UploadedFile } from "./attachments.server";

/** Room for the form's text fields and the multipart framing. */
const ENVELOPE_BYTES = 64 * 1024;
const MAX_FIELD_BYTES = 4096;

export interface AttachmentUpload {
  /** the text fields */
  fields: FormData;
  /** the part named `file`; null when none was sent */
  file: UploadedFile | null;
  problem: AttachmentProblem | null;
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _chunk of data) {
    // the parser moves on only once a part has been read to its end
  }
}

/**
 * The upload's fields and file. A body too large to read comes back as the `too_large` problem;
 * a body that is no multipart form (or does not parse) is answered 400, like every action's.
 */
export async function readAttachmentUpload(request: Request): Promise<AttachmentUpload> {
  if (!/^\s*multipart\/form-data\s*;/i.test(request.headers.get("Content-Type") ?? "")) throw unreadableSubmission();
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES) {
    return { fields: new FormData(), file: null, problem: "too_large" };
  }

  let file: UploadedFile | null = null;
  let problem: AttachmentProblem | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size <= MAX_FIELD_BYTES) chunks.push(chunk);
      }
      if (size > MAX_FIELD_BYTES) {
        problem ??= "invalid";
        return undefined;
      }
      return Buffer.concat(chunks).toString("utf8");
    }
    if (name !== "file" || file !== null) {
      await drain(data);
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= MAX_ATTACHMENT_BYTES) chunks.push(chunk);
    }
    if (size > MAX_ATTACHMENT_BYTES) problem = "too_large";
    else file = { name: filename, bytes: Buffer.concat(chunks) };
    // the bytes stay out of the FormData: no second copy as a File
    return undefined;
  };
  try {
    const fields = await unstable_parseMultipartFormData(request, handler);
    return { fields, file, problem };
  } catch {
    throw unreadableSubmission();
  }
}
