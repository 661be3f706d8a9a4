import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "../auth/session.server";
import { getCompany, updateCompany } from "../companies/companies.server";
import { CompanyForm } from "../companies/company-form";
import { companySchema } from "../companies/company.schema";
import { versionField } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";

export const meta: MetaFunction = () => [{ title: "编辑企业 · 招商引资管理系统" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "update:company");
  const id = idParam(params.id);
  return load(() => json({ company: getCompany(id) }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:company");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const data = parseForm(companySchema, formData);
    const { version } = parseForm(z.object({ version: versionField }), formData);
    updateCompany({ actor: user, id, data, version });
    return redirect(`/companies/${id}`);
  }, formData);
}

export default function EditCompany() {
  const { company } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const { contacts: _contacts, ...defaults } = company;
  return (
    <div className="card">
      <p>
        <Link to={`/companies/${company.id}`}>← 返回企业详情</Link>
      </p>
      <h1>编辑企业</h1>
      <CompanyForm defaults={defaults} feedback={feedback} hidden={{ version: company.version }} />
    </div>
  );
}
