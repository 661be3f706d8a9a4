import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUsers } from "../admin/users.server";
import { ROLE_LABELS } from "../auth/permissions";
import { requirePermission } from "../auth/session.server";
import { formatDateTime } from "../lib/dates";
import { useClientLinks } from "../ui/client-links";

export const meta: MetaFunction = () => [{ title: "用户 · 系统管理" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  return json({ users: listUsers(user) });
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const followLink = useClientLinks();
  return (
    <section className="card" aria-labelledby="users-title">
      <div className="page-head">
        <h2 id="users-title">用户</h2>
        <Link to="/admin/users/new" className="button primary">
          新建用户
        </Link>
      </div>
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
      <table className="data cards" onClick={followLink} aria-label="用户列表">
        <thead>
          <tr>
            <th>用户名</th>
            <th>姓名</th>
            <th>角色</th>
            <th>所属单位</th>
            <th>最近登录</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <a href={`/admin/users/${user.id}`}>{user.username}</a>
              </td>
              <td data-label="姓名">{user.displayName}</td>
              <td data-label="角色">{ROLE_LABELS[user.role]}</td>
              <td data-label="所属单位">{user.unitName}</td>
              <td data-label="最近登录">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : <span className="muted">从未登录</span>}</td>
              <td data-label="状态">
                {user.active ? "在用" : <span className="muted">已停用</span>}
                {user.locked ? <span className="badge danger">已锁定</span> : null}
                {user.mustChangePassword && user.active ? <span className="badge pending">待改密码</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
