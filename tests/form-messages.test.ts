/**
 * Every message a form schema can answer is Chinese (DESIGN.md §9): each exported schema of
 * app/**\/*.schema.ts (and the other form schemas) is fed bad input — nothing, and every field set to
 * an object, "abc", "-1", "1e999", 10,000 characters, a list — and no issue may carry zod's English.
 * Run once as the app runs, and once without the Chinese net of lib/form.ts (z.config), so every
 * field names its own message instead of leaning on the net's generic one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as activity from "../app/activities/activity";
import * as passwordPolicy from "../app/auth/password-policy";

const modules: Record<string, Record<string, unknown>> = {
  ...import.meta.glob<Record<string, unknown>>("../app/**/*.schema.ts", { eager: true }),
  "~/activities/activity": activity,
  "~/auth/password-policy": passwordPolicy,
};

const schemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ label: `${file.replace(/^.*app\//, "")} ${name}`, schema })),
);

type Def = { type: string; shape?: Record<string, unknown>; left?: z.ZodType; right?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; innerType?: z.ZodType };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** The field names an object-like schema reads (through refinements, pipes, intersections and unions). */
function fieldsOf(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === "object") return Object.keys(def.shape ?? {});
  if (def.type === "intersection") return [...fieldsOf(def.left!), ...fieldsOf(def.right!)];
  if (def.type === "union") return [...new Set(def.options!.flatMap(fieldsOf))];
  if (def.type === "pipe") return fieldsOf(def.in!);
  if (def.innerType) return fieldsOf(def.innerType);
  return [];
}

/** For a discriminated union, each member's tag (so the bad values reach the member's fields). */
function tagsOf(schema: z.ZodType): Record<string, unknown>[] {
  const def = schema._zod.def as unknown as { discriminator?: string; options?: z.ZodType[] };
  if (!def.discriminator) return [{}];
  return def.options!.map((option) => ({ [def.discriminator!]: [...(option._zod.propValues?.[def.discriminator!] ?? [])][0] }));
}

const BAD_VALUES: unknown[] = [{ a: 1 }, "abc", "-1", "1e999", "字".repeat(10_000), "x".repeat(10_000), ["a", "b"], "", true, 1.5];

/** Bad input for a form: nothing, or every field wrong (a form always posts an object; `roots` adds bodies that are none). */
function badInputs(schema: z.ZodType, roots: boolean): unknown[] {
  const fields = fieldsOf(schema);
  const inputs: unknown[] = roots ? [{}, null, "abc", []] : [{}];
  for (const value of BAD_VALUES) {
    for (const tag of tagsOf(schema)) inputs.push({ ...Object.fromEntries(fields.map((field) => [field, value])), ...tag });
  }
  return inputs;
}

const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH = /Invalid|Expected|Required|received/i;

function englishIssues(schema: z.ZodType, roots = false): string[] {
  const found: string[] = [];
  for (const input of badInputs(schema, roots)) {
    const result = schema.safeParse(input);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      if (!CHINESE.test(issue.message) || ENGLISH.test(issue.message)) found.push(`${issue.path.join(".") || "(form)"}: ${issue.message}`);
    }
  }
  return [...new Set(found)];
}

it("walks the form schemas", () => {
  expect(schemas.length).toBeGreaterThan(40);
  expect(schemas.map((entry) => entry.label)).toEqual(
    expect.arrayContaining([expect.stringMatching(/verification\.schema\.ts verificationSchema$/), "~/auth/password-policy changePasswordSchema"]),
  );
});

describe("as the app runs (with the Chinese net)", () => {
  it.each(schemas)("$label answers bad input in Chinese", ({ schema }) => {
    expect(englishIssues(schema, true)).toEqual([]);
  });
});

describe("without the net: every field names its own message", () => {
  let saved: z.core.$ZodConfig["customError"];
  beforeAll(() => {
    saved = z.config().customError;
    z.config({ customError: undefined });
  });
  afterAll(() => {
    z.config({ customError: saved });
  });

  it.each(schemas)("$label answers bad input in Chinese", ({ schema }) => {
    expect(englishIssues(schema)).toEqual([]);
  });
});

describe("the net itself", () => {
  it.each([
    ["a missing field", z.string(), undefined],
    ["a wrong type", z.number(), "abc"],
    ["too long", z.string().max(2), "abcd"],
    ["too few", z.array(z.string()).min(1), []],
    ["not an option", z.enum(["a", "b"]), "c"],
    ["a bad format", z.string().regex(/^\d+$/), "x"],
    ["an unknown key", z.strictObject({}), { x: 1 }],
  ])("answers %s in Chinese", (_, schema, input) => {
    const message = schema.safeParse(input).error!.issues[0]!.message;
    expect(message).toMatch(CHINESE);
    expect(message).not.toMatch(ENGLISH);
  });
});
