import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { getContact, removeContact } from "../companies/companies.server";
import { contactRemovalSchema } from "../companies/company.schema";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { ConfirmPage, type Confirmation } from "../ui/confirm";

export const meta: MetaFunction = () => [{ title: "移除联系人 · 招商引资管理系统" }];

/** The confirmation of 移除 (the company page's button opens it without JavaScript). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "update:company");
  const companyId = idParam(params.id);
  const contactId = idParam(params.contactId);
  return load(() => {
    const contact = getContact({ companyId, contactId });
    const confirmation: Confirmation = {
      question: `确定从「${contact.companyName}」移除联系人「${contact.name}${contact.title ? ` · ${contact.title}` : ""}」？`,
      detail: "移除后不再列在企业页面上，变更记录中保留这次移除。",
      action: `/companies/${companyId}/contacts/${contactId}/remove`,
      fields: { version: String(contact.version) },
      label: "移除",
      back: `/companies/${companyId}`,
    };
    return json({ contact, confirmation });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:company");
  const companyId = idParam(params.id);
  const contactId = idParam(params.contactId);
  const formData = await readFormData(request);
  return act(() => {
    removeContact({ actor: user, companyId, contactId, version: parseForm(contactRemovalSchema, formData).version });
    return redirect(`/companies/${companyId}`);
  }, formData);
}

export default function RemoveContact() {
  const { confirmation } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as { formError?: string | null } | undefined;
  return (
    <>
      <div className="page-head">
        <h1>移除联系人</h1>
      </div>
      <ConfirmPage confirmation={confirmation} error={failure?.formError} />
    </>
  );
}
