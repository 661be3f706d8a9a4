import { useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

/** Where the header shows its items in a row; below it they fold behind 菜单 (app.css uses the same width). */
const WIDE_SCREEN = "(min-width: 761px)";

/**
 * The header's navigation and user box. On a phone they fold behind a 菜单 button: a `<details>`,
 * so it opens without scripts and by keyboard. On wider screens the CSS shows the contents of the
 * closed `<details>` (`::details-content`) and hides the button.
 */
export function MainMenu({ children }: { children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (!menu.current) return;
    // the layout stays mounted across client-side navigation: fold the menu once the page changes;
    // a browser without ::details-content can only show the items on a wide screen by opening it
    menu.current.open = window.matchMedia(WIDE_SCREEN).matches && !CSS.supports("selector(::details-content)");
  }, [pathname, search]);
  return (
    <details ref={menu} className="main-menu">
      <summary>菜单</summary>
      <div className="main-menu-items">{children}</div>
    </details>
  );
}
