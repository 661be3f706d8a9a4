import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";
import { FormErrorBanner, SelectField, TextAreaField, TextField, useValidatedForm, type FormFeedback } from "../ui/form";
import { newProjectSchema, projectSchema } from "./project.schema";
import { PRIORITIES, PRIORITY_LABELS, PROJECT_TYPE_LABELS, PROJECT_TYPES } from "./stages";

export interface ProjectFormChoices {
  owners: { id: number; displayName: string; unitName: string }[];
  units: { id: number; name: string }[];
  channels: { id: number; name: string }[];
  parks: { id: number; name: string }[];
}

interface CompanySuggestion {
  id: number;
  name: string;
  foreignName: string | null;
}

/** 负责人/负责单位 the user may not change here (DESIGN.md §3): shown, and posted as they are. */
export interface FixedOwner {
  ownerId: number;
  ownerName: string;
  unitId: number;
  unitName: string;
}

const FIXED_OWNER_HINT = "负责人和负责单位只能由本单位招商员或领导变更";

function FixedField({ name, label, value, text }: { name: string; label: string; value: number; text: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} readOnly aria-describedby={`${id}-hint`} />
      <input type="hidden" name={name} value={value} />
      <p className="field-hint" id={`${id}-hint`}>
        {FIXED_OWNER_HINT}
      </p>
    </div>
  );
}

/** 招商项目 create/edit form with the DESIGN.md §6 labels; amounts in 万. */
export function ProjectForm({
  mode,
  defaults,
  choices,
  feedback,
  hidden,
  fixedOwner,
}: {
  mode: "create" | "edit";
  defaults: Record<string, string | number | boolean | null>;
  choices: ProjectFormChoices;
  feedback?: FormFeedback | null;
  hidden?: Record<string, string | number>;
  fixedOwner?: FixedOwner | null;
}) {
  const form = useValidatedForm(mode === "create" ? newProjectSchema : projectSchema, defaults, feedback);
  const navigation = useNavigation();
  const suggestions = useFetcher<{ companies: CompanySuggestion[] }>();
  const [companyId, setCompanyId] = useState(String(form.defaultOf("companyId") ?? ""));
  const found = suggestions.data?.companies ?? [];
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="companyId" value={companyId} />
      <FormErrorBanner form={form} />
      <div className="form-grid">
        <TextField form={form} name="name" label="项目名称" required />
        <TextField
          form={form}
          name="companyName"
          label="投资方企业"
          required
          list="company-suggestions"
          autoComplete="off"
          hint="输入企业名称选择；企业库中没有的请先新建企业"
          onInput={(event) => {
            const text = event.currentTarget.value;
            const match = found.find((company) => company.name === text);
            setCompanyId(match ? String(match.id) : "");
            if (text.trim().length >= 1) suggestions.load(`/companies/suggest?q=${encodeURIComponent(text)}`);
          }}
        />
        <datalist id="company-suggestions">
          {found.map((company) => (
            <option key={company.id} value={company.name}>
              {company.foreignName ?? ""}
            </option>
          ))}
        </datalist>
        <SelectField
          form={form}
          name="projectType"
          label="项目类型"
          required
          options={PROJECT_TYPES.map((type) => ({ value: type, label: PROJECT_TYPE_LABELS[type] }))}
          placeholder="请选择"
        />
        <SelectField
          form={form}
          name="channelId"
          label="线索来源"
          options={choices.channels.map((channel) => ({ value: channel.id, label: channel.name }))}
          placeholder="（未填）"
        />
        {fixedOwner ? (
          <>
            <FixedField name="ownerId" label="负责人" value={fixedOwner.ownerId} text={`${fixedOwner.ownerName}（${fixedOwner.unitName}）`} />
            <FixedField name="unitId" label="负责单位" value={fixedOwner.unitId} text={fixedOwner.unitName} />
          </>
        ) : (
          <>
            <SelectField
              form={form}
              name="ownerId"
              label="负责人"
              required
              options={choices.owners.map((owner) => ({ value: owner.id, label: `${owner.displayName}（${owner.unitName}）` }))}
              placeholder="请选择"
            />
            <SelectField
              form={form}
              name="unitId"
              label="负责单位"
              required
              options={choices.units.map((unit) => ({ value: unit.id, label: unit.name }))}
              placeholder="请选择"
            />
          </>
        )}
        <SelectField
          form={form}
          name="parkId"
          label="落地载体"
          options={choices.parks.map((park) => ({ value: park.id, label: park.name }))}
          placeholder="（未定）"
        />
        <SelectField
          form={form}
          name="priority"
          label="优先级"
          options={PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABELS[priority] }))}
        />
        <TextField form={form} name="totalInvestmentUsd" label="总投资（万美元）" required inputMode="decimal" />
        <TextField form={form} name="contractedFdiUsd" label="合同外资（万美元）" required inputMode="decimal" hint="增资、利润再投资填本次增量" />
        <TextField form={form} name="fixedAssetInvestmentCny" label="固定资产投资（万元）" inputMode="decimal" />
        <TextField form={form} name="landMu" label="用地（亩）" inputMode="decimal" />
        <TextField form={form} name="expectedJobs" label="预计就业人数" inputMode="numeric" />
        <TextField form={form} name="expectedAnnualTaxCny" label="预计年税收（万元）" inputMode="decimal" />
        {mode === "create" ? <TextField form={form} name="enteredOn" label="线索日期" type="date" required /> : null}
        <TextField form={form} name="nextFollowUpOn" label="下次跟进日期" type="date" />
        <TextField form={form} name="nextFollowUpItem" label="下次跟进事项" />
        <TextAreaField form={form} name="description" label="项目简介" rows={3} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          保存
        </button>
      </div>
    </Form>
  );
}
