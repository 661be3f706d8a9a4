import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/session.server";

/** Any unknown path: signed-in users get the 404 page inside the layout. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response("Not found", { status: 404 });
}

export async function action({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
