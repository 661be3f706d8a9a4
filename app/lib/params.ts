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

/**
 * A list that a page shows in steps (查看更早的…): how many rows its `?name=` asks for, at least `step`,
 * and the link to `step` more — keeping the page's other parameters and landing on `lastAnchor`, the
 * last row shown — or null when nothing is left to show.
 */
export function shownInSteps(params: URLSearchParams, name: string, step: number) {
  const shown = Math.max(step, intParam(params, name) ?? 0);
  return {
    shown,
    moreHref(hasMore: boolean, lastAnchor: string | undefined): string | null {
      if (!hasMore || !lastAnchor) return null;
      const next = new URLSearchParams(params);
      next.set(name, String(shown + step));
      return `?${next}#${lastAnchor}`;
    },
  };
}
