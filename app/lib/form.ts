/**
 * Building blocks for form schemas shared by the browser (react-hook-form) and the server.
 * Inputs arrive as strings (FormData) or booleans (checkboxes in react-hook-form).
 */
import { z } from "zod";
import { isValidDate } from "./dates";
import { parseWan } from "./money";
import { withoutControlCharacters } from "./text";

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
      .string()
      .trim()
      .max(max, `${label}不能超过${max}个字`)
      .transform((value) => (value === "" ? null : value)),
  );
}

/** Required text: cleaned and trimmed; a name of only invisible characters is blank. */
export function requiredText(message: string, max = 200, label = "内容") {
  return z.preprocess(
    typedText,
    z.string().trim().min(1, message).max(max, `${label}不能超过${max}个字`),
  );
}

/** A checkbox: "on"/"true"/true → true; absent → false. */
export const checkbox = z.preprocess(
  (value) => value === true || value === "on" || value === "true" || value === "1",
  z.boolean(),
);

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
    z.string().trim().transform((text, ctx) => {
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
    z.string().trim().transform((text, ctx) => {
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
    z.string().trim().transform((text, ctx) => {
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
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z.string().trim().regex(/^\d+$/, message).transform(Number),
  );
}

/** A business date `YYYY-MM-DD`, required. */
export function requiredDate(label: string) {
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z
      .string()
      .trim()
      .min(1, `请选择${label}`)
      .refine(isValidDate, `${label}格式应为 YYYY-MM-DD`),
  );
}

/** A business date `YYYY-MM-DD`, optional: empty → null. */
export function optionalDate(label: string) {
  return z.preprocess(
    (value) => (value == null ? "" : String(value)),
    z
      .string()
      .trim()
      .refine((text) => text === "" || isValidDate(text), `${label}格式应为 YYYY-MM-DD`)
      .transform((text) => (text === "" ? null : text)),
  );
}

/** The `version` an edit form carries for optimistic concurrency. */
export const versionField = z.preprocess((value) => Number(value), z.number().int().positive());
