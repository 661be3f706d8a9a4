import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { OneTimePassword } from "../admin/one-time-password";
import { UserForm } from "../admin/user-form";
import { editUserSchema, userActionSchema } from "../admin/user.schema";
import { getUser, resetPassword, setUserActive, unlockUser, updateUser, userFormOptions } from "../admin/users.server";
import { ROLE_LABELS } from "../auth/permissions";
import { requirePermission } from "../auth/session.server";
import { formatDateTime } from "../lib/dates";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { idParam } from "../lib/params";
import { ConfirmButton, ConfirmPage, confirmationQuery, type Confirmation } from "../ui/confirm";
import type { FormFeedback } from "../ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.username ?? "用户"} · 系统管理` }];

/** What 停用 and 重置密码 ask before they take effect (in the dialog and on the confirmation page). */
const ACCOUNT_QUESTIONS = {
  deactivate: (username: string) => `停用 ${username}？该用户的登录会立即退出。`,
  resetPassword: (username: string) => `为 ${username} 生成新的一次性密码？原密码立即失效。`,
} as const;

/** The user's page; with `?intent=deactivate|resetPassword&version=…` (its buttons without JavaScript) the confirmation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "admin:system");
  const id = idParam(params.id);
  const asked = confirmationQuery(request, ["deactivate", "resetPassword"] as const);
  return load(() => {
    const user = getUser(actor, id);
    const self = actor.id === id;
    // 停用 is offered only for another user still active
    const allowed = asked && (asked.intent === "resetPassword" || (user.active && !self));
    const who = `${user.displayName}（${user.username}）`;
    const confirmation: Confirmation | null =
      asked && allowed
        ? {
            question: asked.intent === "deactivate" ? `确定停用「${who}」？` : `确定为「${who}」重置密码？`,
            detail:
              asked.intent === "deactivate"
                ? "停用后该用户的登录立即全部退出，不能再登录；之后可以启用，但需重新登录。"
                : "将生成新的一次性密码并只显示一次，原密码立即失效，该用户的登录全部退出。",
            action: `/admin/users/${id}`,
            fields: { intent: asked.intent, version: asked.version ?? String(user.version) },
            label: asked.intent === "deactivate" ? "停用" : "重置密码",
            back: `/admin/users/${id}`,
            tone: asked.intent === "deactivate" ? "danger" : "primary",
          }
        : null;
    return json({ user, ...userFormOptions(actor), self, confirmation });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "admin:system");
  const id = idParam(params.id);
  const formData = await readFormData(request);
  formData.set("id", String(id));
  return act(async () => {
    if (formData.get("intent") === "edit") {
      updateUser({ actor, data: parseForm(editUserSchema, formData) });
      return json({ ok: true as const, done: "已保存", oneTimePassword: null });
    }
    const { intent, version } = parseForm(userActionSchema, formData);
    switch (intent) {
      case "deactivate":
      case "activate":
        setUserActive({ actor, id, version, active: intent === "activate" });
        return json({ ok: true as const, done: intent === "activate" ? "已启用" : "已停用，该用户的登录已全部退出", oneTimePassword: null });
      case "resetPassword":
        return json({ ok: true as const, done: "密码已重置，该用户的登录已全部退出", oneTimePassword: await resetPassword({ actor, id, version }) });
      case "unlock": {
        const cleared = unlockUser({ actor, id });
        return json({ ok: true as const, done: `已解锁（清除 ${cleared} 次失败登录）`, oneTimePassword: null });
      }
    }
  }, formData);
}

/** 启用 and 解锁 take effect at once; 停用 and 重置密码 ask first (ConfirmButton). */
function UserAction({ intent, version, label }: { intent: string; version: number; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="secondary">
        {label}
      </button>
    </Form>
  );
}

export default function UserPage() {
  const { user, units, roles, self, confirmation } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const failure = feedback && !feedback.ok ? (feedback as FormFeedback) : null;
  const editFailure = failure?.values?.intent === "edit" ? failure : null;
  if (confirmation) return <ConfirmPage confirmation={confirmation} />;
  const accountAction = `/admin/users/${user.id}`;
  return (
    <section className="card" aria-labelledby="user-title">
      <p>
        <Link to="/admin/users">← 返回用户列表</Link>
      </p>
      <h2 id="user-title">
        {user.displayName}（{user.username}）
      </h2>
      <p className="muted">
        {ROLE_LABELS[user.role]} · {user.unitName} · {user.active ? "在用" : "已停用"}
        {user.locked ? " · 登录已锁定" : ""} · 最近登录：{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "从未登录"}
      </p>
      {feedback?.ok ? (
        feedback.oneTimePassword ? (
          <OneTimePassword username={user.username} password={feedback.oneTimePassword} />
        ) : (
          <p className="success" role="status">
            {feedback.done}
          </p>
        )
      ) : null}
      {failure && !editFailure ? (
        <p className="form-error" role="alert">
          {failure.formError}
        </p>
      ) : null}
      <h3>资料与角色</h3>
      <UserForm key={user.version} user={user} units={units} roles={roles} feedback={editFailure} />
      <h3>账号操作</h3>
      <div className="form-actions">
        {user.active ? (
          self ? null : (
            <ConfirmButton
              action={accountAction}
              fields={{ intent: "deactivate", version: user.version }}
              label="停用"
              question={ACCOUNT_QUESTIONS.deactivate(user.username)}
              className="danger"
            />
          )
        ) : (
          <UserAction intent="activate" version={user.version} label="启用" />
        )}
        <ConfirmButton
          action={accountAction}
          fields={{ intent: "resetPassword", version: user.version }}
          label="重置密码"
          question={ACCOUNT_QUESTIONS.resetPassword(user.username)}
        />
        {user.locked ? <UserAction intent="unlock" version={user.version} label="解锁登录" /> : null}
      </div>
    </section>
  );
}
