import type { z } from "zod";
import { InvalidError, type FieldErrors } from "./errors";

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
