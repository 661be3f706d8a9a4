import { Form } from "@remix-run/react";
import { REGIONS } from "../companies/regions";
import { CheckboxGroup, FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { PARK_KIND_LABELS, PARK_KINDS } from "./labels";
import { parkSchema } from "./park.schema";

export interface ParkFormDefaults {
  name?: string;
  kind?: string;
  parentId?: number | null;
  focusCountries?: readonly string[];
  focusChainIds?: readonly number[];
  availableLandMu?: number | null;
  standardFactorySqm?: number | null;
  customFactorySqm?: number | null;
  description?: string | null;
}

/** 新建/编辑载体 (administrators). */
export function ParkForm({
  defaults,
  parents,
  chains,
  feedback,
  version,
}: {
  defaults: ParkFormDefaults;
  parents: readonly { id: number; name: string }[];
  chains: readonly { id: number; name: string; systemName: string }[];
  feedback: FormFeedback | null;
  version?: number;
}) {
  const { focusCountries = [], focusChainIds = [], ...scalars } = defaults;
  const form = useValidatedForm(parkSchema, { ...scalars, parentId: scalars.parentId ?? "" }, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="name" label="名称" required />
        <SelectField
          form={form}
          name="kind"
          label="类型"
          required
          placeholder="请选择"
          options={PARK_KINDS.map((kind) => ({ value: kind, label: PARK_KIND_LABELS[kind] }))}
        />
        <SelectField
          form={form}
          name="parentId"
          label="上级载体"
          placeholder="（无）"
          options={parents.map((park) => ({ value: park.id, label: park.name }))}
        />
        <TextField form={form} name="availableLandMu" label="可用土地（亩）" inputMode="decimal" />
        <TextField form={form} name="standardFactorySqm" label="标准厂房（㎡）" inputMode="numeric" />
        <TextField form={form} name="customFactorySqm" label="定制厂房（㎡）" inputMode="numeric" />
        <CheckboxGroup
          form={form}
          name="focusCountries"
          label="重点国别"
          options={REGIONS.filter(([code]) => code !== "CN").map(([value, label]) => ({ value, label }))}
          checked={focusCountries}
        />
        <CheckboxGroup
          form={form}
          name="focusChainIds"
          label="重点产业链"
          options={chains.map((chain) => ({ value: chain.id, label: `${chain.systemName} · ${chain.name}` }))}
          checked={focusChainIds}
        />
        <TextAreaField form={form} name="description" label="简介" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          保存
        </button>
      </div>
    </Form>
  );
}
