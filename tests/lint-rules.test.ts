/**
 * The project's own lint rule (eslint.config.js): a route module must not export its loader or
 * action as a call result — the Remix compiler keeps the call, and the server-only code it reaches,
 * in the client bundle, and the page stops hydrating (app/routes/admin.units.tsx once did).
 */
import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

const RULE = "no-restricted-syntax";

async function routeRuleHits(code: string, filePath: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((message) => message.ruleId === RULE).map((message) => message.line);
}

const header = `import type { ActionFunctionArgs, LoaderFunctionArgs, LoaderFunction } from "@remix-run/node";
import { referenceListAction, referenceListLoader } from "../admin/reference-list-route.server";
`;

describe("route modules export loader and action as functions", () => {
  it("refuses a loader or action exported as a call result, typed or cast", async () => {
    const code = `${header}
export const loader: LoaderFunction = referenceListLoader("units");
export const action = referenceListAction("units") as unknown as LoaderFunction;
export default function Page() { return null; }
`;
    expect(await routeRuleHits(code, "app/routes/lint-probe.tsx")).toEqual([4, 5]);
  });

  it("accepts functions that call the maker, and other exports made by a call", async () => {
    const code = `${header}
export function loader(args: LoaderFunctionArgs) { return referenceListLoader("units")(args); }
export const action = (args: ActionFunctionArgs) => referenceListAction("units")(args);
export const handle = Object.freeze({ breadcrumb: "单位" });
export default function Page() { return null; }
`;
    expect(await routeRuleHits(code, "app/routes/lint-probe.tsx")).toEqual([]);
  });

  it("applies to route modules only", async () => {
    const code = `${header}
export const loader = referenceListLoader("units");
`;
    expect(await routeRuleHits(code, "app/admin/lint-probe.ts")).toEqual([]);
    expect(await routeRuleHits(code, "app/routes/lint-probe.ts")).toEqual([4]);
  });
});
