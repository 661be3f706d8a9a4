import { Form, Link } from "@remix-run/react";
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

/** 产业链环节 on a project page: the nodes it serves and, for its editors, 关联 and 取消关联. */
export function ProjectChainLinks({
  links,
  choices,
  canEdit,
  feedback,
}: {
  links: readonly ChainLinkRow[];
  choices: readonly { id: number; label: string }[];
  canEdit: boolean;
  feedback: FormFeedback | null;
}) {
  const form = useValidatedForm(chainLinkSchema, { nodeId: "", role: "" }, feedback);
  return (
    <section className="card" aria-labelledby="chain-links-title">
      <h2 id="chain-links-title">产业链环节</h2>
      {links.length === 0 ? <p className="muted">尚未关联产业链</p> : null}
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <Link to={`/chains/${link.nodeId}`}>{link.label}</Link> <GapBadge status={link.gapStatus} /> <strong>{LINK_ROLE_LABELS[link.role]}</strong>
            {canEdit ? (
              <Form method="post" style={{ display: "inline", marginLeft: "0.5rem" }}>
                <input type="hidden" name="intent" value="unlinkChain" />
                <input type="hidden" name="linkId" value={link.id} />
                <button type="submit" className="secondary" aria-label={`取消关联 ${link.label}`}>
                  取消关联
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <Form method="post" onSubmit={form.onSubmit} noValidate>
          <input type="hidden" name="intent" value="linkChain" />
          <FormErrorBanner form={form} />
          <div className="form-grid">
            <SelectField form={form} name="nodeId" label="产业链环节" required placeholder="请选择" options={choices.map((choice) => ({ value: choice.id, label: choice.label }))} />
            <SelectField form={form} name="role" label="作用" required placeholder="请选择" options={LINK_ROLES.map((role) => ({ value: role, label: LINK_ROLE_LABELS[role] }))} />
          </div>
          <div className="form-actions">
            <button type="submit" className="secondary">
              关联
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
