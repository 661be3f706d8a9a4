import { can, type Permission, type Role } from "../auth/permissions";

/**
 * Main navigation in the order of DESIGN.md §6; an item shows only to roles that can use it.
 * Screens that do not exist yet are not listed.
 */
const NAV_ITEMS: { label: string; to: string; permission?: Permission }[] = [
  { label: "工作台", to: "/" },
  { label: "企业库", to: "/companies" },
  { label: "招商项目", to: "/projects" },
  { label: "产业链", to: "/chains" },
  { label: "载体平台", to: "/parks" },
  { label: "政策库", to: "/policies" },
  { label: "政策兑现", to: "/commitments" },
  // the figure leaders, staff and admins follow; officers see their projects' arrivals on each project
  { label: "实到外资", to: "/arrivals", permission: "view:cockpit" },
  { label: "领导驾驶舱", to: "/cockpit", permission: "view:cockpit" },
  { label: "月度报告", to: "/reports", permission: "manage:report" },
  { label: "数据导入", to: "/imports", permission: "import:data" },
  { label: "系统管理", to: "/admin", permission: "admin:system" },
];

export function navigationFor(role: Role) {
  return NAV_ITEMS.filter((item) => !item.permission || can(role, item.permission));
}

/** The navigation item a page belongs to: 工作台 only on "/", the others for their whole subtree. */
export function isCurrentSection(itemPath: string, pathname: string): boolean {
  return itemPath === "/" ? pathname === "/" : pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}
