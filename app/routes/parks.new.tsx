import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";
import { ParkForm } from "../parks/park-form";
import { parkSchema } from "../parks/park.schema";
import { createPark, listFocusChainChoices, listParentChoices } from "../parks/parks.server";

export const meta: MetaFunction = () => [{ title: "新建载体 · 载体平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:system");
  return json({ parents: listParentChoices(null), chains: listFocusChainChoices() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const formData = await readFormData(request);
  return act(() => redirect(`/parks/${createPark({ actor: user, data: parseForm(parkSchema, formData) })}`), formData);
}

export default function NewPark() {
  const { parents, chains } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <div className="card">
      <p>
        <Link to="/parks">← 返回载体平台</Link>
      </p>
      <h1>新建载体</h1>
      <ParkForm defaults={{}} parents={parents} chains={chains} feedback={feedback ?? null} />
    </div>
  );
}
