import { labelOf, type AuditVocabulary } from "../audit/vocabulary";
import { ATTACHMENT_CATEGORY_LABELS, ATTACHMENT_ENTITY_LABELS, fileTypeLabel, formatFileSize } from "./attachment-kinds";

/** How 变更记录 reads an attachment, shown in the log of the record it hangs on. */
export const ATTACHMENT_AUDIT: AuditVocabulary = {
  part: "附件",
  parentField: "entityId",
  partName: "attachment",
  fields: {
    fileName: { label: "文件名" },
    category: { label: "附件类型", format: labelOf(ATTACHMENT_CATEGORY_LABELS) },
    sizeBytes: { label: "文件大小", format: (value) => (typeof value === "number" ? formatFileSize(value) : null) },
    mediaType: { label: "文件类型", format: (value) => (typeof value === "string" ? fileTypeLabel(value) : null) },
    entityType: { label: "所属记录", format: labelOf(ATTACHMENT_ENTITY_LABELS), hidden: true },
    entityId: { label: "所属记录", hidden: true },
    sha256: { label: "文件指纹", hidden: true },
    uploadedBy: { label: "上传人", ref: "user", hidden: true },
    deletedBy: { label: "删除人", ref: "user", hidden: true },
  },
};
