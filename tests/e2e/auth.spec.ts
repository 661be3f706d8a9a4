import { expect, test } from "@playwright/test";
import { login, logout, sessionOf, useSession } from "./support";

const COMMON = ["工作台", "企业库", "招商项目", "产业链", "载体平台", "政策库", "政策兑现"];
const NAV_BY_ROLE: Record<string, string[]> = {
  officer: COMMON,
  leader: [...COMMON, "实到外资", "领导驾驶舱", "月度报告"],
  staff: [...COMMON, "实到外资", "领导驾驶舱", "月度报告", "数据导入"],
  admin: [...COMMON, "实到外资", "领导驾驶舱", "月度报告", "数据导入", "系统管理"],
};

for (const [username, items] of Object.entries(NAV_BY_ROLE)) {
  test(`${username} signs in and sees only the screens of the role`, async ({ page }) => {
    await login(page, username);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link")).toHaveText(items);
    await logout(page);
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprojects/);
  });
}

test("wrong credentials get one generic message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("officer");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("用户名或密码错误");
  await page.getByLabel("用户名").fill("nobody");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("用户名或密码错误");
});

test.describe("signed in as an officer", () => {
  test.use({ storageState: sessionOf("officer") });

  test("an officer is refused the cockpit, and unknown pages are a Chinese 404 inside the layout", async ({ page }) => {
    const cockpit = await page.goto("/cockpit");
    expect(cockpit?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回工作台" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  });
});

// signs in through the form: logging out ends the session, which must not be a stored one
test("the session cookie is HttpOnly and SameSite=Lax, and logout revokes it", async ({ page, context }) => {
  await login(page, "staff");
  const [cookie] = (await context.cookies()).filter((c) => c.name === "fdi_session");
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  const stolen = `${cookie.name}=${cookie.value}`;
  await logout(page);
  const response = await page.request.get("/projects", { headers: { cookie: stolen }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toContain("/login");
});

test("pages carry the security headers and writes from another origin are refused", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toBe("no-store");
  const crossSite = await page.request.post("/login", {
    headers: { Origin: "http://evil.example" },
    form: { username: "officer", password: "demo1234" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  for (const origin of ["null", "xyz", "http://"]) {
    const odd = await page.request.post("/login", { headers: { Origin: origin }, form: { username: "nobody", password: "x" }, maxRedirects: 0 });
    expect(odd.status()).toBe(403);
  }
  // a form body over 1 MB is refused before anything reads it
  const huge = await page.request.post("/login", { form: { username: "nobody", password: "x".repeat(1_100_000) }, maxRedirects: 0 });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain("上限 1 MB");
  // a signed-in page and its data are not kept either
  await useSession(page, "officer");
  const desk = await page.goto("/projects");
  expect(desk!.headers()["cache-control"]).toBe("no-store");
  const data = await page.request.get("/projects?_data=routes%2Fprojects._index");
  expect(data.headers()["cache-control"]).toBe("no-store");
});
