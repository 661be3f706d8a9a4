/**
 * What a password must be (DESIGN.md §11): at least 10 characters, not the username, not a common
 * password. Shared by 修改密码 and the administrator's screens, client and server.
 */
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

/**
 * Passwords that lists of leaked passwords put at the top, in China and elsewhere, of 10 characters
 * or more (shorter ones fail the length rule anyway), plus the site's own name.
 */
const COMMON_PASSWORDS = new Set([
  "1234567890",
  "12345678910",
  "123456789a",
  "a123456789",
  "123456789q",
  "q123456789",
  "1234567890a",
  "123456789abc",
  "abc1234567",
  "abcd123456",
  "abcd1234567",
  "abc123456789",
  "a1234567890",
  "aa123456789",
  "1q2w3e4r5t",
  "1q2w3e4r5t6y",
  "q1w2e3r4t5",
  "qwertyuiop",
  "qwerty1234",
  "qwerty12345",
  "qwe1234567",
  "1qaz2wsx3edc",
  "1qaz2wsx3e",
  "zaq12wsxcde",
  "qazwsxedc123",
  "qazwsxedcr",
  "asdfghjkl1",
  "asdfghjkl;",
  "zxcvbnm123",
  "zxcvbnm1234",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "p@ssw0rd123",
  "p@ssword123",
  "iloveyou12",
  "iloveyou123",
  "woaini1314",
  "woaini5201314",
  "5201314520",
  "5201314woaini",
  "1314520520",
  "woainima123",
  "woaiwojia123",
  "admin12345",
  "admin123456",
  "administrator",
  "root123456",
  "welcome123",
  "welcome1234",
  "sunshine123",
  "princess123",
  "football123",
  "baseball123",
  "dragon1234",
  "monkey12345",
  "superman123",
  "qq123456789",
  "qq1234567890",
  "aini1314520",
  "wang123456",
  "zhang123456",
  "li123456789",
  "liu123456789",
  "chen123456",
  "huang123456",
  "abcdefghij",
  "abcdefg123",
  "abcdefgh12",
  "0123456789",
  "9876543210",
  "0987654321",
  "1029384756",
  "1122334455",
  "1111122222",
  "1212121212",
  "1231231231",
  "1234512345",
  "1234554321",
  "1357924680",
  "2468013579",
  "147258369a",
  "147258369q",
  "1472583690",
  "159357852456",
  "159753123456",
  "741852963a",
  "7894561230",
  "987654321a",
  "a1b2c3d4e5",
  "aaa1234567",
  "qq5201314",
  "changeme123",
  "letmein123",
  "trustno1234",
  "computer123",
  "internet123",
  "pinghu12345",
  "pinghu123456",
  "zhaoshang123",
  "zhaoshang1234",
  "fdi-crm1234",
  "fdicrm12345",
]);

/** The reason a new password is refused, or null when it is fit. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`;
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name && (lower === name || (lower.includes(name) && name.length >= 4 && lower.replace(name, "").length <= 4))) {
    return "密码不能是用户名或只在用户名前后加几个字符";
  }
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password) || /^(..?.?)\1+$/.test(password)) {
    return "这个密码太常见，容易被猜到，请换一个";
  }
  return null;
}

/** 修改密码 (every user, from the header). */
export const changePasswordSchema = z
  .object({
    username: z.string({ error: "页面数据已过期，请刷新后重试" }),
    currentPassword: z.string({ error: "请输入当前密码" }).min(1, "请输入当前密码").max(MAX_PASSWORD_LENGTH, "密码过长"),
    newPassword: z.string({ error: "请输入新密码" }).max(MAX_PASSWORD_LENGTH * 2, "密码过长"),
    confirmPassword: z.string({ error: "请再输入一次新密码" }),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.newPassword, value.username);
    if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    else if (value.newPassword === value.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "新密码不能与当前密码相同" });
    if (value.confirmPassword !== value.newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "两次输入的新密码不一致" });
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
