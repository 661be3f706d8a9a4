import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";
import { createPolicy } from "../policies/policies.server";
import { PolicyForm } from "../policies/policy-form";
import { policySchema } from "../policies/policy.schema";

export const meta: MetaFunction = () => [{ title: "新建政策 · 政策库" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:system");
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const formData = await readFormData(request);
  return act(() => redirect(`/policies/${createPolicy({ actor: user, data: parseForm(policySchema, formData) })}`), formData);
}

export default function NewPolicy() {
  const feedback = useActionData<typeof action>();
  return (
    <div className="card">
      <p>
        <Link to="/policies">← 返回政策库</Link>
      </p>
      <h1>新建政策</h1>
      <PolicyForm defaults={{}} feedback={feedback ?? null} />
    </div>
  );
}
