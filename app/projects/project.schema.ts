import { z } from "zod";
import {
  optionalCount,
  optionalDate,
  optionalDecimal,
  optionalId,
  optionalText,
  requiredDate,
  requiredId,
  requiredText,
  versionField,
  requiredWanAmount,
  wanAmount,
} from "../lib/form";
import { PRIORITIES, PROJECT_TYPES, STAGES, STATUSES } from "./stages";

/** The project form (招商项目), shared by the browser and the server. Amounts are typed in 万. */
export const projectSchema = z
  .object({
    name: requiredText("请输入项目名称", 200, "项目名称"),
    companyId: optionalId("投资方企业"),
    companyName: requiredText("请选择投资方企业", 200, "投资方企业"),
    projectType: z.enum(PROJECT_TYPES, { error: "请选择项目类型" }),
    channelId: optionalId("线索来源"),
    ownerId: requiredId("请选择负责人"),
    unitId: requiredId("请选择负责单位"),
    parkId: optionalId("落地载体"),
    totalInvestmentUsd: requiredWanAmount("总投资（万美元）"),
    contractedFdiUsd: requiredWanAmount("合同外资（万美元）"),
    fixedAssetInvestmentCny: wanAmount("固定资产投资（万元）"),
    landMu: optionalDecimal("用地（亩）"),
    expectedJobs: optionalCount("预计就业人数"),
    expectedAnnualTaxCny: wanAmount("预计年税收（万元）"),
    priority: z.enum(PRIORITIES, { error: "请选择优先级" }),
    nextFollowUpOn: optionalDate("下次跟进日期"),
    nextFollowUpItem: optionalText(500, "下次跟进事项"),
    description: optionalText(4000, "项目简介"),
  })
  .superRefine((data, ctx) => {
    if (data.contractedFdiUsd != null && data.totalInvestmentUsd != null && data.contractedFdiUsd > data.totalInvestmentUsd) {
      ctx.addIssue({ code: "custom", path: ["contractedFdiUsd"], message: "合同外资不能大于总投资" });
    }
  });
export type ProjectInput = z.output<typeof projectSchema>;

/** 编辑项目: the form as the page read the project (`version`). */
export const projectEditSchema = projectSchema.extend({ version: versionField });

/** Creating also records the date the lead came in (线索日期, may be back-dated). */
export const newProjectSchema = projectSchema.and(z.object({ enteredOn: requiredDate("线索日期", { notAfterToday: true }) }));
export type NewProjectInput = z.output<typeof newProjectSchema>;

export const stageChangeSchema = z.object({
  toStage: z.enum(STAGES, { error: "请选择目标阶段" }),
  occurredOn: requiredDate("发生日期"),
  note: optionalText(1000, "说明"),
  version: versionField,
});

export const statusChangeSchema = z.object({
  status: z.enum(STATUSES, { error: "请选择项目状态" }),
  occurredOn: requiredDate("发生日期", { notAfterToday: true }),
  reason: optionalText(1000, "原因"),
  lostTo: optionalText(200, "流失去向"),
  version: versionField,
});

export const memberSchema = z.object({ userId: requiredId("请选择成员") });

/** 修改线索日期: the date the lead came in, as the page read the project (`version`). */
export const leadDateSchema = z.object({
  enteredOn: requiredDate("线索日期", { notAfterToday: true }),
  version: versionField,
});

/** 移除 a member (the confirmation page and the browser's dialog ask first). */
export const memberRemovalSchema = z.object({ userId: requiredId("成员无效") });

/** 删除 a project, as the page read it. */
export const projectDeletionSchema = z.object({ version: versionField });
