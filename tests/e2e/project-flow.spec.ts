import { expect, type Page } from "@playwright/test";
import { newCompany, openDetails, sessionOf, test } from "./support";

const suffix = Date.now().toString(36);
const companyName = `端到端测试精工${suffix}`;
const projectName = `端到端测试新设项目${suffix}`;
/** a month from now: the next follow-up planned with a visit */
const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** The stage form opens on demand (a <details> under 阶段记录). */
async function openStageForm(page: Page): Promise<void> {
  await openDetails(page, /^阶段变更$/);
}

async function signedCount(page: Page): Promise<number> {
  await page.goto("/cockpit");
  await expect(page.getByRole("heading", { level: 1, name: "领导驾驶舱" })).toBeVisible();
  const row = page
    .getByRole("table", { name: "招商漏斗" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "签约" }) });
  return Number(await row.getByRole("cell").first().innerText());
}

test("officer logs a company and a project, pushes it to 签约; the leader verifies; the funnel counts it; officer2 gets 404", async ({ pageAs }) => {
  const leader = await pageAs("leader");
  const signedBefore = await signedCount(leader);

  const page = await pageAs("officer");
  await page.goto("/");

  // a bad USCC is refused at the field and saves nothing
  await page.getByRole("link", { name: "企业库" }).click();
  await expect(page).toHaveURL(/\/companies$/);
  await expect(page.getByRole("heading", { name: "企业库" })).toBeVisible();
  await page.getByRole("link", { name: "新建企业" }).click();
  await expect(page).toHaveURL(/\/companies\/new$/);
  await expect(page.getByRole("heading", { name: "新建企业" })).toBeVisible();
  await page.getByLabel("企业名称").fill(companyName);
  await page.getByLabel("外文名称").fill(`E2E Seiko ${suffix} Co., Ltd.`);
  await page.getByLabel("统一社会信用代码").fill("914403001922038217");
  await page.getByLabel("国别/地区").selectOption({ label: "日本" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("统一社会信用代码校验位不正确，请核对")).toBeVisible();
  await expect(page).toHaveURL(/\/companies\/new$/);
  await page.goto(`/companies?q=${encodeURIComponent(companyName)}`);
  await expect(page.getByText("没有符合条件的企业")).toBeVisible();

  // a valid company
  await page.goto("/companies/new");
  await page.getByLabel("企业名称").fill(companyName);
  await page.getByLabel("国别/地区").selectOption({ label: "日本" });
  await page.getByLabel("所在城市").fill("大阪");
  await page.getByLabel("世界500强").check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);
  await expect(page.getByRole("heading", { name: companyName })).toBeVisible();

  // a project for it
  await page.getByRole("link", { name: "新建项目" }).click();
  await expect(page).toHaveURL(/\/projects\/new\?companyId=\d+$/);
  await expect(page.getByRole("heading", { name: "新建项目" })).toBeVisible();
  await page.getByLabel("项目名称").fill(projectName);
  await expect(page.getByLabel("投资方企业")).toHaveValue(companyName);
  await page.getByLabel("项目类型").selectOption({ label: "新设" });
  await page.getByLabel("线索来源").selectOption({ label: "驻点招商" });
  await page.getByLabel("总投资（万美元）").fill("3500");
  await page.getByLabel("合同外资（万美元）").fill("2000.5");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  await expect(page.getByRole("heading", { name: projectName })).toBeVisible();
  await expect(page.getByText("3,500.00 万美元")).toBeVisible();
  const projectUrl = page.url();

  // 洽谈, an activity that plans the next follow-up, 签约
  await openStageForm(page);
  await page.getByLabel("目标阶段").selectOption({ label: "洽谈" });
  await page.getByRole("button", { name: "变更阶段" }).click();
  await expect(page.getByLabel("阶段时间线")).toContainText("线索 → 洽谈");

  // 添加活动记录 is open at the top of the page
  await expect(page.getByRole("heading", { name: "添加活动记录" })).toBeVisible();
  await page.getByLabel("活动类型").selectOption({ label: "拜访" });
  await page.getByLabel("参与人员").fill("李招商、王局长");
  await page.getByLabel("地点").fill("日本大阪");
  await page.getByLabel("纪要").fill("拜访总部，确认投资意向");
  await page.getByLabel("下一步").fill("提交项目建议书");
  await page.getByLabel("下次跟进日期").fill(nextMonth);
  await page.getByRole("button", { name: "添加记录" }).click();
  await expect(page.getByLabel("活动时间线")).toContainText("拜访总部，确认投资意向");
  const facts = page.getByLabel("项目信息");
  await expect(facts).toContainText(nextMonth);
  await expect(facts).toContainText("提交项目建议书");
  // the form is empty again for the next visit
  await expect(page.getByLabel("纪要")).toHaveValue("");

  await openStageForm(page);
  await page.getByLabel("目标阶段").selectOption({ label: "签约" });
  await page.getByRole("button", { name: "变更阶段" }).click();
  await expect(page.getByLabel("签约甄别")).toContainText("待甄别");
  await expect(page.getByRole("button", { name: "甄别通过" })).toHaveCount(0);

  // the leader verifies and the funnel counts it
  await leader.goto(projectUrl);
  leader.once("dialog", (dialog) => dialog.accept());
  await leader.getByRole("button", { name: "甄别通过" }).click();
  await expect(leader.getByLabel("签约甄别")).toContainText("已甄别");
  expect(await signedCount(leader)).toBe(signedBefore + 1);

  // another unit's officer cannot open it
  const other = await pageAs("officer2");
  const response = await other.goto(projectUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test.describe("signed in as an officer", () => {
  test.use({ storageState: sessionOf("officer") });

  test("going back a stage without 说明 shows the error at the field and changes nothing", async ({ page }) => {
    // a company of its own to name as 投资方企业
    const company = `退回测试企业${suffix}`;
    await newCompany(page, company);
    await page.goto("/projects");
    await page.getByRole("link", { name: "新建项目" }).click();
    await expect(page).toHaveURL(/\/projects\/new$/);
    await expect(page.getByRole("heading", { name: "新建项目" })).toBeVisible();
    const name = `退回测试${suffix}`;
    await page.getByLabel("项目名称").fill(name);
    await page.getByLabel("投资方企业").fill(company);
    await page.getByLabel("项目类型").selectOption({ label: "增资" });
    await page.getByLabel("总投资（万美元）").fill("100");
    await page.getByLabel("合同外资（万美元）").fill("200");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("合同外资不能大于总投资")).toBeVisible();
    await page.getByLabel("合同外资（万美元）").fill("80");
    await expect(page.getByText("合同外资不能大于总投资")).toHaveCount(0);
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/projects\/\d+$/);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const projectUrl = page.url();
    await openStageForm(page);
    await page.getByLabel("目标阶段").selectOption({ label: "接洽" });
    await page.getByRole("button", { name: "变更阶段" }).click();
    await expect(page.getByLabel("阶段时间线")).toContainText("线索 → 接洽");
    await openStageForm(page);
    await page.getByLabel("目标阶段").selectOption({ label: "线索" });
    await page.getByRole("button", { name: "变更阶段" }).click();
    // the stage change's own page shows the form with the message and the input kept
    await expect(page).toHaveURL(/\/projects\/\d+\/stage$/);
    await expect(page.getByText("退回到之前的阶段需要填写说明")).toBeVisible();
    await expect(page.getByLabel("目标阶段")).toHaveValue("lead");
    await page.goto(projectUrl);
    await expect(page.getByLabel("阶段时间线").getByRole("listitem")).toHaveCount(2);
  });
});
