import { expect } from "@playwright/test";
import { changeStageToSigning, logout, newProject, sessionOf, test } from "./support";

const suffix = Date.now().toString(36);

test("the administrator creates a user, who signs in with the one-time password and must set their own", async ({ page, pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto("/");
  await admin.getByRole("link", { name: "系统管理" }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "用户" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await expect(admin.getByRole("heading", { name: "用户", level: 2 })).toBeVisible();
  await admin.getByRole("link", { name: "新建用户" }).click();
  await expect(admin.getByRole("heading", { name: "新建用户", level: 2 })).toBeVisible();
  await admin.getByLabel("用户名").fill("e2e-newcomer");
  await admin.getByLabel("姓名").fill("沈新人");
  await admin.getByLabel("角色").selectOption({ label: "招商员" });
  await admin.getByLabel("所属单位").selectOption({ label: "新埭镇" });
  await admin.getByRole("button", { name: "新建用户" }).click();
  const password = (await admin.locator(".one-time-password").innerText()).trim();
  expect(password).toMatch(/^[A-Za-z2-9]{12}$/);

  // the newcomer, in a browser of their own, signs in through the form
  await page.goto("/login");
  await page.getByLabel("用户名").fill("e2e-newcomer");
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByRole("heading", { name: "修改密码", level: 1 })).toBeVisible();
  // nothing else opens until the password is changed
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/password$/);
  await page.getByLabel("一次性密码").fill(password);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("e2e-newcomer1");
  await page.getByLabel("确认新密码").fill("e2e-newcomer1");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码不能是用户名或只在用户名前后加几个字符")).toBeVisible();
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("新埭镇的秋天2026");
  await page.getByLabel("确认新密码").fill("新埭镇的秋天2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();
  await page.getByRole("link", { name: "返回工作台" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "工作台", level: 1 })).toBeVisible();
  await logout(page);

  // the administrator deactivates the user: their sign-in stops working
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "e2e-newcomer" }).click();
  await expect(admin.getByRole("heading", { name: "沈新人（e2e-newcomer）", level: 2 })).toBeVisible();
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "停用" }).click();
  await expect(admin.getByText("已停用，该用户的登录已全部退出")).toBeVisible();
  await admin.goto("/admin/log?kind=user");
  await expect(admin.getByRole("cell", { name: "停用用户 e2e-newcomer" })).toBeVisible();
  await page.getByLabel("用户名").fill("e2e-newcomer");
  await page.getByLabel("密码").fill("新埭镇的秋天2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByText("用户名或密码错误")).toBeVisible();
});

test("a leader returns a signing with a reason; it shows on the owner's 工作台 and can be verified later", async ({ pageAs }) => {
  // the officer's own signing, so the demo's signings awaiting 甄别 stay as they are
  const owner = await pageAs("officer");
  const name = `甄别退回测试项目${suffix}`;
  await newProject(owner, { company: `甄别退回测试企业${suffix}`, project: name });
  const projectUrl = owner.url();
  await changeStageToSigning(owner);

  const leader = await pageAs("leader");
  await leader.goto("/");
  const pending = leader.getByRole("region", { name: /待甄别签约/ });
  await pending.getByRole("table").getByRole("link", { name, exact: true }).click();
  await expect(leader).toHaveURL(projectUrl);
  await expect(leader.getByRole("heading", { name, level: 1 })).toBeVisible();
  const box = leader.getByRole("region", { name: "签约甄别" });
  await expect(box.getByText("佐证材料")).toBeVisible();
  await box.getByLabel("退回原因").fill("缺少签约协议扫描件");
  // 退回 asks first
  leader.once("dialog", (dialog) => dialog.accept());
  await box.getByRole("button", { name: "退回" }).click();
  await expect(leader.getByRole("region", { name: "签约甄别" }).getByText("退回原因：缺少签约协议扫描件")).toBeVisible();

  await owner.goto("/");
  const returned = owner.getByRole("region", { name: /甄别退回的签约/ });
  await expect(returned.getByRole("row", { name: new RegExp(name) })).toContainText("缺少签约协议扫描件");

  await leader.goto(projectUrl);
  leader.once("dialog", (dialog) => dialog.accept());
  await leader.getByRole("region", { name: "签约甄别" }).getByRole("button", { name: "甄别通过" }).click();
  await expect(leader.getByRole("region", { name: "签约甄别" }).getByText("已甄别")).toBeVisible();
});

test.describe("signed in as the administrator", () => {
  test.use({ storageState: sessionOf("admin") });

  test("单位 upkeep: add, rename, retire; a unit in use offers no 删除", async ({ page }) => {
    // the page must hydrate: a script error would leave only the no-JavaScript forms working
    const scriptErrors: string[] = [];
    page.on("pageerror", (error) => scriptErrors.push(error.message));
    await page.goto("/admin/units");
    await expect(page.getByRole("heading", { name: "单位", level: 2 })).toBeVisible();
    await expect(page.getByRole("button", { name: "删除 新埭镇" })).toHaveCount(0);
    await page.getByLabel("名称", { exact: true }).fill("全塘镇（测试）");
    await page.getByRole("button", { name: "新增", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("已新增");
    await page.getByRole("button", { name: "停用 全塘镇（测试）" }).click();
    await expect(page.getByRole("status")).toHaveText("已停用");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "删除 全塘镇（测试）" }).click();
    await expect(page.getByRole("status")).toHaveText("已删除");
    await expect(page.getByRole("button", { name: "删除 全塘镇（测试）" })).toHaveCount(0);
    expect(scriptErrors).toEqual([]);
  });
});
