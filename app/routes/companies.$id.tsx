import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ACTIVITY_TYPE_LABELS } from "../activities/activity";
import { AuditList } from "../audit/audit-list";
import { auditOnPage } from "../audit/audit-view.server";
import { can } from "../auth/permissions";
import { requirePermission, requireUser } from "../auth/session.server";
import { addContact, deleteCompany, getCompany, listCompanyAudit, listCompanyProjects, updateContact } from "../companies/companies.server";
import { companyDeletionSchema, contactEditSchema, contactSchema } from "../companies/company.schema";
import { ConfirmButton } from "../ui/confirm";
import { regionLabel } from "../companies/regions";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { formatWan } from "../lib/money";
import { idParam } from "../lib/params";
import { listCompanyActivities } from "../projects/projects.server";
import { UNKNOWN_INTENT } from "../lib/form";
import { FormErrorBanner, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { StageBadge, StatusBadge } from "../ui/project-bits";
import type { Stage, Status } from "../projects/stages";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.company.name ?? "企业"} · 企业库` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() =>
    json({
      company: getCompany(id),
      projects: listCompanyProjects(user, id),
      activities: listCompanyActivities(user, id),
      audit: auditOnPage("company", new URL(request.url), (limit) => listCompanyAudit(id, limit)),
      canCreateProject: can(user.role, "create:project"),
    }),
  );
}

const intentSchema = z.object({ intent: z.enum(["addContact", "editContact", "delete"], { error: UNKNOWN_INTENT }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:company");
  const companyId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    if (intent === "addContact") {
      addContact({ actor: user, companyId, data: parseForm(contactSchema, formData) });
      return json({ ok: true, intent });
    }
    if (intent === "editContact") {
      const { contactId, version, ...data } = parseForm(contactEditSchema, formData);
      updateContact({ actor: user, companyId, contactId, data, version });
      return json({ ok: true, intent });
    }
    deleteCompany({ actor: user, id: companyId, version: parseForm(companyDeletionSchema, formData).version });
    return redirect("/companies");
  }, formData);
}

function ContactForm({
  defaults,
  feedback,
  hidden,
  submitLabel,
}: {
  defaults: Record<string, string | number | null>;
  feedback?: FormFeedback | null;
  hidden: Record<string, string | number>;
  submitLabel: string;
}) {
  const form = useValidatedForm(contactSchema, defaults, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="name" label="姓名" required />
        <TextField form={form} name="title" label="职务" />
        <TextField form={form} name="phone" label="电话" type="tel" />
        <TextField form={form} name="email" label="邮箱" type="email" />
        <TextField form={form} name="language" label="沟通语言" />
        <TextField form={form} name="note" label="备注" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export default function CompanyDetail() {
  const { company, projects, activities, audit, canCreateProject } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const submitted = feedback && "values" in feedback ? feedback.values : undefined;
  const submittedIntent = submitted?.intent ?? (feedback && "intent" in feedback ? feedback.intent : undefined);
  const submittedContact = submitted?.contactId;
  return (
    <>
      <div className="page-head">
        <h1>{company.name}</h1>
        <div className="form-actions" style={{ marginTop: 0 }}>
          <Link to="edit" className="button secondary">
            编辑
          </Link>
          {canCreateProject ? (
            <Link to={`/projects/new?companyId=${company.id}`} className="button">
              新建项目
            </Link>
          ) : null}
        </div>
      </div>
      <section className="card" aria-label="企业信息">
        <dl className="facts">
          <div>
            <dt>外文名称</dt>
            <dd>{company.foreignName ?? "—"}</dd>
          </div>
          <div>
            <dt>统一社会信用代码</dt>
            <dd>{company.uscc ?? "—"}</dd>
          </div>
          <div>
            <dt>国别/地区</dt>
            <dd>{regionLabel(company.country)}</dd>
          </div>
          <div>
            <dt>所在城市</dt>
            <dd>{company.city ?? "—"}</dd>
          </div>
          <div>
            <dt>所属行业</dt>
            <dd>{company.industry ?? "—"}</dd>
          </div>
          <div>
            <dt>标签</dt>
            <dd>
              {company.isFortune500 ? <span className="badge">世界500强</span> : null} {company.isChainLeader ? <span className="badge">链主企业</span> : null}{" "}
              {company.isExistingInvestor ? <span className="badge">存量外资企业</span> : null}
              {!company.isFortune500 && !company.isChainLeader && !company.isExistingInvestor ? "—" : null}
            </dd>
          </div>
        </dl>
        {company.description ? <p style={{ whiteSpace: "pre-wrap" }}>{company.description}</p> : null}
      </section>

      <div className="columns">
        <div>
          <section className="card">
            <h2>招商项目</h2>
            {projects.length === 0 ? (
              <p className="muted">暂无项目</p>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th>项目名称</th>
                    <th>阶段</th>
                    <th>项目状态</th>
                    <th className="num">总投资（万美元）</th>
                    <th>负责人</th>
                  </tr>
                </thead>
                <tbody>
                  {projects.map((project) => (
                    <tr key={project.id}>
                      <td>
                        <Link to={`/projects/${project.id}`}>{project.name}</Link>
                      </td>
                      <td>
                        <StageBadge stage={project.stage as Stage} signedOn={null} signingVerifiedAt={null} />
                      </td>
                      <td>
                        <StatusBadge status={project.status as Status} />
                      </td>
                      <td className="num">{formatWan(project.totalInvestmentUsd)}</td>
                      <td>{project.ownerName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card">
            <h2>活动记录</h2>
            {activities.length === 0 ? (
              <p className="muted">暂无活动记录</p>
            ) : (
              <ul className="timeline">
                {activities.map((activity) => (
                  <li key={activity.id}>
                    <div className="meta">
                      {activity.occurredOn} · {ACTIVITY_TYPE_LABELS[activity.type]}
                      {activity.place ? ` · ${activity.place}` : ""} · {activity.createdByName ?? ""}
                      {activity.projectId ? (
                        <>
                          {" "}
                          · <Link to={`/projects/${activity.projectId}`}>{activity.projectName}</Link>
                        </>
                      ) : null}
                    </div>
                    <div>{activity.summary}</div>
                    {activity.nextStep ? <div className="muted">下一步：{activity.nextStep}</div> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div>
          <section className="card">
            <h2>联系人</h2>
            {company.contacts.length === 0 ? <p className="muted">暂无联系人</p> : null}
            {company.contacts.map((contact) => (
              <details key={contact.id} open={submittedIntent === "editContact" && submittedContact === String(contact.id) && !feedback?.ok}>
                <summary>
                  {contact.name}
                  {contact.title ? ` · ${contact.title}` : ""}
                  {contact.phone ? ` · ${contact.phone}` : ""}
                  {contact.email ? ` · ${contact.email}` : ""}
                  {contact.language ? ` · ${contact.language}` : ""}
                </summary>
                <ContactForm
                  defaults={contact}
                  feedback={submittedIntent === "editContact" && submittedContact === String(contact.id) ? feedback : null}
                  hidden={{ intent: "editContact", contactId: contact.id, version: contact.version }}
                  submitLabel="保存联系人"
                />
                <ConfirmButton
                  action={`/companies/${company.id}/contacts/${contact.id}/remove`}
                  fields={{ version: contact.version }}
                  label="移除"
                  question={`确定移除联系人「${contact.name}」？`}
                  ariaLabel={`移除联系人 ${contact.name}`}
                />
              </details>
            ))}
            <details open={submittedIntent === "addContact" && !feedback?.ok}>
              <summary>添加联系人</summary>
              <ContactForm
                key={feedback?.ok && submittedIntent === "addContact" ? "reset" : "form"}
                defaults={{}}
                feedback={submittedIntent === "addContact" && !feedback?.ok ? feedback : null}
                hidden={{ intent: "addContact" }}
                submitLabel="添加联系人"
              />
            </details>
          </section>
          <section className="card">
            <h2>变更记录</h2>
            <AuditList rows={audit.rows} olderHref={audit.olderHref} />
          </section>
        </div>
      </div>
    </>
  );
}
