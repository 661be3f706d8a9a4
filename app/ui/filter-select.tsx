/** A list filter: a labelled select posting `name` in a GET form, with an empty choice for 全部. */
export function FilterSelect({
  name,
  label,
  options,
  value,
  emptyLabel = "全部",
}: {
  name: string;
  label: string;
  options: readonly { value: string | number; label: string }[];
  value: string | number | null | undefined;
  /** null: no empty choice */
  emptyLabel?: string | null;
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value == null ? "" : String(value)}>
        {emptyLabel === null ? null : <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
