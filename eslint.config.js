// ESLint (flat config), run by `npm run lint` and so by `npm test`.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "build/",
      "public/build/",
      "node_modules/",
      ".cache/",
      ".scratch/",
      "data/",
      "tests/e2e/.output/",
      "tests/bench/.output/",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `_`-prefixed names are deliberately unused (a destructured field left out, a required parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, "react-hooks/exhaustive-deps": "error" },
  },
  {
    // Hooks live in .ts modules too (app/ui/client-links.ts). Components do not, so the React Compiler's
    // rules of the recommended set (most of the lint's time) stay on .tsx.
    files: ["app/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["**/*.tsx"],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // A route's loader or action must be a function declared in the module. `export const loader = makeLoader(...)`
    // keeps the call — and the server-only imports it reaches — in the client bundle, and the page no longer hydrates.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/^(loader|action)$/][init.type='CallExpression']",
          message:
            "Export loader/action as a function (export function loader(args) { return make(...)(args); }), not as a call result: the call stays in the client bundle.",
        },
        {
          // the same call behind `as X`, `as unknown as X` or `satisfies X`
          selector:
            "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/^(loader|action)$/][init.type=/^TS(As|Satisfies)Expression$/]:matches([init.expression.type='CallExpression'], [init.expression.expression.type='CallExpression'])",
          message:
            "Export loader/action as a function (export function loader(args) { return make(...)(args); }), not as a call result: the call stays in the client bundle.",
        },
      ],
    },
  },
);
