/** The forms of 数据导入, shared by the browser and the server. */
import { z } from "zod";
import { DUPLICATE_MODES, IMPORT_KINDS } from "./kinds";

export const importChoiceSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "请选择导入类型" }),
  mode: z.enum(DUPLICATE_MODES, { error: "请选择重复记录的处理方式" }),
});

/** 重新预览 / 确认导入 refer to the file already uploaded, by its sha256. */
export const importStepSchema = importChoiceSchema.extend({
  token: z.string({ error: "请重新选择文件" }).regex(/^[0-9a-f]{64}$/, "请重新选择文件"),
  fileName: z.string({ error: "请重新选择文件" }).trim().min(1, "请重新选择文件").max(255, "文件名过长"),
});

/** The column mapping posted as column_0, column_1 …: the field each column is read as ("" = 不导入). */
export function columnFieldsFrom(entries: Iterable<[string, unknown]>): string[] | undefined {
  const fields: string[] = [];
  let any = false;
  for (const [key, value] of entries) {
    const match = /^column_(\d{1,3})$/.exec(key);
    if (!match || typeof value !== "string") continue;
    fields[Number(match[1])] = value;
    any = true;
  }
  return any ? Array.from(fields, (field) => field ?? "") : undefined;
}
