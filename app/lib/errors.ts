/**
 * Typed domain errors, thrown by domain code and mapped to HTTP in one place (app/lib/http.server.ts).
 */
export type FieldErrors = Record<string, string>;

export class NotFoundError extends Error {
  constructor(message = "记录不存在或无权查看") {
    super(message);
  }
}

export class ForbiddenError extends Error {
  constructor(message = "没有执行此操作的权限") {
    super(message);
  }
}

export class ConflictError extends Error {
  constructor(message = "该记录已被他人修改，请刷新后重试") {
    super(message);
  }
}

/** Input a user can correct: messages per field and/or for the whole form. */
export class InvalidError extends Error {
  constructor(
    public readonly fieldErrors: FieldErrors,
    message = "请修正标记的字段",
  ) {
    super(message);
  }
}
