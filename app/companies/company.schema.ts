import { z } from "zod";
import { checkbox, optionalText, requiredId, requiredText, versionField } from "../lib/form";
import { REGION_CODES } from "./regions";
import { normalizeUscc, usccProblem, usccProblemMessages } from "./uscc";

/** The company form (企业), shared by the browser and the server. */
export const companySchema = z.object({
  name: requiredText("请输入企业名称", 200, "企业名称"),
  foreignName: optionalText(200, "外文名称"),
  uscc: z.preprocess(
    (value) => (value == null ? "" : value),
    z
      .string({ error: "统一社会信用代码应为文字" })
      .transform((text) => normalizeUscc(text))
      .superRefine((code, ctx) => {
        if (code === "") return;
        const problem = usccProblem(code);
        if (problem) ctx.addIssue({ code: "custom", message: usccProblemMessages[problem] });
      })
      .transform((code) => (code === "" ? null : code)),
  ),
  country: z.preprocess(
    (value) => (value == null ? "" : value),
    z.string({ error: "请选择国别/地区" }).refine((code) => REGION_CODES.includes(code), "请选择国别/地区"),
  ),
  city: optionalText(100, "所在城市"),
  industry: optionalText(100, "所属行业"),
  isFortune500: checkbox,
  isChainLeader: checkbox,
  isExistingInvestor: checkbox,
  description: optionalText(4000, "企业简介"),
});
export type CompanyInput = z.output<typeof companySchema>;

/** 新建企业 posts the company and, after the duplicate warning, 仍然创建 (confirmDuplicate). */
export const newCompanySchema = companySchema.extend({ confirmDuplicate: checkbox });

/** 编辑企业: as 新建, with the version the page read. */
export const companyEditSchema = newCompanySchema.extend({ version: versionField });

/** 删除 a company as the page showed it. */
export const companyDeletionSchema = z.object({ version: versionField });

export const contactSchema = z.object({
  name: requiredText("请输入联系人姓名", 100, "姓名"),
  title: optionalText(100, "职务"),
  phone: z.preprocess(
    (value) => (value == null ? "" : value),
    z
      .string({ error: "电话格式不正确" })
      .trim()
      .refine((text) => text === "" || /^[+\d][\d\s\-()]{4,30}$/.test(text), "电话格式不正确")
      .transform((text) => (text === "" ? null : text)),
  ),
  email: z.preprocess(
    (value) => (value == null ? "" : value),
    z
      .string({ error: "邮箱格式不正确" })
      .trim()
      .refine((text) => text === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text), "邮箱格式不正确")
      .transform((text) => (text === "" ? null : text)),
  ),
  language: optionalText(50, "沟通语言"),
  note: optionalText(1000, "备注"),
});
export type ContactInput = z.output<typeof contactSchema>;

/** 编辑 a contact as the page read it. */
export const contactEditSchema = contactSchema.extend({ contactId: requiredId("联系人无效"), version: versionField });

/** 删除 a contact (its own confirmation page) as the page read it. */
export const contactRemovalSchema = z.object({ version: versionField });
