/**
 * Calling route loaders and actions as the browser does: a real session cookie (startSession), a
 * form-encoded POST, and the answer whether the route returned or threw it.
 */
import type { Actor } from "../../app/auth/permissions";
import { startSession } from "../../app/auth/session.server";

export async function cookieOf(actor: Actor): Promise<string> {
  const response = await startSession(actor.id, "/", new Request("http://localhost/login"));
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

export async function postAs(actor: Actor, path: string, form: Record<string, string>): Promise<Request> {
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: await cookieOf(actor) }, body: new URLSearchParams(form) });
}

export async function getAs(actor: Actor, path: string): Promise<Request> {
  return new Request(`http://localhost${path}`, { headers: { Cookie: await cookieOf(actor) } });
}

/** What a loader or action answered, returned or thrown. */
export async function answer(run: () => Promise<unknown>): Promise<Response> {
  try {
    return (await run()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** What a route module exports as its loader or action. */
export type RouteFunction = (args: ReturnType<typeof routeArgs>) => unknown;

/** A request with no session cookie at all. */
export function anonymous(path: string, form?: Record<string, string>): Request {
  return form ? new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(form) }) : new Request(`http://localhost${path}`);
}

/** A route's answer as a Response: plain data (a loader returning null, say) is a 200 with that data as JSON. */
async function asResponse(run: () => unknown): Promise<Response> {
  const answered: unknown = await answer(async () => run());
  return answered instanceof Response
    ? answered
    : new Response(JSON.stringify(answered ?? null), { status: 200, headers: { "Content-Type": "application/json" } });
}

/** GET `path` through `loader` as `actor` (null: signed out), the answer returned or thrown. */
export async function loadAs(actor: Actor | null, loader: RouteFunction, path: string, params: Record<string, string> = {}): Promise<Response> {
  const request = actor ? await getAs(actor, path) : anonymous(path);
  return asResponse(() => loader(routeArgs(request, params)));
}

/** POST `form` to `path` through `action` as `actor` (null: signed out), the answer returned or thrown. */
export async function submitAs(
  actor: Actor | null,
  action: RouteFunction,
  path: string,
  form: Record<string, string>,
  params: Record<string, string> = {},
): Promise<Response> {
  const request = actor ? await postAs(actor, path, form) : anonymous(path, form);
  return asResponse(() => action(routeArgs(request, params)));
}

/** What act() answers a form it refuses (400 invalid, 409 stale): the Chinese messages and the input kept. */
export interface RefusedForm {
  ok: false;
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: Record<string, string>;
}

/** The body of a refused form, after checking the status it came with. */
export async function refusal(response: Response, status: 400 | 409): Promise<RefusedForm> {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  return (await response.json()) as RefusedForm;
}

/** Where a redirect leads (the status must be a redirect). */
export function locationOf(response: Response): string {
  if (response.status < 300 || response.status >= 400) throw new Error(`expected a redirect, got ${response.status}`);
  return response.headers.get("Location") ?? "";
}
