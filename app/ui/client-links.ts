import { useNavigate } from "@remix-run/react";
import type { MouseEvent } from "react";

/**
 * Where many links render on every page (table rows, the main navigation) they are plain
 * `<a href>`: a Remix `<Link>` costs about 20 µs of server rendering each, which on a 20-row list
 * is a sixth of the page's time. This one handler, put on the container, keeps in-app navigation
 * for plain left clicks; modified clicks (new tab, download) behave as the browser decides.
 * Enter on a focused link fires the same click, so the container needs no key handler of its own
 * (which is why each container's jsx-a11y click rules are disabled with a pointer here).
 */
export function useClientLinks() {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as HTMLElement).closest("a");
    const href = anchor?.getAttribute("href");
    if (!anchor || !href?.startsWith("/") || href.startsWith("//") || anchor.target || anchor.hasAttribute("download")) return;
    event.preventDefault();
    navigate(href);
  };
}
