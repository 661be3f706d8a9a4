/**
 * Maps domain errors to HTTP in one place. Loaders: `notFound`/`forbidden` become error pages.
 * Actions: invalid input and stale saves come back to the form (status 400/409) with the
 * user's input kept by the form. A full or read-only disk, a disk error or a database busy with
 * another writer is no fault of the user's: a 503 with what happened (DESIGN.md §9 Operations).
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

export interface StorageFailure {
  message: string;
  /** a lock held by another writer: trying again shortly will do */
  busy: boolean;
}

export const DISK_FULL_MESSAGE = "磁盘已满，保存失败，请联系系统管理员";
export const READ_ONLY_MESSAGE = "数据库处于只读状态，保存失败，请联系系统管理员";
export const DISK_ERROR_MESSAGE = "读写磁盘出错，操作未完成，请联系系统管理员";
export const BUSY_MESSAGE = "数据库正忙，请稍后重试";

/**
 * Recognises a storage failure by its code: better-sqlite3's SqliteError (SQLITE_FULL,
 * SQLITE_READONLY*, SQLITE_IOERR*, SQLITE_BUSY*, SQLITE_LOCKED*) or the file system's, also when
 * wrapped as another error's cause. Null for anything else.
 */
export function storageFailure(error: unknown): StorageFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = String((current as { code?: unknown }).code ?? "");
    if (code === "SQLITE_FULL" || code === "ENOSPC") return { message: DISK_FULL_MESSAGE, busy: false };
    if (code.startsWith("SQLITE_READONLY") || code === "EROFS") return { message: READ_ONLY_MESSAGE, busy: false };
    if (code.startsWith("SQLITE_IOERR") || code === "EIO") return { message: DISK_ERROR_MESSAGE, busy: false };
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return { message: BUSY_MESSAGE, busy: true };
    current = current.cause;
  }
  return null;
}

function storageHeaders(failure: StorageFailure): HeadersInit {
  return failure.busy ? { "Retry-After": "1" } : {};
}

export function toHttpError(error: unknown): unknown {
  if (error instanceof NotFoundError) return new Response(error.message, { status: 404 });
  if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
  const failure = storageFailure(error);
  if (failure) {
    return new Response(failure.message, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", ...storageHeaders(failure) } });
  }
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
      return json<ActionFailure>({ ok: false, fieldErrors: error.fieldErrors, formError: error.message, values: echoValues(formData) }, { status: 400 });
    }
    if (error instanceof ConflictError) {
      return json<ActionFailure>({ ok: false, fieldErrors: {}, formError: error.message, values: echoValues(formData) }, { status: 409 });
    }
    const failure = storageFailure(error);
    if (failure) {
      // back to the form, input kept: the user can save again once the disk or the lock is cleared
      return json<ActionFailure>(
        { ok: false, fieldErrors: {}, formError: failure.message, values: echoValues(formData) },
        { status: 503, headers: storageHeaders(failure) },
      );
    }
    throw toHttpError(error);
  }
}
