import type { z } from "zod";
import { InvalidError, type FieldErrors } from "./errors";

/** What a request gets whose body is no form a browser sends (DESIGN.md §9: a 400, never a 500). */
export const UNREADABLE_SUBMISSION = "提交的内容无法识别，请刷新页面后重新提交";

const FORM_CONTENT_TYPE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * The posted form, or a thrown 400 response with a Chinese message when the body is JSON, text,
 * missing, or multipart that does not parse (another boundary, none at all, cut short). Every
 * action reads its form through this.
 */
export async function readFormData(request: Request): Promise<FormData> {
  if (!FORM_CONTENT_TYPE.test(request.headers.get("Content-Type") ?? "")) throw unreadableSubmission();
  try {
    return await request.formData();
  } catch {
    throw unreadableSubmission();
  }
}

export function unreadableSubmission(): Response {
  return new Response(UNREADABLE_SUBMISSION, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Field errors keyed by the first path segment, first message wins. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Parses a submitted form with the form's schema; throws InvalidError with Chinese field messages. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): z.output<S> {
  const raw: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    raw[key] = values.length > 1 ? values : values[0];
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new InvalidError(fieldErrorsOf(result.error));
  return result.data;
}
