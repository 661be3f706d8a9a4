import { expect } from "@playwright/test";
import { newProject, test, todayInShanghai } from "./support";

function shift(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

test("a project gains a policy basis; when the policy's end date passes it shows 失效 and the project is flagged", async ({ pageAs }) => {
  const today = todayInShanghai();
  const title = `端到端测试政策${Date.now().toString(36)}`;

  const admin = await pageAs("admin");
  await admin.goto("/");
  await admin.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "政策库" }).click();
  await expect(admin).toHaveURL(/\/policies$/);
  await admin.getByRole("link", { name: "新建政策" }).click();
  await expect(admin.getByRole("heading", { name: "新建政策" })).toBeVisible();
  await admin.getByLabel("标题").fill(title);
  await admin.getByLabel("层级").selectOption({ label: "县" });
  await admin.getByLabel("发文机关").fill("平湖市人民政府");
  await admin.getByLabel("生效日期").fill(shift(today, -100));
  await admin.getByLabel("失效日期").fill(shift(today, -101));
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin.getByText("失效日期不能早于生效日期")).toBeVisible();
  await admin.getByLabel("失效日期").fill(shift(today, 30));
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin).toHaveURL(/\/policies\/\d+$/);
  await expect(admin.getByRole("heading", { name: new RegExp(title) })).toBeVisible();
  const policyUrl = admin.url();
  const addClause = admin.getByRole("region", { name: "添加条款" });
  await addClause.getByLabel("条款编号").fill("第三条");
  await addClause.getByLabel("奖励类型").selectOption({ label: "增资奖励" });
  await addClause.getByLabel("条款内容").fill("对增资项目按实到外资给予奖励（测试条款）。");
  await addClause.getByRole("button", { name: "添加条款" }).click();
  await expect(admin.getByRole("region", { name: "条款 第三条" })).toBeVisible();

  // an officer rests a project of their own on the clause
  const officer = await pageAs("officer");
  const suffix = Date.now().toString(36);
  const projectName = `政策依据测试项目${suffix}`;
  await newProject(officer, { company: `政策依据测试企业${suffix}`, project: projectName });
  const projectUrl = officer.url();
  const bases = officer.getByRole("region", { name: "政策依据" });
  await bases.getByText("添加政策条款", { exact: true }).click();
  await bases.getByLabel("政策条款").selectOption({ label: `《${title}》第三条（增资奖励）` });
  await bases.getByLabel("说明").fill("增资部分适用");
  await bases.getByRole("button", { name: "添加政策依据" }).click();
  const row = bases.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("即将失效");
  await expect(bases.getByRole("note")).toContainText("即将失效");

  // the policy is ended: it shows 失效 and the project is flagged for leaders and on the owner's 工作台
  await admin.goto(`${policyUrl}/edit`);
  await admin.getByLabel("失效日期").fill(shift(today, -1));
  await admin.getByRole("button", { name: "保存" }).click();
  await expect(admin).toHaveURL(policyUrl);
  await expect(admin.getByRole("heading", { name: new RegExp(title) })).toContainText("失效");
  await admin.goto("/policies?status=expired");
  await expect(admin.getByRole("table", { name: "政策" }).getByRole("row").filter({ hasText: title })).toContainText("失效");

  const leader = await pageAs("leader");
  await leader.goto("/policies");
  await leader.getByRole("link", { name: "政策依据失效/临期项目" }).click();
  await expect(leader).toHaveURL(/\/policies\/expiring$/);
  await expect(leader.getByRole("table", { name: "政策依据失效/临期项目" }).getByRole("row").filter({ hasText: projectName })).toContainText("已失效");

  await officer.goto("/");
  await expect(officer.getByRole("table", { name: "政策依据预警" }).getByRole("link", { name: projectName })).toBeVisible();
  await officer.goto(projectUrl);
  await expect(officer.getByRole("region", { name: "政策依据" }).getByRole("row").filter({ hasText: title })).toContainText("已失效");
  expect((await officer.goto("/policies/expiring"))?.status()).toBe(403);
});
