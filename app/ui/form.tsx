/**
 * Forms that work without JavaScript (plain Remix <Form> posts, server validation, input echoed
 * back) and better with it (react-hook-form validating with the same zod schema before posting).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useId, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

export interface FormFeedback {
  ok?: boolean;
  fieldErrors?: Record<string, string>;
  formError?: string | null;
  values?: Record<string, string>;
}

/** An action's answer on a page with several forms, each posting its own hidden `intent`. */
export type IntentFeedback = (FormFeedback & { intent?: string }) | undefined;

/** The failed answer meant for the form posting `intent`, or null. */
export function feedbackFor(feedback: IntentFeedback, intent: string): FormFeedback | null {
  if (!feedback || feedback.ok) return null;
  return feedback.values?.intent === intent ? feedback : null;
}

/**
 * The names a form's fields may post: its schema's input keys (for a union such as 甄别's, every
 * member's), so a misspelt field name fails the type check instead of posting nothing.
 */
export type FieldNameOf<S extends z.ZodType> = KeysOf<z.input<S>>;
type KeysOf<T> = T extends unknown ? Extract<keyof T, string> : never;

/** A form bound to its schema; `Name` is the schema's field names (FieldNameOf). */
export interface ValidatedForm<Name extends string = string> {
  rhf: UseFormReturn<FieldValues>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  errorOf: (name: Name) => string | undefined;
  defaultOf: (name: Name) => string | boolean | undefined;
  formError: string | null;
}

type Defaults<Name extends string> = Partial<Record<Name, string | number | boolean | null | undefined>>;

function asInputValue(value: unknown): string | boolean | undefined {
  if (value == null) return undefined;
  if (typeof value === "boolean") return value;
  return String(value);
}

/**
 * Binds a form to its schema. `feedback` is the action's answer (errors and the echoed input).
 * With `confirm`, the browser asks that question before posting (a form of an irreversible action).
 */
export function useValidatedForm<S extends z.ZodType>(
  schema: S,
  defaults: Defaults<FieldNameOf<S>>,
  feedback?: FormFeedback | null,
  options: { confirm?: string } = {},
): ValidatedForm<FieldNameOf<S>> {
  const submit = useSubmit();
  const echoed = feedback?.values;
  const given: Partial<Record<string, string | number | boolean | null | undefined>> = defaults;
  const defaultOf = (name: string) => asInputValue(echoed && name in echoed ? echoed[name] : given[name]);
  const initial: Record<string, string | boolean> = {};
  for (const key of new Set([...Object.keys(defaults), ...Object.keys(echoed ?? {})])) {
    const value = defaultOf(key);
    if (value !== undefined) initial[key] = value;
  }
  const rhf = useForm<FieldValues>({
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    resolver: zodResolver(schema as any),
    // Errors appear on submit and clear as the user types. Validating on blur would insert error
    // lines while the pointer is on its way to 保存, moving the button away from the click.
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: initial,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    // What was typed before the page finished loading never reached react-hook-form: take the
    // form's own values, so the browser validates exactly what will be posted.
    // A checkbox with its own value belongs to a group (CheckboxGroup): the group's value is the list of checked values.
    const groups = new Map<string, string[]>();
    for (const element of Array.from(formElement.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
      if (!element.name || (element instanceof HTMLInputElement && element.type === "hidden")) continue;
      if (element instanceof HTMLInputElement && element.type === "checkbox" && element.value !== "on") {
        const checked = groups.get(element.name) ?? [];
        if (element.checked) checked.push(element.value);
        groups.set(element.name, checked);
        continue;
      }
      const value = element instanceof HTMLInputElement && element.type === "checkbox" ? element.checked : element.value;
      rhf.setValue(element.name, value);
    }
    for (const [name, checked] of groups) rhf.setValue(name, checked);
    rhf.handleSubmit(() => {
      if (options.confirm && !window.confirm(options.confirm)) return;
      submit(formElement, { method: "post" });
    })(event);
  };
  const errorOf = (name: string) => {
    const clientError = rhf.formState.errors[name]?.message;
    if (typeof clientError === "string") return clientError;
    return feedback?.fieldErrors?.[name];
  };
  return { rhf, onSubmit, errorOf, defaultOf, formError: feedback?.formError ?? null };
}

interface FieldProps<Name extends string> {
  form: ValidatedForm<Name>;
  /** one of the form's schema fields (checked against the schema by the type checker) */
  name: NoInfer<Name>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
}

function FieldShell({
  id,
  label,
  error,
  hint,
  required,
  children,
  className,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field${error ? " has-error" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? <p className="field-hint">{hint}</p> : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField<Name extends string>({
  form,
  name,
  label,
  hint,
  required,
  type = "text",
  ...rest
}: FieldProps<Name> & {
  type?: string;
  placeholder?: string;
  inputMode?: "decimal" | "numeric" | "text";
  list?: string;
  max?: string;
  autoComplete?: string;
  onInput?: (event: FormEvent<HTMLInputElement>) => void;
}) {
  const id = useId();
  const error = form.errorOf(name);
  const value = form.defaultOf(name);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required}>
      <input
        id={id}
        type={type}
        {...form.rhf.register(name)}
        defaultValue={typeof value === "string" ? value : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...rest}
      />
    </FieldShell>
  );
}

export function TextAreaField<Name extends string>({ form, name, label, hint, required, rows = 3 }: FieldProps<Name> & { rows?: number }) {
  const id = useId();
  const error = form.errorOf(name);
  const value = form.defaultOf(name);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required} className="wide">
      <textarea
        id={id}
        rows={rows}
        {...form.rhf.register(name)}
        defaultValue={typeof value === "string" ? value : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string | number;
  label: string;
}

export function SelectField<Name extends string>({
  form,
  name,
  label,
  hint,
  required,
  options,
  placeholder,
}: FieldProps<Name> & { options: readonly Option[]; placeholder?: string }) {
  const id = useId();
  const error = form.errorOf(name);
  const value = form.defaultOf(name);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required}>
      <select
        id={id}
        {...form.rhf.register(name)}
        defaultValue={typeof value === "string" ? value : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField<Name extends string>({ form, name, label }: Omit<FieldProps<Name>, "required" | "hint">) {
  const id = useId();
  const value = form.defaultOf(name);
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" {...form.rhf.register(name)} defaultChecked={value === true || value === "on" || value === "true"} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * A field the form posts without showing (the record's id, the `version` the page read): its name is
 * checked against the schema like any other. The value is the page's, not the echoed input, so a
 * form answered 409 posts the version the reloaded page shows.
 */
export function HiddenField<Name extends string>({ name, value }: { form: ValidatedForm<Name>; name: NoInfer<Name>; value: string | number }) {
  return <input type="hidden" name={name} value={String(value)} />;
}

export function FormErrorBanner({ form }: { form: Pick<ValidatedForm, "formError"> }) {
  if (!form.formError) return null;
  return (
    <p className="form-error" role="alert">
      {form.formError}
    </p>
  );
}

/** A group of checkboxes posting the checked values under one name (e.g. 重点国别). */
export function CheckboxGroup<Name extends string>({
  form,
  name,
  label,
  options,
  checked,
}: {
  form: ValidatedForm<Name>;
  name: NoInfer<Name>;
  label: string;
  options: readonly Option[];
  checked: readonly (string | number)[];
}) {
  const error = form.errorOf(name);
  const chosen = new Set(checked.map(String));
  return (
    <fieldset className={`field wide checkbox-group${error ? " has-error" : ""}`}>
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="checkbox" name={name} value={String(option.value)} defaultChecked={chosen.has(String(option.value))} /> {option.label}
        </label>
      ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
