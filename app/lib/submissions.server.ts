/**
 * Forms that create a record (新建项目, 新建企业, 添加活动记录) carry a one-time token, made when the
 * page is rendered (DESIGN.md §9). A second submit of the same page — a double click, a retry after a
 * slow answer, a resent POST — writes nothing and leads where the first one did.
 */
import { randomUUID } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { db, t } from "../db.server";
import { InvalidError } from "./errors";
import { countBookkeepingChanges } from "../figures/figure-cache.server";
import { SUBMISSION_TOKEN_FIELD } from "./form";

/** Tokens older than this are pruned: nobody resubmits a page a day later and expects it to be the same. */
const KEEP_MS = 24 * 3_600_000;

const TOKEN = /^[A-Za-z0-9-]{16,64}$/;

/** A new token for a form being rendered. */
export function newSubmissionToken(): string {
  return randomUUID();
}

export interface Submission {
  userId: number;
  /** null when the page carried none (opened before tokens existed): the submit proceeds as ever */
  token: string | null;
}

export function submissionOf(formData: FormData, userId: number): Submission {
  const token = formData.get(SUBMISSION_TOKEN_FIELD);
  return { userId, token: typeof token === "string" && TOKEN.test(token) ? token : null };
}

/**
 * Runs `create` once per token and returns where its result is shown (`create` returns that place).
 * The token is recorded in the same transaction as what `create` writes (its own transaction nests
 * inside this one), so the record and its token are written together or not at all; a token seen
 * before returns the first submission's place and runs nothing. The transaction takes the write
 * lock at its start, so two copies of one submit arriving together cannot both pass the check.
 */
export function submitOnce(submission: Submission, create: () => string): string {
  const { token, userId } = submission;
  if (!token) return create();
  return db().transaction(
    (tx) => {
      const earlier = tx.select().from(t.formSubmissions).where(eq(t.formSubmissions.token, token)).get();
      if (earlier) {
        // another user's token can only be forged: refuse rather than say where their record is
        if (earlier.userId !== userId) throw new InvalidError({}, "表单已失效，请刷新页面后重新填写");
        return earlier.location;
      }
      const location = create();
      const now = Date.now();
      const recorded = tx.insert(t.formSubmissions).values({ token, userId, location, at: now }).run().changes;
      const pruned = tx
        .delete(t.formSubmissions)
        .where(lt(t.formSubmissions.at, now - KEEP_MS))
        .run().changes;
      // no figure reads the tokens
      countBookkeepingChanges(recorded + pruned);
      return location;
    },
    { behavior: "immediate" },
  );
}
