import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "../auth/permissions";
import { requirePermission, requireUser } from "../auth/session.server";
import { GapBadge, RetiredBadge } from "../chains/chain-bits";
import { nodeSchema, nodeStepSchema, profileSchema } from "../chains/chain.schema";
import { getChainNode, listParentChoices, setChainNodeRetired, updateChainNode, updateChainProfile } from "../chains/chains.server";
import { GAP_STATUS_LABELS, GAP_STATUSES, NODE_LEVEL_LABELS, PROFILE_FIELDS } from "../chains/labels";
import { regionLabel } from "../companies/regions";
import { UNKNOWN_INTENT } from "../lib/form";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { today } from "../lib/dates";
import { idParam } from "../lib/params";
import { useClientLinks } from "../ui/client-links";
import { StagePipelineTable } from "../ui/project-bits";
import { FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback, feedbackFor, type IntentFeedback } from "../ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.node.name ?? "产业链"} · 产业链` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  return load(() => {
    const canAdmin = can(user.role, "admin:system");
    const { node, chainLeaders, ...page } = getChainNode(user, id);
    // what the page shows of the node and of each 链主企业 (named, linked)
    const { createdAt, updatedAt, sortOrder, retiredAt, path, ...shown } = node;
    return json({
      ...page,
      node: shown,
      chainLeaders: chainLeaders.map(({ id, name }) => ({ id, name })),
      today: today(),
      parentChoices: canAdmin ? listParentChoices(id) : [],
      canAdmin,
    });
  });
}

const intentSchema = z.object({ intent: z.enum(["node", "profile", "retire", "restore"], { error: UNKNOWN_INTENT }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const nodeId = idParam(params.id);
  const formData = await readFormData(request);
  return act(() => {
    const { intent } = parseForm(intentSchema, formData);
    if (intent === "node") updateChainNode({ actor: user, nodeId, data: parseForm(nodeSchema, formData) });
    if (intent === "profile") updateChainProfile({ actor: user, nodeId, data: parseForm(profileSchema, formData) });
    if (intent === "retire" || intent === "restore") {
      const { version } = parseForm(nodeStepSchema, formData);
      setChainNodeRetired({ actor: user, nodeId, retired: intent === "retire", version });
    }
    return json({ ok: true as const, intent });
  }, formData);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function NodeForm({ node, parentChoices, feedback }: { node: Data["node"]; parentChoices: Data["parentChoices"]; feedback: FormFeedback | null }) {
  const form = useValidatedForm(
    nodeSchema,
    { name: node.name, gapStatus: node.gapStatus ?? "", parentId: node.parentId ?? "", version: node.version },
    feedback,
  );
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="node" />
      <input type="hidden" name="version" value={node.version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="name" label="节点名称" required />
        {node.level === "link" ? (
          <SelectField
            form={form}
            name="gapStatus"
            label="链环状态"
            placeholder="未评估"
            options={GAP_STATUSES.map((status) => ({ value: status, label: GAP_STATUS_LABELS[status] }))}
          />
        ) : null}
        {node.level !== "group" ? (
          <SelectField
            form={form}
            name="parentId"
            label="上级节点"
            placeholder="（顶层）"
            options={parentChoices.map((choice) => ({ value: choice.id, label: choice.label }))}
          />
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          保存
        </button>
      </div>
    </Form>
  );
}

function ProfileForm({ node, feedback }: { node: Data["node"]; feedback: FormFeedback | null }) {
  const defaults = Object.fromEntries(PROFILE_FIELDS.map(([key]) => [key, node.profile[key] ?? ""]));
  const form = useValidatedForm(profileSchema, { ...defaults, version: node.version }, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="intent" value="profile" />
      <input type="hidden" name="version" value={node.version} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        {PROFILE_FIELDS.map(([key, label]) => (
          <TextAreaField key={key} form={form} name={key} label={label} rows={2} />
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          保存档案
        </button>
      </div>
    </Form>
  );
}

export default function ChainNodePage() {
  const data = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as IntentFeedback;
  const { node, system, trail, children, pipeline, chainLeaders, targets, moreTargets, canAdmin, today } = data;
  const pipelineTotal = pipeline.reduce((sum, row) => sum + row.projects, 0);
  // the 链主企业 and 招商对象 lists run to a hundred companies: plain anchors (decision 0008)
  const followLink = useClientLinks();
  const formKey = `${node.version}`;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <Link to={`/chains?system=${system.id}`}>{system.name}</Link>
            {trail.slice(0, -1).map((step) => (
              <span key={step.id}>
                {" › "}
                <Link to={`/chains/${step.id}`}>{step.name}</Link>
              </span>
            ))}
          </p>
          <h1>
            {node.name} <span className="muted">{NODE_LEVEL_LABELS[node.level]}</span> <GapBadge status={node.gapStatus} />{" "}
            <RetiredBadge retired={node.retired} />
          </h1>
        </div>
        <Link to={`/projects?chain=${node.id}`} className="button secondary">
          查看相关项目
        </Link>
      </div>
      {feedback && !feedback.ok && (feedback.values?.intent === "retire" || feedback.values?.intent === "restore") ? (
        <p className="form-error" role="alert">
          {feedback.formError}
        </p>
      ) : null}

      {node.level === "chain" ? (
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts)
        <section className="card" aria-labelledby="profile-title" onClick={followLink}>
          <h2 id="profile-title">“十个一”档案</h2>
          <dl className="facts">
            {PROFILE_FIELDS.slice(0, 2).map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{node.profile[key] ?? "—"}</dd>
              </div>
            ))}
            <div>
              <dt>链主企业</dt>
              <dd>
                {chainLeaders.length === 0
                  ? "—"
                  : chainLeaders.map((company, i) => (
                      <span key={company.id}>
                        {i > 0 ? "、" : ""}
                        <a href={`/companies/${company.id}`}>{company.name}</a>
                      </span>
                    ))}
              </dd>
            </div>
            {PROFILE_FIELDS.slice(2).map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{node.profile[key] ?? "—"}</dd>
              </div>
            ))}
            <div>
              <dt>产业链鱼骨图</dt>
              <dd>{children.length} 个环节（见下表）</dd>
            </div>
            <div>
              <dt>重点企业（项目）清单</dt>
              <dd>
                <Link to={`/projects?chain=${node.id}`}>{pipelineTotal} 个储备项目</Link>
              </dd>
            </div>
            <div>
              <dt>重点招商对象清单</dt>
              <dd>
                {targets.length}
                {moreTargets ? "+" : ""} 家（见下表）
              </dd>
            </div>
          </dl>
        </section>
      ) : null}

      {children.length > 0 ? (
        <section className="card" aria-labelledby="fishbone-title">
          <h2 id="fishbone-title">{node.level === "chain" ? "产业链鱼骨图" : "下级节点"}</h2>
          <table className="data">
            <thead>
              <tr>
                <th>环节</th>
                <th>链环状态</th>
                <th className="num">储备项目</th>
                <th className="num">其中补链</th>
              </tr>
            </thead>
            <tbody>
              {children.map((child) => (
                <tr key={child.id}>
                  <td>
                    <Link to={`/chains/${child.id}`}>{child.name}</Link> <RetiredBadge retired={child.retired} />
                  </td>
                  <td>{child.gapStatus ? <GapBadge status={child.gapStatus} /> : "—"}</td>
                  <td className="num">{child.projects > 0 ? <Link to={`/projects?chain=${child.id}`}>{child.projects}</Link> : "0"}</td>
                  <td className="num">{child.fillProjects}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="card" aria-labelledby="pipeline-title">
        <h2 id="pipeline-title">项目储备（按阶段）</h2>
        <StagePipelineTable label="项目储备（按阶段）" rows={pipeline} listOf={(row) => `/projects?chain=${node.id}&at=${today}&row=${row}`} />
        <p className="muted">
          截至 {today} 进行中和暂缓的项目，含关联到下级环节的项目，每个项目计一次；已签约尚未甄别的项目计入「签约（待甄别）」，不计入「签约」及以后各行。
        </p>
      </section>

      {node.level === "chain" ? (
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts)
        <section className="card" aria-labelledby="targets-title" onClick={followLink}>
          <h2 id="targets-title">重点招商对象清单</h2>
          {targets.length === 0 ? (
            <p className="muted">暂无招商对象</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th>企业名称</th>
                  <th>国别/地区</th>
                  <th>世界500强</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((company) => (
                  <tr key={company.id}>
                    <td>
                      <a href={`/companies/${company.id}`}>{company.name}</a>
                    </td>
                    <td>{regionLabel(company.country)}</td>
                    <td>{company.isFortune500 ? "是" : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {moreTargets ? <p className="muted">仅显示前 {targets.length} 家</p> : null}
        </section>
      ) : null}

      {canAdmin ? (
        <section className="card" aria-labelledby="admin-title">
          <h2 id="admin-title">维护节点</h2>
          <NodeForm key={`node-${formKey}`} node={node} parentChoices={data.parentChoices} feedback={feedbackFor(feedback, "node")} />
          {node.level === "chain" ? (
            <>
              <h3>“十个一”档案</h3>
              <ProfileForm key={`profile-${formKey}`} node={node} feedback={feedbackFor(feedback, "profile")} />
            </>
          ) : null}
          <h3>{node.retired ? "恢复启用" : "停用"}</h3>
          <p className="muted">停用后该节点及其下级不能再关联新项目，已有关联和历史保留。</p>
          <Form method="post">
            <input type="hidden" name="intent" value={node.retired ? "restore" : "retire"} />
            <input type="hidden" name="version" value={node.version} />
            <button type="submit" className={node.retired ? "secondary" : "danger"}>
              {node.retired ? "恢复启用" : "停用节点"}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
