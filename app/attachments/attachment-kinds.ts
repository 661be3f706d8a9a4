/**
 * 附件 (DESIGN.md §11): the records files hang on, the categories each takes, the file types accepted
 * (decided by content in sniff.server.ts; the labels and media types live here so the list can show
 * them), the size limit, and the outcome of an upload or delete as the page shows it.
 */
import { InvalidError } from "../lib/errors";

export const ATTACHMENT_ENTITY_TYPES = ["project", "commitment", "payout", "fdi_arrival"] as const;
export type AttachmentEntityType = (typeof ATTACHMENT_ENTITY_TYPES)[number];

export const ATTACHMENT_ENTITY_LABELS: Record<AttachmentEntityType, string> = {
  project: "招商项目",
  commitment: "政策承诺",
  payout: "兑现记录",
  fdi_arrival: "到账记录",
};

export const ATTACHMENT_CATEGORY_LABELS = {
  signing_agreement: "签约协议",
  business_license: "营业执照",
  fx_receipt: "外汇登记/到账凭证",
  meeting_minutes: "会议纪要",
  payout_proof: "兑现凭证",
  other: "其他",
} as const;
export type AttachmentCategory = keyof typeof ATTACHMENT_CATEGORY_LABELS;

/** The categories each kind of record takes, in the order the form offers them. */
export const ATTACHMENT_CATEGORIES: Record<AttachmentEntityType, readonly AttachmentCategory[]> = {
  project: ["signing_agreement", "business_license", "fx_receipt", "meeting_minutes", "other"],
  commitment: ["payout_proof", "other"],
  payout: ["payout_proof", "other"],
  fdi_arrival: ["fx_receipt", "other"],
};

export function isAttachmentEntityType(value: unknown): value is AttachmentEntityType {
  return typeof value === "string" && (ATTACHMENT_ENTITY_TYPES as readonly string[]).includes(value);
}

export function isCategoryOf(entityType: AttachmentEntityType, category: string): category is AttachmentCategory {
  return (ATTACHMENT_CATEGORIES[entityType] as readonly string[]).includes(category);
}

export function categoryLabel(category: string): string {
  return (ATTACHMENT_CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

// ── file types ────────────────────────────────────────────────────────────

export const FILE_KINDS = {
  pdf: { label: "PDF", mediaType: "application/pdf" },
  ofd: { label: "OFD", mediaType: "application/ofd" },
  png: { label: "PNG 图片", mediaType: "image/png" },
  jpeg: { label: "JPEG 图片", mediaType: "image/jpeg" },
  gif: { label: "GIF 图片", mediaType: "image/gif" },
  webp: { label: "WebP 图片", mediaType: "image/webp" },
  bmp: { label: "BMP 图片", mediaType: "image/bmp" },
  tiff: { label: "TIFF 图片", mediaType: "image/tiff" },
  docx: { label: "Word 文档", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  doc: { label: "Word 97-2003 文档", mediaType: "application/msword" },
  wps: { label: "WPS 文字", mediaType: "application/kswps" },
  xlsx: { label: "Excel 表格", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  xls: { label: "Excel 97-2003 表格", mediaType: "application/vnd.ms-excel" },
  et: { label: "WPS 表格", mediaType: "application/kset" },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

const LABEL_BY_MEDIA_TYPE = new Map<string, string>(Object.values(FILE_KINDS).map((kind) => [kind.mediaType, kind.label]));

export function fileTypeLabel(mediaType: string): string {
  return LABEL_BY_MEDIA_TYPE.get(mediaType) ?? mediaType;
}

/** The file input's `accept`: a hint to the browser's picker; the server decides by content. */
export const ATTACHMENT_ACCEPT = ".pdf,.ofd,.png,.jpg,.jpeg,.gif,.webp,.bmp,.tif,.tiff,.docx,.doc,.wps,.xlsx,.xls,.et";

/** 1.5 KB, 320 KB, 12.3 MB */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0.1, Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

// ── outcomes ──────────────────────────────────────────────────────────────

/**
 * What an upload or delete led to. Only these codes travel in the address the user is sent back to
 * (never free text), so a crafted link cannot put words on the page.
 */
export const ATTACHMENT_OUTCOMES = {
  uploaded: "附件已上传",
  deleted: "附件已删除（管理员可从回收站恢复）",
  no_file: "请选择要上传的文件",
  empty: "文件是空的（0 字节），请重新选择",
  too_large: "文件超过 20 MB，无法上传。请压缩或拆分后再上传",
  type: "不支持该文件类型。只能上传 PDF、OFD、图片（JPG、PNG、GIF、WebP、BMP、TIFF）、Word（.docx、.doc）、Excel（.xlsx、.xls）或 WPS（.wps、.et）文件；类型按文件内容判断，修改扩展名无效",
  encrypted: "文件设置了打开密码，请取消密码后再上传",
  category: "请选择附件类型",
  conflict: "该附件已被他人修改，请刷新后重试",
  invalid: "提交的内容有误，请刷新页面后重试",
} as const;
export type AttachmentOutcome = keyof typeof ATTACHMENT_OUTCOMES;
export type AttachmentProblem = Exclude<AttachmentOutcome, "uploaded" | "deleted">;

/** A refused upload: an InvalidError (so `act` maps it like any other) that carries its outcome code. */
export class AttachmentRefusal extends InvalidError {
  constructor(public readonly code: AttachmentProblem) {
    super({ [code === "category" ? "category" : "file"]: ATTACHMENT_OUTCOMES[code] }, ATTACHMENT_OUTCOMES[code]);
  }
}

/** The list an outcome belongs to, e.g. `payout-7` (also the list's element id after `attachments-`). */
export function attachmentListKey(entityType: AttachmentEntityType, entityId: number): string {
  return `${entityType}-${entityId}`;
}

/** The key from a form's entityType and entityId fields, or null when they name no record. */
export function attachmentListKeyFrom(entityType: unknown, entityId: unknown): string | null {
  if (!isAttachmentEntityType(entityType) || typeof entityId !== "string" || !/^\d{1,12}$/.test(entityId)) return null;
  return attachmentListKey(entityType, Number(entityId));
}

const OUTCOME_PARAM = "attachment";
const FOR_PARAM = "attachmentFor";

/** `returnTo` (a same-site path) with the outcome in its search and the list's anchor. */
export function withAttachmentOutcome(returnTo: string, outcome: AttachmentOutcome, key: string | null): string {
  const url = new URL(returnTo, "http://this.site");
  url.searchParams.delete(OUTCOME_PARAM);
  url.searchParams.delete(FOR_PARAM);
  url.searchParams.set(OUTCOME_PARAM, outcome);
  if (key) url.searchParams.set(FOR_PARAM, key);
  url.hash = key ? `attachments-${key}` : "";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `path` without an earlier outcome, for the forms' return address. */
export function withoutAttachmentOutcome(path: string): string {
  const url = new URL(path, "http://this.site");
  url.searchParams.delete(OUTCOME_PARAM);
  url.searchParams.delete(FOR_PARAM);
  return `${url.pathname}${url.search}`;
}

/** The outcome shown on the page, if the address carries a known one. */
export function readAttachmentOutcome(params: URLSearchParams): { outcome: AttachmentOutcome; key: string | null } | null {
  const outcome = params.get(OUTCOME_PARAM);
  if (!outcome || !Object.hasOwn(ATTACHMENT_OUTCOMES, outcome)) return null;
  return { outcome: outcome as AttachmentOutcome, key: params.get(FOR_PARAM) };
}
