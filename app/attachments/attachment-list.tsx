/**
 * 附件 on a record's page: the files (name as a download link, 附件类型, 文件类型, size, who, when,
 * 删除) and 上传附件. Plain forms: they post to /attachments (and /attachments/:id/delete, which
 * asks first), which come back to this page with the outcome in the address, shown here — the same
 * with or without JavaScript.
 */
import { Form, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useId } from "react";
import { ConfirmButton } from "../ui/confirm";
import { formatDateTime } from "../lib/dates";
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_CATEGORY_LABELS,
  ATTACHMENT_OUTCOMES,
  attachmentListKey,
  formatFileSize,
  readAttachmentOutcome,
  withoutAttachmentOutcome,
  type AttachmentCategory,
  type AttachmentEntityType,
} from "./attachment-kinds";

/** A row of listAttachments, as the page's loader data carries it. */
export interface AttachmentItem {
  id: number;
  fileName: string;
  categoryLabel: string;
  typeLabel: string;
  sizeBytes: number;
  uploadedByName: string | null;
  createdAt: number;
  version: number;
}

interface RecordProps {
  entityType: AttachmentEntityType;
  entityId: number;
  /** the page to come back to (defaults to this one) */
  returnTo?: string;
}

function useReturnTo(returnTo: string | undefined): string {
  const location = useLocation();
  return withoutAttachmentOutcome(returnTo ?? `${location.pathname}${location.search}`);
}

const downloadHref = (id: number) => `/attachments/${id}`;

/** The outcome of the last upload or delete on this record's list (`primary`: also one that names no list). */
function OutcomeNote({ listKey, primary }: { listKey: string; primary: boolean }) {
  const [params] = useSearchParams();
  const shown = readAttachmentOutcome(params);
  if (!shown || (shown.key ? shown.key !== listKey : !primary)) return null;
  const ok = shown.outcome === "uploaded" || shown.outcome === "deleted";
  return (
    <p className={ok ? "success" : "form-error"} role={ok ? "status" : "alert"}>
      {ATTACHMENT_OUTCOMES[shown.outcome]}
    </p>
  );
}

/** 删除 asks first: the browser's dialog, or /attachments/:id/delete as a page of its own without JavaScript. */
export function DeleteAttachmentButton({ attachment, entityType, entityId, returnTo }: RecordProps & { attachment: AttachmentItem; returnTo: string }) {
  return (
    <ConfirmButton
      action={`${downloadHref(attachment.id)}/delete`}
      fields={{ intent: "delete", version: attachment.version, entityType, entityId, returnTo }}
      label="删除"
      question={`确定删除附件「${attachment.fileName}」？删除后可由管理员从回收站恢复。`}
      ariaLabel={`删除附件 ${attachment.fileName}`}
    />
  );
}

/** 附件类型, 文件, 上传附件. */
export function AttachmentUploadForm({
  entityType,
  entityId,
  returnTo,
  categories = ATTACHMENT_CATEGORIES[entityType],
}: RecordProps & { returnTo: string; categories?: readonly AttachmentCategory[] }) {
  const id = useId();
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" &&
    navigation.formAction?.startsWith("/attachments?") &&
    navigation.formData?.get("entityId") === String(entityId) &&
    navigation.formData?.get("entityType") === entityType;
  // a choice among many must be made; with one main category it is preselected
  const choose = categories.length > 2;
  return (
    <Form method="post" action={`/attachments?returnTo=${encodeURIComponent(returnTo)}`} encType="multipart/form-data" className="filters">
      <input type="hidden" name="entityType" value={entityType} />
      <input type="hidden" name="entityId" value={entityId} />
      <div className="field">
        <label htmlFor={`${id}-category`}>附件类型</label>
        <select id={`${id}-category`} name="category" required defaultValue={choose ? "" : categories[0]}>
          {choose ? <option value="">请选择</option> : null}
          {categories.map((category) => (
            <option key={category} value={category}>
              {ATTACHMENT_CATEGORY_LABELS[category]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>文件</label>
        <input id={`${id}-file`} name="file" type="file" accept={ATTACHMENT_ACCEPT} required />
      </div>
      <button type="submit" className="secondary" disabled={busy}>
        {busy ? "上传中…" : "上传附件"}
      </button>
    </Form>
  );
}

/**
 * A record's 附件 section. `canAttach` (mayAttachTo) shows 上传附件 and 删除; `categories` narrows
 * the choice (by default the record type's categories).
 */
export function AttachmentList({
  entityType,
  entityId,
  attachments,
  canAttach,
  returnTo,
  categories,
  title = "附件",
}: RecordProps & { attachments: readonly AttachmentItem[]; canAttach: boolean; categories?: readonly AttachmentCategory[]; title?: string }) {
  const key = attachmentListKey(entityType, entityId);
  const back = useReturnTo(returnTo);
  return (
    <section className="card" id={`attachments-${key}`} aria-labelledby={`attachments-${key}-title`}>
      <h2 id={`attachments-${key}-title`}>{title}</h2>
      <OutcomeNote listKey={key} primary />
      {attachments.length === 0 ? (
        <p className="muted">暂无附件</p>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <table className="data" aria-label={title}>
            <thead>
              <tr>
                <th>文件名</th>
                <th>附件类型</th>
                <th>文件类型</th>
                <th className="num">大小</th>
                <th>上传人</th>
                <th>上传时间</th>
                {canAttach ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {attachments.map((attachment) => (
                <tr key={attachment.id}>
                  <td style={{ overflowWrap: "anywhere" }}>
                    <a href={downloadHref(attachment.id)} download>
                      {attachment.fileName}
                    </a>
                  </td>
                  <td>{attachment.categoryLabel}</td>
                  <td>{attachment.typeLabel}</td>
                  <td className="num">{formatFileSize(attachment.sizeBytes)}</td>
                  <td>{attachment.uploadedByName ?? ""}</td>
                  <td>{formatDateTime(attachment.createdAt)}</td>
                  {canAttach ? (
                    <td>
                      <DeleteAttachmentButton attachment={attachment} entityType={entityType} entityId={entityId} returnTo={back} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canAttach ? (
        <>
          <h3>上传附件</h3>
          <p className="muted">支持 PDF、OFD、图片、Word、Excel、WPS 文件，单个不超过 20 MB。</p>
          <AttachmentUploadForm entityType={entityType} entityId={entityId} returnTo={back} categories={categories} />
        </>
      ) : null}
    </section>
  );
}

/** The files as download links, e.g. beside 甄别通过 (the project loader's `attachments`). */
export function AttachmentLinks({ attachments, empty = "暂无附件" }: { attachments: readonly AttachmentItem[]; empty?: string }) {
  if (attachments.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={downloadHref(attachment.id)} download>
            {attachment.fileName}
          </a>{" "}
          <span className="muted">
            {attachment.categoryLabel} · {formatFileSize(attachment.sizeBytes)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * 凭证 in a table cell (an arrival, a payout): its files as links, 删除 for those who may attach,
 * and a folded 上传附件 form.
 */
export function CompactAttachments({
  entityType,
  entityId,
  attachments,
  canAttach,
  returnTo,
}: RecordProps & { attachments: readonly AttachmentItem[]; canAttach: boolean }) {
  const key = attachmentListKey(entityType, entityId);
  const back = useReturnTo(returnTo);
  const [params] = useSearchParams();
  const shown = readAttachmentOutcome(params);
  // a refused upload leaves the form open beside its message
  const refused = shown?.key === key && shown.outcome !== "uploaded" && shown.outcome !== "deleted";
  return (
    <div id={`attachments-${key}`}>
      <OutcomeNote listKey={key} primary={false} />
      {attachments.length === 0 ? (
        <span className="muted">无</span>
      ) : (
        <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
          {attachments.map((attachment) => (
            <li key={attachment.id} style={{ overflowWrap: "anywhere" }}>
              <a href={downloadHref(attachment.id)} download>
                {attachment.fileName}
              </a>{" "}
              <span className="muted">{formatFileSize(attachment.sizeBytes)}</span>
              {canAttach ? (
                <>
                  {" "}
                  <DeleteAttachmentButton attachment={attachment} entityType={entityType} entityId={entityId} returnTo={back} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAttach ? (
        <details open={refused}>
          <summary>上传凭证</summary>
          <AttachmentUploadForm entityType={entityType} entityId={entityId} returnTo={back} />
        </details>
      ) : null}
    </div>
  );
}
