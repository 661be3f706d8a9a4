import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requirePermission } from "../auth/session.server";

/** 系统管理 (DESIGN.md §11): one heading and a tab per part; each part checks permission itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:system");
  return null;
}

const ADMIN_TABS = [
  { to: "/admin", label: "概况与回收站", end: true },
  { to: "/admin/users", label: "用户" },
  { to: "/admin/units", label: "单位" },
  { to: "/admin/channels", label: "线索来源" },
  { to: "/admin/log", label: "操作日志" },
] as const;

export default function AdminLayout() {
  return (
    <>
      <h1>系统管理</h1>
      <nav aria-label="系统管理" className="tabs">
        {ADMIN_TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={"end" in tab ? tab.end : false}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
