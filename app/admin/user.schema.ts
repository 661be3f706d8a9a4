/**
 * 用户 forms of 系统管理 (DESIGN.md §11), shared by the browser and the server.
 */
import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { requiredId, requiredText, versionField } from "../lib/form";

const username = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : ""),
  z
    .string()
    .min(2, "用户名至少 2 个字符")
    .max(32, "用户名不能超过 32 个字符")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "用户名只能用字母、数字和 . _ -，并以字母或数字开头"),
);

const role = z.enum(ROLES, { error: "请选择角色" });

export const newUserSchema = z.object({
  username,
  displayName: requiredText("请输入姓名", 50, "姓名"),
  role,
  unitId: requiredId("请选择所属单位"),
});

export const editUserSchema = z.object({
  id: requiredId("用户无效"),
  version: versionField,
  displayName: requiredText("请输入姓名", 50, "姓名"),
  role,
  unitId: requiredId("请选择所属单位"),
});

/** 停用, 启用, 重置密码, 解锁: the user and the version the administrator saw. */
export const userActionSchema = z.object({
  id: requiredId("用户无效"),
  version: versionField,
  intent: z.enum(["deactivate", "activate", "resetPassword", "unlock"], { error: "操作无效" }),
});

export type NewUserInput = z.infer<typeof newUserSchema>;
export type EditUserInput = z.infer<typeof editUserSchema>;
