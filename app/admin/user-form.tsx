import { Form } from "@remix-run/react";
import { FormErrorBanner, SelectField, TextField, useValidatedForm, type FormFeedback, type Option } from "../ui/form";
import { editUserSchema, newUserSchema } from "./user.schema";

/** 新建用户 / 编辑用户: the username is fixed once made (sign-in history and audit refer to it). */
export function UserForm({
  user,
  units,
  roles,
  feedback,
}: {
  user?: { id: number; version: number; username: string; displayName: string; role: string; unitId: number };
  units: readonly { id: number; name: string }[];
  roles: readonly Option[];
  feedback: FormFeedback | null;
}) {
  const form = useValidatedForm(user ? editUserSchema : newUserSchema, user ? { ...user } : {}, feedback);
  return (
    <Form method="post" onSubmit={form.onSubmit} noValidate>
      {user ? (
        <>
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
        </>
      ) : null}
      <FormErrorBanner form={form} />
      <div className="form-grid">
        {user ? (
          <div className="field">
            <span className="label">用户名</span>
            <p>{user.username}</p>
          </div>
        ) : (
          <TextField form={form} name="username" label="用户名" required autoComplete="off" hint="登录用，字母、数字和 . _ -，建好后不能修改" />
        )}
        <TextField form={form} name="displayName" label="姓名" required />
        <SelectField form={form} name="role" label="角色" required placeholder="请选择" options={roles} />
        <SelectField
          form={form}
          name="unitId"
          label="所属单位"
          required
          placeholder="请选择"
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {user ? "保存" : "新建用户"}
        </button>
      </div>
    </Form>
  );
}
