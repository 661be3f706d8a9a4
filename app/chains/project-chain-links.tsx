import { Form, Link } from "@remix-run/react";
import { ConfirmButton } from "../ui/confirm";
import { FormErrorBanner, SelectField, useValidatedForm, type FormFeedback } from "../ui/form";
import { GapBadge } from "./chain-bits";
import { chainLinkSchema } from "./chain.schema";
import { LINK_ROLE_LABELS, LINK_ROLES, type GapStatus, type LinkRole } from "./labels";

interface ChainLinkRow {
  id: number;
  nodeId: number;
  role: LinkRole;
  label: string;
  gapStatus: GapStatus | null;
}

/**
 * 产业链环节 on a project page: the nodes it serves and, for its editors, 关联 and 取消关联 (asked
 * first), posted to /projects/:id/chain-links.
 */
export function ProjectChainLinks({
  projectId,
  links,
  choices,
  canEdit,
  feedback,
  open = false,
}: {
  projectId: number;
  links: readonly ChainLinkRow[];
  choices: readonly { id: number; label: string }[];
  canEdit: boolean;
  feedback: FormFeedback | null;
  /** the 关联 form shown open (its own page) */
  open?: boolean;
}) {
  const unlinkFailure = feedback?.values?.intent === "unlink" ? feedback : null;
  const form = useValidatedForm(chainLinkSchema, { nodeId: "", role: "" }, unlinkFailure ? null : feedback);
  const action = `/projects/${projectId}/chain-links`;
  return (
    <section className="card" id="chain-links" aria-labelledby="chain-links-title">
      <h2 id="chain-links-title">产业链环节</h2>
      {unlinkFailure?.formError ? (
        <p className="form-error" role="alert">
          {unlinkFailure.formError}
        </p>
      ) : null}
      {links.length === 0 ? <p className="muted">尚未关联产业链</p> : null}
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <Link to={`/chains/${link.nodeId}`}>{link.label}</Link> <GapBadge status={link.gapStatus} /> <strong>{LINK_ROLE_LABELS[link.role]}</strong>
            {canEdit ? (
              <ConfirmButton
                action={action}
                fields={{ intent: "unlink", linkId: link.id }}
                label="取消关联"
                question={`确定取消项目与「${link.label}」的关联？`}
                ariaLabel={`取消关联 ${link.label}`}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <details open={open || Boolean(form.formError)}>
          <summary>关联产业链环节</summary>
          <Form method="post" action={action} onSubmit={form.onSubmit} noValidate>
            <input type="hidden" name="intent" value="link" />
            <FormErrorBanner form={form} />
            <div className="form-grid">
              <SelectField
                form={form}
                name="nodeId"
                label="产业链环节"
                required
                placeholder="请选择"
                options={choices.map((choice) => ({ value: choice.id, label: choice.label }))}
              />
              <SelectField
                form={form}
                name="role"
                label="作用"
                required
                placeholder="请选择"
                options={LINK_ROLES.map((role) => ({ value: role, label: LINK_ROLE_LABELS[role] }))}
              />
            </div>
            <div className="form-actions">
              <button type="submit" className="secondary">
                关联
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
