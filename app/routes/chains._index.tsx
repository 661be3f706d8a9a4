import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can } from "../auth/permissions";
import { requirePermission, requireUser } from "../auth/session.server";
import { GapBadge, RetiredBadge } from "../chains/chain-bits";
import { newNodeSchema } from "../chains/chain.schema";
import { createChainNode, getChainSystemTree, listChainSystems, type TreeNode } from "../chains/chains.server";
import { GAP_STATUS_LABELS, GAP_STATUSES, NODE_LEVEL_LABELS, NODE_LEVELS } from "../chains/labels";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { intParam } from "../lib/params";
import { FormErrorBanner, SelectField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";

export const meta: MetaFunction = () => [{ title: "产业链 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const systems = listChainSystems();
  const systemId = intParam(new URL(request.url).searchParams, "system") ?? systems[0]?.id;
  if (systemId === undefined) return json({ systems, tree: null, canAdmin: false });
  return load(() => json({ systems, tree: getChainSystemTree(user, systemId), canAdmin: can(user.role, "admin:system") }));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const formData = await readFormData(request);
  return act(() => {
    const id = createChainNode({ actor: user, data: parseForm(newNodeSchema, formData) });
    return redirect(`/chains/${id}`);
  }, formData);
}

function NodeItem({ node }: { node: TreeNode }) {
  return (
    <li>
      <span className="tree-node">
        {node.level === "group" ? <strong>{node.name}</strong> : <Link to={`/chains/${node.id}`}>{node.name}</Link>}{" "}
        <span className="muted">{NODE_LEVEL_LABELS[node.level]}</span> <GapBadge status={node.gapStatus} /> <RetiredBadge retired={node.retired} />{" "}
        {node.projects > 0 ? <Link to={`/projects?chain=${node.id}`}>{node.projects} 个储备项目</Link> : <span className="muted">暂无项目</span>}
      </span>
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((child) => (
            <NodeItem key={child.id} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function flatten(nodes: readonly TreeNode[], depth = 0): { id: number; label: string }[] {
  return nodes.flatMap((node) => [{ id: node.id, label: `${"　".repeat(depth)}${node.name}` }, ...flatten(node.children, depth + 1)]);
}

function NewNodeForm({ systemId, nodes, feedback }: { systemId: number; nodes: readonly TreeNode[]; feedback: FormFeedback | null }) {
  const form = useValidatedForm(newNodeSchema, { systemId, parentId: "", level: "", name: "", gapStatus: "" }, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      <input type="hidden" name="systemId" value={systemId} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <SelectField
          form={form}
          name="parentId"
          label="上级节点"
          placeholder="（顶层）"
          options={flatten(nodes).map((node) => ({ value: node.id, label: node.label }))}
        />
        <SelectField
          form={form}
          name="level"
          label="节点层级"
          required
          placeholder="请选择"
          options={NODE_LEVELS.map((level) => ({ value: level, label: NODE_LEVEL_LABELS[level] }))}
        />
        <TextField form={form} name="name" label="节点名称" required />
        <SelectField
          form={form}
          name="gapStatus"
          label="链环状态"
          placeholder="（非环节不填）"
          options={GAP_STATUSES.map((status) => ({ value: status, label: GAP_STATUS_LABELS[status] }))}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          新增节点
        </button>
      </div>
    </Form>
  );
}

export default function Chains() {
  const { systems, tree, canAdmin } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as FormFeedback | undefined;
  return (
    <>
      <div className="page-head">
        <h1>产业链</h1>
        <Link to="/chains/gaps" className="button">
          缺链补链视图
        </Link>
      </div>
      <nav aria-label="产业链体系" className="tabs">
        {systems.map((system) => (
          <Link key={system.id} to={`/chains?system=${system.id}`} aria-current={tree?.system.id === system.id ? "page" : undefined}>
            {system.name}
          </Link>
        ))}
      </nav>
      {tree ? (
        <>
          <section className="card" aria-labelledby="tree-title">
            <h2 id="tree-title">{tree.system.name}</h2>
            {tree.system.description ? <p className="muted">{tree.system.description}</p> : null}
            {tree.roots.length === 0 ? (
              <p className="muted">该体系还没有节点</p>
            ) : (
              <ul className="tree">
                {tree.roots.map((node) => (
                  <NodeItem key={node.id} node={node} />
                ))}
              </ul>
            )}
          </section>
          {canAdmin ? (
            <section className="card" aria-labelledby="new-node-title">
              <h2 id="new-node-title">新增节点</h2>
              <NewNodeForm systemId={tree.system.id} nodes={tree.roots} feedback={feedback ?? null} />
            </section>
          ) : null}
        </>
      ) : (
        <p className="muted">还没有产业链体系</p>
      )}
    </>
  );
}
