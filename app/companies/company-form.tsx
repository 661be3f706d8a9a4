import { Form, useNavigation } from "@remix-run/react";
import { CheckboxField, FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { companySchema } from "./company.schema";
import { REGIONS } from "./regions";

const regionOptions = REGIONS.map(([code, label]) => ({ value: code, label }));

/** 企业 create/edit form with the DESIGN.md §6 labels. */
export function CompanyForm({
  defaults,
  feedback,
  hidden,
  children,
}: {
  defaults: Record<string, string | number | boolean | null>;
  feedback?: FormFeedback | null;
  hidden?: Record<string, string | number>;
  children?: React.ReactNode;
}) {
  const form = useValidatedForm(companySchema, defaults, feedback);
  const navigation = useNavigation();
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="name" label="企业名称" required />
        <TextField form={form} name="foreignName" label="外文名称" />
        <TextField form={form} name="uscc" label="统一社会信用代码" hint="18位，选填；填写时按 GB 32100 校验" />
        <SelectField form={form} name="country" label="国别/地区" options={regionOptions} placeholder="请选择" required />
        <TextField form={form} name="city" label="所在城市" />
        <TextField form={form} name="industry" label="所属行业" />
        <CheckboxField form={form} name="isFortune500" label="世界500强" />
        <CheckboxField form={form} name="isChainLeader" label="链主企业" />
        <CheckboxField form={form} name="isExistingInvestor" label="存量外资企业" />
        <TextAreaField form={form} name="description" label="企业简介" rows={4} />
      </div>
      {children}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          保存
        </button>
      </div>
    </Form>
  );
}
