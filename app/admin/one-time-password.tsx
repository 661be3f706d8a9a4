/** A one-time password, shown once after 新建用户 or 重置密码; only its hash is kept. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <div className="success" role="status">
      <p>
        用户 <strong>{username}</strong> 的一次性密码（只显示这一次，请当面或电话告知本人）：
      </p>
      <p>
        <code className="one-time-password">{password}</code>
      </p>
      <p>本人用它登录后必须立即设置自己的密码。</p>
    </div>
  );
}
