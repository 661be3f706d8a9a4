import { expect } from "@playwright/test";
import { changeStageToSigning, newProject, test, todayInShanghai } from "./support";

test("an officer proposes a commitment on a clause from the project page and a leader commits it", async ({ pageAs }) => {
  const suffix = Date.now().toString(36);
  const item = `端到端设备补助${suffix}`;
  const page = await pageAs("officer");
  await newProject(page, { company: `承诺测试企业${suffix}`, project: `承诺测试项目${suffix}` });
  const section = page.getByRole("region", { name: "政策承诺" });
  await section.getByText("新的政策承诺", { exact: true }).click();
  await section.getByRole("button", { name: "提出承诺" }).click();
  await expect(section.getByText("请选择政策条款")).toBeVisible();
  const clause = section.getByLabel("政策条款");
  await clause.selectOption({ index: 1 });
  await section.getByLabel("承诺事项").fill(item);
  await section.getByLabel("承诺金额（万元）").fill("120");
  await section.getByLabel("兑现条件").fill("设备到厂并验收");
  await section.getByLabel("约定兑现日期").fill(`${Number(todayInShanghai().slice(0, 4)) + 1}-03-31`);
  await section.getByRole("button", { name: "提出承诺" }).click();
  const row = section.getByRole("row").filter({ hasText: item });
  await expect(row).toContainText("拟承诺");
  await expect(row).toContainText("120.00");
  const commitmentUrl = await row.getByRole("link", { name: item }).getAttribute("href");

  const leader = await pageAs("leader");
  await leader.goto(commitmentUrl!);
  leader.once("dialog", (dialog) => dialog.accept());
  await leader.getByRole("button", { name: "承诺", exact: true }).click();
  await expect(leader.getByText("已承诺").first()).toBeVisible();
});

test("staff record an arrival on a verified project and its 资金到位率 updates", async ({ pageAs }) => {
  // a verified signing of its own: the officer signs, the leader verifies
  const suffix = Date.now().toString(36);
  const name = `到账测试项目${suffix}`;
  const officer = await pageAs("officer");
  await newProject(officer, { company: `到账测试企业${suffix}`, project: name });
  const projectUrl = officer.url();
  await changeStageToSigning(officer);
  const leader = await pageAs("leader");
  await leader.goto(projectUrl);
  leader.once("dialog", (dialog) => dialog.accept());
  await leader.getByRole("button", { name: "甄别通过" }).click();
  await expect(leader.getByRole("region", { name: "签约甄别" })).toContainText("已甄别");

  // staff find it among the verified signings
  const page = await pageAs("staff");
  await page.goto(`/projects?signing=verified&q=${encodeURIComponent(name)}`);
  await page.getByRole("table", { name: "项目列表" }).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(projectUrl);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const section = page.getByRole("region", { name: "实到外资" });
  const rateBefore = await section.getByText(/%$|—/).first().innerText();
  await section.getByText("登记一笔到账", { exact: true }).click();
  await section.getByLabel("到账金额（万美元）").fill("-5");
  await section.getByRole("button", { name: "登记到账" }).click();
  await expect(section.getByText(/到账金额（万美元）应为/)).toBeVisible();
  await section.getByLabel("到账金额（万美元）").fill("10");
  await section.getByLabel("凭证说明").fill("端到端测试水单");
  await section.getByRole("button", { name: "登记到账" }).click();
  await expect(section.getByRole("table", { name: "到账记录" }).getByRole("row").filter({ hasText: "端到端测试水单" })).toContainText("10.00");
  await expect(section.getByText(/%$/).first()).not.toHaveText(rateBefore);

  // the owner records none
  await officer.goto(projectUrl);
  await expect(officer.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(officer.getByRole("region", { name: "实到外资" }).getByRole("button", { name: "登记到账" })).toHaveCount(0);
});
