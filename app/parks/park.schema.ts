/** The 载体平台 form (administrators), shared by the browser and the server. */
import { z } from "zod";
import { REGION_CODES } from "../companies/regions";
import { optionalCount, optionalDecimal, optionalId, optionalText, requiredText, versionField } from "../lib/form";
import { PARK_KINDS } from "./labels";

/** Checkboxes post one value, several values or none. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value == null || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const parkSchema = z.object({
  name: requiredText("请输入名称", 50, "名称"),
  kind: z.preprocess((value) => (value == null ? "" : value), z.enum(PARK_KINDS, { message: "请选择类型" })),
  parentId: optionalId("上级载体"),
  focusCountries: many(z.enum(REGION_CODES as [string, ...string[]], { message: "重点国别无效" })),
  focusChainIds: many(z.preprocess((value) => Number(value), z.number({ message: "重点产业链无效" }).int("重点产业链无效").positive("重点产业链无效"))),
  availableLandMu: optionalDecimal("可用土地（亩）"),
  standardFactorySqm: optionalCount("标准厂房（㎡）", 100_000_000),
  customFactorySqm: optionalCount("定制厂房（㎡）", 100_000_000),
  description: optionalText(1000, "简介"),
});
export type ParkInput = z.infer<typeof parkSchema>;

/** 编辑载体: the form as the page read the park (`version`). */
export const parkEditSchema = parkSchema.extend({ version: versionField });
