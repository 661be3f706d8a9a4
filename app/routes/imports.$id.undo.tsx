import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { getImportBatch, undoImport } from "../imports/imports.server";
import { IMPORT_KIND_LABELS, type ImportKind } from "../imports/kinds";
import { formatDateTime } from "../lib/dates";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";

export const meta: MetaFunction = () => [{ title: "撤销导入 · 招商引资管理系统" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:data");
  const batchId = idParam(params.id);
  return json({ batch: await load(() => getImportBatch(user, batchId)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:data");
  const batchId = idParam(params.id);
  return act(() => {
    undoImport({ actor: user, batchId });
    return redirect("/imports");
  });
}

/** The confirmation of 撤销导入, a page of its own (it works without JavaScript). */
export default function UndoImport() {
  const { batch } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as { formError?: string } | undefined;
  return (
    <>
      <div className="page-head">
        <h1>撤销导入</h1>
      </div>
      <section className="card">
        <p>
          {formatDateTime(batch.createdAt)} {batch.userName} 导入的{IMPORT_KIND_LABELS[batch.kind as ImportKind] ?? batch.kind}文件「{batch.fileName}」：新增{" "}
          {batch.createdCount} 条，更新 {batch.updatedCount} 条。
        </p>
        {batch.undoneAt ? (
          <p className="notice">该次导入已于 {formatDateTime(batch.undoneAt)} 撤销。</p>
        ) : (
          <>
            <p>撤销后，这次导入新增的记录将被删除（可在回收站查看），更新过的记录恢复为导入前的内容。导入后已被修改的记录不能撤销。</p>
            {failure?.formError ? (
              <p className="form-error" role="alert">
                {failure.formError}
              </p>
            ) : null}
            <Form method="post" className="actions">
              <button type="submit" className="danger">
                撤销导入
              </button>{" "}
              <Link to="/imports">返回</Link>
            </Form>
          </>
        )}
      </section>
    </>
  );
}
