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
