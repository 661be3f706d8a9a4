/** 恢复 in 回收站 (系统管理): the record as the page listed it. */
import { z } from "zod";
import { requiredId, versionField } from "../lib/form";

export const restoreSchema = z.object({
  entityType: z.enum(["project", "company", "attachment"], { error: "记录类型无效" }),
  id: requiredId("记录无效"),
  version: versionField,
});
