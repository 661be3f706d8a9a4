import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { changeOwnPassword } from "../admin/users.server";
import { changePasswordSchema, MIN_PASSWORD_LENGTH } from "../auth/password-policy";
import { currentSessionId, requireUser } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";
import { FormErrorBanner, TextField, useValidatedForm } from "../ui/form";

export const meta: MetaFunction = () => [{ title: "修改密码 · 招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ username: user.username, mustChangePassword: user.mustChangePassword });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  formData.set("username", user.username);
  return act(async () => {
    await changeOwnPassword({ actor: user, data: parseForm(changePasswordSchema, formData), sessionId: await currentSessionId(request) });
    return json({ ok: true as const, formError: null });
  }, formData);
}

export default function ChangePassword() {
  const { username, mustChangePassword } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const form = useValidatedForm(changePasswordSchema, { username }, feedback && !feedback.ok ? feedback : null);
  if (feedback?.ok) {
    return (
      <div className="card narrow">
        <h1>修改密码</h1>
        <p className="success" role="status">
          密码已修改。您在其他设备上的登录已退出。
        </p>
        <p>
          <Link to="/" className="button">
            返回工作台
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="card narrow">
      <h1>修改密码</h1>
      {mustChangePassword ? <p className="notice">您正在使用系统管理员给的一次性密码，请先设置自己的密码再继续使用。</p> : null}
      <Form method="post" onSubmit={form.onSubmit} noValidate className="stack">
        <input type="hidden" name="username" value={username} />
        <FormErrorBanner form={form} />
        <TextField
          form={form}
          name="currentPassword"
          label={mustChangePassword ? "一次性密码" : "当前密码"}
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          form={form}
          name="newPassword"
          label="新密码"
          type="password"
          autoComplete="new-password"
          required
          hint={`至少 ${MIN_PASSWORD_LENGTH} 个字符，不能是用户名或常见密码`}
        />
        <TextField form={form} name="confirmPassword" label="确认新密码" type="password" autoComplete="new-password" required />
        <div className="form-actions">
          <button type="submit" className="primary">
            修改密码
          </button>
        </div>
      </Form>
    </div>
  );
}
