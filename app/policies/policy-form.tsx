import { Form } from "@remix-run/react";
import { FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { POLICY_LEVEL_LABELS, POLICY_LEVELS } from "./labels";
import { policySchema } from "./policy.schema";

type Defaults = Record<string, string | number | boolean | null | undefined>;

/** 新建/编辑政策 (administrators). */
export function PolicyForm({ defaults, feedback, version }: { defaults: Defaults; feedback: FormFeedback | null; version?: number }) {
  const form = useValidatedForm(policySchema, defaults, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="title" label="标题" required />
        <TextField form={form} name="docNumber" label="文号" placeholder="如 浙政办发〔2023〕22号" />
        <TextField form={form} name="issuer" label="发文机关" />
        <SelectField
          form={form}
          name="level"
          label="层级"
          required
          placeholder="请选择"
          options={POLICY_LEVELS.map((level) => ({ value: level, label: POLICY_LEVEL_LABELS[level] }))}
        />
        <TextField form={form} name="issuedOn" label="发文日期" type="date" />
        <TextField form={form} name="effectiveFrom" label="生效日期" type="date" />
        <TextField form={form} name="effectiveTo" label="失效日期" type="date" hint="过了失效日期，政策自动显示为失效" />
        <TextField form={form} name="repealedOn" label="废止日期" type="date" />
        <TextField form={form} name="url" label="链接" />
        <TextAreaField form={form} name="summary" label="摘要" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          保存
        </button>
      </div>
    </Form>
  );
}
