import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { attemptLogin } from "../auth/login.server";
import { getSessionUser, safeRedirect, startSession } from "../auth/session.server";

export const meta: MetaFunction = () => [{ title: "登录 · 招商引资管理系统" }];

const loginSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(100),
  password: z.string().min(1, "请输入密码").max(200),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) return redirect("/");
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return json({ error: parsed.error.issues[0]?.message ?? "请输入用户名和密码", username: String(formData.get("username") ?? "") }, { status: 400 });
  }
  const address = typeof context.clientAddress === "string" ? context.clientAddress : "unknown";
  const result = await attemptLogin({ ...parsed.data, address });
  if (!result.ok) return json({ error: result.message, username: parsed.data.username }, { status: 400 });
  return startSession(result.userId, safeRedirect(parsed.data.redirectTo), request);
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  return (
    <div className="card login-card">
      <h1>登录</h1>
      {params.get("expired") ? <p className="notice">登录已失效，请重新登录。</p> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="username">用户名</label>
          <input id="username" name="username" autoComplete="username" defaultValue={actionData?.username} required autoFocus />
        </div>
        <div className="field" style={{ marginTop: "0.75rem" }}>
          <label htmlFor="password">密码</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {actionData?.error ? (
          <p className="form-error" role="alert" style={{ marginTop: "0.75rem" }}>
            {actionData.error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            登录
          </button>
        </div>
      </Form>
    </div>
  );
}
