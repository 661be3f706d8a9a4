import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { OneTimePassword } from "../admin/one-time-password";
import { UserForm } from "../admin/user-form";
import { newUserSchema } from "../admin/user.schema";
import { createUser, userFormOptions } from "../admin/users.server";
import { requirePermission } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";

export const meta: MetaFunction = () => [{ title: "新建用户 · 系统管理" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  return json(userFormOptions(user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin:system");
  const formData = await readFormData(request);
  return act(async () => {
    const data = parseForm(newUserSchema, formData);
    const created = await createUser({ actor: user, data });
    return json({ ok: true as const, id: created.id, username: data.username, oneTimePassword: created.oneTimePassword });
  }, formData);
}

export default function NewUser() {
  const { units, roles } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <section className="card" aria-labelledby="new-user-title">
      <p>
        <Link to="/admin/users">← 返回用户列表</Link>
      </p>
      <h2 id="new-user-title">新建用户</h2>
      {feedback?.ok ? (
        <>
          <OneTimePassword username={feedback.username} password={feedback.oneTimePassword} />
          <p className="form-actions">
            <Link to={`/admin/users/${feedback.id}`} className="button">
              查看该用户
            </Link>
            <Link to="/admin/users/new" reloadDocument className="button">
              继续新建
            </Link>
          </p>
        </>
      ) : (
        <UserForm units={units} roles={roles} feedback={feedback ?? null} />
      )}
    </section>
  );
}
