import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { createCompany, DuplicateCompanyWarning } from "../companies/companies.server";
import { CompanyForm } from "../companies/company-form";
import { DuplicateNotice } from "../companies/duplicate-notice";
import { newCompanySchema } from "../companies/company.schema";
import { SUBMISSION_TOKEN_FIELD } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, echoValues } from "../lib/http.server";
import { newSubmissionToken, submissionOf, submitOnce } from "../lib/submissions.server";

export const meta: MetaFunction = () => [{ title: "新建企业 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "create:company");
  return json({ submissionToken: newSubmissionToken() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "create:company");
  const formData = await readFormData(request);
  return act(() => {
    const { confirmDuplicate, ...data } = parseForm(newCompanySchema, formData);
    try {
      // a second submit of this page leads to the company the first one created, not to a duplicate warning
      return redirect(submitOnce(submissionOf(formData, user.id), () => `/companies/${createCompany({ actor: user, data, confirmDuplicate })}`));
    } catch (error) {
      if (!(error instanceof DuplicateCompanyWarning)) throw error;
      return json({ ok: false, duplicates: error.duplicates, fieldErrors: {}, formError: null, values: echoValues(formData) });
    }
  }, formData);
}

export default function NewCompany() {
  const { submissionToken } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const duplicates = feedback && "duplicates" in feedback ? feedback.duplicates : [];
  return (
    <div className="card">
      <h1>新建企业</h1>
      <CompanyForm defaults={{ country: "" }} feedback={feedback} hidden={{ [SUBMISSION_TOKEN_FIELD]: submissionToken }}>
        <DuplicateNotice duplicates={duplicates} action="创建" />
      </CompanyForm>
    </div>
  );
}
