import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getSessionUser } from "./auth/session.server";
import { ROLE_LABELS, type Role } from "./auth/permissions";
import { useNonce } from "./lib/nonce";
import { useClientLinks } from "./ui/client-links";
import { MainMenu } from "./ui/main-menu";
import { isCurrentSection, navigationFor } from "./ui/navigation";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  // public/: the app's icon (favicon.svg is the drawing; the .ico and PNGs are renderings of it)
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
];

export const meta: MetaFunction = () => [{ title: "招商引资管理系统" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return json({ user });
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const { pathname } = useLocation();
  const printView = useMatches().some((match) => (match.handle as { printView?: boolean } | undefined)?.printView);
  const followLink = useClientLinks();
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className={printView ? "print-view" : undefined}>
        {printView ? null : (
          <header className="app-header">
            <Link to="/" className="brand">
              招商引资管理系统
            </Link>
            {user ? (
              <MainMenu>
                {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- clicks of the links inside, Enter on a link included (client-links.ts) */}
                <nav aria-label="主导航" className="main-nav" onClick={followLink}>
                  {(user.mustChangePassword ? [] : navigationFor(user.role as Role)).map((item) => (
                    <a key={item.to} href={item.to} aria-current={isCurrentSection(item.to, pathname) ? "page" : undefined}>
                      {item.label}
                    </a>
                  ))}
                </nav>
                {user.mustChangePassword ? null : (
                  <form method="get" action="/search" role="search" className="header-search">
                    <label htmlFor="header-search-q" className="sr-only">
                      全站搜索
                    </label>
                    <input id="header-search-q" name="q" type="search" placeholder="搜索企业、项目、政策" />
                  </form>
                )}
                <div className="user-box">
                  <span>
                    {user.displayName}（{ROLE_LABELS[user.role as Role]} · {user.unitName}）
                  </span>
                  <a href="/password">修改密码</a>
                  <Form method="post" action="/logout">
                    <button type="submit" className="link-button">
                      退出登录
                    </button>
                  </Form>
                </div>
              </MainMenu>
            ) : null}
          </header>
        )}
        <main className="app-main">{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_TEXT: Record<number, { title: string; detail: string }> = {
  400: { title: "请求无效", detail: "提交的内容无法处理，请返回后重试。" },
  403: { title: "没有权限", detail: "您的角色不能访问此页面或执行此操作。" },
  404: { title: "页面不存在", detail: "您要找的页面或记录不存在，或您无权查看。" },
  405: { title: "不支持的操作", detail: "此页面不支持该操作。" },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // 503: a full, read-only or busy database; the message (app/lib/http.server.ts) says which
  const storage = status === 503 && isRouteErrorResponse(error) && typeof error.data === "string" ? { title: "暂时无法完成", detail: error.data } : null;
  const text = storage ?? ERROR_TEXT[status] ?? { title: "系统出错了", detail: "处理您的请求时发生错误，已记录。请稍后重试，或联系系统管理员。" };
  return (
    <section className="error-page" role="alert">
      <p className="error-code">{status}</p>
      <h1>{text.title}</h1>
      <p>{text.detail}</p>
      <p className="actions">
        <Link to="/" className="button">
          返回工作台
        </Link>
      </p>
    </section>
  );
}
