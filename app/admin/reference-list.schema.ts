/**
 * 单位 and 线索来源 forms (DESIGN.md §11), shared by the browser and the server.
 */
import { z } from "zod";
import { UNIT_KINDS, type UnitKind } from "../domain/codes";
import { requiredId, requiredText, versionField } from "../lib/form";

export const REFERENCE_LISTS = {
  units: { label: "单位", title: "单位", path: "/admin/units" },
  channels: { label: "线索来源", title: "线索来源", path: "/admin/channels" },
} as const;

export type ReferenceListName = keyof typeof REFERENCE_LISTS;

export const UNIT_KIND_LABELS: Record<UnitKind, string> = { center: "机关/中心", zone: "开发区/园区", town: "镇/街道", other: "其他" };
export { UNIT_KINDS, type UnitKind } from "../domain/codes";

/** 排序: a small whole number; empty keeps the place (or puts a new entry last). */
const sortOrder = z.preprocess(
  (value) => (value == null ? "" : String(value).trim()),
  z.string().transform((text, ctx) => {
    if (text === "") return null;
    if (!/^\d{1,4}$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "排序应为 0–9999 的整数" });
      return z.NEVER;
    }
    return Number(text);
  }),
);

export const referenceItemSchema = z.object({
  name: requiredText("请输入名称", 50, "名称"),
  kind: z.enum(UNIT_KINDS, { error: "请选择类型" }).optional(),
  sortOrder,
});

export const referenceItemEditSchema = referenceItemSchema.extend({
  id: requiredId("记录无效"),
  version: versionField,
});

export const referenceItemActionSchema = z.object({
  id: requiredId("记录无效"),
  version: versionField,
  intent: z.enum(["deactivate", "activate", "delete"], { error: "操作无效" }),
});

export type ReferenceItemInput = Omit<z.infer<typeof referenceItemSchema>, "sortOrder"> & { sortOrder: number | null };
