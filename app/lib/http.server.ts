/**
 * Maps domain errors to HTTP in one place. Loaders: `notFound`/`forbidden` become error pages.
 * Actions: invalid input and stale saves come back to the form (status 400/409) with the
 * user's input kept by the form.
 */
import { json } from "@remix-run/node";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, type FieldErrors } from "./errors";

export interface ActionFailure {
  ok: false;
  fieldErrors: FieldErrors;
  formError: string | null;
  /** the submitted input, echoed so a form rendered without JavaScript keeps it */
  values: Record<string, string>;
}

/** The text fields of a submission (never passwords), to put back into the form. */
export function echoValues(formData?: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  if (!formData) return values;
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

export function toHttpError(error: unknown): unknown {
  if (error instanceof NotFoundError) return new Response(error.message, { status: 404 });
  if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
  return error;
}

/** Runs a loader body; domain NotFound/Forbidden become 404/403 responses. */
export async function load<T>(body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toHttpError(error);
  }
}

/** Runs an action body; user-correctable errors come back as data for the form, with its input. */
export async function act<T>(body: () => T | Promise<T>, formData?: FormData) {
  try {
    return await body();
  } catch (error) {
    if (error instanceof InvalidError) {
      return json<ActionFailure>(
        { ok: false, fieldErrors: error.fieldErrors, formError: error.message, values: echoValues(formData) },
        { status: 400 },
      );
    }
    if (error instanceof ConflictError) {
      return json<ActionFailure>(
        { ok: false, fieldErrors: {}, formError: error.message, values: echoValues(formData) },
        { status: 409 },
      );
    }
    throw toHttpError(error);
  }
}
