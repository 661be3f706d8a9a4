/** A numeric route id, or a 404 for anything else. */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,12}$/.test(value)) throw new Response("Not found", { status: 404 });
  return Number(value);
}

/** Reads an optional positive integer search param. */
export function intParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  return value && /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}

/** Reads a search param that must be one of `allowed`. */
export function enumParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = params.get(name);
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The current page's query with `name` set to `value` (a 查看更早的… link keeps the page's other parameters). */
export function withParam(params: URLSearchParams, name: string, value: string | number): string {
  const next = new URLSearchParams(params);
  next.set(name, String(value));
  return `?${next}`;
}
