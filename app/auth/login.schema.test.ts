import { describe, expect, it } from "vitest";
import { loginSchema } from "./login.schema";

const messageOf = (input: Record<string, unknown>) => {
  const parsed = loginSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe("the sign-in form", () => {
  it("says in Chinese that a username or password is too long", () => {
    expect(messageOf({ username: "a".repeat(101), password: "x" })).toBe("用户名不能超过100个字符");
    expect(messageOf({ username: "zhang", password: "p".repeat(201) })).toBe("密码不能超过200个字符");
    expect(messageOf({ username: "a".repeat(100), password: "p".repeat(200) })).toBeNull();
  });

  it("says in Chinese what is missing, also when a field is not text", () => {
    expect(messageOf({ username: " ", password: "x" })).toBe("请输入用户名");
    expect(messageOf({ password: "x" })).toBe("请输入用户名");
    expect(messageOf({ username: "zhang" })).toBe("请输入密码");
    expect(messageOf({ username: new File(["x"], "a.txt"), password: "x" })).toBe("请输入用户名");
    expect(messageOf({ username: "zhang", password: "x", redirectTo: new File(["x"], "a.txt") })).toBe("登录后要打开的页面无效");
  });
});
