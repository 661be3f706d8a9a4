import { useLocation } from "@remix-run/react";
import { CURSOR_PARAMS } from "../lib/paging";

/**
 * 导出Excel: downloads every row of the list as it is filtered now (the page's own search params,
 * minus the page number and cursor). A plain link: the browser downloads the file, no client navigation.
 */
export function ExportLink({ to, label = "导出Excel" }: { to: string; label?: string }) {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  for (const name of ["page", ...CURSOR_PARAMS]) params.delete(name);
  const query = params.toString();
  return (
    <a className="button export-link" href={query ? `${to}?${query}` : to} download>
      {label}
    </a>
  );
}
