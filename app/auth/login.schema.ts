/** The sign-in form. Every message is Chinese: a too-long name or password must not answer in zod's English. */
import { z } from "zod";

export const USERNAME_MAX = 100;
export const PASSWORD_MAX = 200;

export const loginSchema = z.object({
  username: z.string({ error: "请输入用户名" }).trim().min(1, "请输入用户名").max(USERNAME_MAX, `用户名不能超过${USERNAME_MAX}个字符`),
  password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(PASSWORD_MAX, `密码不能超过${PASSWORD_MAX}个字符`),
  redirectTo: z.string({ error: "登录后要打开的页面无效" }).optional(),
});
