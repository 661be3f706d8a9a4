import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { ParkForm } from "../parks/park-form";
import { parkEditSchema } from "../parks/park.schema";
import { getParkForEdit, listFocusChainChoices, listParentChoices, updatePark } from "../parks/parks.server";

export const meta: MetaFunction = () => [{ title: "编辑载体 · 载体平台" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:system");
  const id = idParam(params.id);
  return load(() => json({ park: getParkForEdit(id), parents: listParentChoices(id), chains: listFocusChainChoices() }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { version, ...data } = parseForm(parkEditSchema, formData);
    updatePark({ actor: user, id, data, version });
    return redirect(`/parks/${id}`);
  }, formData);
}

export default function EditPark() {
  const { park, parents, chains } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <div className="card">
      <p>
        <Link to={`/parks/${park.id}`}>← 返回载体详情</Link>
      </p>
      <h1>编辑载体</h1>
      <ParkForm defaults={park} parents={parents} chains={chains} feedback={feedback ?? null} version={park.version} />
    </div>
  );
}
