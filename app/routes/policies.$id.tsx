import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuditList } from "../audit/audit-list";
import { auditOnPage } from "../audit/audit-view.server";
import { can } from "../auth/permissions";
import { COMMITMENT_STATUS_LABELS } from "../commitments/commitment-rules";
import { requirePermission, requireUser } from "../auth/session.server";
import { UNKNOWN_INTENT } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { formatAmount, formatWan, wanInputValue } from "../lib/money";
import { idParam } from "../lib/params";
import { INCENTIVE_TYPES, POLICY_LEVEL_LABELS } from "../policies/labels";
import { addClause, getPolicy, listPolicyAudit, removeClause, updateClause } from "../policies/policies.server";
import { clauseEditSchema, clauseRemovalSchema, clauseSchema } from "../policies/policy.schema";
import { STAGE_LABELS } from "../projects/stages";
import { ConfirmButton, ConfirmPage, confirmationQuery, type Confirmation } from "../ui/confirm";
import { FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.policy.title ?? "政策"} · 政策库` }];

/** What relies on a clause about to be deleted (kept as it is), e.g. 3 个项目以其为政策依据，1 项承诺依据该条款。 */
function reliance(projectCount: number, commitmentCount: number): string {
  const parts = [projectCount > 0 ? `${projectCount} 个项目以其为政策依据` : null, commitmentCount > 0 ? `${commitmentCount} 项承诺依据该条款` : null].filter(
    Boolean,
  );
  return parts.length > 0 ? `${parts.join("，")}，均保留不变。` : "";
}

/** The policy's page; with `?intent=removeClause&clauseId=…` (删除条款 without JavaScript) the confirmation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const asked = confirmationQuery(request, ["removeClause"] as const);
  return load(() => {
    const policy = getPolicy(user, id);
    const canAdmin = can(user.role, "admin:system");
    const clause = asked && canAdmin ? policy.clauses.find((row) => String(row.id) === asked.clauseId) : undefined;
    const confirmation: Confirmation | null = clause
      ? {
          question: `确定删除「${policy.policy.title}」的条款「${clause.number}」？`,
          detail: `${reliance(clause.projectCount, clause.commitmentCount)}删除后不再出现在条款选择中，变更记录中保留这次删除。`,
          action: `/policies/${id}`,
          fields: { intent: "removeClause", clauseId: String(clause.id) },
          label: "删除条款",
          back: `/policies/${id}`,
        }
      : null;
    return json({ ...policy, audit: auditOnPage("policy", new URL(request.url), (limit) => listPolicyAudit(id, limit)), canAdmin, confirmation });
  });
}

const intentSchema = z.object({ intent: z.enum(["addClause", "updateClause", "removeClause"], { error: UNKNOWN_INTENT }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const policyId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    if (intent === "addClause") addClause({ actor: user, policyId, data: parseForm(clauseSchema, formData) });
    if (intent === "removeClause") removeClause({ actor: user, policyId, clauseId: parseForm(clauseRemovalSchema, formData).clauseId });
    if (intent === "updateClause") {
      const { clauseId, version, ...data } = parseForm(clauseEditSchema, formData);
      updateClause({ actor: user, policyId, clauseId, data, version });
    }
    return json({ ok: true as const, intent });
  }, formData);
}

type Clause = ReturnType<typeof useLoaderData<typeof loader>>["clauses"][number];

function ClauseForm({ clause, feedback }: { clause?: Clause; feedback: FormFeedback | null }) {
  const form = useValidatedForm(
    clauseSchema,
    clause
      ? {
          number: clause.number,
          text: clause.text,
          incentiveType: clause.incentiveType ?? "",
          formula: clause.formula ?? "",
          capCny: wanInputValue(clause.capCny),
        }
      : {},
    feedback,
  );
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value={clause ? "updateClause" : "addClause"} />
      {clause ? (
        <>
          <input type="hidden" name="clauseId" value={clause.id} />
          <input type="hidden" name="version" value={clause.version} />
        </>
      ) : null}
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="number" label="条款编号" required placeholder="如 第五条" />
        <SelectField
          form={form}
          name="incentiveType"
          label="奖励类型"
          placeholder="（无）"
          options={INCENTIVE_TYPES.map((type) => ({ value: type, label: type }))}
        />
        <TextField form={form} name="capCny" label="上限（万元）" inputMode="decimal" />
        <TextField form={form} name="formula" label="计算方式" />
        <TextAreaField form={form} name="text" label="条款内容" required />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {clause ? "保存条款" : "添加条款"}
        </button>
      </div>
    </Form>
  );
}

export default function PolicyPage() {
  const { policy, clauses, audit, canAdmin, confirmation } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as (FormFeedback & { intent?: string }) | undefined;
  const failed = (intent: string, clauseId?: number) =>
    feedback && !feedback.ok && feedback.values?.intent === intent && (clauseId === undefined || feedback.values?.clauseId === String(clauseId))
      ? feedback
      : null;
  if (confirmation) {
    return (
      <>
        <p className="muted">
          <Link to={`/policies/${policy.id}`}>← 返回：{policy.title}</Link>
        </p>
        <ConfirmPage confirmation={confirmation} />
      </>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to="/policies">政策库</Link>
          </p>
          <h1>
            {policy.title} {policy.expired ? <span className="badge danger">失效</span> : <span className="badge verified">有效</span>}
            {policy.isSample ? <span className="badge"> 示例</span> : null}
          </h1>
        </div>
        {canAdmin ? (
          <Link to={`/policies/${policy.id}/edit`} className="button secondary">
            编辑
          </Link>
        ) : null}
      </div>
      <section className="card" aria-labelledby="policy-title">
        <h2 id="policy-title">政策信息</h2>
        <dl className="facts">
          <div>
            <dt>文号</dt>
            <dd>{policy.docNumber ?? "—"}</dd>
          </div>
          <div>
            <dt>发文机关</dt>
            <dd>{policy.issuer ?? "—"}</dd>
          </div>
          <div>
            <dt>层级</dt>
            <dd>{POLICY_LEVEL_LABELS[policy.level]}</dd>
          </div>
          <div>
            <dt>发文日期</dt>
            <dd>{policy.issuedOn ?? "—"}</dd>
          </div>
          <div>
            <dt>有效期</dt>
            <dd>
              {policy.effectiveFrom ?? "—"} 至 {policy.effectiveTo ?? "长期"}
            </dd>
          </div>
          {policy.repealedOn ? (
            <div>
              <dt>废止日期</dt>
              <dd>{policy.repealedOn}</dd>
            </div>
          ) : null}
          <div>
            <dt>链接</dt>
            <dd>
              {policy.url ? (
                <a href={policy.url} rel="noreferrer noopener" target="_blank">
                  {policy.url}
                </a>
              ) : (
                "—"
              )}
            </dd>
          </div>
        </dl>
        {policy.summary ? <p>{policy.summary}</p> : null}
      </section>

      {clauses.length === 0 ? <p className="muted">尚未录入条款</p> : null}
      {clauses.map((clause) => (
        <section key={clause.id} className="card" aria-label={`条款 ${clause.number}`}>
          <h2>
            {clause.number} {clause.incentiveType ? <span className="badge">{clause.incentiveType}</span> : null}
          </h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{clause.text}</p>
          {clause.formula || clause.capCny ? (
            <p className="muted">
              {clause.formula ? `计算方式：${clause.formula}` : ""} {clause.capCny ? `上限 ${formatAmount(clause.capCny, "元")}` : ""}
            </p>
          ) : null}
          <div className="columns">
            <div>
              <h3>以此为政策依据的项目（共 {clause.projectCount} 个）</h3>
              {clause.projects.length === 0 ? (
                <p className="muted">无</p>
              ) : (
                <ul>
                  {clause.projects.map((project) => (
                    <li key={project.id}>
                      <Link to={`/projects/${project.id}`}>{project.name}</Link>{" "}
                      <span className="muted">
                        {STAGE_LABELS[project.stage]}
                        {project.note ? ` · ${project.note}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {clause.projectCount > clause.projects.length ? <p className="muted">仅列出最近更新的 {clause.projects.length} 个</p> : null}
            </div>
            <div>
              <h3>据此作出的承诺（共 {clause.commitmentCount} 项）</h3>
              {clause.commitments.length === 0 ? (
                <p className="muted">无</p>
              ) : (
                <table className="data" aria-label={`${clause.number} 的承诺`}>
                  <thead>
                    <tr>
                      <th>承诺事项</th>
                      <th>项目</th>
                      <th>状态</th>
                      <th className="num">承诺金额（万元）</th>
                    </tr>
                  </thead>
                  <tbody>
                    {clause.commitments.map((commitment) => (
                      <tr key={commitment.id}>
                        <td>{commitment.item}</td>
                        <td>
                          <Link to={`/projects/${commitment.projectId}`}>{commitment.projectName}</Link>
                        </td>
                        <td>{COMMITMENT_STATUS_LABELS[commitment.status]}</td>
                        <td className="num">{formatWan(commitment.amountCny)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
          {canAdmin ? (
            <details open={Boolean(failed("updateClause", clause.id))}>
              <summary>修改条款</summary>
              <ClauseForm key={clause.version} clause={clause} feedback={failed("updateClause", clause.id)} />
              <ConfirmButton
                action={`/policies/${policy.id}`}
                fields={{ intent: "removeClause", clauseId: clause.id }}
                label="删除条款"
                question={`确定删除条款「${clause.number}」？`}
                className="danger"
              />
            </details>
          ) : null}
        </section>
      ))}
      {canAdmin ? (
        <section className="card" aria-labelledby="add-clause-title">
          <h2 id="add-clause-title">添加条款</h2>
          <ClauseForm key={`new-${clauses.length}`} feedback={failed("addClause")} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">变更记录</h2>
        <AuditList rows={audit.rows} olderHref={audit.olderHref} />
      </section>
    </>
  );
}
