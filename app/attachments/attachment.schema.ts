import { z } from "zod";
import { requiredId, versionField } from "../lib/form";
import { ATTACHMENT_ENTITY_TYPES } from "./attachment-kinds";

/** The text fields of an upload (the file itself is read by upload.server.ts; the category is checked against the record). */
export const attachmentUploadSchema = z.object({
  entityType: z.enum(ATTACHMENT_ENTITY_TYPES, { message: "记录类型无效" }),
  entityId: requiredId("记录无效"),
  category: z.preprocess((value) => (typeof value === "string" ? value : ""), z.string()),
});

/** The address of 删除's confirmation page: the version the list showed (absent: the current one). */
export const deleteAttachmentQuerySchema = z.object({ version: versionField.optional() });

export const deleteAttachmentSchema = z.object({
  intent: z.literal("delete", { message: "未知的操作" }),
  version: versionField,
});
