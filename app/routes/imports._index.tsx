import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";
import { columnFieldsFrom, importChoiceSchema, importStepSchema } from "../imports/import.schema";
import { confirmImport, listImportBatches, previewImport, storeUpload, type ImportPreview } from "../imports/imports.server";
import { DUPLICATE_MODE_LABELS, DUPLICATE_MODES, IMPORT_FIELDS, IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from "../imports/kinds";
import { MAX_IMPORT_BYTES } from "../imports/read-file.server";
import { formatDateTime } from "../lib/dates";
import { InvalidError } from "../lib/errors";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";

export const meta: MetaFunction = () => [{ title: "数据导入 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:data");
  return json({ batches: listImportBatches(user) });
}

const tooLarge = () => new InvalidError({ file: "文件超过 20 MB，请拆分后分批导入" }, "文件超过 20 MB，请拆分后分批导入");

/** The first step posts the file (multipart); 重新预览 and 确认导入 post the kept file's token. */
async function readSubmission(request: Request): Promise<FormData> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return readFormData(request);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw tooLarge();
    throw new InvalidError({ file: "上传失败，请重新选择文件" }, "上传失败，请重新选择文件");
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:data");
  let formData: FormData;
  try {
    formData = await readSubmission(request);
  } catch (error) {
    return act(() => {
      throw error;
    });
  }
  return act(async () => {
    const intent = formData.get("intent");
    if (intent === "upload") {
      const { kind, mode } = parseForm(importChoiceSchema, formData);
      const file = formData.get("file");
      if (!(file instanceof Blob) || file.size === 0) throw new InvalidError({ file: "请选择要导入的文件" });
      const fileName = (file as File).name || "导入文件";
      const token = storeUpload(Buffer.from(await file.arrayBuffer()));
      return json({ ok: true as const, preview: await previewImport({ actor: user, token, fileName, kind, mode }) });
    }
    const step = parseForm(importStepSchema, formData);
    const request_ = { actor: user, ...step, columnFields: columnFieldsFrom(formData.entries()) };
    if (intent === "confirm") {
      try {
        const batchId = await confirmImport(request_);
        return redirect(`/imports?done=${batchId}`);
      } catch (error) {
        // the preview stays on screen with the reason, so the user can adjust and try again
        if (!(error instanceof InvalidError) || error.fieldErrors.file) throw error;
        return json({ ok: true as const, preview: await previewImport(request_), confirmError: error.message }, { status: 400 });
      }
    }
    return json({ ok: true as const, preview: await previewImport(request_) });
  }, formData);
}

export default function Imports() {
  const { batches } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as
    | { ok: true; preview: ImportPreview; confirmError?: string }
    | { ok: false; fieldErrors: Record<string, string>; formError: string | null; values: Record<string, string> }
    | undefined;
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = answer?.ok ? answer.preview : null;
  const failure = answer && !answer.ok ? answer : null;
  const done = params.get("done");
  const doneBatch = done ? batches.find((batch) => String(batch.id) === done) : undefined;
  const chosenKind = (failure?.values.kind as ImportKind | undefined) ?? preview?.kind ?? "companies";
  return (
    <>
      <div className="page-head">
        <h1>数据导入</h1>
      </div>
      {doneBatch ? (
        <p className="notice" role="status">
          导入完成：「{doneBatch.fileName}」新增 {doneBatch.createdCount} 条，更新 {doneBatch.updatedCount} 条，跳过 {doneBatch.skippedCount} 条，拒绝{" "}
          {doneBatch.refusedCount} 条。
        </p>
      ) : null}
      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title">上传台账</h2>
        <p className="muted">
          支持 Excel（.xlsx，Excel、WPS、LibreOffice 保存均可）和 CSV（UTF-8 或 GBK）；表头可在前 10 行中，列顺序不限。预览不写入任何数据。
        </p>
        <Form method="post" encType="multipart/form-data" className="filters" key={preview ? preview.token : "upload"}>
          <input type="hidden" name="intent" value="upload" />
          {failure && !["preview", "confirm"].includes(failure.values.intent) && failure.formError ? (
            <p className="form-error" role="alert">
              {failure.fieldErrors.file ?? failure.formError}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="import-kind">导入类型</label>
            <select id="import-kind" name="kind" defaultValue={chosenKind}>
              {IMPORT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {IMPORT_KIND_LABELS[kind]}
                  {kind === "companies" ? "（含联系人）" : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-file">文件</label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              required
            />
          </div>
          <ModeField id="upload-mode" value={preview?.mode ?? "skip"} />
          <button type="submit" className="primary" disabled={busy}>
            预览
          </button>
        </Form>
        <p className="template-links">
          下载模板：
          {IMPORT_KINDS.map((kind) => (
            <a key={kind} href={`/imports/template/${kind}`} download className="template-link">
              {IMPORT_KIND_LABELS[kind]}模板
            </a>
          ))}
        </p>
      </section>
      {preview ? <PreviewSection preview={preview} failure={failure} confirmError={answer?.ok ? (answer.confirmError ?? null) : null} busy={busy} /> : null}
      {!preview && failure && ["preview", "confirm"].includes(failure.values.intent) && failure.formError ? (
        <p className="form-error" role="alert">
          {failure.formError}
        </p>
      ) : null}
      <section className="card" aria-labelledby="batches-title">
        <h2 id="batches-title">导入记录</h2>
        {batches.length === 0 ? (
          <p className="muted">还没有导入过数据</p>
        ) : (
          <table className="data cards" aria-label="导入记录">
            <thead>
              <tr>
                <th>导入时间</th>
                <th>导入类型</th>
                <th>文件名</th>
                <th>导入人</th>
                <th>新增</th>
                <th>更新</th>
                <th>跳过</th>
                <th>拒绝</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id}>
                  <td>{formatDateTime(batch.createdAt)}</td>
                  <td data-label="导入类型">{IMPORT_KIND_LABELS[batch.kind as ImportKind] ?? batch.kind}</td>
                  <td data-label="文件名">
                    {batch.fileName}
                    <br />
                    <span className="muted" title="文件的 SHA-256">
                      {batch.sha256.slice(0, 12)}…
                    </span>
                  </td>
                  <td data-label="导入人">{batch.userName}</td>
                  <td data-label="新增">{batch.createdCount}</td>
                  <td data-label="更新">{batch.updatedCount}</td>
                  <td data-label="跳过">{batch.skippedCount}</td>
                  <td data-label="拒绝">{batch.refusedCount}</td>
                  <td data-label="状态">{batch.undoneAt ? <span className="badge">已撤销</span> : <Link to={`/imports/${batch.id}/undo`}>撤销导入</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function ModeField({ id, value }: { id: string; value: string }) {
  return (
    <fieldset className="choice-group">
      <legend>与已有记录重复时</legend>
      <span className="choices">
        {DUPLICATE_MODES.map((mode) => (
          <label key={mode}>
            <input type="radio" name="mode" value={mode} defaultChecked={mode === value} id={`${id}-${mode}`} />
            {DUPLICATE_MODE_LABELS[mode]}
          </label>
        ))}
      </span>
    </fieldset>
  );
}

function PreviewSection({
  preview,
  failure,
  confirmError,
  busy,
}: {
  preview: ImportPreview;
  failure: { formError: string | null; values: Record<string, string> } | null;
  confirmError: string | null;
  busy: boolean;
}) {
  const fields = IMPORT_FIELDS[preview.kind];
  const unknown = preview.mapping.filter((column) => !column.field && !column.ignored);
  const errorParams = new URLSearchParams({ token: preview.token, kind: preview.kind, mode: preview.mode, fileName: preview.fileName });
  errorParams.set("columns", preview.mapping.map((column) => column.field ?? "").join(","));
  const accepted = preview.counts.create + preview.counts.update;
  return (
    <section className="card import-steps" aria-labelledby="preview-title">
      <h2 id="preview-title">预览：{preview.fileName}</h2>
      <p className="muted">
        导入类型：{IMPORT_KIND_LABELS[preview.kind]}；{preview.sheetName ? `工作表“${preview.sheetName}”，` : ""}表头在第 {preview.headerRowNumber} 行；重复时：
        {DUPLICATE_MODE_LABELS[preview.mode]}。
      </p>
      {preview.missing.length > 0 ? (
        <p className="form-error" role="alert">
          缺少必填列：{preview.missing.join("、")}。请在下方“列对应”中指定，然后重新预览。
        </p>
      ) : (
        <div className="import-counts" role="status" aria-label="预览结果">
          <span>
            <strong>{preview.counts.create}</strong>新增
          </span>
          <span>
            <strong>{preview.counts.update}</strong>更新
          </span>
          <span>
            <strong>{preview.counts.skip}</strong>跳过
          </span>
          <span>
            <strong>{preview.counts.refuse}</strong>拒绝
          </span>
        </div>
      )}
      {(confirmError ?? failure?.formError) ? (
        <p className="form-error" role="alert">
          {confirmError ?? failure?.formError}
        </p>
      ) : null}
      {unknown.length > 0 ? <p>未识别的列（不会导入）：{unknown.map((column) => column.header || `第${column.index + 1}列（无表头）`).join("、")}</p> : null}
      {preview.refused.length > 0 ? (
        <div>
          <h3>被拒绝的行</h3>
          <p>
            <a href={`/imports/errors?${errorParams}`} download className="button secondary">
              下载错误行（.xlsx）
            </a>{" "}
            <span className="muted">
              修改后可再次导入
              {preview.counts.refuse > preview.refused.length ? `；下方列出前 ${preview.refused.length} 行，共 ${preview.counts.refuse} 行` : ""}
            </span>
          </p>
          <table className="data cards" aria-label="被拒绝的行">
            <thead>
              <tr>
                <th>行号</th>
                <th>内容</th>
                <th>列</th>
                <th>原因</th>
              </tr>
            </thead>
            <tbody>
              {preview.refused.flatMap((row) =>
                row.errors.map((error, index) => (
                  <tr key={`${row.rowNumber}-${index}`}>
                    <td>第 {row.rowNumber} 行</td>
                    <td data-label="内容">{index === 0 ? row.label : ""}</td>
                    <td data-label="列">{error.column}</td>
                    <td data-label="原因">{error.message}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.duplicates.length > 0 ? (
        <div>
          <h3>重复的记录</h3>
          <table className="data cards" aria-label="重复的记录">
            <thead>
              <tr>
                <th>行号</th>
                <th>内容</th>
                <th>与谁重复</th>
                <th>处理</th>
              </tr>
            </thead>
            <tbody>
              {preview.duplicates.map((row) => (
                <tr key={row.rowNumber}>
                  <td>第 {row.rowNumber} 行</td>
                  <td data-label="内容">{row.label}</td>
                  <td data-label="与谁重复">{row.note ?? row.errors[0]?.message ?? ""}</td>
                  <td data-label="处理">{{ create: "新增", update: "更新", skip: "跳过", refuse: "拒绝" }[row.outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Form method="post" className="import-steps">
        <input type="hidden" name="token" value={preview.token} />
        <input type="hidden" name="fileName" value={preview.fileName} />
        <input type="hidden" name="kind" value={preview.kind} />
        <details open={preview.missing.length > 0 || unknown.length > 0}>
          <summary>列对应（{preview.mapping.filter((column) => column.field).length} 列将导入）</summary>
          <table className="data mapping-table" aria-label="列对应">
            <thead>
              <tr>
                <th>文件中的列</th>
                <th>导入为</th>
              </tr>
            </thead>
            <tbody>
              {preview.mapping.map((column) => (
                <tr key={column.index}>
                  <td>
                    <label htmlFor={`column-${column.index}`}>{column.header || `第${column.index + 1}列（无表头）`}</label>
                  </td>
                  <td>
                    <select id={`column-${column.index}`} name={`column_${column.index}`} defaultValue={column.field ?? ""}>
                      <option value="">（不导入）</option>
                      {fields.map((field) => (
                        <option key={field.key} value={field.key}>
                          {field.label}
                          {field.required ? "（必填）" : ""}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <ModeField id="step-mode" value={preview.mode} />
        <p className="actions">
          <button type="submit" name="intent" value="preview" className="secondary" disabled={busy}>
            重新预览
          </button>{" "}
          <button type="submit" name="intent" value="confirm" className="primary" disabled={busy || accepted === 0 || preview.missing.length > 0}>
            确认导入
          </button>{" "}
          <span className="muted">{accepted > 0 ? `将写入 ${accepted} 行；被拒绝和跳过的行不会写入` : "没有可导入的行"}</span>
        </p>
      </Form>
    </section>
  );
}
