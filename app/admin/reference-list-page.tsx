import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmButton, ConfirmPage, type Confirmation } from "../ui/confirm";
import type { FormFeedback } from "../ui/form";
import { REFERENCE_LISTS, UNIT_KIND_LABELS, UNIT_KINDS, type ReferenceListName } from "./reference-list.schema";

interface Item {
  id: number;
  name: string;
  kind: string | null;
  sortOrder: number;
  active: boolean;
  version: number;
  usage: string;
}

type Feedback = (FormFeedback & { done?: string }) | undefined;

function KindSelect({ form, value }: { form?: string; value: string | null }) {
  return (
    <select name="kind" form={form} defaultValue={value ?? "other"} aria-label="类型">
      {UNIT_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {UNIT_KIND_LABELS[kind]}
        </option>
      ))}
    </select>
  );
}

/** 停用 and 启用 take effect at once: both can be undone. */
function ItemAction({ item, intent, label }: { item: Item; intent: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <button type="submit" className="secondary" aria-label={`${label} ${item.name}`}>
        {label}
      </button>
    </Form>
  );
}

/** 单位 / 线索来源: every entry editable in its row, a form to add one below. */
export function ReferenceListPage() {
  const { list, items, confirmation } = useLoaderData<{ list: ReferenceListName; items: Item[]; confirmation: Confirmation | null }>();
  const feedback = useActionData() as Feedback;
  const { label, path } = REFERENCE_LISTS[list];
  if (confirmation) return <ConfirmPage confirmation={confirmation} />;
  const withKind = list === "units";
  const failedId = feedback && !feedback.ok ? Number(feedback.values?.id) || null : null;
  const createFailure = feedback && !feedback.ok && feedback.values?.intent === "create" ? feedback : null;
  return (
    <section className="card" aria-labelledby="list-title">
      <h2 id="list-title">{label}</h2>
      <p className="muted">停用后不再出现在选择列表中，已有记录保留原值；没有任何记录使用时才能删除。</p>
      {feedback?.ok ? (
        <p className="success" role="status">
          {feedback.done}
        </p>
      ) : null}
      {feedback && !feedback.ok && !createFailure ? (
        <p className="form-error" role="alert">
          {Object.values(feedback.fieldErrors ?? {})[0] ?? feedback.formError}
        </p>
      ) : null}
      <table className="data cards">
        <thead>
          <tr>
            <th>名称</th>
            {withKind ? <th>类型</th> : null}
            <th className="num">排序</th>
            <th>使用情况</th>
            <th>状态</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const formId = `edit-${item.id}`;
            const echoed = failedId === item.id ? feedback?.values : undefined;
            return (
              <tr key={`${item.id}-${item.version}`} className={item.active ? undefined : "muted"}>
                <td>
                  <input name="name" form={formId} defaultValue={echoed?.name ?? item.name} required maxLength={50} aria-label={`${label}名称`} />
                </td>
                {withKind ? (
                  <td data-label="类型">
                    <KindSelect form={formId} value={echoed?.kind ?? item.kind} />
                  </td>
                ) : null}
                <td className="num" data-label="排序">
                  <input name="sortOrder" form={formId} defaultValue={echoed?.sortOrder ?? item.sortOrder} inputMode="numeric" size={4} aria-label="排序" />
                </td>
                <td data-label="使用情况">{item.usage || <span className="muted">未使用</span>}</td>
                <td data-label="状态">{item.active ? "在用" : "已停用"}</td>
                <td className="row-actions">
                  <Form method="post" id={formId} className="inline-form">
                    <input type="hidden" name="intent" value="edit" />
                    <input type="hidden" name="id" value={item.id} />
                    <input type="hidden" name="version" value={item.version} />
                    <button type="submit" className="secondary" aria-label={`保存 ${item.name}`}>
                      保存
                    </button>
                  </Form>
                  {item.active ? <ItemAction item={item} intent="deactivate" label="停用" /> : <ItemAction item={item} intent="activate" label="启用" />}
                  {item.usage ? null : (
                    <ConfirmButton
                      action={path}
                      fields={{ intent: "delete", id: item.id, version: item.version }}
                      label="删除"
                      question={`删除${label}「${item.name}」？`}
                      className="danger"
                      ariaLabel={`删除 ${item.name}`}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>新增{label}</h3>
      <Form method="post" className="inline-fields">
        <input type="hidden" name="intent" value="create" />
        <div className={`field${createFailure?.fieldErrors?.name ? " has-error" : ""}`}>
          <label htmlFor="new-name">名称</label>
          <input id="new-name" name="name" required maxLength={50} defaultValue={createFailure?.values?.name} />
          {createFailure?.fieldErrors?.name ? (
            <p className="field-error" role="alert">
              {createFailure.fieldErrors.name}
            </p>
          ) : null}
        </div>
        {withKind ? (
          <div className="field">
            <label htmlFor="new-kind">类型</label>
            <select id="new-kind" name="kind" defaultValue={createFailure?.values?.kind ?? "town"}>
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {UNIT_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="new-sort">排序</label>
          <input id="new-sort" name="sortOrder" inputMode="numeric" size={4} placeholder="排在最后" defaultValue={createFailure?.values?.sortOrder} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            新增
          </button>
        </div>
      </Form>
    </section>
  );
}
