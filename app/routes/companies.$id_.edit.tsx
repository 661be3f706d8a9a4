import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { DuplicateCompanyWarning, getCompany, updateCompany } from "../companies/companies.server";
import { CompanyForm } from "../companies/company-form";
import { DuplicateNotice } from "../companies/duplicate-notice";
import { companyEditSchema } from "../companies/company.schema";
import { parseForm, readFormData } from "../lib/form.server";
import { act, echoValues, load } from "../lib/http.server";
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
    const { version, confirmDuplicate, ...data } = parseForm(companyEditSchema, formData);
    try {
      updateCompany({ actor: user, id, data, version, confirmDuplicate });
    } catch (error) {
      if (!(error instanceof DuplicateCompanyWarning)) throw error;
      return json({ ok: false, duplicates: error.duplicates, fieldErrors: {}, formError: null, values: echoValues(formData) });
    }
    return redirect(`/companies/${id}`);
  }, formData);
}

export default function EditCompany() {
  const { company } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const { contacts: _contacts, ...defaults } = company;
  const duplicates = feedback && "duplicates" in feedback ? feedback.duplicates : [];
  return (
    <div className="card">
      <p>
        <Link to={`/companies/${company.id}`}>← 返回企业详情</Link>
      </p>
      <h1>编辑企业</h1>
      <CompanyForm defaults={defaults} feedback={feedback} hidden={{ version: company.version }}>
        <DuplicateNotice duplicates={duplicates} action="保存" />
      </CompanyForm>
    </div>
  );
}
