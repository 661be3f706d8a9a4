import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { attemptLogin } from "../auth/login.server";
import { loginSchema } from "../auth/login.schema";
import { getSessionUser, safeRedirect, startSession } from "../auth/session.server";
import { readFormData } from "../lib/form.server";
import { storageFailure } from "../lib/http.server";

export const meta: MetaFunction = () => [{ title: "登录 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) return redirect("/");
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return json({ error: parsed.error.issues[0]?.message ?? "请输入用户名和密码", username: String(formData.get("username") ?? "") }, { status: 400 });
  }
  const address = typeof context.clientAddress === "string" ? context.clientAddress : "unknown";
  try {
    const result = await attemptLogin({ ...parsed.data, address });
    if (!result.ok) return json({ error: result.message, username: parsed.data.username }, { status: 400 });
    return await startSession(result.userId, result.mustChangePassword ? "/password" : safeRedirect(parsed.data.redirectTo), request);
  } catch (error) {
    // signing in writes (attempts, session): a full, read-only or busy database is said at the form, not a 500
    const failure = storageFailure(error);
    if (!failure) throw error;
    return json({ error: failure.message, username: parsed.data.username }, { status: 503 });
  }
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
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the sign-in page has one task, and typing starts in 用户名 */}
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
