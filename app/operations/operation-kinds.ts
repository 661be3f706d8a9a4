/**
 * The kinds of entry in 操作日志 (DESIGN.md §11), with the labels the log screen and its export use.
 */
export const OPERATION_KINDS = {
  sign_in: "登录成功",
  sign_in_failed: "登录失败",
  sign_out: "退出登录",
  password: "修改密码",
  user: "用户管理",
  unit: "单位管理",
  channel: "线索来源管理",
  import: "数据导入",
  export: "数据导出",
  backup: "备份",
  restore: "恢复",
  verify: "甄别",
} as const;

export type OperationKind = keyof typeof OPERATION_KINDS;

export const OPERATION_KIND_CODES = Object.keys(OPERATION_KINDS) as OperationKind[];

export function operationKindLabel(kind: string): string {
  return OPERATION_KINDS[kind as OperationKind] ?? kind;
}
