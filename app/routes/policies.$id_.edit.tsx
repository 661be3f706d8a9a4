import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { getPolicyForEdit, updatePolicy } from "../policies/policies.server";
import { PolicyForm } from "../policies/policy-form";
import { policyEditSchema } from "../policies/policy.schema";

export const meta: MetaFunction = () => [{ title: "编辑政策 · 政策库" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:system");
  const id = idParam(params.id);
  return load(() => json({ policy: getPolicyForEdit(id) }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { version, ...data } = parseForm(policyEditSchema, formData);
    updatePolicy({ actor: user, id, data, version });
    return redirect(`/policies/${id}`);
  }, formData);
}

export default function EditPolicy() {
  const { policy } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <div className="card">
      <p>
        <Link to={`/policies/${policy.id}`}>← 返回政策</Link>
      </p>
      <h1>编辑政策</h1>
      <PolicyForm defaults={policy} feedback={feedback ?? null} version={policy.version} />
    </div>
  );
}
