/**
 * Building blocks for form schemas shared by the browser (react-hook-form) and the server.
 * Inputs arrive as strings (FormData) or booleans (checkboxes in react-hook-form).
 */
import { z } from "zod";
import { dateRangeProblem, isValidDate, type DateRule } from "./dates";
import { parseWan } from "./money";
import { withoutControlCharacters } from "./text";

/**
 * Chinese in place of zod's English for a check that names no message of its own (a hand-made post,
 * a field the form never sends): every schema here names its messages, this is the net under them.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined ? "请填写此项" : "内容无效";
      case "too_big":
        return issue.origin === "string"
          ? `不能超过${issue.maximum}个字`
          : issue.origin === "array"
            ? `最多选择${issue.maximum}项`
            : `不能大于${issue.maximum}`;
      case "too_small":
        if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "请填写此项" : `不能少于${issue.minimum}个字`;
        return issue.origin === "array" ? `至少选择${issue.minimum}项` : `不能小于${issue.minimum}`;
      case "invalid_value":
        return "请选择有效的选项";
      case "invalid_format":
        return "格式不正确";
      default:
        return "内容无效";
    }
  },
});

/**
 * Typed text as the system keeps it (DESIGN.md §9): control characters nobody means (Word's
 * Shift+Enter U+000B, U+0001, U+FFFE, zero-width and direction marks) removed; tab and line breaks stay.
 */
const typedText = (value: unknown) => (value == null ? "" : typeof value === "string" ? withoutControlCharacters(value) : value);

/** Optional free text: cleaned, trimmed, empty → null. */
export function optionalText(max = 500, label = "内容") {
  return z.preprocess(
    typedText,
    z
      .string({ error: `${label}应为文字` })
      .trim()
      .max(max, `${label}不能超过${max}个字`)
      .transform((value) => (value === "" ? null : value)),
  );
}

/** Required text: cleaned and trimmed; a name of only invisible characters is blank. */
export function requiredText(message: string, max = 200, label = "内容") {
  return z.preprocess(typedText, z.string({ error: message }).trim().min(1, message).max(max, `${label}不能超过${max}个字`));
}

/** A page posting an `intent` the action does not know (an old page, a hand-made post). */
export const UNKNOWN_INTENT = "操作无效，请刷新页面后重试";

/** The hidden field a creating form posts its one-time token in (submissions.server.ts). */
export const SUBMISSION_TOKEN_FIELD = "submissionToken";

/** A page too old to carry a valid `version` (or a hand-made post): reload, don't guess. */
export const VERSION_MESSAGE = "页面数据已过期，请刷新后重试";

/** A checkbox: "on"/"true"/true → true; absent → false. */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

function wanText(label: string) {
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z.string().transform((text, ctx) => {
      const units = parseWan(text);
      if (units === undefined) {
        ctx.addIssue({ code: "custom", message: `${label}应为不超过两位小数的非负数` });
        return z.NEVER;
      }
      return units;
    }),
  );
}

/** An optional amount typed in 万 (two decimals at most), stored in base units; empty → null. */
export function wanAmount(label: string) {
  return wanText(label);
}

/** A required amount typed in 万, stored in base units. */
export function requiredWanAmount(label: string) {
  return wanText(label).refine((units): units is number => units !== null, `请输入${label}`) as unknown as z.ZodType<number, unknown>;
}

/** A non-negative whole number, optional. */
export function optionalCount(label: string, max = 10_000_000) {
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z
      .string()
      .trim()
      .transform((text, ctx) => {
        if (text === "") return null;
        if (!/^\d+$/.test(text) || Number(text) > max) {
          ctx.addIssue({ code: "custom", message: `${label}应为不超过${max}的整数` });
          return z.NEVER;
        }
        return Number(text);
      }),
  );
}

/** A non-negative decimal (e.g. 用地（亩）), up to two decimals, optional. */
export function optionalDecimal(label: string) {
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z
      .string()
      .trim()
      .transform((text, ctx) => {
        if (text === "") return null;
        if (!/^\d{1,7}(\.\d{1,2})?$/.test(text)) {
          ctx.addIssue({ code: "custom", message: `${label}应为不超过两位小数的非负数` });
          return z.NEVER;
        }
        return Number(text);
      }),
  );
}

/** An id chosen from a list; empty → null. */
export function optionalId(label: string) {
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z
      .string()
      .trim()
      .transform((text, ctx) => {
        if (text === "") return null;
        if (!/^\d+$/.test(text)) {
          ctx.addIssue({ code: "custom", message: `${label}无效` });
          return z.NEVER;
        }
        return Number(text);
      }),
  );
}

export function requiredId(message: string) {
  return z.preprocess((value) => (value == null ? "" : String(value)), z.string().trim().regex(/^\d+$/, message).transform(Number));
}

/** The bounds every date field keeps (DESIGN.md §9), checked once the text is a real date. */
function withinDateRange(label: string, rule: Omit<DateRule, "label">) {
  return (text: string, ctx: z.RefinementCtx) => {
    if (!isValidDate(text)) return;
    const problem = dateRangeProblem(text, { ...rule, label });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

/**
 * A business date `YYYY-MM-DD`, required: from 1980-01-01 to ten years after today, or to today
 * with `notAfterToday` (线索/活动/到账 dates).
 */
export function requiredDate(label: string, rule: Omit<DateRule, "label"> = {}) {
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z.string().trim().min(1, `请选择${label}`).refine(isValidDate, `${label}格式应为 YYYY-MM-DD`).superRefine(withinDateRange(label, rule)),
  );
}

/** A business date `YYYY-MM-DD`, optional: empty → null; bounded as requiredDate. */
export function optionalDate(label: string, rule: Omit<DateRule, "label"> = {}) {
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z
      .string()
      .trim()
      .refine((text) => text === "" || isValidDate(text), `${label}格式应为 YYYY-MM-DD`)
      .superRefine(withinDateRange(label, rule))
      .transform((text) => (text === "" ? null : text)),
  );
}

/** The `version` an edit form carries for optimistic concurrency. */
export const versionField = z.preprocess((value) => Number(value), z.number({ error: VERSION_MESSAGE }).int(VERSION_MESSAGE).positive(VERSION_MESSAGE));
